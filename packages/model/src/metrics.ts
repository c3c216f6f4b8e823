/**
 * The metric registry: every measure a run reports, with its unit, scope, direction and the
 * statistics its summary rows carry. docs/metrics.md is generated from this list
 * (`scripts/write-metrics-doc.ts`), and a test fails when the two drift apart.
 *
 * Id convention: `<area>.<name><Unit>` where the suffix gives the unit — `Share` (0–1), `Minutes`,
 * `Hours`, `Days`, `Count`, `Gbp`. Never a percentage.
 */
import { BOTH, HIGHER, LOWER, type MetricDefinition, m, NEUTRAL } from './metric-definition.js';
import { DISCHARGE_METRICS } from './metrics-discharge.js';
import { ED_METRICS } from './metrics-ed.js';
import { WORKFORCE_METRICS, type WorkforceMetricId } from './metrics-workforce.js';
import { POLICY_ACTIVITY_METRICS } from './workforce/policy-activity.js';

export type {
  MetricDefinition,
  MetricDirection,
  MetricProducer,
  MetricScope,
  MetricUnit,
} from './metric-definition.js';
export { unitFromMetricId } from './metric-definition.js';

/** Patient flow's metrics, in the order docs/metrics.md lists them (flow/summary.ts produces them). */
export const FLOW_METRICS = [
  ...ED_METRICS,
  // Acute beds.
  m(
    'beds.occupancyShare',
    'G&A bed occupancy: occupied beds (emergency patients, delayed patients and ring-fenced elective beds) over physical beds, snapshot once a day at the configured hour (`bedSnapshotHour`, 08:00 by default); mean over days.',
    BOTH,
    NEUTRAL,
    ['mean', 'max'],
    true,
  ),
  m(
    'beds.daysOver92Share',
    'Share of days on which the bed snapshot showed occupancy above 92%.',
    BOTH,
    LOWER,
    ['value'],
    false,
  ),
  m(
    'beds.staffedBedsCount',
    'G&A beds open and staffed (the smaller of physical beds and ward nurses on duty × patients per nurse), at the daily snapshot; mean over days.',
    BOTH,
    HIGHER,
    ['mean'],
    true,
  ),
  m(
    'beds.closedForStaffingCount',
    'Physical G&A beds closed because they could not be staffed at the nurse ratio, at the daily snapshot.',
    BOTH,
    LOWER,
    ['mean', 'max'],
    false,
  ),
  m(
    'admissions.emergencyCount',
    'Emergency admissions into a G&A bed (from ED and direct), in the period.',
    BOTH,
    NEUTRAL,
    ['total'],
    true,
  ),
  m(
    'admissions.outlierShare',
    'Share of emergency admissions placed in a bed of another specialty (outliers, after `outlieAfterMinutes`); 0 when beds are one pool.',
    BOTH,
    LOWER,
    ['value'],
    false,
  ),
  m(
    'admissions.directWaitMinutes',
    'Time direct (non-ED) emergency admissions waited for a staffed bed.',
    BOTH,
    LOWER,
    ['mean', 'p95'],
    false,
  ),
  m(
    'beds.lengthOfStayDays',
    'Length of stay from admission to leaving the bed (clinical stay plus any discharge delay), patients discharged in the period.',
    BOTH,
    LOWER,
    ['mean', 'p50', 'p95'],
    false,
  ),
  // Delayed discharge.
  m(
    'nctr.patientsCount',
    'Patients who no longer meet the criteria to reside (medically fit) but are still in a bed, at the daily bed snapshot; mean over days.',
    BOTH,
    LOWER,
    ['mean', 'max'],
    true,
  ),
  m(
    'nctr.bedShare',
    'Share of physical G&A beds held by patients who no longer meet the criteria to reside, at the daily snapshot; mean over days.',
    BOTH,
    LOWER,
    ['mean'],
    true,
  ),
  m(
    'nctr.bedDays',
    'Delayed-discharge bed-days: time patients spent in a bed after becoming medically fit, accrued within the period.',
    BOTH,
    LOWER,
    ['total'],
    true,
  ),
  m(
    'nctr.dischargeDelayDays',
    'Time from medically fit to leaving the bed, patients discharged in the period (all pathways).',
    BOTH,
    LOWER,
    ['mean', 'p50', 'p95'],
    false,
  ),
  ...DISCHARGE_METRICS,
  m(
    'discharges.patientsCount',
    'Patients discharged from G&A beds in the period, all pathways.',
    BOTH,
    NEUTRAL,
    ['total'],
    true,
  ),
  // Social care, community and VCSE (daily steps).
  m(
    'carePackage.waitDays',
    'Wait for a home-care package to start, from referral (for hospital patients: from medically fit); packages started in the period.',
    BOTH,
    LOWER,
    ['mean', 'p95'],
    false,
  ),
  m(
    'carePackage.waitingCount',
    'People waiting for a home-care package to start (hospital and community), at the end of each day; mean over days.',
    BOTH,
    LOWER,
    ['mean', 'max'],
    true,
  ),
  m(
    'carePackage.activeCount',
    'Home-care packages running, at the end of each day; mean over days.',
    BOTH,
    NEUTRAL,
    ['mean'],
    false,
  ),
  m(
    'homeCare.visitsDeliveredCount',
    'Home-care visits delivered in the period.',
    BOTH,
    NEUTRAL,
    ['total'],
    false,
  ),
  m(
    'homeCare.visitsUndeliveredCount',
    'Visits running packages needed but that carer capacity could not deliver, in the period.',
    BOTH,
    LOWER,
    ['total'],
    false,
  ),
  m(
    'placement.waitDays',
    'Wait for a step-down or care-home place, from referral (for hospital patients: from medically fit); placements started in the period.',
    BOTH,
    LOWER,
    ['mean', 'p95'],
    false,
  ),
  m(
    'placement.waitingCount',
    'People waiting for a step-down or care-home place, at the end of each day; mean over days.',
    BOTH,
    LOWER,
    ['mean', 'max'],
    true,
  ),
  m(
    'vcse.clientsCount',
    'New VCSE "home from hospital" clients started in the period.',
    BOTH,
    NEUTRAL,
    ['total'],
    false,
  ),
  m(
    'gp.appointmentsCount',
    'General practice appointments delivered in the period.',
    BOTH,
    NEUTRAL,
    ['total'],
    true,
  ),
  m(
    'gp.appointmentWaitDays',
    'Days from an appointment request to the appointment, requests served in the period (0 = same day).',
    BOTH,
    LOWER,
    ['mean'],
    true,
  ),
  m(
    'gp.unmetRequestsCount',
    'Appointment requests abandoned unmet (they gave up waiting), in the period.',
    BOTH,
    LOWER,
    ['total'],
    true,
  ),
  m(
    'gp.edSpilloverCount',
    'Unmet general practice requests that became type-1 ED attendances, in the period.',
    BOTH,
    LOWER,
    ['total'],
    false,
  ),
  m(
    'community.visitsCount',
    'Community nursing visits delivered in the period.',
    BOTH,
    NEUTRAL,
    ['total'],
    false,
  ),
  m(
    'community.waitDays',
    'Days from a community nursing referral to its first visit, referrals first seen in the period.',
    BOTH,
    LOWER,
    ['mean'],
    false,
  ),
  // Escalation (computed from ED and bed pressure each hour).
  m(
    'escalation.opel3PlusShare',
    'Share of hours an acute trust spent at OPEL-style level 3 or 4 (pressure score at or above the level-3 threshold of the mutual-aid settings); ICS: mean over trusts.',
    BOTH,
    LOWER,
    ['value'],
    false,
  ),
  m(
    'escalation.opel4Share',
    'Share of hours an acute trust spent at OPEL-style level 4 (pressure score at or above the level-4 threshold); ICS: mean over trusts.',
    BOTH,
    LOWER,
    ['value'],
    true,
  ),
] as const satisfies readonly MetricDefinition[];

/** A metric id patient flow produces. */
export type FlowMetricId = (typeof FLOW_METRICS)[number]['id'];
export type { WorkforceMetricId } from './metrics-workforce.js';
/** A registered metric id: producers take this type, so a misspelt id does not compile. */
export type MetricId = FlowMetricId | WorkforceMetricId;

/** Every metric carepool reports, in the order docs/metrics.md lists them. */
export const METRICS: readonly MetricDefinition<MetricId>[] = [
  ...FLOW_METRICS,
  ...WORKFORCE_METRICS,
  // What each built-in policy's own action amounted to (system-bank fills, passport moves, ...).
  ...POLICY_ACTIVITY_METRICS,
];

const BY_ID = new Map<string, MetricDefinition<MetricId>>(METRICS.map((d) => [d.id, d]));

/** The definition of a registered metric, or undefined. */
export function metricDefinition(id: string): MetricDefinition<MetricId> | undefined {
  return BY_ID.get(id);
}

/** The definition of a metric id known to be registered (its type says so). */
export function registeredMetric(id: MetricId): MetricDefinition<MetricId> {
  return BY_ID.get(id)!;
}
