/**
 * The experiment flags' small languages: a metric reference `metric[:statistic][@scope]`,
 * `--precision 'metric=halfWidth'` (absolute in the metric's unit, or `2%` relative to the mean) and
 * `--sweep 'path=v1,v2,v3'`. A malformed one is a usage error naming the flag.
 */
import type { MetricRef, PrecisionTarget, SweepParameterSpec } from '@carepool/experiment';
import { METRICS } from '@carepool/model';
import { NETWORK_METRICS } from '@carepool/network';
import { UsageError } from '../errors.js';

/** Every metric id the care model and the networks report, with their statistics. */
function knownMetric(id: string): { statistics: readonly string[] } | undefined {
  const system = METRICS.find((m) => m.id === id);
  if (system !== undefined) return system;
  // Network runs report every metric as a mean over the run.
  return NETWORK_METRICS.some((m) => m.id === id) ? { statistics: ['mean'] } : undefined;
}

/**
 * `metric[:statistic][@scope]`: the statistic defaults to the metric's first (its headline), the
 * scope to the whole system (`ics`) or network (`network`).
 */
export function parseMetricRef(text: string, flag: string, defaultScope: string): MetricRef {
  const match = /^\s*([A-Za-z][\w.]*)(?::(\w+))?(?:@([\w.:-]+))?\s*$/.exec(text);
  if (match === null) {
    throw new UsageError(`${flag}: '${text}' is not a metric reference; expected metric[:statistic][@scope]`);
  }
  const [, metric, statistic, scope] = match;
  const known = knownMetric(metric);
  if (known === undefined) {
    throw new UsageError(`${flag}: unknown metric '${metric}' (docs/metrics.md lists them)`);
  }
  if (statistic !== undefined && !known.statistics.includes(statistic)) {
    throw new UsageError(
      `${flag}: metric '${metric}' has no statistic '${statistic}'; expected one of ${known.statistics.join(', ')}`,
    );
  }
  return { metric, statistic: statistic ?? known.statistics[0], scope: scope ?? defaultScope };
}

/** `--precision 'ed.fourHourShare=0.005'` (absolute) or `'ed.fourHourShare=2%'` (relative to the mean). */
export function parsePrecision(text: string, defaultScope: string): PrecisionTarget {
  const eq = text.lastIndexOf('=');
  if (eq < 0) {
    throw new UsageError(
      `--precision '${text}': expected metric=halfWidth, e.g. ed.fourHourShare=0.005 or ed.fourHourShare=2%`,
    );
  }
  const ref = parseMetricRef(text.slice(0, eq), '--precision', defaultScope);
  const raw = text.slice(eq + 1).trim();
  const relative = raw.endsWith('%');
  const value = Number(relative ? raw.slice(0, -1) : raw);
  if (raw === '' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(
      `--precision '${text}': the half-width must be a number > 0 (or a percentage such as 2%)`,
    );
  }
  return { ...ref, halfWidth: relative ? value / 100 : value, relative };
}

/** `--sweep 'path=v1,v2,v3'`: one parameter and its values (numbers, or `--set` forms such as +10%). */
export function parseSweep(text: string): SweepParameterSpec {
  const eq = text.indexOf('=');
  const path = text.slice(0, eq).trim();
  const values = text
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim());
  if (eq <= 0 || values.some((v) => v === '')) {
    throw new UsageError(`--sweep '${text}': expected path=value1,value2,... (e.g. durationDays=90,180)`);
  }
  return { path, values: values.map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)) };
}

/** `--confidence`: a level in (0.5, 1), e.g. 0.95 or 95%. */
export function parseConfidence(raw: string | undefined): number {
  if (raw === undefined) return 0.95;
  const percent = raw.trim().endsWith('%');
  const value = Number(percent ? raw.trim().slice(0, -1) : raw) / (percent ? 100 : 1);
  if (!(value > 0.5 && value < 1)) {
    throw new UsageError(`--confidence must be between 0.5 and 1 (e.g. 0.95 or 95%); got '${raw}'`);
  }
  return value;
}
