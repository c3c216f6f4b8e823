export type { ReportHeadline } from './answer.js';
export {
  type ArmInfo,
  type DailyRecord,
  type DifferenceRecord,
  type HistogramRecord,
  type ReadOptions,
  ReportError,
  type ResultsFolder,
  readResultsFolder,
  type SummaryRecord,
} from './read-results.js';
export { type ReportOptions, reportHtml, writeReport } from './render.js';
