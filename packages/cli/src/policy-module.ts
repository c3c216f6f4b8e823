/**
 * `--policy-module ./my-policy.js`: a researcher's own deployment policy, loaded from a JavaScript or
 * TypeScript module named on the command line (never from a scenario file, which may come from
 * someone else: loading code is the user's explicit choice).
 *
 * The module exports, as `default` or as `policy` / `createPolicy`, either a `DeploymentPolicy`
 * object or a function `(config: SystemConfig) => DeploymentPolicy` called once per replication.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeploymentPolicy, PolicyDecision, SystemConfig } from '@carepool/model';
import { CliError } from './errors.js';

/** Makes a fresh policy for each replication (a module's policy object is shared). */
export type PolicyFactory = (config: SystemConfig) => DeploymentPolicy;

export async function loadPolicyModule(path: string, cwd: string): Promise<PolicyFactory> {
  const file = resolve(cwd, path);
  if (!existsSync(file)) throw new CliError(`policy module '${path}' not found (looked for ${file})`);
  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const hint = /\.[cm]?ts$/.test(file)
      ? ' (TypeScript modules need carepool run through tsx, as `pnpm carepool` does)'
      : '';
    throw new CliError(`cannot load policy module '${path}': ${firstLine(error)}${hint}`);
  }
  const candidate = exports.default ?? exports.policy ?? exports.createPolicy;
  if (typeof candidate === 'function') {
    const factory = candidate as (config: SystemConfig) => unknown;
    return (config) => {
      let made: unknown;
      try {
        made = factory(config);
      } catch (error) {
        throw new CliError(`policy module '${path}' failed to create its policy: ${firstLine(error)}`);
      }
      return guarded(checkPolicy(made, path), path);
    };
  }
  const policy = guarded(checkPolicy(candidate, path), path);
  return () => policy;
}

/**
 * The policy, with its failures attributed to the module: an exception in `decide`, or a decision
 * that is not `{ moves: [], systemBankFills: [] }`, stops the run with one line naming the module
 * (rather than surfacing deep inside the model as an internal error).
 */
function guarded(policy: DeploymentPolicy, path: string): DeploymentPolicy {
  return {
    id: policy.id,
    description: policy.description,
    decide(snapshot) {
      let decision: PolicyDecision;
      try {
        decision = policy.decide(snapshot);
      } catch (error) {
        throw new CliError(
          `policy '${policy.id}' from '${path}' threw on day ${snapshot.day}: ${firstLine(error)}`,
        );
      }
      if (!Array.isArray(decision?.moves) || !Array.isArray(decision?.systemBankFills)) {
        throw new CliError(
          `policy '${policy.id}' from '${path}' returned ${JSON.stringify(decision) ?? 'undefined'} on day ${snapshot.day}; ` +
            'expected { moves: [...], systemBankFills: [...] }',
        );
      }
      return decision;
    },
  };
}

function checkPolicy(value: unknown, path: string): DeploymentPolicy {
  const p = value as Partial<DeploymentPolicy> | undefined;
  if (p === undefined || p === null || typeof p.id !== 'string' || typeof p.decide !== 'function') {
    throw new CliError(
      `policy module '${path}' must export (as default, 'policy' or 'createPolicy') a DeploymentPolicy ` +
        `{ id, description, decide(snapshot) } or a function (config) => DeploymentPolicy`,
    );
  }
  return p as DeploymentPolicy;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
