export type { DailyMoments, MergedHistogram } from './accumulate.js';
export { ArmAccumulator } from './accumulate.js';
export type { AnalysisOptions, DifferenceRow, SummaryRow, Verdict } from './analysis.js';
export { differenceRows, MULTIPLE_COMPARISONS, summaryRows } from './analysis.js';
export { resultFromRecords } from './fold.js';
export type { MetricRef } from './metric-values.js';
export { metricRefs, metricValues } from './metric-values.js';
export type { PrecisionRule, PrecisionTarget, TargetStatus } from './precision-rule.js';
export { precisionStatus } from './precision-rule.js';
export { decodeRecord, decodeRecords, encodeRecord, RECORD_FORMAT } from './records.js';
export type { ReplicateOptions } from './replicate.js';
export { replicate } from './replicate.js';
export type { ReplicateResult } from './result.js';
export type { MeanInterval, PairedDifference } from './stats/intervals.js';
export { holmAdjust, meanInterval, pairedDifference, replicationsForHalfWidth } from './stats/intervals.js';
export { studentTQuantile } from './stats/student-t.js';
export type { Mser5ReplicationsResult, Mser5Result } from './stats/warmup.js';
export { mser5, mser5Replications } from './stats/warmup.js';
export type { SweepMode, SweepParameterSpec, SweepPoint } from './sweep.js';
export { expandSweep, MAX_SWEEP_POINTS, sweepPointCount } from './sweep.js';
export {
  csvCell,
  csvLine,
  dailyCsv,
  differencesCsv,
  HEADERS,
  histogramsCsv,
  resultsCsv,
  seriesCsv,
  summaryCsv,
} from './tables.js';
export type {
  Arm,
  ArmFailure,
  DailySeries,
  Direction,
  HistogramValue,
  MetricValue,
  ModelFunction,
  ReplicationOutput,
  ReplicationRecord,
  SeriesKey,
} from './types.js';
export { armId, ExperimentError, metricKey } from './types.js';
