/**
 * `--warmup auto`: a pilot of the baseline arm from an empty-ish start (no warm-up, the whole run
 * length reported), then MSER-5 (White 1997) on the replication-averaged daily series of the
 * system's stocks — patients in ED, bed occupancy, patients with no criteria to reside, packages
 * waiting. The longest truncation point over those series becomes the fixed warm-up of the real run.
 * A scenario whose demand grows has no steady state to warm up to, so it is refused.
 */
import { mser5Replications, replicate } from '@carepool/experiment';
import type { SystemConfig } from '@carepool/model';
import { type CareArmConfig, careModel } from '../care-model.js';
import { CliError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { BuiltArms } from './arms.js';

/** The stocks whose settling defines the warm-up (ICS-wide daily values). */
export const WARMUP_SERIES = [
  'ed.patientsInDepartmentCount',
  'beds.occupancyShare',
  'nctr.patientsCount',
  'carePackage.waitingCount',
] as const;

/** Pilot replications averaged before MSER-5 is applied (Hoad et al. recommend averaging a few). */
export const PILOT_REPLICATIONS = 5;

export async function autoWarmup(
  built: BuiltArms,
  seed: number | string,
  io: CliIo,
  quiet: boolean,
): Promise<{ days: number; detail: Record<string, unknown> }> {
  const baseline = built.arms[0].config;
  if (baseline.kind !== 'system') {
    throw new CliError('--warmup auto applies to system scenarios; give a network scenario --warmup-days');
  }
  const growth = growingDemand(baseline.config);
  if (growth !== undefined) {
    throw new CliError(
      `--warmup auto: '${built.scenarios[0].given}' has growing demand (${growth}), so it has no steady state for ` +
        'MSER-5 to find; give the warm-up yourself with --warmup-days',
    );
  }
  const pilotDays = baseline.config.warmupDays + baseline.config.durationDays;
  const config: SystemConfig = { ...baseline.config, warmupDays: 0, durationDays: pilotDays };
  if (!quiet) io.stderr(`warm-up: MSER-5 pilot, ${PILOT_REPLICATIONS} replications of ${pilotDays} days…\n`);
  const pilot = await replicate<CareArmConfig>({
    arms: [{ ...built.arms[0], config: { ...baseline, config } }],
    seed,
    replications: PILOT_REPLICATIONS,
    model: careModel,
    keepSeries: true,
  });
  const series = pilot.accumulators[0].series;
  const found = WARMUP_SERIES.flatMap((metric) => {
    const k = series[0]?.keys.findIndex((key) => key.metric === metric && key.scope === 'ics') ?? -1;
    if (k < 0) return [];
    const days = series[0].days;
    const byReplication = series.map((s) => Array.from({ length: days }, (_, d) => s.values[k * days + d]));
    if (byReplication.some((values) => values.some((x) => !Number.isFinite(x)))) return [];
    const r = mser5Replications(byReplication);
    return [{ metric, truncationDays: r.truncationIndex, reliable: r.reliable }];
  });
  if (found.length === 0)
    throw new CliError('--warmup auto: the pilot reported none of the daily series it needs');
  const days = Math.max(...found.map((f) => f.truncationDays));
  if (!quiet) {
    const unreliable = found.filter((f) => !f.reliable).map((f) => f.metric);
    io.stderr(
      `warm-up: ${days} days (MSER-5, longest over ${found.map((f) => f.metric).join(', ')})` +
        (unreliable.length > 0
          ? `; not settled within the pilot for ${unreliable.join(', ')}: consider a longer run`
          : '') +
        '\n',
    );
  }
  return {
    days,
    detail: { pilotReplications: PILOT_REPLICATIONS, pilotDays, batchDays: 5, series: found },
  };
}

/** The first demand with a non-zero annual growth, as `path = value`; undefined when there is none. */
function growingDemand(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = growingDemand(value[i], `${path}[${(value[i] as { id?: string })?.id ?? i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    const at = path === '' ? k : `${path}.${k}`;
    if (k === 'annualGrowthShare' && typeof v === 'number' && v !== 0) return `${at} = ${v}`;
    const found = growingDemand(v, at);
    if (found !== undefined) return found;
  }
  return undefined;
}
