/**
 * Warm-up (initial transient) detection with MSER-5 (White 1997, "An effective truncation
 * heuristic for bias reduction in simulation output"; Hoad, Robinson & Davies 2010 found it the
 * most reliable of the automatic methods they compared and recommend running it on the mean of
 * several replications).
 *
 * MSER picks the truncation that minimises the squared standard error of the mean of what is kept,
 * trading the bias an early transient adds against the variance lost by discarding data. Because the
 * statistic divides by (kept)², it is erratic when few observations remain, so the search is limited
 * to the first half of the series: a minimum found at that limit means the run was too short to
 * show the end of the warm-up, and should not be trusted.
 */
import { StatsError } from './errors.js';

/** Observations per batch in MSER-5: White's choice, which smooths the series before the search. */
export const MSER_BATCH_SIZE = 5;
/** With fewer batches than this the statistic is too noisy for its minimum to mean much. */
export const MSER_MIN_RELIABLE_BATCHES = 10;

/** The outcome of MSER-5 on one series of observations (one per period or per entity). */
export interface Mser5Result {
  /** Observations to delete from the start: 5 × the chosen number of batches d. */
  truncationIndex: number;
  /** Complete batches of 5 (an incomplete last batch is dropped). */
  batches: number;
  /** MSER(d) for d = 0 … floor(batches/2), in squared units of the observations. */
  statistic: number[];
  /**
   * False when the chosen d sits at the top of the allowed range (floor(batches/2), so the true
   * warm-up may be longer: run longer) or there are fewer than 10 batches. True otherwise.
   */
  reliable: boolean;
}

function assertFiniteSeries(series: readonly number[], where: string): void {
  series.forEach((x, i) => {
    if (!Number.isFinite(x)) {
      throw new StatsError(`${where}: observation ${i} must be a finite number; got ${String(x)}`);
    }
  });
}

/**
 * MSER-5 truncation point of `series` (observations in time order, finite; any unit). Batches the
 * series into means of 5, and for d = 0 … floor(batches/2) computes
 * MSER(d) = Σ_{j>d} (Y_j − Ȳ_d)² / (batches − d)², where Ȳ_d is the mean of batches d+1 … batches;
 * the first minimum gives d. A non-finite observation throws a StatsError.
 */
export function mser5(series: readonly number[]): Mser5Result {
  assertFiniteSeries(series, 'mser5');
  const batches = Math.floor(series.length / MSER_BATCH_SIZE);
  if (batches === 0) return { truncationIndex: 0, batches: 0, statistic: [], reliable: false };
  const batchMeans: number[] = [];
  for (let j = 0; j < batches; j++) {
    let sum = 0;
    for (let k = 0; k < MSER_BATCH_SIZE; k++) sum += series[j * MSER_BATCH_SIZE + k];
    batchMeans.push(sum / MSER_BATCH_SIZE);
  }
  // Suffix sums of squared deviations by Welford run backwards from the last batch: one pass, no
  // cancellation from Σy² − (Σy)²/n, and a fixed order so the result is reproducible to the bit.
  const maxD = Math.floor(batches / 2);
  const suffixM2 = new Array<number>(batches);
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (let j = batches - 1; j >= 0; j--) {
    count += 1;
    const delta = batchMeans[j] - mean;
    mean += delta / count;
    m2 += delta * (batchMeans[j] - mean);
    suffixM2[j] = m2;
  }
  const statistic: number[] = [];
  let best = 0;
  for (let d = 0; d <= maxD; d++) {
    const kept = batches - d;
    statistic.push(suffixM2[d] / (kept * kept));
    if (statistic[d] < statistic[best]) best = d;
  }
  const atLimit = best === maxD && maxD > 0;
  return {
    truncationIndex: best * MSER_BATCH_SIZE,
    batches,
    statistic,
    reliable: !atLimit && batches >= MSER_MIN_RELIABLE_BATCHES,
  };
}

/** MSER-5 on the element-wise mean of several replications' series. */
export interface Mser5ReplicationsResult extends Mser5Result {
  /** The element-wise mean series the rule was applied to (unit of the observations). */
  meanSeries: number[];
  /** How many replications were averaged. */
  replications: number;
}

/**
 * MSER-5 applied to the element-wise mean across replications (observation i averaged over all
 * replications), which damps the noise that misleads the rule on a single run. Every series must
 * have the same length (the same observation times in each replication) and finite values;
 * otherwise, or with no replications, a StatsError is thrown.
 */
export function mser5Replications(
  seriesByReplication: readonly (readonly number[])[],
): Mser5ReplicationsResult {
  if (seriesByReplication.length === 0) {
    throw new StatsError('mser5Replications: needs at least one replication series; got none');
  }
  const length = seriesByReplication[0].length;
  seriesByReplication.forEach((series, r) => {
    if (series.length !== length) {
      throw new StatsError(
        `mser5Replications: every replication must have the same number of observations; replication 0 has ${length}, replication ${r} has ${series.length}`,
      );
    }
    assertFiniteSeries(series, `mser5Replications (replication ${r})`);
  });
  const meanSeries: number[] = [];
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (const series of seriesByReplication) sum += series[i];
    meanSeries.push(sum / seriesByReplication.length);
  }
  return { ...mser5(meanSeries), meanSeries, replications: seriesByReplication.length };
}
