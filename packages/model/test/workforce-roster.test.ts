/** Shift rostering, on-duty counts and gap filling on small hand-checkable pools. */
import { MINUTES_PER_DAY, MINUTES_PER_HOUR } from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import { gpPool, harness, simplePool, systemWith, workforceWith } from './workforce-fixtures.js';

const H = MINUTES_PER_HOUR;

describe('Workforce rostering', () => {
  it('puts in-post × duty fraction on each shift, split in proportion to the requirement', () => {
    // f = 42 / (12 × 2 × 7) = 0.25; 56 in post → 14 a shift on average; required 12 and 8 → weights 1.2 and 0.8.
    const config = systemWith(
      workforceWith([
        simplePool({ id: 'trustA.wardRn', organisationId: 'trustA', requiredOnDutyByShift: [12, 8] }),
      ]),
    );
    const { sim, workforce } = harness(config);
    sim.run(9 * H); // 09:00, day shift
    // Last night's shift, running at the start: 14 × 0.8 = 11.2 → 11, 0.2 carried; today: 16.8 + 0.2 = 17.
    expect(workforce.onDuty('trustA', 'ward')).toBe(17);
    sim.run(21 * H); // tonight: 11.2 → 11, 0.2 carried
    expect(workforce.onDuty('trustA', 'ward')).toBe(11);
    expect(workforce.onDuty('trustA', 'ed')).toBe(0);
    expect(workforce.onDuty('nowhere', 'ward')).toBe(0);
  });

  it('staffs the shift already running at the start, and follows weekday-only patterns', () => {
    const gp = gpPool();
    const ward = simplePool({ id: 'trustA.wardRn', organisationId: 'trustA' });
    const config = systemWith(workforceWith([gp, ward])); // 2025-01-06 is a Monday
    const { sim, workforce } = harness(config);
    sim.run(1); // 00:01 Monday: last night's ward shift is running, the practice is closed
    expect(workforce.onDuty('trustA', 'ward')).toBe(14);
    expect(workforce.onDuty('primaryCare', 'generalPractice')).toBe(0);
    sim.run(12 * H);
    expect(workforce.onDuty('primaryCare', 'generalPractice')).toBe(30);
    sim.run(19 * H);
    expect(workforce.onDuty('primaryCare', 'generalPractice')).toBe(0);
    sim.run(5 * MINUTES_PER_DAY + 12 * H); // Saturday noon
    expect(workforce.onDuty('primaryCare', 'generalPractice')).toBe(0);
    sim.run(7 * MINUTES_PER_DAY + 12 * H); // Monday noon
    expect(workforce.onDuty('primaryCare', 'generalPractice')).toBe(30);
  });

  it('calls listeners after each change of staff on duty', () => {
    const config = systemWith(workforceWith([simplePool({ id: 'trustA.wardRn', organisationId: 'trustA' })]));
    const { sim, workforce } = harness(config);
    const seen: number[] = [];
    workforce.subscribe(() => seen.push(sim.now));
    sim.run(MINUTES_PER_DAY);
    expect(seen).toEqual([0, 8 * H, 20 * H]);
  });

  it('offers the gap to the bank, then agency, then overtime, and costs each', () => {
    // 32 in post → 8 on a shift; 10 required → gap of 2 every shift.
    const base = { id: 'trustA.wardRn', organisationId: 'trustA', establishmentWte: 32, inPostWte: 32 };
    const run = (overrides: Parameters<typeof simplePool>[0]) => {
      const config = systemWith(workforceWith([simplePool(overrides)]), { durationDays: 2 });
      const h = harness(config);
      h.sim.run(9 * H);
      const onDuty = h.workforce.onDuty('trustA', 'ward');
      h.sim.run(2 * MINUTES_PER_DAY);
      const rows = h.workforce.metricRows().filter((r) => r.scope === 'ics');
      const value = (id: string) => rows.find((r) => r.metricId === id)?.value;
      return { onDuty, value };
    };
    const bank = run({ ...base, bankHeadcount: 10, bankFillShare: 1 });
    expect(bank.onDuty).toBe(10);
    // Five shifts: the night running at 00:00 (8 h of it left), 08:00, 20:00, 08:00, 20:00 (12 h each).
    expect(bank.value('staffing.bankShiftsCount')).toBe(10);
    expect(bank.value('staffing.bankCostGbp')).toBe(2 * (8 + 4 * 12) * 30);
    expect(bank.value('staffing.agencyShiftsCount')).toBe(0);

    const agency = run({ ...base, agencyFillShare: 1 });
    expect(agency.onDuty).toBe(10);
    expect(agency.value('staffing.agencyShiftsCount')).toBe(10);
    expect(agency.value('staffing.agencyCostGbp')).toBe(2 * (8 + 4 * 12) * 40);

    const overtime = run({ ...base, overtimeFillShare: 1, overtimeHourlyCostGbp: 25 });
    expect(overtime.onDuty).toBe(10);
    expect(overtime.value('workforce.overtimeHours')).toBe(2 * (8 + 4 * 12));

    const none = run(base);
    expect(none.onDuty).toBe(8);
    expect(none.value('workforce.unfilledShiftsCount')).toBe(10);
    expect(none.value('workforce.utilisationShare')).toBeCloseTo(0.8, 12);
    // Substantive pay, accrued shift by shift: 32 members × f 0.25 × 56 rostered hours, at £20.
    expect(none.value('staffing.substantiveCostGbp')).toBeCloseTo(32 * 0.25 * 56 * 20, 6);
  });

  it('runs a bank dry: a member rests after a shift before taking another', () => {
    // Gap of 2 a shift; 3 bank members who rest 36 h after a 12 h shift → at most 3 shifts in any 48 h.
    const config = systemWith(
      workforceWith([
        simplePool({
          id: 'trustA.wardRn',
          organisationId: 'trustA',
          establishmentWte: 32,
          inPostWte: 32,
          bankHeadcount: 3,
          bankFillShare: 1,
        }),
      ]),
      { durationDays: 4 },
    );
    const { sim, workforce } = harness(config);
    sim.run(4 * MINUTES_PER_DAY);
    const bankShifts = workforce
      .metricRows()
      .find((r) => r.scope === 'ics' && r.metricId === 'staffing.bankShiftsCount');
    // Shift starts at 0 (running night), 8:00, 20:00 ... ; 3 members, each back after 48 h from taking a shift.
    expect(bankShifts?.value).toBeLessThanOrEqual(3 * 3);
    expect(bankShifts?.value).toBeGreaterThanOrEqual(6);
  });

  it('rejects pools whose shifts overlap or whose roster does not match the shifts', () => {
    const overlap = simplePool({
      id: 'trustA.wardRn',
      organisationId: 'trustA',
      shiftPattern: { shiftsPerDay: 2, hoursPerShift: 13, firstShiftStartHour: 8, worksWeekends: true },
    });
    expect(() => harness(systemWith(workforceWith([overlap])))).toThrow(/overlap/);
    const short = simplePool({ id: 'trustA.wardRn', organisationId: 'trustA', requiredOnDutyByShift: [10] });
    expect(() => harness(systemWith(workforceWith([short])))).toThrow(/requiredOnDutyByShift needs 2/);
    const orphan = simplePool({ id: 'x.wardRn', organisationId: 'x' });
    const config = systemWith(workforceWith([orphan]));
    config.organisations = config.organisations.filter((o) => o.id !== 'x');
    expect(() => harness(config)).toThrow(/unknown organisationId 'x'/);
  });
});
