import { describe, expect, it } from 'vitest';
import { RunCalendar } from '../src/flow/calendar.js';
import { miniIcsConfig } from '../src/mini-ics.js';
import { runSystem } from '../src/run.js';

describe('run calendar', () => {
  it('gives the weekday of any day, before the start and past the end of its tables', () => {
    // 2024-04-01 was a Monday.
    const cal = new RunCalendar('2024-04-01', 3);
    expect(Array.from(cal.weekday)).toEqual([0, 1, 2]);
    expect(cal.weekdayOf(-1)).toBe(6);
    expect(cal.weekdayOf(4)).toBe(4);
    expect(cal.weekdayOf(5)).toBe(5);
    expect(cal.weekdayOf(7)).toBe(0);
    expect(cal.weekdayOf(-8)).toBe(6);
    expect(cal.isWorkingDay(4)).toBe(true);
    expect(cal.isWorkingDay(12)).toBe(false);
    expect(new RunCalendar('2024-03-02', 1).weekdayOf(0)).toBe(5); // a Saturday
  });

  it('gives the month of a day inside its tables and the next month start; a day past them is an error', () => {
    const cal = new RunCalendar('2024-01-30', 5);
    expect([0, 1, 2, 3, 4].map((d) => cal.monthOf(d))).toEqual([0, 0, 1, 1, 1]);
    expect(cal.monthOf(1.9)).toBe(0);
    expect(cal.nextMonthStart(0)).toBe(2);
    expect(cal.nextMonthStart(2)).toBe(5);
    expect(() => cal.monthOf(5)).toThrow(/day 5 is outside the run's 5 days/);
  });

  it('a run ending on a Friday night completes: weekday-only pools look ahead past the calendar', () => {
    // Monday start, 1 + 4 days: the run ends at Saturday 00:00, and primary care's next working shift is
    // the following Monday, past the end of every table built for the run.
    const config = miniIcsConfig();
    config.startDate = '2024-04-01';
    config.warmupDays = 1;
    config.durationDays = 4;
    expect(config.workforce.staffPools.some((p) => !p.shiftPattern.worksWeekends)).toBe(true);
    const result = runSystem(config, { seed: 1, replication: 0 });
    expect(result.simulatedDays).toBe(5);
    expect(result.eventsExecuted).toBeGreaterThan(0);
  });
});
