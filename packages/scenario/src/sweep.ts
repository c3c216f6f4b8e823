/** A sweep declared in a scenario file: a grid of `--set` values, checked at load. */
import type { SystemConfig } from '@carepool/model';
import { clip, ScenarioError, snippet } from './errors.js';
import type { SourceLocation } from './location.js';
import { applyOverrides, type Override, parseOverride } from './overrides.js';
import { formatPath, parsePath } from './paths.js';
import { MAX_SWEEP_POINTS, MAX_SWEEP_VALUES, sweepSchema } from './schema/document.js';
import { locate, type TreeObject } from './source.js';
import type { SweepSpec } from './types.js';

/**
 * Expands ranges and checks a sweep: first the grid's size (cheap: counts only), then that every path
 * resolves and every value applies to the config and validates (one full validation per value).
 */
export function checkSweep(
  tree: TreeObject,
  config: SystemConfig,
  constants: Record<string, number>,
  fallback: SourceLocation,
): SweepSpec {
  const raw = sweepSchema.parse(tree.sweep);
  const parameters = raw.parameters.map((parameter, i) => {
    const base = ['sweep', 'parameters', i];
    const parsedPath = parsePath(parameter.path);
    if (!Array.isArray(parsedPath)) {
      throw new ScenarioError({
        location: locate(tree, [...base, 'path'], fallback),
        fieldPath: `sweep.parameters[${i}].path`,
        problem: `${snippet(parameter.path)}: ${parsedPath.problem} (at character ${parsedPath.errorAt + 1})`,
        expected: 'a path like workforce.staffPools[trustA.wardRn].establishmentWte',
      });
    }
    if (Array.isArray(parameter.values)) return { path: parameter.path, values: parameter.values };
    const { from, to, step } = parameter.values;
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (!(count >= 1) || count > MAX_SWEEP_VALUES) {
      throw new ScenarioError({
        location: locate(tree, [...base, 'values'], fallback),
        fieldPath: `sweep.parameters[${i}].values`,
        problem: `the range gives ${count < 1 ? 'no' : count} values`,
        expected: `from <= to and at most ${MAX_SWEEP_VALUES} values`,
      });
    }
    const values = Array.from({ length: count }, (_, k) =>
      Number.parseFloat((from + k * step).toPrecision(12)),
    );
    return { path: parameter.path, values };
  });
  const points = parameters.reduce((product, p) => product * p.values.length, 1);
  if (points > MAX_SWEEP_POINTS) {
    throw new ScenarioError({
      location: locate(tree, ['sweep'], fallback),
      fieldPath: 'sweep',
      problem: `the grid has ${points} points`,
      expected: `at most ${MAX_SWEEP_POINTS} combinations`,
    });
  }
  parameters.forEach(({ path, values }, i) => {
    const base = ['sweep', 'parameters', i];
    const listed = Array.isArray(raw.parameters[i].values);
    values.forEach((value, j) => {
      const override: Override = {
        path,
        value: typeof value === 'number' ? String(value) : value,
        source: '',
      };
      try {
        parseOverride(`${path}=${override.value}`);
        applyOverrides(config, [override], constants);
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        const where = listed ? [...base, 'values', j] : [...base, 'values'];
        throw new ScenarioError({
          location: locate(tree, where, fallback),
          fieldPath: formatPath(tree, where),
          problem: `${clip(path)} = ${snippet(value)}: ${error.problem}`,
          expected: error.expected,
        });
      }
    });
  });
  return { parameters };
}
