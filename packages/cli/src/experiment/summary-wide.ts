/**
 * summary-wide.csv: one row per arm, one column per headline outcome (whole system) with its
 * interval bounds beside it, so the comparison opens in Excel as a table without a pivot.
 */
import { csvLine, type ReplicateResult, type SummaryRow } from '@carepool/experiment';
import type { Headline } from './table.js';

/** A headline's column name: its metric reference, with the statistic when the metric appears twice. */
function columnName(h: Headline, all: readonly Headline[]): string {
  return all.filter((o) => o.metric === h.metric).length > 1 ? `${h.metric}:${h.statistic}` : h.metric;
}

export function summaryWideCsv(
  result: ReplicateResult<unknown>,
  summary: readonly SummaryRow[],
  headlines: readonly Headline[],
): string {
  const by = new Map(
    summary.map((s) => [`${s.arm}\u0000${s.metric}\u0000${s.statistic}\u0000${s.scope}`, s]),
  );
  const present = headlines.filter((h) =>
    result.arms.some((_, a) => by.has(`${a}\u0000${h.metric}\u0000${h.statistic}\u0000${h.scope}`)),
  );
  const header = ['scenario', 'variant', 'sweepPoint', 'policy', 'n'];
  for (const h of present) {
    const name = columnName(h, present);
    header.push(name, `${name} ciLow`, `${name} ciHigh`);
  }
  const lines = result.arms.map((arm, a) => {
    const cells: (string | number)[] = [arm.scenario, arm.variant, arm.sweepPoint, arm.policy];
    const rows = present.map((h) => by.get(`${a}\u0000${h.metric}\u0000${h.statistic}\u0000${h.scope}`));
    cells.push(rows.find((r) => r !== undefined)?.n ?? Number.NaN);
    for (const r of rows) cells.push(r?.mean ?? Number.NaN, r?.ciLow ?? Number.NaN, r?.ciHigh ?? Number.NaN);
    return csvLine(cells);
  });
  return `${[csvLine(header), ...lines].join('\n')}\n`;
}
