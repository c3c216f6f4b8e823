/**
 * From the command line to the experiment's arms: the base scenario and each variant file, each
 * sweep point, each policy. Every arm's configuration goes through the scenario loader (so a policy
 * or sweep value is validated like any `--set`, and lands in the scenario hash).
 */
import { basename, extname } from 'node:path';
import {
  type Arm,
  armId,
  expandSweep,
  MAX_SWEEP_POINTS,
  type SweepMode,
  type SweepParameterSpec,
  sweepPointCount,
} from '@carepool/experiment';
import { POLICY_IDS } from '@carepool/model';
import { type LoadedScenario, loadScenario } from '@carepool/scenario';
import type { CareArmConfig } from '../care-model.js';
import { UsageError } from '../errors.js';
import { scenarioOptions } from '../scenario-access.js';

export interface ArmInputs {
  /** The base scenario: as given, and resolved against the working directory. */
  scenario: { given: string; file: string };
  variants: { given: string; file: string }[];
  /** `--policies`; undefined: the default for the command. */
  policies?: string[];
  /** When no policies are given: every built-in one (compare on one scenario) or each scenario's own. */
  defaultPolicies: 'all' | 'own';
  /** A researcher's policy module, absolute path, and the id its policy reports. */
  policyModule?: { file: string; policyId: string };
  overrides: string[];
  /** `--warmup-days`: replaces the scenario's warm-up (hours × 24 on a network scenario). */
  warmupDays?: number;
  /** `--sweep` parameters; undefined: the scenario's own `sweep:` block, if any. */
  sweep?: SweepParameterSpec[];
  sweepMode: SweepMode;
  /** Whether to expand the sweep (run and compare without a sweep ignore it, and say so). */
  runSweep: boolean;
  /** `carepool sweep`: a scenario without a sweep and no --sweep is a usage error. */
  requireSweep?: boolean;
}

export interface BuiltArms {
  kind: 'system' | 'network';
  arms: Arm<CareArmConfig>[];
  /** Each scenario as loaded with the common overrides (no policy or sweep point): base first. */
  scenarios: { name: string; given: string; loaded: LoadedScenario }[];
  /** The loaded scenario behind each arm (same order as arms). */
  armScenarios: LoadedScenario[];
  /** The sweep that was run (undefined: none). */
  sweep?: { parameters: SweepParameterSpec[]; mode: SweepMode; points: number };
}

/** The overrides every arm shares: the user's `--set`s, then the warm-up flag. */
export function commonOverrides(inputs: ArmInputs, kind: 'system' | 'network'): string[] {
  if (inputs.warmupDays === undefined) return inputs.overrides;
  const warmup =
    kind === 'system' ? `warmupDays=${inputs.warmupDays}` : `warmupHours=${inputs.warmupDays * 24}`;
  return [...inputs.overrides, warmup];
}

export function buildArms(inputs: ArmInputs): BuiltArms {
  const first = loadScenario(inputs.scenario.file, scenarioOptions(inputs.overrides));
  const kind = first.kind;
  const overrides = commonOverrides(inputs, kind);
  const load = (file: string, extra: string[] = []) =>
    loadScenario(file, scenarioOptions([...overrides, ...extra]));
  const scenarios = loadScenarios(inputs, kind, load);
  checkPolicies(inputs, kind);
  const sweep = sweepPoints(inputs, first);
  const arms: Arm<CareArmConfig>[] = [];
  const armScenarios: LoadedScenario[] = [];
  for (const s of scenarios) {
    for (const point of sweep.points) {
      for (const policy of policiesFor(inputs, s.loaded)) {
        const extra = [...point.overrides, ...(policy.setting ? [`workforce.policy=${policy.setting}`] : [])];
        const loaded = extra.length === 0 ? s.loaded : load(s.loaded.file, extra);
        armScenarios.push(loaded);
        arms.push(arm(s.name, point.id, policy, loaded));
      }
    }
  }
  const ids = new Set<string>();
  for (const a of arms) {
    if (ids.has(a.id))
      throw new UsageError(`two arms would both be called '${a.id}': a policy is listed twice`);
    ids.add(a.id);
  }
  return {
    kind,
    arms,
    scenarios,
    armScenarios,
    ...(sweep.parameters !== undefined
      ? { sweep: { parameters: sweep.parameters, mode: inputs.sweepMode, points: sweep.points.length } }
      : {}),
  };
}

type Policy = { id: string; setting?: string; module?: string };

function arm(
  variant: string,
  sweepPoint: string,
  policy: Policy,
  loaded: LoadedScenario,
): Arm<CareArmConfig> {
  return {
    id: armId(variant, policy.id, sweepPoint),
    scenario: loaded.config.name,
    variant,
    sweepPoint,
    policy: policy.id,
    config:
      loaded.kind === 'network'
        ? { kind: 'network', config: loaded.config }
        : {
            kind: 'system',
            config: loaded.config,
            ...(policy.module !== undefined ? { policyModule: policy.module } : {}),
          },
  };
}

/** The base scenario and each variant file, with the common overrides: all of one kind, distinctly named. */
function loadScenarios(
  inputs: ArmInputs,
  kind: LoadedScenario['kind'],
  load: (file: string) => LoadedScenario,
): BuiltArms['scenarios'] {
  const scenarios = [{ name: 'base', given: inputs.scenario.given, loaded: load(inputs.scenario.file) }];
  for (const v of inputs.variants) {
    const name = basename(v.file, extname(v.file));
    if (name === 'base' || scenarios.some((s) => s.name === name)) {
      throw new UsageError(`two scenarios would both be called '${name}': give variant files distinct names`);
    }
    const loaded = load(v.file);
    if (loaded.kind !== kind) {
      throw new UsageError(
        `'${v.given}' is a ${loaded.kind} scenario but '${inputs.scenario.given}' is a ${kind} one`,
      );
    }
    scenarios.push({ name, given: v.given, loaded });
  }
  return scenarios;
}

/** `--policies` and `--policy-module`: only on system scenarios, built-in ids, none twice. */
function checkPolicies(inputs: ArmInputs, kind: LoadedScenario['kind']): void {
  if (kind === 'network' && (inputs.policies !== undefined || inputs.policyModule !== undefined)) {
    throw new UsageError(
      `'${inputs.scenario.given}' is a network scenario: it has no deployment policy to choose`,
    );
  }
  for (const p of inputs.policies ?? []) {
    if (!(POLICY_IDS as readonly string[]).includes(p)) {
      throw new UsageError(
        `--policies: '${p}' is not a built-in policy; expected some of ${POLICY_IDS.join(', ')}`,
      );
    }
  }
  if (inputs.policies !== undefined && new Set(inputs.policies).size !== inputs.policies.length) {
    throw new UsageError('--policies lists a policy twice');
  }
}

/** The sweep's points (the base alone without a sweep), and its parameters when a sweep runs. */
function sweepPoints(
  inputs: ArmInputs,
  first: LoadedScenario,
): { parameters?: SweepParameterSpec[]; points: { id: string; overrides: string[] }[] } {
  const sweepParameters =
    inputs.sweep ?? (first.kind === 'system' && inputs.runSweep ? first.sweep?.parameters : undefined);
  if (sweepParameters !== undefined && first.kind === 'network') {
    throw new UsageError('sweeps apply to system scenarios only');
  }
  const sweepOn = inputs.runSweep && sweepParameters !== undefined && sweepParameters.length > 0;
  for (const p of sweepOn ? sweepParameters! : []) {
    // Totals over runs of different lengths (and windows on different dates) are not comparable.
    if (/^(durationDays|durationHours|warmupDays|warmupHours|startDate)$/.test(p.path)) {
      throw new UsageError(
        `--sweep: '${p.path}' changes the period measured, so the points' totals and seasons would not be comparable; ` +
          'sweep a model input instead (run lengths and warm-ups are set with --set and --warmup-days)',
      );
    }
  }
  if (inputs.requireSweep && !sweepOn) {
    throw new UsageError(
      `there is no sweep to run: '${inputs.scenario.given}' declares no sweep: block; give --sweep 'path=v1,v2'`,
    );
  }
  if (!sweepOn) return { points: [{ id: 'base', overrides: [] }] };
  const count = sweepPointCount(sweepParameters!, inputs.sweepMode);
  if (count > MAX_SWEEP_POINTS) {
    throw new UsageError(`the sweep has ${count} points; at most ${MAX_SWEEP_POINTS} are allowed`);
  }
  return { parameters: sweepParameters!, points: expandSweep(sweepParameters!, inputs.sweepMode) };
}

/** The policies one scenario runs under: id shown, the `workforce.policy` to set (if any), a module (if any). */
function policiesFor(inputs: ArmInputs, scenario: LoadedScenario): Policy[] {
  if (scenario.kind === 'network') return [{ id: 'none' }];
  const listed =
    inputs.policies ??
    (inputs.policyModule !== undefined ? [] : inputs.defaultPolicies === 'all' ? [...POLICY_IDS] : undefined);
  const policies: Policy[] =
    listed === undefined
      ? [{ id: scenario.config.workforce.policy }]
      : listed.map((p) => ({ id: p, ...(p !== scenario.config.workforce.policy ? { setting: p } : {}) }));
  if (inputs.policyModule !== undefined) {
    policies.push({ id: inputs.policyModule.policyId, module: inputs.policyModule.file });
  }
  return policies;
}
