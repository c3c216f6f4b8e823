/**
 * The delayed-discharge distribution's metrics (part of patient flow's registry, listed after
 * `nctr.dischargeDelayDays`): the delay of patients who stayed overnight, long-stay delayed
 * patients by what they wait for, long stays overall, and beds closed for infection control.
 * Long stays are counted at the daily bed snapshot, as the NHS counts them.
 */
import { BOTH, LOWER, type MetricDefinition, m } from './metric-definition.js';

export const DISCHARGE_METRICS = [
  m(
    'nctr.overnightDischargeDelayDays',
    'Time from medically fit to leaving the bed, patients discharged in the period whose stay passed at least one midnight (same-day stays left out: the like-for-like of the published mean wait, see docs/calibration.md).',
    BOTH,
    LOWER,
    ['mean', 'p50', 'p95'],
    false,
  ),
  m(
    'nctr.longStayPatientsCount',
    'Patients medically fit but still in a bed who have been in hospital 14 days or more since admission, at the daily bed snapshot; mean over days.',
    BOTH,
    LOWER,
    ['mean'],
    false,
  ),
  m(
    'nctr.longStayHomeCarePatientsCount',
    'Of `nctr.longStayPatientsCount`, those waiting for care at home (pathway P1: assessment or the start of a package).',
    BOTH,
    LOWER,
    ['mean'],
    false,
  ),
  m(
    'nctr.longStayRehabPatientsCount',
    'Of `nctr.longStayPatientsCount`, those waiting for a community rehabilitation / step-down bed (pathway P2).',
    BOTH,
    LOWER,
    ['mean'],
    false,
  ),
  m(
    'nctr.longStayCareHomePatientsCount',
    'Of `nctr.longStayPatientsCount`, those waiting for a care-home place (pathway P3).',
    BOTH,
    LOWER,
    ['mean'],
    false,
  ),
  m(
    'nctr.over21DayStayPatientsCount',
    'Patients medically fit but still in a bed who have been in hospital 21 days or more since admission, at the daily bed snapshot; mean over days.',
    BOTH,
    LOWER,
    ['mean'],
    false,
  ),
  m(
    'beds.over21DayStayPatientsCount',
    'Patients in a G&A bed 21 days or more since admission ("super-stranded"), delayed or not, at the daily bed snapshot; mean over days.',
    BOTH,
    LOWER,
    ['mean'],
    false,
  ),
  m(
    'beds.closedForInfectionCount',
    'Physical G&A beds closed for infection control (`seasonality.infectionClosedBedShareByMonth`), at the daily snapshot; mean over days.',
    BOTH,
    LOWER,
    ['mean'],
    false,
  ),
] as const satisfies readonly MetricDefinition[];
