/**
 * `--policy-module ./my-policy.js`: a researcher's own deployment policy, loaded from a JavaScript or
 * TypeScript module named on the command line (never from a scenario file, which may come from
 * someone else: loading code is the user's explicit choice).
 *
 * The module should export, as `default`, `policy` or `createPolicy`, a factory
 * `(config: SystemConfig) => DeploymentPolicy`, called once per replication so each replication
 * starts from a fresh policy. A plain `DeploymentPolicy` object is accepted too, but it is one object
 * shared by every replication (state it keeps carries over from one to the next), so loading one
 * warns once.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeploymentPolicy, PolicyDecision, SystemConfig } from '@carepool/model';
import { CliError } from './errors.js';

/** Makes a fresh policy for each replication (a module's policy object is shared). */
export type PolicyFactory = (config: SystemConfig) => DeploymentPolicy;

/** What a policy module gave. */
export interface LoadedPolicyModule {
  factory: PolicyFactory;
  /** True when the module exported one policy object rather than a factory: every replication shares it. */
  sharedObject: boolean;
}

const EXPORT_NAMES = ['default', 'policy', 'createPolicy'] as const;

/** Imports a JavaScript module, or a TypeScript one through tsx (carepool itself runs compiled JavaScript). */
async function importModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  if (!/\.[cm]?ts$/.test(file)) return (await import(url)) as Record<string, unknown>;
  const { tsImport } = await import('tsx/esm/api');
  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}

export async function loadPolicyModule(path: string, cwd: string): Promise<LoadedPolicyModule> {
  const file = resolve(cwd, path);
  if (!existsSync(file)) throw new CliError(`policy module '${path}' not found (looked for ${file})`);
  let exports: Record<string, unknown>;
  try {
    exports = await importModule(file);
  } catch (error) {
    throw new CliError(`cannot load policy module '${path}': ${firstLine(error)}`);
  }
  const name = EXPORT_NAMES.find((n) => exports[n] !== undefined);
  if (name === undefined) {
    const names = Object.keys(exports);
    throw new CliError(
      `policy module '${path}' exports no default, 'policy' or 'createPolicy' (it exports: ${names.length > 0 ? names.join(', ') : 'nothing'}); ` +
        'expected a factory (config) => DeploymentPolicy',
    );
  }
  const candidate = exports[name];
  if (typeof candidate === 'function') {
    const factory = candidate as (config: SystemConfig) => unknown;
    return {
      sharedObject: false,
      factory: (config) => {
        let made: unknown;
        try {
          made = factory(config);
        } catch (error) {
          throw new CliError(`policy module '${path}' failed to create its policy: ${firstLine(error)}`);
        }
        return guarded(checkPolicy(made, path, `its ${name} export returned`), path);
      },
    };
  }
  if (typeof candidate !== 'object' || candidate === null) {
    throw new CliError(
      `policy module '${path}' exports ${describe(candidate)} as ${name}; expected a DeploymentPolicy ` +
        '{ id, description, decide(snapshot) } or a factory (config) => DeploymentPolicy',
    );
  }
  const policy = guarded(checkPolicy(candidate, path, `its ${name} export is`), path);
  return { sharedObject: true, factory: () => policy };
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
      const problem =
        typeof decision !== 'object' || decision === null
          ? `returned ${describe(decision)}`
          : !Array.isArray(decision.moves)
            ? `returned a decision whose 'moves' is ${describe(decision.moves)}`
            : !Array.isArray(decision.systemBankFills)
              ? `returned a decision whose 'systemBankFills' is ${describe(decision.systemBankFills)}`
              : undefined;
      if (problem !== undefined) {
        throw new CliError(
          `policy '${policy.id}' from '${path}' ${problem} on day ${snapshot.day}; ` +
            'expected { moves: [...], systemBankFills: [...] }',
        );
      }
      return decision;
    },
  };
}

/** Checks the fields of a policy object, naming the first one that is wrong. */
function checkPolicy(value: unknown, path: string, what: string): DeploymentPolicy {
  if (typeof value !== 'object' || value === null) {
    throw new CliError(
      `policy module '${path}': ${what} ${describe(value)}; expected a DeploymentPolicy { id, description, decide(snapshot) }`,
    );
  }
  const p = value as Record<string, unknown>;
  if (typeof p.id !== 'string' || p.id === '') {
    throw new CliError(`policy module '${path}': the policy's 'id' is ${describe(p.id)}; expected text`);
  }
  if (typeof p.decide !== 'function') {
    throw new CliError(
      `policy module '${path}': policy '${p.id}' has 'decide' ${describe(p.decide)}; expected a function decide(snapshot)`,
    );
  }
  if (p.description !== undefined && typeof p.description !== 'string') {
    throw new CliError(
      `policy module '${path}': policy '${p.id}' has 'description' ${describe(p.description)}; expected text`,
    );
  }
  return p as unknown as DeploymentPolicy;
}

/** A short description of a value for an error message. */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined (missing)';
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
