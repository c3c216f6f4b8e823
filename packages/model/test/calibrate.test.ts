import { describe, expect, it } from 'vitest';
import { calibrate } from '../scripts/calibrate.js';
import { calibrationRows, MEASURES, withinPublished } from '../scripts/calibration-table.js';

describe('calibration table', () => {
  it('within: ±5% of a number, or a range widened by 5% of its midpoint on each side', () => {
    expect(withinPublished(0.63, 0.6)).toBe(true);
    expect(withinPublished(0.631, 0.6)).toBe(false);
    expect(withinPublished(0.569, 0.6)).toBe(false);
    // [0.604, 0.614]: midpoint 0.609, slack 0.03045 → [0.57355, 0.64445].
    expect(withinPublished(0.644, [0.604, 0.614])).toBe(true);
    expect(withinPublished(0.645, [0.604, 0.614])).toBe(false);
    expect(withinPublished(0.574, [0.604, 0.614])).toBe(true);
    expect(withinPublished(0.573, [0.604, 0.614])).toBe(false);
    expect(withinPublished(Number.NaN, 1)).toBe(false);
  });

  it('rows carry mean, Student-t interval, published and within (none for the monthly shares)', () => {
    const values = MEASURES.map((m) => (m.published === undefined ? [0.5, 0.6] : [1, 2, 3]));
    const rows = calibrationRows(values);
    const four = rows.find((r) => r.measure === 'ed.fourHourShare');
    expect(four?.model).toBe(2);
    // t(0.975, 2) = 4.303, sd 1, n 3.
    expect(four?.high).toBeCloseTo(2 + (4.3027 * 1) / Math.sqrt(3), 3);
    expect(four?.within).toBe(false);
    const jan = rows.find((r) => r.measure === 'ed.fourHourShare.month01');
    expect(jan).toBeDefined();
    expect(jan && 'within' in jan).toBe(false);
  });

  it('--json prints only the JSON array: one object per measure, all twelve months', () => {
    const out = calibrate(['2', '--json', '--seed', 's', '--days', '20', '--warmup', '5']);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    expect(rows.map((r) => r.measure)).toEqual(MEASURES.map((m) => m.measure));
    for (let month = 1; month <= 12; month++)
      expect(rows.some((r) => r.measure === `ed.fourHourShare.month${String(month).padStart(2, '0')}`)).toBe(
        true,
      );
    for (const r of rows) {
      for (const k of ['measure', 'model', 'low', 'high', 'published', 'source']) expect(r).toHaveProperty(k);
      if (r.published !== null) expect(typeof r.within).toBe('boolean');
    }
    // The default starts on 1 April: 20 days after a 5-day warm-up are all in April.
    const april = rows.find((r) => r.measure === 'ed.fourHourShare.month04');
    expect(april?.model).toBeGreaterThan(0);
  });
});
