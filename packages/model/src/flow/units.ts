/**
 * The state of each emergency department and acute trust's wards: queues, counts, census levels
 * (engine `TimeWeighted`), wait distributions (engine `BinnedHistogram`) and per-day counters.
 * The flow modules (ed.ts, wards.ts) change it; summary.ts and histograms.ts read it.
 */
import {
  BinnedHistogram,
  type DailySeries,
  type Distribution,
  distributionFromSpec,
  IntQueue,
  type RandomStream,
  type TabulatedArrivals,
  type TimeWeighted,
} from '@carepool/engine';
import type { SpecialtyPathwayShares } from '../config.js';
import { ambulanceShareByAdmission } from '../config-ed.js';
import type { ResolvedAcuteWardsConfig, ResolvedEmergencyDepartmentConfig } from '../resolve.js';

/** Fixed bins, so that replications, arms and organisations merge by adding counts. */
export const minutesHistogram = (): BinnedHistogram => new BinnedHistogram({ binWidth: 5, binCount: 2016 }); // 5-minute bins to 7 days
export const daysHistogram = (): BinnedHistogram => new BinnedHistogram({ binWidth: 0.25, binCount: 1460 }); // 6-hour bins to a year

/** Per-day series of an ED (index = simulated day). */
export const ED_DAY_SERIES = [
  'attendances',
  'within4h',
  'over12h',
  'timeToBedSum',
  'timeToBedCount',
  'dtaOver12h',
  'handovers',
  'handoversOver60',
  'boardingMean',
  'inDepartmentMean',
] as const;
export type EdDaySeries = (typeof ED_DAY_SERIES)[number];

/** Per-day series of a trust's wards (index = simulated day). */
export const WARD_DAY_SERIES = [
  'admissions',
  'discharges',
  'occupied',
  'staffed',
  'nctr',
  'nctrBedDays',
  'opel4Hours',
] as const;
export type WardDaySeries = (typeof WARD_DAY_SERIES)[number];

/** Departure and waiting statistics of one ED over the reported period. */
export class EdStats {
  attendances = 0;
  within4h = 0;
  over12h = 0;
  admitted = 0;
  admittedWithin4h = 0;
  dtaOver12h = 0;
  lwbs = 0;
  timeInDepartment = minutesHistogram();
  timeToClinician = minutesHistogram();
  timeToBed = minutesHistogram();
  /** Ambulance arrivals: minutes from arrival to handover (into a cubicle with a clinician). */
  handover = minutesHistogram();
  handoverOver60 = 0;
}

/** Ambulance share of an ED's arrivals split by the admitted draw (overall conversion kept). */
export interface EdAmbulanceUnit {
  ifAdmitted: number;
  ifNotAdmitted: number;
}

/** The minors stream: share of walk-in non-admitted patients and their times. */
export interface EdStreamingUnit {
  share: number;
  treatment: Distribution;
  decision: Distribution;
}

/** Non-admitted majors patients with a long post-treatment wait. */
export interface EdLongWaitUnit {
  share: number;
  minutes: Distribution;
}

export interface EdUnit {
  cfg: ResolvedEmergencyDepartmentConfig;
  index: number;
  organisationId: string;
  /** Ward group of the same trust. */
  ward: number;
  /** EDs of the same organisation share its ED staff. */
  siblings: number;
  arrivalTimes: TabulatedArrivals;
  arrivalStream: RandomStream;
  attributeStream: RandomStream;
  spillStream: RandomStream;
  spillAttributeStream: RandomStream;
  /** Hour of day (0–23) of a GP spill-over arrival, by the ED's hour-of-day profile. */
  spillHour: Distribution;
  treatment: Distribution;
  decision: Distribution;
  admittedDecision: Distribution;
  patience: Distribution | undefined;
  /** Admission share (type-1 conversion) of patients arriving on each simulated day: `admissionShare` × the season. */
  admissionShareByDay: Float64Array;
  /** Any of the three below (else no random number is drawn for them). */
  hasStreams: boolean;
  /** Undefined when the ED has no such arrivals, stream or waits (no random number drawn). */
  ambulance: EdAmbulanceUnit | undefined;
  streaming: EdStreamingUnit | undefined;
  longWait: EdLongWaitUnit | undefined;
  /** Majors: patients waiting for a cubicle and a clinician. */
  queue: IntQueue;
  /** Minors stream: patients waiting for a clinician only. */
  minorsQueue: IntQueue;
  /** Ambulance arrivals waiting for a cubicle and a clinician. */
  ambulanceQueue: IntQueue;
  /** An ambulance arrival queues as if it had arrived this much earlier (0 without ambulances). */
  ambulancePriorityMinutes: number;
  freeCubicles: number;
  /** Free corridor (boarding) spaces. */
  freeBoardingSpaces: number;
  /** Boarders in corridor spaces (not holding a cubicle). */
  corridorBoarding: number;
  busyClinicians: number;
  clinicians: number;
  boarding: number;
  inDepartment: number;
  boardingLevel: TimeWeighted;
  inDepartmentLevel: TimeWeighted;
  stats: EdStats;
  day: DailySeries<EdDaySeries>;
  /** Day arrays written per departure, resolved once (no lookup by name per event). */
  dayAttendances: Float64Array;
  dayWithin4h: Float64Array;
  dayOver12h: Float64Array;
  dayTimeToBedSum: Float64Array;
  dayTimeToBedCount: Float64Array;
  dayDtaOver12h: Float64Array;
  dayHandovers: Float64Array;
  dayHandoversOver60: Float64Array;
  arrivals: number;
  lastBoardingArea: number;
  lastInDepartmentArea: number;
}

export class WardStats {
  /** Fit-to-discharge delay of patients whose stay passed at least one midnight. */
  overnightDischargeDelay = daysHistogram();
  /** Sums over daily snapshots: NCTR patients in hospital 14+ days, by pathway (P0–P3); 21+ days; all patients 21+ days. */
  longStayNctrByPathwaySum = [0, 0, 0, 0];
  over21NctrSum = 0;
  over21PatientsSum = 0;
  /** Beds closed for infection control, summed over snapshots. */
  infectionClosedSum = 0;
  admissions = 0;
  /** Admissions into a bed of another specialty (outliers). */
  outlierAdmissions = 0;
  discharges = 0;
  los = daysHistogram();
  dischargeDelay = daysHistogram();
  directWait = minutesHistogram();
  snapshots = 0;
  occupancySum = 0;
  occupancyMax = 0;
  daysOver92 = 0;
  staffedSum = 0;
  closedSum = 0;
  closedMax = 0;
  nctrSum = 0;
  nctrMax = 0;
  nctrShareSum = 0;
  opel3Hours = 0;
  opel4Hours = 0;
  hours = 0;
}

/** One specialty bed group of a trust (the whole emergency bed base when no specialties are configured). */
export interface WardGroup {
  index: number;
  /** Physical emergency beds of the group. */
  beds: number;
  /** Beds of groups before this one (for splitting staffed beds in proportion). */
  bedsBefore: number;
  los: Distribution;
  /** Cumulative P0, P0+P1, P0+P1+P2 shares of this specialty's discharges (the system's if it has none). */
  pathwayCumulative: Float64Array;
  /** The same for patients whose clinical stay is at least `longStayFromMinutes` (as above if none). */
  longStayPathwayCumulative: Float64Array;
  longStayFromMinutes: number;
  /** Patients needing this specialty waiting for a bed, in decision order. */
  queue: IntQueue;
  /** Beds taken: patients in them, plus beds being turned around after a discharge. */
  occupied: number;
  staffed: number;
}

export interface WardUnit {
  cfg: ResolvedAcuteWardsConfig;
  index: number;
  organisationId: string;
  directArrivalTimes: TabulatedArrivals;
  directStream: RandomStream;
  directAttributeStream: RandomStream;
  los: Distribution;
  processing: Distribution;
  catchmentCumulative: Float64Array;
  catchmentAuthority: Int32Array;
  /** Specialty groups (one when none are configured). */
  groups: WardGroup[];
  /** Cumulative admission shares of the groups, for drawing a patient's specialty. */
  groupCumulative: Float64Array;
  /** Minutes waited before a patient may outlie (+Infinity: never). */
  outlieAfterMinutes: number;
  /** Emergency beds (physical − ring-fenced). */
  emergencyBeds: number;
  /** Patients waiting for a bed, all groups. */
  waiting: number;
  occupied: number;
  /** Beds emptied but not yet ready for the next patient (`bedTurnaroundMinutes`). */
  bedsTurningAround: number;
  /** Clinical length of stay multiplier by day of admission (the season). */
  losMultiplierByDay: Float64Array;
  /** Physical beds closed for infection control on each simulated day. */
  infectionClosedByDay: Int32Array;
  staffedEmergency: number;
  staffedTotal: number;
  nurses: number;
  nctr: number;
  nctrLevel: TimeWeighted;
  dischargeStartMinute: number;
  dischargeEndMinute: number;
  /** Minute of the day of the morning ward round that declares overnight fits (−1: none). */
  wardRoundMinute: number;
  stats: WardStats;
  day: DailySeries<WardDaySeries>;
  /** Day arrays written per admission and discharge, resolved once. */
  dayAdmissions: Float64Array;
  dayDischarges: Float64Array;
  directArrivals: number;
  lastNctrArea: number;
  /** ED indices of this trust, to restart them when cubicles free. */
  eds: number[];
}

/**
 * Specialty groups of a trust's emergency beds, with emergency beds split by share (largest remainder);
 * a group without pathway shares of its own takes the system's (`systemPathways`).
 */
export function wardGroups(
  w: ResolvedAcuteWardsConfig,
  systemPathways: SpecialtyPathwayShares,
): {
  groups: WardGroup[];
  groupCumulative: Float64Array;
  outlieAfterMinutes: number;
  emergencyBeds: number;
} {
  const emergencyBeds = Math.max(0, w.physicalBeds - w.ringFencedElectiveBeds);
  const specs = w.specialties;
  const outlieAfterMinutes = w.outlieAfterMinutes;
  const system = pathwayCumulative(systemPathways);
  if (specs.length === 0) {
    const group: WardGroup = {
      index: 0,
      beds: emergencyBeds,
      bedsBefore: 0,
      los: distributionFromSpec(w.clinicalLosDays),
      pathwayCumulative: system,
      longStayPathwayCumulative: system,
      longStayFromMinutes: Number.POSITIVE_INFINITY,
      queue: new IntQueue(),
      occupied: 0,
      staffed: emergencyBeds,
    };
    return { groups: [group], groupCumulative: Float64Array.of(1), outlieAfterMinutes, emergencyBeds };
  }
  let bedSum = 0;
  let admissionSum = 0;
  for (const sp of specs) {
    bedSum += sp.bedShare;
    admissionSum += sp.admissionShare;
  }
  const groups: WardGroup[] = [];
  let before = 0;
  let cumulativeShare = 0;
  for (const [i, sp] of specs.entries()) {
    cumulativeShare += sp.bedShare / bedSum;
    const upTo = i === specs.length - 1 ? emergencyBeds : Math.round(emergencyBeds * cumulativeShare);
    const own = sp.dischargePathways ? pathwayCumulative(sp.dischargePathways) : system;
    groups.push({
      index: i,
      beds: upTo - before,
      bedsBefore: before,
      los: distributionFromSpec(sp.clinicalLosDays),
      pathwayCumulative: own,
      longStayPathwayCumulative: sp.longStayDischargePathways
        ? pathwayCumulative(sp.longStayDischargePathways)
        : own,
      longStayFromMinutes: (sp.longStayDischargePathways?.fromDays ?? Number.POSITIVE_INFINITY) * 1440,
      queue: new IntQueue(),
      occupied: 0,
      staffed: upTo - before,
    });
    before = upTo;
  }
  let running = 0;
  const groupCumulative = Float64Array.from(specs, (sp) => {
    running += sp.admissionShare / admissionSum;
    return running;
  });
  groupCumulative[groupCumulative.length - 1] = 1;
  return { groups, groupCumulative, outlieAfterMinutes, emergencyBeds };
}

/** The ED's ambulance, minors-stream and long-wait tables (undefined where not configured). */
export function edStreams(
  e: ResolvedEmergencyDepartmentConfig,
): Pick<EdUnit, 'hasStreams' | 'ambulance' | 'streaming' | 'longWait'> {
  let ambulance: EdAmbulanceUnit | undefined;
  if (e.ambulance !== undefined) {
    ambulance = ambulanceShareByAdmission(e.ambulance, e.admissionShare);
  }
  let streaming: EdStreamingUnit | undefined;
  if (e.streaming !== undefined) {
    streaming = {
      share: e.streaming.share,
      treatment: distributionFromSpec(e.streaming.treatmentMinutes),
      decision: distributionFromSpec(e.streaming.decisionMinutes),
    };
  }
  let longWait: EdLongWaitUnit | undefined;
  if (e.nonAdmittedLongWait !== undefined) {
    longWait = {
      share: e.nonAdmittedLongWait.share,
      minutes: distributionFromSpec(e.nonAdmittedLongWait.minutes),
    };
  }
  const hasStreams = ambulance !== undefined || streaming !== undefined || longWait !== undefined;
  return { hasStreams, ambulance, streaming, longWait };
}

/** Cumulative shares of `items` normalised to their sum (in order), for drawing one of them with a uniform. */
export function cumulativeShares(items: readonly { share: number }[]): Float64Array {
  let sum = 0;
  for (const item of items) sum += item.share;
  let running = 0;
  return Float64Array.from(items, (item) => {
    running += item.share / (sum || 1);
    return running;
  });
}

/** P0–P3 shares as cumulative thresholds, P0, P0+P1, P0+P1+P2 (added in that order). */
function pathwayCumulative(p: SpecialtyPathwayShares): Float64Array {
  const shares = [p.p0HomeShare, p.p1HomeWithCareShare, p.p2StepDownShare, p.p3CareHomeShare];
  return Float64Array.of(shares[0], shares[0] + shares[1], shares[0] + shares[1] + shares[2]);
}
