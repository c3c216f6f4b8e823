/**
 * Per-replication records as one line of text each, exactly: a journal of finished replications
 * (so an interrupted run resumes) and a shard's output (so shards merge into what one run writes)
 * are both made of these lines. Numbers round-trip bit for bit: finite values in JSON's shortest
 * round-trip form, non-finite ones as strings, daily series as the bytes of a Float64Array.
 */
import type { DailySeries, HistogramValue, MetricValue, ReplicationRecord } from './types.js';

/** Bumped when the line format changes; a reader refuses other versions. */
export const RECORD_FORMAT = 1;

type Num = number | 'NaN' | 'Infinity' | '-Infinity';

const encodeNumber = (x: number): Num => (Number.isFinite(x) ? x : (String(x) as Num));
const decodeNumber = (x: Num): number => (typeof x === 'number' ? x : Number(x));

interface RecordLine {
  v: number;
  arm: number;
  replication: number;
  eventsExecuted: number;
  wallSeconds: number;
  metrics: [string, string, string, Num][];
  daily?: { keys: [string, string][]; days: number; dates: string[]; values: string };
  histograms?: [string, string, number, number[]][];
}

/** One record as one line of JSON (no newline inside). */
export function encodeRecord(record: ReplicationRecord): string {
  const line: RecordLine = {
    v: RECORD_FORMAT,
    arm: record.arm,
    replication: record.replication,
    eventsExecuted: record.eventsExecuted ?? 0,
    wallSeconds: record.wallSeconds,
    metrics: record.metrics.map((m) => [m.metric, m.scope, m.statistic, encodeNumber(m.value)]),
  };
  if (record.daily !== undefined) {
    const d = record.daily;
    const values = Float64Array.from(d.values as ArrayLike<number>);
    line.daily = {
      keys: d.keys.map((k) => [k.metric, k.scope]),
      days: d.days,
      dates: [...d.dates],
      values: Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64'),
    };
  }
  if (record.histograms !== undefined) {
    line.histograms = record.histograms.map((h) => [h.metric, h.scope, h.binWidth, [...h.counts]]);
  }
  return JSON.stringify(line);
}

/** The record a line holds; throws on a line that is not a complete record of this format. */
export function decodeRecord(text: string): ReplicationRecord {
  const line = JSON.parse(text) as RecordLine;
  if (line.v !== RECORD_FORMAT) throw new Error(`record format ${String(line.v)}; expected ${RECORD_FORMAT}`);
  const metrics: MetricValue[] = line.metrics.map(([metric, scope, statistic, value]) => ({
    metric,
    scope,
    statistic,
    value: decodeNumber(value),
  }));
  let daily: DailySeries | undefined;
  if (line.daily !== undefined) {
    const bytes = Buffer.from(line.daily.values, 'base64');
    const values = new Float64Array(bytes.byteLength / 8);
    new Uint8Array(values.buffer).set(bytes);
    daily = {
      keys: line.daily.keys.map(([metric, scope]) => ({ metric, scope })),
      days: line.daily.days,
      dates: line.daily.dates,
      values,
    };
  }
  const histograms: HistogramValue[] | undefined = line.histograms?.map(
    ([metric, scope, binWidth, counts]) => ({
      metric,
      scope,
      binWidth,
      counts,
    }),
  );
  return {
    arm: line.arm,
    replication: line.replication,
    eventsExecuted: line.eventsExecuted,
    wallSeconds: line.wallSeconds,
    metrics,
    ...(daily !== undefined ? { daily } : {}),
    ...(histograms !== undefined ? { histograms } : {}),
  };
}

/**
 * The records of a journal's text: every complete line, in order. A last line cut short (the
 * process was killed while writing it) is dropped; a bad line anywhere else is an error.
 */
export function decodeRecords(text: string): ReplicationRecord[] {
  const lines = text.split('\n');
  const records: ReplicationRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(decodeRecord(line));
    } catch (error) {
      const last = i === lines.length - 1 || (i === lines.length - 2 && lines[lines.length - 1] === '');
      if (!last || text.endsWith('\n')) throw new Error(`line ${i + 1}: ${(error as Error).message}`);
    }
  });
  return records;
}
