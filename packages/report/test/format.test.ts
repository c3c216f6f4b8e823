/** Numbers as the report shows them: rounded to what the interval supports, in a board's units. */
import { describe, expect, it } from 'vitest';
import { formatAmount, formatEstimate, stepFor } from '../src/format.js';
import { NATIONAL_STANDARDS, standardStatus } from '../src/standards.js';

describe('rounding to what the interval supports', () => {
  it('keeps one significant figure of the half-width, two when it starts with 1 or 2', () => {
    expect(stepFor(0.57, 'percent')).toBe(0.1);
    expect(stepFor(12_000, 'gbp')).toBe(1000);
    expect(stepFor(760, 'count')).toBe(100);
    expect(stepFor(0.3 - 1e-9, 'percent')).toBeCloseTo(0.01);
  });

  it('never shows a cost that varies by £10,000 to the pound', () => {
    expect(formatEstimate('staffing.costGbp', 1_544_984, 1_534_838, 1_555_129)).toEqual({
      value: '£1,545,000',
      interval: '£1,535,000 to £1,555,000',
    });
  });

  it('shows shares as percentages, long waits in hours and short ones in minutes', () => {
    expect(formatEstimate('ed.fourHourShare', 0.6263, 0.6206, 0.632).value).toBe('62.6%');
    expect(formatEstimate('ed.timeInDepartmentMinutes', 880, 800, 960).value).toBe('14.7 h');
    expect(formatEstimate('ed.timeToBedMinutes', 42, 35, 49).value).toBe('42 min');
  });

  it('writes no negative zero', () => {
    expect(formatEstimate('staffing.agencyShiftsCount', 15, -0.3, 30.3).interval).toBe('0 to 30');
  });

  it('states an effect and its range once in its unit; shares in percentage points', () => {
    expect(formatAmount('nctr.bedDays', 4100, 1800, 6400)).toEqual({
      value: '4,100 days',
      range: '1,800–6,400 days',
    });
    expect(formatAmount('ed.fourHourShare', 0.0004, 0.0003, 0.0006).range).toBe(
      '0.03–0.06 percentage points',
    );
  });
});

describe('national standards', () => {
  const [interim, constitutional, twelveHour] = NATIONAL_STANDARDS;
  it('a four-hour interval wholly above 78% meets the interim target and misses the 95% standard', () => {
    expect(standardStatus(interim, 0.8, 0.82)).toBe('meets');
    expect(standardStatus(constitutional, 0.8, 0.82)).toBe('misses');
    expect(standardStatus(interim, 0.77, 0.79)).toBe('uncertain');
  });
  it('12-hour stays must stay at or below 2%', () => {
    expect(standardStatus(twelveHour, 0.01, 0.019)).toBe('meets');
    expect(standardStatus(twelveHour, 0.06, 0.07)).toBe('misses');
  });
});
