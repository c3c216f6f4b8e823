/**
 * Every headline metric against values worked out by hand on the tiny system (tiny-ics.ts), so a
 * wrong threshold or statistic breaks a test: counting the four-hour share at 300 minutes instead of
 * 240, or reporting the p90 of time in department as its p95, changes a number asserted here.
 *
 * Times are minutes from the start (00:00 on day 0). ED patients arrive by script, not at random.
 */
import { describe, expect, it } from 'vitest';
import type { MetricRow, MetricStatistic } from '../src/contracts.js';
import type { SystemFlow } from '../src/flow/system-flow.js';
import type { MetricId } from '../src/metrics.js';
import { runSystem, type StaffingFactory } from '../src/run.js';
import { FixedStaffing } from './fixed-staffing.js';
import { tinyIcsConfig } from './tiny-ics.js';

/** Arrival times read in order, then none (what an ED asks its arrival process for). */
const scripted = (times: number[]) => {
  let next = 0;
  return { nextArrivalAt: (): number => times[next++] ?? Number.POSITIVE_INFINITY };
};

/**
 * Fixed staffing (1 clinician in each ED, 3 and 1 ward nurses at one patient each, 10 carers), and
 * the scripted arrivals: 6 patients at a.ed and 2 at b.ed, all at 01:00 (minute 60).
 */
const tinyFlow: StaffingFactory = ({ sim, pressure }) => {
  const flow = pressure as SystemFlow;
  flow.eds[0].arrivalTimes = scripted([60, 60, 60, 60, 60, 60]) as never;
  flow.eds[1].arrivalTimes = scripted([60, 60]) as never;
  const always = (n: number) => ({ day: n, night: n });
  return new FixedStaffing(sim, {
    'trustA|ed': always(1),
    'trustB|ed': always(1),
    'trustA|ward': always(3),
    'trustB|ward': always(1),
    'councilA|homeCare': always(10),
  });
};

const flowRows = runSystem(tinyIcsConfig(), { seed: 1, replication: 0 }, tinyFlow).metrics;
const workforceRows = runSystem(tinyIcsConfig(), { seed: 1, replication: 0 }).metrics;

/** The value of one row (undefined when the run gave none). */
const find =
  (rows: MetricRow[]) =>
  (metricId: MetricId, statistic: MetricStatistic, scope = 'ics'): number | undefined =>
    rows.find((r) => r.metricId === metricId && r.statistic === statistic && r.scope === scope)?.value;
const flow = find(flowRows);
const workforce = find(workforceRows);

/*
 * a.ed, worked by hand. Six patients arrive at 60; one clinician, 50 minutes of assessment each
 * (first come, first served), then 10 minutes to the decision (home); cubicles are plentiful.
 * Patient k (1–5) is seen at 60 + 50(k − 1) and leaves at 60 + 50k + 10, so spends 50k + 10 minutes:
 *   60, 110, 160, 210, 260.
 * Patient 6 would be seen at 310, after waiting 250 > 225 minutes of patience: left without being
 * seen, counted as leaving at 60 + 225 = 285, so 225 minutes in the department.
 * Time in department (sorted): 60, 110, 160, 210, 225, 260. Within 240: 5 of 6 (260 is not; it would
 * be at a 300-minute threshold).
 *
 * b.ed. Two patients arrive at 60, both admitted; the ward has one staffed bed.
 *   P1: seen 60, assessed by 110, decision to admit 120, bed free: leaves ED at 120 (60 minutes,
 *       time to bed 0). Medically fit 0.5 days later, at 840 (14:00) — after the day's home-care
 *       brokerage (11:00) — so waits for the next day's, at 1440 + 660 = 2100 (a 1,260-minute or
 *       0.875-day wait for the package); leaves after 120 minutes of discharge processing, at 2220.
 *   P2: seen 110, decision to admit 170, boards until P1's bed is free at 2220: 2,160 minutes in
 *       the department (over 12 hours), 2,050 minutes from decision to bed (over 12 hours). Fit at
 *       2220 + 720 = 2940 (day 2, 01:00); package at 2 × 1440 + 660 = 3540 (a 600-minute or
 *       0.41667-day wait); leaves at 3660.
 *
 * Percentiles come from 5-minute (ED) or 0.25-day (social care) bins, interpolated within the bin
 * where the cumulative count reaches q × n (BinnedHistogram.quantile): the q-quantile of values v
 * sorted, with the one crossing q × n in bin b holding c values and the cumulative count C before it,
 * is (b + (q·n − C) / c) × binWidth.
 */
describe('headline metrics of the tiny system, worked out by hand', () => {
  it('ED four-hour and twelve-hour shares, left without being seen', () => {
    // a.ed: 5 of 6 within 240 minutes; b.ed: P1 (60) yes, P2 (2,160) no; the ICS pools 6 of 8.
    expect(flow('ed.fourHourShare', 'value', 'trustA')).toBeCloseTo(5 / 6, 12);
    expect(flow('ed.fourHourShare', 'value', 'trustB')).toBe(0.5);
    expect(flow('ed.fourHourShare', 'value')).toBe(6 / 8);
    // Admitted patients within four hours: P1 only.
    expect(flow('ed.admittedFourHourShare', 'value')).toBe(0.5);
    expect(flow('ed.admittedFourHourShare', 'value', 'trustA')).toBeUndefined(); // nobody admitted
    // Over 12 hours from arrival: P2 only; and P2's 2,050 minutes from decision to bed.
    expect(flow('ed.twelveHourFromArrivalShare', 'value')).toBe(1 / 8);
    expect(flow('ed.twelveHourFromArrivalShare', 'value', 'trustB')).toBe(1 / 2);
    expect(flow('ed.twelveHourFromArrivalCount', 'total')).toBe(1);
    expect(flow('ed.decisionToAdmitOver12hCount', 'total')).toBe(1);
    // One of 8 attendances left without being seen (a.ed's sixth).
    expect(flow('ed.attendancesCount', 'total')).toBe(8);
    expect(flow('ed.leftWithoutBeingSeenShare', 'value')).toBe(1 / 8);
    expect(flow('ed.leftWithoutBeingSeenShare', 'value', 'trustA')).toBeCloseTo(1 / 6, 12);
  });

  it('time in department: mean, median and 95th percentile', () => {
    // a.ed: mean (60 + 110 + 160 + 210 + 225 + 260) / 6 = 1025 / 6.
    expect(flow('ed.timeInDepartmentMinutes', 'mean', 'trustA')).toBeCloseTo(1025 / 6, 9);
    // p50, n = 6: q·n = 3 is reached in the bin [160, 165) holding 1 with 2 before: (32 + 1) × 5 = 165.
    expect(flow('ed.timeInDepartmentMinutes', 'p50', 'trustA')).toBe(165);
    // p95: q·n = 5.7, reached in [260, 265) (1 value, 5 before): (52 + 0.7) × 5 = 263.5.
    // (Its p90 would be (52 + 0.4) × 5 = 262.)
    expect(flow('ed.timeInDepartmentMinutes', 'p95', 'trustA')).toBeCloseTo(263.5, 9);
    // ICS, all 8 (60, 60, 110, 160, 210, 225, 260, 2160): mean 3245 / 8.
    expect(flow('ed.timeInDepartmentMinutes', 'mean')).toBe(3245 / 8);
    // p50: q·n = 4 reached in [160, 165) (1 value, 3 before): (32 + 1) × 5 = 165.
    expect(flow('ed.timeInDepartmentMinutes', 'p50')).toBe(165);
    // p95: q·n = 7.6 reached in [2160, 2165) (1 value, 7 before): (432 + 0.6) × 5 = 2163 (p90: 2161).
    expect(flow('ed.timeInDepartmentMinutes', 'p95')).toBeCloseTo(2163, 9);
    // b.ed: 60 and 2160; p95: q·n = 1.9, (432 + 0.9) × 5 = 2164.5.
    expect(flow('ed.timeInDepartmentMinutes', 'p95', 'trustB')).toBeCloseTo(2164.5, 9);
    // Time to bed (b.ed): 0 and 2,050 minutes.
    expect(flow('ed.timeToBedMinutes', 'mean')).toBe(1025);
  });

  it('beds: occupancy, length of stay and delayed discharges (NCTR)', () => {
    // Snapshots at 08:00 on days 0, 1, 2 (minutes 480, 1920, 3360): b.wards' bed is held by P1, P1
    // and P2; a.wards' 3 beds are empty. Occupancy pooled over beds: (3 × 1) / (3 × 1 + 3 × 3) = 0.25.
    expect(flow('beds.occupancyShare', 'mean', 'trustB')).toBe(1);
    expect(flow('beds.occupancyShare', 'mean', 'trustA')).toBe(0);
    expect(flow('beds.occupancyShare', 'mean')).toBe(0.25);
    expect(flow('admissions.emergencyCount', 'total')).toBe(2);
    expect(flow('discharges.patientsCount', 'total')).toBe(2);
    // Length of stay: P1 120 → 2220 (2,100 minutes), P2 2220 → 3660 (1,440): mean 3540 / 2 / 1440 days.
    expect(flow('beds.lengthOfStayDays', 'mean')).toBeCloseTo(3540 / 2 / 1440, 12);
    // Medically fit but in a bed at the snapshots: nobody (P1 fit at 840), P1, P2: mean 2/3 patients,
    // 2/3 of b.wards' bed; pooled with a.wards' 3 empty beds, (2/3 × 1) / 4 beds = 1/6.
    expect(flow('nctr.patientsCount', 'mean')).toBeCloseTo(2 / 3, 12);
    expect(flow('nctr.patientsCount', 'max')).toBe(1);
    expect(flow('nctr.bedShare', 'mean', 'trustB')).toBeCloseTo(2 / 3, 12);
    expect(flow('nctr.bedShare', 'mean')).toBeCloseTo(1 / 6, 12);
    // Delayed bed-days: P1 840 → 2220 (1,380 minutes), P2 2940 → 3660 (720): 2,100 minutes.
    expect(flow('nctr.bedDays', 'total')).toBeCloseTo(2100 / 1440, 12);
    // Discharge delay per patient: 1380/1440 and 720/1440 days.
    expect(flow('nctr.dischargeDelayDays', 'mean')).toBeCloseTo((1380 + 720) / 2 / 1440, 12);
  });

  it('care package wait', () => {
    // 0.875 and 0.41667 days: mean 1860 / 2 / 1440.
    expect(flow('carePackage.waitDays', 'mean')).toBeCloseTo(1860 / 2 / 1440, 12);
    expect(flow('carePackage.waitDays', 'mean', 'councilA')).toBeCloseTo(1860 / 2 / 1440, 12);
    // p95 in 0.25-day bins: 0.41667 in [0.25, 0.5), 0.875 in [0.75, 1); q·n = 1.9 reached in the
    // latter (1 value, 1 before): (3 + 0.9) × 0.25 = 0.975 (p90: 0.95).
    expect(flow('carePackage.waitDays', 'p95')).toBeCloseTo(0.975, 12);
    // Both packages started at the brokerage that found them waiting: nobody left waiting at a day's end.
    expect(flow('carePackage.waitingCount', 'mean')).toBe(0);
  });

  it('workforce: vacancy, bank and agency shifts, cost', () => {
    // Pools (establishment/in post WTE): a and b ED clinicians 1/1, a.wardRn 3/3, b.wardRn 10/8,
    // carers 10/10. Vacancy: 2 of 25 WTE (ICS), 2 of 11 (trustB), 0 elsewhere; constant (nobody
    // leaves, sickness 0, no hiring), so the time-weighted mean and the end value agree.
    expect(workforce('workforce.vacancyShare', 'mean')).toBeCloseTo(2 / 25, 12);
    expect(workforce('workforce.vacancyShare', 'value')).toBeCloseTo(2 / 25, 12);
    expect(workforce('workforce.vacancyShare', 'mean', 'trustB')).toBeCloseTo(2 / 11, 12);
    expect(workforce('workforce.vacancyShare', 'mean', 'trustA')).toBe(0);
    // Registered nurses: 2 of 13 WTE (a.wardRn 3 + b.wardRn 10).
    expect(workforce('workforce.registeredNurseVacancyShare', 'mean')).toBeCloseTo(2 / 13, 12);
    // One 12-hour shift a day for 3 days. b.wardRn rosters its 8 (84 hours a week = every shift)
    // against 10 required: a gap of 2 each shift, 1 from its one bank member, 1 from agency.
    expect(workforce('staffing.bankShiftsCount', 'total')).toBe(3);
    expect(workforce('staffing.agencyShiftsCount', 'total')).toBe(3);
    expect(workforce('workforce.unfilledShiftsCount', 'total')).toBe(0);
    // Cost: agency 3 × 12 h × £40 = £1,440; bank 3 × 12 × £25 = £900; substantive: 23 in post ×
    // 12 h × £20 × 3 shifts = £16,560; in all £18,900. trustB: (1 + 8) × 12 × 20 × 3 = £6,480 + bank + agency.
    expect(workforce('staffing.agencyCostGbp', 'total')).toBe(1440);
    expect(workforce('staffing.bankCostGbp', 'total')).toBe(900);
    expect(workforce('staffing.substantiveCostGbp', 'total')).toBe(16560);
    expect(workforce('staffing.costGbp', 'total')).toBe(18900);
    expect(workforce('staffing.costGbp', 'total', 'trustB')).toBe(6480 + 900 + 1440);
  });
});
