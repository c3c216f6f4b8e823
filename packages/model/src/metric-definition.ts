/**
 * What a registered metric is (unit, scope, direction, statistics, daily series, producer) and the
 * helper the registry's lists are written with. The lists are in metrics.ts (patient flow) and
 * metrics-workforce.ts.
 */
import type { MetricStatistic } from './contracts.js';

/** The unit a metric id's suffix names. */
export type MetricUnit = 'share' | 'minutes' | 'hours' | 'days' | 'count' | 'gbp';

/** Where a metric is reported: for the whole system only, per organisation only, or both. */
export type MetricScope = 'ics' | 'organisation' | 'icsAndOrganisation';

/** Which way is better for planners reading the metric. */
export type MetricDirection = 'higherIsBetter' | 'lowerIsBetter' | 'neutral';

/** Which half of the model produces the rows. */
export type MetricProducer = 'flow' | 'workforce';

export interface MetricDefinition<Id extends string = string> {
  /** Registered id, e.g. `ed.fourHourShare`; its suffix names the unit. */
  id: Id;
  /** What exactly is counted or measured, and when. */
  definition: string;
  unit: MetricUnit;
  scope: MetricScope;
  direction: MetricDirection;
  /** Statistics the run summary reports for it (one MetricRow each, per scope). */
  statistics: readonly MetricStatistic[];
  /** Whether the daily series carries it (one DailyRow per day and scope, the day's value). */
  daily: boolean;
  /** Whether patient flow or the workforce model produces it. */
  producer: MetricProducer;
}

const SUFFIX_UNITS: [string, MetricUnit][] = [
  ['Share', 'share'],
  ['Minutes', 'minutes'],
  ['Hours', 'hours'],
  ['Days', 'days'],
  ['Count', 'count'],
  ['Gbp', 'gbp'],
];

/** The unit a metric id's suffix names, or undefined if the suffix is not a registered unit. */
export function unitFromMetricId(id: string): MetricUnit | undefined {
  for (const [suffix, unit] of SUFFIX_UNITS) if (id.endsWith(suffix)) return unit;
  return undefined;
}

/** One registry entry; the id's literal type is kept, so the lists give the `MetricId` union. */
export function m<const Id extends string>(
  id: Id,
  definition: string,
  scope: MetricScope,
  direction: MetricDirection,
  statistics: readonly MetricStatistic[],
  daily: boolean,
  producer: MetricProducer = 'flow',
): MetricDefinition<Id> {
  const unit = unitFromMetricId(id);
  if (unit === undefined) throw new Error(`metric id '${id}' does not end in a unit suffix`);
  return { id, definition, unit, scope, direction, statistics, daily, producer };
}

export const BOTH: MetricScope = 'icsAndOrganisation';
export const LOWER: MetricDirection = 'lowerIsBetter';
export const HIGHER: MetricDirection = 'higherIsBetter';
export const NEUTRAL: MetricDirection = 'neutral';
