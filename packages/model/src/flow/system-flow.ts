/**
 * Patient flow of the whole system on one simulation: type-1 EDs and acute wards with individual
 * patients (handler events over pooled records), and social care, general practice, community
 * nursing and VCSE support in daily steps.
 *
 * The coupling is mechanical, not scripted: an admitted patient holds an ED cubicle until a staffed
 * bed is free; a medically fit patient holds the bed until their discharge route has capacity. So
 * social-care capacity → delayed discharges → fewer free beds → boarding → ED crowding.
 *
 * Common random numbers: each ED and ward draws its arrival times and every patient attribute
 * (admission, clinical LOS, discharge pathway, service times) at arrival from streams that nothing
 * policy-dependent touches, so two policies see the same patients arrive with the same needs.
 */
import {
  BinnedHistogram,
  categorical,
  type Distribution,
  distributionFromSpec,
  EventPriority as ENGINE_EventPriority,
  MINUTES_PER_DAY as ENGINE_MINUTES_PER_DAY,
  MINUTES_PER_HOUR as ENGINE_MINUTES_PER_HOUR,
  type HandlerId,
  IntQueue,
  poisson,
  type RandomStream,
  type RandomStreams,
  type Simulation,
  type TabulatedArrivals,
  TimeWeighted,
} from '@carepool/engine';
import type {
  AcuteWardsConfig,
  CommunityNursingConfig,
  EmergencyDepartmentConfig,
  GeneralPracticeConfig,
  HomeCareConfig,
  PlacementConfig,
  SystemConfig,
  VcseSupportConfig,
} from '../config.js';
import type { PressureSource, ServiceKind, ServicePressure, StaffingSource } from '../contracts.js';
import { ModelError } from '../errors.js';
import { hourlyArrivals, RunCalendar, surgeMultiplierByDay } from './calendar.js';
import {
  Pathway as PATIENT_Pathway,
  Source as PATIENT_Source,
  Stage as PATIENT_Stage,
  PatientStore,
} from './patients.js';
import { traceCarePackageStart, traceEdDeparture, tracePatient } from './trace.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const EventPriority = ENGINE_EventPriority;
const MINUTES_PER_DAY = ENGINE_MINUTES_PER_DAY;
const MINUTES_PER_HOUR = ENGINE_MINUTES_PER_HOUR;
const Pathway = PATIENT_Pathway;
const Source = PATIENT_Source;
const Stage = PATIENT_Stage;

const FOUR_HOURS = 240;
const TWELVE_HOURS = 720;
/** Day shift for ward nurse ratios: 08:00–20:00. */
const DAY_SHIFT_START_HOUR = 8;
const DAY_SHIFT_END_HOUR = 20;
/** Social care brokers packages and places once a day at 11:00 (after morning board rounds). */
const SOCIAL_CARE_STEP_HOUR = 11;

const minutesHistogram = (): BinnedHistogram => new BinnedHistogram({ binWidth: 5, binCount: 2016 }); // 5-minute bins to 7 days
const daysHistogram = (): BinnedHistogram => new BinnedHistogram({ binWidth: 0.25, binCount: 1460 }); // 6-hour bins to a year

/** Per-day counters of one unit (index = simulated day). */
class DayCounters {
  constructor(readonly days: number) {}
  private readonly arrays = new Map<string, Float64Array>();
  get(name: string): Float64Array {
    let a = this.arrays.get(name);
    if (a === undefined) {
      a = new Float64Array(this.days);
      this.arrays.set(name, a);
    }
    return a;
  }
}

/** Departure and waiting statistics of one ED over the reported period. */
class EdStats {
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
}

interface EdUnit {
  cfg: EmergencyDepartmentConfig;
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
  queue: IntQueue;
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
  day: DayCounters;
  /** Day arrays written per departure, resolved once (no lookup by name per event). */
  dayAttendances: Float64Array;
  dayWithin4h: Float64Array;
  dayOver12h: Float64Array;
  dayTimeToBedSum: Float64Array;
  dayTimeToBedCount: Float64Array;
  dayDtaOver12h: Float64Array;
  arrivals: number;
  lastBoardingArea: number;
  lastInDepartmentArea: number;
}

class WardStats {
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
interface WardGroup {
  index: number;
  /** Physical emergency beds of the group. */
  beds: number;
  /** Beds of groups before this one (for splitting staffed beds in proportion). */
  bedsBefore: number;
  los: Distribution;
  /** Patients needing this specialty waiting for a bed, in decision order. */
  queue: IntQueue;
  occupied: number;
  staffed: number;
}

interface WardUnit {
  cfg: AcuteWardsConfig;
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
  staffedEmergency: number;
  staffedTotal: number;
  nurses: number;
  nctr: number;
  nctrLevel: TimeWeighted;
  dischargeStartMinute: number;
  dischargeEndMinute: number;
  stats: WardStats;
  day: DayCounters;
  /** Day arrays written per admission and discharge, resolved once. */
  dayAdmissions: Float64Array;
  dayDischarges: Float64Array;
  directArrivals: number;
  lastNctrArea: number;
  /** ED indices of this trust, to restart them when cubicles free. */
  eds: number[];
}

/** One referral waiting for a package, place or visit: when it was made and for whom (−1: a community referral). */
interface Referral {
  atMinutes: number;
  patient: number;
}

class HomeCareUnit {
  /** People waiting at the end of each day. */
  day: Float64Array = new Float64Array(0);
  /** Start day and end day (exclusive) of each running package. */
  startDay: number[] = [];
  endDay: number[] = [];
  waiting: Referral[] = [];
  carerMinutes = new TimeWeighted();
  lastCarerArea = 0;
  wait = daysHistogram();
  visitsDelivered = 0;
  visitsUndelivered = 0;
  waitingSum = 0;
  waitingMax = 0;
  activeSum = 0;
  endOfDays = 0;
  duration: Distribution;
  referralStream: RandomStream;
  durationStream: RandomStream;
  onDuty = 0;
  constructor(
    readonly cfg: HomeCareConfig,
    readonly authority: number,
    streams: RandomStreams,
  ) {
    this.duration = distributionFromSpec(cfg.packageDurationDays);
    this.referralStream = streams.stream(`homeCare.${cfg.id}.referrals`);
    this.durationStream = streams.stream(`homeCare.${cfg.id}.durations`);
  }
  visitsNeeded(ageDays: number): number {
    const c = this.cfg;
    if (ageDays >= c.taperDays || c.taperDays <= 0) return c.ongoingVisitsPerDay;
    return c.initialVisitsPerDay + ((c.ongoingVisitsPerDay - c.initialVisitsPerDay) * ageDays) / c.taperDays;
  }
}

class PlacementUnit {
  /** People waiting at the end of each day. */
  day: Float64Array = new Float64Array(0);
  /** End day of each occupied place. */
  endDay: number[] = [];
  waiting: Referral[] = [];
  wait = daysHistogram();
  waitingSum = 0;
  waitingMax = 0;
  endOfDays = 0;
  stay: Distribution;
  stream: RandomStream;
  constructor(
    readonly cfg: PlacementConfig,
    readonly authority: number,
    streams: RandomStreams,
  ) {
    this.stay = distributionFromSpec(cfg.stayDays);
    this.stream = streams.stream(`placement.${cfg.id}`);
  }
}

class VcseUnit {
  clients = 0;
  constructor(readonly cfg: VcseSupportConfig) {}
}

interface AuthorityUnit {
  organisationId: string;
  homeCare: HomeCareUnit | undefined;
  stepDown: PlacementUnit | undefined;
  careHome: PlacementUnit | undefined;
  vcse: VcseUnit[];
}

class GpUnit {
  /** Outstanding requests by the day they were made. */
  backlogDay: number[] = [];
  backlogCount: number[] = [];
  appointments = 0;
  waitDaysSum = 0;
  unmet = 0;
  spilled = 0;
  peakOnDuty = 0;
  onDuty = 0;
  lastSupply = 0;
  stream: RandomStream;
  day: DayCounters;
  spillCumulative: Float64Array;
  spillTargets: number[];
  constructor(
    readonly cfg: GeneralPracticeConfig,
    streams: RandomStreams,
    days: number,
    edIndexById: Map<string, number>,
  ) {
    this.stream = streams.stream(`gp.${cfg.id}.demand`);
    this.day = new DayCounters(days);
    let sum = 0;
    for (const t of cfg.edSpillTargets) sum += t.share;
    let running = 0;
    this.spillCumulative = Float64Array.from(cfg.edSpillTargets, (t) => {
      running += t.share / (sum || 1);
      return running;
    });
    this.spillTargets = cfg.edSpillTargets.map((t) => {
      const i = edIndexById.get(t.emergencyDepartmentId);
      if (i === undefined) {
        throw new ModelError(
          `generalPractice '${cfg.id}': unknown edSpillTargets ED '${t.emergencyDepartmentId}'`,
        );
      }
      return i;
    });
  }
  get backlog(): number {
    let n = 0;
    for (const c of this.backlogCount) n += c;
    return n;
  }
}

class CommunityUnit {
  /** Referrals awaiting a first visit (request minute). */
  waiting: number[] = [];
  /** Visits still owed by each active referral. */
  active: number[] = [];
  followUpsToday = 0;
  visits = 0;
  firstVisits = 0;
  waitDaysSum = 0;
  nurseMinutes = new TimeWeighted();
  lastArea = 0;
  lastCapacity = 0;
  onDuty = 0;
  stream: RandomStream;
  constructor(
    readonly cfg: CommunityNursingConfig,
    streams: RandomStreams,
  ) {
    this.stream = streams.stream(`community.${cfg.id}.referrals`);
  }
}

/** Specialty groups of a trust's emergency beds, with emergency beds split by share (largest remainder). */
function wardGroups(w: AcuteWardsConfig): {
  groups: WardGroup[];
  groupCumulative: Float64Array;
  outlieAfterMinutes: number;
  emergencyBeds: number;
} {
  const emergencyBeds = Math.max(0, w.physicalBeds - w.ringFencedElectiveBeds);
  const specs = w.specialties ?? [];
  const outlieAfterMinutes = w.outlieAfterMinutes ?? Number.POSITIVE_INFINITY;
  if (!(outlieAfterMinutes >= 0)) {
    throw new ModelError(`acuteWards '${w.id}': outlieAfterMinutes must be ≥ 0; got ${w.outlieAfterMinutes}`);
  }
  if (specs.length === 0) {
    const group: WardGroup = {
      index: 0,
      beds: emergencyBeds,
      bedsBefore: 0,
      los: distributionFromSpec(w.clinicalLosDays),
      queue: new IntQueue(),
      occupied: 0,
      staffed: emergencyBeds,
    };
    return { groups: [group], groupCumulative: Float64Array.of(1), outlieAfterMinutes, emergencyBeds };
  }
  if (specs.length > 255) throw new ModelError(`acuteWards '${w.id}': at most 255 specialties`);
  let bedSum = 0;
  let admissionSum = 0;
  for (const sp of specs) {
    if (!(sp.bedShare > 0) || !(sp.admissionShare >= 0)) {
      throw new ModelError(
        `acuteWards '${w.id}' specialty '${sp.id}': bedShare must be > 0 and admissionShare ≥ 0`,
      );
    }
    bedSum += sp.bedShare;
    admissionSum += sp.admissionShare;
  }
  if (!(admissionSum > 0)) throw new ModelError(`acuteWards '${w.id}': specialty admissionShares sum to 0`);
  const groups: WardGroup[] = [];
  let before = 0;
  let cumulativeShare = 0;
  for (const [i, sp] of specs.entries()) {
    cumulativeShare += sp.bedShare / bedSum;
    const upTo = i === specs.length - 1 ? emergencyBeds : Math.round(emergencyBeds * cumulativeShare);
    groups.push({
      index: i,
      beds: upTo - before,
      bedsBefore: before,
      los: distributionFromSpec(sp.clinicalLosDays),
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

/** What leaves the model, counted for conservation checks. */
export interface FlowDepartures {
  edDischarged: number;
  edLeftWithoutBeingSeen: number;
  edAdmittedElsewhere: number;
  wardDischarged: number;
}

export interface SystemFlowArgs {
  sim: Simulation;
  config: SystemConfig;
  streams: RandomStreams;
  /** Warm-up length; metrics count from here. */
  warmupMinutes: number;
  /** Total simulated minutes (warm-up included). */
  endMinutes: number;
}

/** The patient-flow half of the system model. */
export class SystemFlow implements PressureSource {
  readonly patients = new PatientStore();
  readonly calendar: RunCalendar;
  readonly departures: FlowDepartures = {
    edDischarged: 0,
    edLeftWithoutBeingSeen: 0,
    edAdmittedElsewhere: 0,
    wardDischarged: 0,
  };
  /** Patients who entered: ED arrivals, direct admissions and the initial bed occupants. */
  arrivals = { ed: 0, direct: 0, initial: 0 };
  readonly eds: EdUnit[] = [];
  readonly wards: WardUnit[] = [];
  readonly authorities: AuthorityUnit[] = [];
  readonly gps: GpUnit[] = [];
  readonly community: CommunityUnit[] = [];
  private staffing: StaffingSource | undefined;
  private readonly sim: Simulation;
  private readonly config: SystemConfig;
  readonly warmupMinutes: number;
  readonly endMinutes: number;
  private readonly totalDays: number;
  private readonly opelThresholds: [number, number, number];
  private readonly initStream: RandomStream;

  private hEdArrival!: HandlerId;
  private hEdSpillArrival!: HandlerId;
  private hTreatmentEnd!: HandlerId;
  private hDecisionEnd!: HandlerId;
  private hDirectArrival!: HandlerId;
  private hFit!: HandlerId;
  private hDischarge!: HandlerId;
  private hDayStep!: HandlerId;
  private hSnapshot!: HandlerId;
  private hHourly!: HandlerId;
  private hRatioChange!: HandlerId;
  private hSocialCare!: HandlerId;
  private hOutlie!: HandlerId;

  constructor(args: SystemFlowArgs) {
    this.sim = args.sim;
    this.config = args.config;
    this.warmupMinutes = args.warmupMinutes;
    this.endMinutes = args.endMinutes;
    this.totalDays = Math.ceil(args.endMinutes / MINUTES_PER_DAY) + 1;
    this.calendar = new RunCalendar(args.config.startDate, this.totalDays);
    const t = args.config.workforce?.policySettings?.mutualAid?.opelThresholds;
    this.opelThresholds = t !== undefined ? [t[0], t[1], t[2]] : [0.85, 0.92, 0.97];
    this.initStream = args.streams.stream('flow.initialState');
    this.build(args.streams);
  }

  // ---------------------------------------------------------------------------------------------
  // Construction

  private build(streams: RandomStreams): void {
    const config = this.config;
    const edSurge = surgeMultiplierByDay(config.surges, this.totalDays, 'ed');
    const otherSurge = surgeMultiplierByDay(config.surges, this.totalDays, 'other');
    const authorityIndex = new Map<string, number>();
    for (const org of config.organisations) {
      if (org.kind !== 'localAuthority') continue;
      authorityIndex.set(org.id, this.authorities.length);
      this.authorities.push({
        organisationId: org.id,
        homeCare: undefined,
        stepDown: undefined,
        careHome: undefined,
        vcse: [],
      });
    }
    const authorityOf = (id: string, what: string): number => {
      const i = authorityIndex.get(id);
      if (i === undefined) throw new ModelError(`${what}: '${id}' is not a localAuthority organisation`);
      return i;
    };
    for (const hc of config.homeCare) {
      const a = authorityOf(hc.organisationId, `homeCare '${hc.id}'`);
      this.authorities[a].homeCare = new HomeCareUnit(hc, a, streams);
      this.authorities[a].homeCare.day = new Float64Array(this.totalDays);
    }
    for (const pl of config.placements) {
      const a = authorityOf(pl.organisationId, `placement '${pl.id}'`);
      const unit = new PlacementUnit(pl, a, streams);
      unit.day = new Float64Array(this.totalDays);
      if (pl.kind === 'stepDown') this.authorities[a].stepDown = unit;
      else this.authorities[a].careHome = unit;
    }
    for (const v of config.vcseSupport) {
      for (const la of v.localAuthorityIds)
        this.authorities[authorityOf(la, `vcseSupport '${v.id}'`)].vcse.push(new VcseUnit(v));
    }

    for (const w of config.acuteWards) {
      const physical = w.physicalBeds;
      let sum = 0;
      for (const c of w.dischargeCatchment) sum += c.share;
      let running = 0;
      const catchmentCumulative = Float64Array.from(w.dischargeCatchment, (c) => {
        running += c.share / (sum || 1);
        return running;
      });
      const wardDay = new DayCounters(this.totalDays);
      const ward: WardUnit = {
        cfg: w,
        index: this.wards.length,
        organisationId: w.organisationId,
        directArrivalTimes: hourlyArrivals(
          w.directAdmissionsPerDay,
          w.directAdmissionProfile,
          this.calendar,
          otherSurge,
          `acuteWards '${w.id}' direct admissions`,
        ),
        directStream: streams.stream(`wards.${w.id}.directArrivals`),
        directAttributeStream: streams.stream(`wards.${w.id}.directAttributes`),
        los: distributionFromSpec(w.clinicalLosDays),
        processing: distributionFromSpec(
          w.dischargeProcessingMinutes ?? { kind: 'lognormal', mean: 180, sd: 120 },
        ),
        catchmentCumulative,
        catchmentAuthority: Int32Array.from(w.dischargeCatchment, (c) =>
          authorityOf(c.localAuthorityId, `acuteWards '${w.id}' dischargeCatchment`),
        ),
        ...wardGroups(w),
        waiting: 0,
        occupied: 0,
        staffedEmergency: Math.max(0, physical - w.ringFencedElectiveBeds),
        staffedTotal: physical,
        nurses: 0,
        nctr: 0,
        nctrLevel: new TimeWeighted(),
        dischargeStartMinute: (w.dischargeStartHour ?? 9) * MINUTES_PER_HOUR,
        dischargeEndMinute: (w.dischargeEndHour ?? 20) * MINUTES_PER_HOUR,
        stats: new WardStats(),
        day: wardDay,
        dayAdmissions: wardDay.get('admissions'),
        dayDischarges: wardDay.get('discharges'),
        directArrivals: 0,
        lastNctrArea: 0,
        eds: [],
      };
      if (ward.catchmentAuthority.length === 0) {
        throw new ModelError(
          `acuteWards '${w.id}': dischargeCatchment must name at least one local authority`,
        );
      }
      this.wards.push(ward);
    }
    const wardByOrg = new Map(this.wards.map((w) => [w.organisationId, w.index]));
    const edIndexById = new Map<string, number>();
    for (const e of config.emergencyDepartments) {
      const ward = wardByOrg.get(e.organisationId);
      if (ward === undefined) {
        throw new ModelError(
          `emergencyDepartment '${e.id}': organisation '${e.organisationId}' has no acuteWards`,
        );
      }
      const edDay = new DayCounters(this.totalDays);
      const unit: EdUnit = {
        cfg: e,
        index: this.eds.length,
        organisationId: e.organisationId,
        ward,
        siblings: config.emergencyDepartments.filter((x) => x.organisationId === e.organisationId).length,
        arrivalTimes: hourlyArrivals(
          e.meanArrivalsPerDay,
          e.arrivalProfile,
          this.calendar,
          edSurge,
          `emergencyDepartment '${e.id}'`,
        ),
        arrivalStream: streams.stream(`ed.${e.id}.arrivals`),
        attributeStream: streams.stream(`ed.${e.id}.attributes`),
        spillStream: streams.stream(`ed.${e.id}.spillArrivals`),
        spillAttributeStream: streams.stream(`ed.${e.id}.spillAttributes`),
        spillHour: categorical({ weights: e.arrivalProfile.hourOfDayMultipliers }),
        treatment: distributionFromSpec(e.treatmentMinutes),
        decision: distributionFromSpec(e.decisionMinutes),
        admittedDecision: distributionFromSpec(e.admittedDecisionMinutes ?? e.decisionMinutes),
        patience:
          e.leaveWithoutBeingSeenAfterMinutes === undefined
            ? undefined
            : distributionFromSpec(e.leaveWithoutBeingSeenAfterMinutes),
        queue: new IntQueue(),
        freeCubicles: e.cubicles,
        freeBoardingSpaces: Math.max(0, Math.floor(e.boardingSpaces ?? 0)),
        corridorBoarding: 0,
        busyClinicians: 0,
        clinicians: 0,
        boarding: 0,
        inDepartment: 0,
        boardingLevel: new TimeWeighted(),
        inDepartmentLevel: new TimeWeighted(),
        stats: new EdStats(),
        day: edDay,
        dayAttendances: edDay.get('attendances'),
        dayWithin4h: edDay.get('within4h'),
        dayOver12h: edDay.get('over12h'),
        dayTimeToBedSum: edDay.get('timeToBedSum'),
        dayTimeToBedCount: edDay.get('timeToBedCount'),
        dayDtaOver12h: edDay.get('dtaOver12h'),
        arrivals: 0,
        lastBoardingArea: 0,
        lastInDepartmentArea: 0,
      };
      edIndexById.set(e.id, unit.index);
      this.wards[ward].eds.push(unit.index);
      this.eds.push(unit);
    }
    for (const g of config.generalPractice)
      this.gps.push(new GpUnit(g, streams, this.totalDays, edIndexById));
    for (const c of config.communityNursing) this.community.push(new CommunityUnit(c, streams));
  }

  /** Connects staffing, places the initial state and schedules the first events. Call once. */
  start(staffing: StaffingSource): void {
    this.staffing = staffing;
    const sim = this.sim;
    this.hEdArrival = sim.registerHandler((ed) => this.onEdArrival(ed), 'edArrival');
    this.hEdSpillArrival = sim.registerHandler((ed) => this.onEdSpillArrival(ed), 'edSpillArrival');
    this.hTreatmentEnd = sim.registerHandler((p) => this.onTreatmentEnd(p), 'edTreatmentEnd');
    this.hDecisionEnd = sim.registerHandler((p) => this.onDecisionEnd(p), 'edDecisionEnd');
    this.hDirectArrival = sim.registerHandler((w) => this.onDirectArrival(w), 'directAdmission');
    this.hFit = sim.registerHandler((p) => this.onMedicallyFit(p), 'medicallyFit');
    this.hDischarge = sim.registerHandler((p) => this.onDischarge(p), 'discharge');
    this.hDayStep = sim.registerHandler((d) => this.onDayStep(d), 'dayStep');
    this.hSnapshot = sim.registerHandler((d) => this.onSnapshot(d), 'bedSnapshot');
    this.hHourly = sim.registerHandler(() => this.onHourly(), 'hourlyObservation');
    this.hRatioChange = sim.registerHandler(() => this.refreshStaffing(), 'nurseRatioChange');
    this.hSocialCare = sim.registerHandler((d) => this.onSocialCareStep(d), 'socialCareStep');
    this.hOutlie = sim.registerHandler((p) => this.onOutlieAllowed(p), 'outlieAllowed');

    staffing.subscribe(() => this.refreshStaffing());
    this.refreshStaffing();
    this.placeInitialState();

    for (const ed of this.eds) this.scheduleNextEdArrival(ed);
    for (const w of this.wards) this.scheduleNextDirect(w);
    sim.scheduleAt(0, this.hDayStep, 0, EventPriority.normal);
    sim.scheduleAt(SOCIAL_CARE_STEP_HOUR * MINUTES_PER_HOUR, this.hSocialCare, 0);
    sim.scheduleAt(
      this.config.bedSnapshotHour * MINUTES_PER_HOUR,
      this.hSnapshot,
      0,
      EventPriority.observation,
    );
    sim.scheduleAt(MINUTES_PER_HOUR, this.hHourly, 0, EventPriority.observation);
    // Ward nurse ratios switch between day and night; recompute staffed beds just after the shift change.
    sim.scheduleAt(
      DAY_SHIFT_START_HOUR * MINUTES_PER_HOUR,
      this.hRatioChange,
      0,
      EventPriority.capacityChange + 1,
    );
    sim.scheduleAt(
      DAY_SHIFT_END_HOUR * MINUTES_PER_HOUR,
      this.hRatioChange,
      0,
      EventPriority.capacityChange + 1,
    );
    sim.scheduleAt(
      this.warmupMinutes,
      sim.registerHandler(() => this.onWarmupEnd(), 'warmupEnd'),
      0,
      EventPriority.capacityChange,
    );
  }

  private onWarmupEnd(): void {
    const now = this.sim.now;
    for (const ed of this.eds) {
      ed.boardingLevel.reset(now);
      ed.inDepartmentLevel.reset(now);
    }
    for (const w of this.wards) w.nctrLevel.reset(now);
  }

  private placeInitialState(): void {
    const P = this.patients;
    const stream = this.initStream;
    for (const w of this.wards) {
      const n = Math.min(
        w.cfg.initialOccupiedBeds - w.cfg.ringFencedElectiveBeds,
        w.cfg.physicalBeds - w.cfg.ringFencedElectiveBeds,
      );
      for (let i = 0; i < n; i++) {
        const id = P.allocate();
        this.arrivals.initial++;
        P.source[id] = Source.initial;
        P.ed[id] = -1;
        P.ward[id] = w.index;
        P.arrivalAt[id] = 0;
        P.decisionAt[id] = 0;
        P.seenAt[id] = 0;
        P.bedAt[id] = 0;
        this.drawDischargeAttributes(id, w, stream);
        // Residual stay: uniform fraction of a fresh stay (the IPACS shortcut); the warm-up absorbs the bias.
        P.clinicalLosMinutes[id] *= stream.uniform();
        P.stage[id] = Stage.wardClinical;
        // In a bed of their own specialty if one is free, else outlying in the emptiest group.
        let g = w.groups[P.group[id]];
        if (g.occupied >= g.beds) {
          for (const h of w.groups) if (h.beds - h.occupied > g.beds - g.occupied) g = h;
        }
        P.bedGroup[id] = g.index;
        g.occupied++;
        w.occupied++;
        this.sim.schedule(P.clinicalLosMinutes[id], this.hFit, id);
      }
    }
    for (const a of this.authorities) {
      const hc = a.homeCare;
      if (hc !== undefined) {
        for (let i = 0; i < hc.cfg.initialActivePackages; i++) {
          const duration = Math.max(1, Math.round(hc.duration.sample(stream)));
          const age = Math.floor(stream.uniform() * duration);
          hc.startDay.push(-age);
          hc.endDay.push(duration - age);
        }
      }
      for (const pl of [a.stepDown, a.careHome]) {
        if (pl === undefined) continue;
        const n = Math.min(pl.cfg.initialOccupiedPlaces, pl.cfg.places);
        for (let i = 0; i < n; i++)
          pl.endDay.push(Math.max(1, Math.ceil(pl.stay.sample(stream) * stream.uniform())));
      }
    }
  }

  /** Clinical LOS, discharge pathway and route: drawn once per patient, in a fixed order. */
  private drawDischargeAttributes(id: number, w: WardUnit, stream: RandomStream): void {
    const P = this.patients;
    const shares = this.config.dischargePathways;
    if (w.groups.length > 1) {
      // Specialty first (one uniform, only when specialties are configured), then its length of stay.
      const uGroup = stream.uniform();
      const cumulative = w.groupCumulative;
      let g = 0;
      while (g < cumulative.length - 1 && uGroup > cumulative[g]) g++;
      P.group[id] = g;
      P.clinicalLosMinutes[id] = w.groups[g].los.sample(stream) * MINUTES_PER_DAY;
    } else {
      P.group[id] = 0;
      P.clinicalLosMinutes[id] = w.los.sample(stream) * MINUTES_PER_DAY;
    }
    const u = stream.uniform();
    let pathway: number = Pathway.p3;
    if (u < shares.p0HomeShare) pathway = Pathway.p0;
    else if (u < shares.p0HomeShare + shares.p1HomeWithCareShare) pathway = Pathway.p1;
    else if (u < shares.p0HomeShare + shares.p1HomeWithCareShare + shares.p2StepDownShare)
      pathway = Pathway.p2;
    P.pathway[id] = pathway;
    const uVcse = stream.uniform();
    P.vcseEligible[id] = pathway === Pathway.p1 && uVcse < shares.p1VcseEligibleShare ? 1 : 0;
    const uFollow = stream.uniform();
    P.communityFollowUp[id] = pathway === Pathway.p0 && uFollow < shares.p0CommunityFollowUpShare ? 1 : 0;
    const uLa = stream.uniform();
    let k = 0;
    while (k < w.catchmentCumulative.length - 1 && uLa > w.catchmentCumulative[k]) k++;
    P.authority[id] = w.catchmentAuthority[k];
    P.dischargeProcessingMinutes[id] = w.processing.sample(stream);
  }

  // ---------------------------------------------------------------------------------------------
  // Staffing

  /** Re-reads staff on duty everywhere; reopens beds and cubicle work that new staff allow. */
  private refreshStaffing(): void {
    const staffing = this.staffing;
    if (staffing === undefined) return;
    const now = this.sim.now;
    const minuteOfDay = now % MINUTES_PER_DAY;
    const isDay =
      minuteOfDay >= DAY_SHIFT_START_HOUR * MINUTES_PER_HOUR &&
      minuteOfDay < DAY_SHIFT_END_HOUR * MINUTES_PER_HOUR;
    for (const w of this.wards) {
      const nurses = staffing.onDuty(w.organisationId, 'ward');
      const ratio = isDay ? w.cfg.patientsPerNurseDay : w.cfg.patientsPerNurseNight;
      w.nurses = nurses;
      const staffedTotal = Math.min(w.cfg.physicalBeds, Math.floor(nurses * ratio + 1e-9));
      w.staffedTotal = staffedTotal;
      const before = w.staffedEmergency;
      const staffedEmergency = Math.max(0, staffedTotal - w.cfg.ringFencedElectiveBeds);
      w.staffedEmergency = staffedEmergency;
      if (w.groups.length === 1) {
        w.groups[0].staffed = staffedEmergency;
        if (staffedEmergency > before) this.tryAdmit(w, w.groups[0]);
      } else if (staffedEmergency !== before) {
        // Staffed beds split across groups in proportion to their beds (cumulative rounding keeps the sum).
        const total = Math.max(1, w.emergencyBeds);
        let grew = false;
        for (const g of w.groups) {
          const staffed =
            Math.round((staffedEmergency * (g.bedsBefore + g.beds)) / total) -
            Math.round((staffedEmergency * g.bedsBefore) / total);
          if (staffed > g.staffed) grew = true;
          g.staffed = staffed;
        }
        if (grew) for (const g of w.groups) this.tryAdmit(w, g);
      }
    }
    for (const ed of this.eds) {
      const before = ed.clinicians;
      ed.clinicians = Math.floor(staffing.onDuty(ed.organisationId, 'ed') / ed.siblings + 1e-9);
      if (ed.clinicians > before) this.tryStartTreatment(ed);
    }
    for (const a of this.authorities) {
      const hc = a.homeCare;
      if (hc !== undefined) {
        hc.onDuty = staffing.onDuty(a.organisationId, 'homeCare');
        hc.carerMinutes.update(now, hc.onDuty);
      }
    }
    for (const g of this.gps) {
      g.onDuty = staffing.onDuty(g.cfg.organisationId, 'generalPractice');
      if (g.onDuty > g.peakOnDuty) g.peakOnDuty = g.onDuty;
    }
    for (const c of this.community) {
      c.onDuty = staffing.onDuty(c.cfg.organisationId, 'community');
      c.nurseMinutes.update(now, c.onDuty);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Emergency department

  private scheduleNextEdArrival(ed: EdUnit): void {
    const at = ed.arrivalTimes.nextArrivalAt(this.sim.now, ed.arrivalStream);
    if (at < this.endMinutes) this.sim.scheduleAt(at, this.hEdArrival, ed.index);
  }

  private onEdArrival(edIndex: number): void {
    const ed = this.eds[edIndex];
    this.admitToEd(ed, ed.attributeStream);
    this.scheduleNextEdArrival(ed);
  }

  private onEdSpillArrival(edIndex: number): void {
    const ed = this.eds[edIndex];
    this.admitToEd(ed, ed.spillAttributeStream);
  }

  private admitToEd(ed: EdUnit, stream: RandomStream): void {
    const P = this.patients;
    const now = this.sim.now;
    const id = P.allocate();
    this.arrivals.ed++;
    ed.arrivals++;
    P.source[id] = Source.ed;
    P.ed[id] = ed.index;
    P.ward[id] = ed.ward;
    P.arrivalAt[id] = now;
    // Attributes in a fixed order from the ED's attribute stream (common random numbers).
    P.admit[id] = stream.uniform() < ed.cfg.admissionShare ? 1 : 0;
    P.wardAdmit[id] = stream.uniform() < ed.cfg.wardAdmissionShare ? 1 : 0;
    P.treatmentMinutes[id] = ed.treatment.sample(stream);
    const decisionMinutes = ed.decision.sample(stream);
    const admittedDecisionMinutes = ed.admittedDecision.sample(stream);
    P.decisionMinutes[id] = P.admit[id] === 1 ? admittedDecisionMinutes : decisionMinutes;
    P.patienceMinutes[id] = ed.patience === undefined ? Number.POSITIVE_INFINITY : ed.patience.sample(stream);
    this.drawDischargeAttributes(id, this.wards[ed.ward], stream);
    if (this.sim.tracer !== undefined) tracePatient(this.sim, P, 'ed.arrival', id, ed.cfg.id);
    P.stage[id] = Stage.edWaiting;
    ed.inDepartment++;
    ed.inDepartmentLevel.update(now, ed.inDepartment);
    ed.queue.push(id);
    this.tryStartTreatment(ed);
  }

  private tryStartTreatment(ed: EdUnit): void {
    const P = this.patients;
    const now = this.sim.now;
    const queue = ed.queue;
    while (queue.length > 0 && ed.freeCubicles > 0 && ed.busyClinicians < ed.clinicians) {
      const id = queue.shift();
      const waited = now - P.arrivalAt[id];
      if (waited > P.patienceMinutes[id]) {
        // Left without being seen, when their patience ran out (noticed now).
        this.leaveEd(ed, id, P.arrivalAt[id] + P.patienceMinutes[id], 2);
        continue;
      }
      ed.freeCubicles--;
      ed.busyClinicians++;
      P.seenAt[id] = now;
      if (this.sim.tracer !== undefined) tracePatient(this.sim, P, 'ed.assessmentStart', id, ed.cfg.id);
      P.stage[id] = Stage.edTreatment;
      if (now >= this.warmupMinutes) ed.stats.timeToClinician.record(waited);
      this.sim.schedule(P.treatmentMinutes[id], this.hTreatmentEnd, id);
    }
  }

  private onTreatmentEnd(id: number): void {
    const P = this.patients;
    const ed = this.eds[P.ed[id]];
    ed.busyClinicians--;
    P.stage[id] = Stage.edDecision;
    this.sim.schedule(P.decisionMinutes[id], this.hDecisionEnd, id);
    this.tryStartTreatment(ed);
  }

  private onDecisionEnd(id: number): void {
    const P = this.patients;
    const ed = this.eds[P.ed[id]];
    const now = this.sim.now;
    if (P.admit[id] === 0) {
      ed.freeCubicles++;
      this.leaveEd(ed, id, now, 0);
      this.tryStartTreatment(ed);
      return;
    }
    if (P.wardAdmit[id] === 0) {
      ed.freeCubicles++;
      this.leaveEd(ed, id, now, 1);
      this.tryStartTreatment(ed);
      return;
    }
    P.decisionAt[id] = now;
    if (this.sim.tracer !== undefined) tracePatient(this.sim, P, 'ed.decisionToAdmit', id, ed.cfg.id);
    P.stage[id] = Stage.edBoarding;
    ed.boarding++;
    ed.boardingLevel.update(now, ed.boarding);
    P.inCorridor[id] = 0;
    this.joinBedQueue(this.wards[ed.ward], id);
    // Still waiting: move to a corridor space if one is free, releasing the cubicle.
    if (P.stage[id] === Stage.edBoarding && ed.freeBoardingSpaces > 0) {
      ed.freeBoardingSpaces--;
      ed.corridorBoarding++;
      P.inCorridor[id] = 1;
      ed.freeCubicles++;
      this.tryStartTreatment(ed);
    }
  }

  /**
   * Records a departure from ED. kind: 0 discharged home, 1 admitted elsewhere (transfer),
   * 2 left without being seen, 3 admitted to a ward bed here.
   */
  private leaveEd(ed: EdUnit, id: number, atMinutes: number, kind: 0 | 1 | 2 | 3): void {
    const P = this.patients;
    const now = this.sim.now;
    ed.inDepartment--;
    ed.inDepartmentLevel.update(now, ed.inDepartment);
    if (atMinutes < now) ed.inDepartmentLevel.correct(atMinutes, now, -1);
    const minutesInDept = atMinutes - P.arrivalAt[id];
    if (this.sim.tracer !== undefined) traceEdDeparture(this.sim, P, id, kind, ed.cfg.id);
    if (atMinutes >= this.warmupMinutes) {
      const s = ed.stats;
      s.attendances++;
      s.timeInDepartment.record(minutesInDept);
      const day = Math.floor(atMinutes / MINUTES_PER_DAY);
      ed.dayAttendances[day]++;
      if (minutesInDept <= FOUR_HOURS) {
        s.within4h++;
        ed.dayWithin4h[day]++;
      }
      if (minutesInDept > TWELVE_HOURS) {
        s.over12h++;
        ed.dayOver12h[day]++;
      }
      if (kind === 2) s.lwbs++;
      if (kind === 3) {
        s.admitted++;
        if (minutesInDept <= FOUR_HOURS) s.admittedWithin4h++;
        const dta = atMinutes - P.decisionAt[id];
        s.timeToBed.record(dta);
        ed.dayTimeToBedSum[day] += dta;
        ed.dayTimeToBedCount[day]++;
        if (dta > TWELVE_HOURS) {
          s.dtaOver12h++;
          ed.dayDtaOver12h[day]++;
        }
      }
    }
    if (kind === 0) this.departures.edDischarged++;
    else if (kind === 1) this.departures.edAdmittedElsewhere++;
    else if (kind === 2) this.departures.edLeftWithoutBeingSeen++;
    if (kind !== 3) P.release(id);
  }

  // ---------------------------------------------------------------------------------------------
  // Wards

  private scheduleNextDirect(w: WardUnit): void {
    const at = w.directArrivalTimes.nextArrivalAt(this.sim.now, w.directStream);
    if (at < this.endMinutes) this.sim.scheduleAt(at, this.hDirectArrival, w.index);
  }

  private onDirectArrival(wardIndex: number): void {
    const w = this.wards[wardIndex];
    const P = this.patients;
    const id = P.allocate();
    this.arrivals.direct++;
    w.directArrivals++;
    P.source[id] = Source.direct;
    P.ed[id] = -1;
    P.ward[id] = w.index;
    P.arrivalAt[id] = this.sim.now;
    P.decisionAt[id] = this.sim.now;
    this.drawDischargeAttributes(id, w, w.directAttributeStream);
    if (this.sim.tracer !== undefined) tracePatient(this.sim, P, 'ward.directReferral', id, w.cfg.id);
    P.stage[id] = Stage.directWaiting;
    this.joinBedQueue(w, id);
    this.scheduleNextDirect(w);
  }

  /** Queues a patient (decision time already set) for a bed of their specialty, and admits if one is free. */
  private joinBedQueue(w: WardUnit, id: number): void {
    const g = w.groups[this.patients.group[id]];
    g.queue.push(id);
    w.waiting++;
    this.tryAdmit(w, g);
    if (this.patients.stage[id] !== Stage.wardClinical && w.outlieAfterMinutes < Number.POSITIVE_INFINITY) {
      const at = this.patients.decisionAt[id] + w.outlieAfterMinutes;
      if (at < this.endMinutes) this.sim.scheduleAt(at, this.hOutlie, id);
    }
  }

  /**
   * Fills group g's free staffed beds: its own patients first (first come first served), then, if
   * its queue is empty, patients of other specialties who have waited past the outlying threshold
   * (longest wait first).
   */
  private tryAdmit(w: WardUnit, g: WardGroup): void {
    while (g.queue.length > 0 && g.occupied < g.staffed) this.admitToBed(w, g, g.queue.shift());
    if (g.occupied >= g.staffed || w.waiting === 0 || w.outlieAfterMinutes === Number.POSITIVE_INFINITY)
      return;
    const P = this.patients;
    const latestDecision = this.sim.now - w.outlieAfterMinutes + 1e-9;
    while (g.occupied < g.staffed) {
      let from: WardGroup | undefined;
      let earliest = latestDecision;
      for (const h of w.groups) {
        if (h === g || h.queue.length === 0) continue;
        const at = P.decisionAt[h.queue.peek()];
        if (at <= earliest) {
          earliest = at;
          from = h;
        }
      }
      if (from === undefined) return;
      this.admitToBed(w, g, from.queue.shift());
    }
  }

  /** A waiting patient reached the outlying threshold: take a free bed of another specialty, if any. */
  private onOutlieAllowed(id: number): void {
    const P = this.patients;
    const stage = P.stage[id];
    if (stage !== Stage.edBoarding && stage !== Stage.directWaiting) return;
    const w = this.wards[P.ward[id]];
    // Ids are recycled: act only for the patient this timer was set for.
    if (Math.abs(P.decisionAt[id] + w.outlieAfterMinutes - this.sim.now) > 1e-6) return;
    const own = w.groups[P.group[id]];
    // Free beds elsewhere go to the longest waiters (queue heads); the emptiest group takes them.
    const latestDecision = this.sim.now - w.outlieAfterMinutes + 1e-9;
    while (own.queue.length > 0 && P.decisionAt[own.queue.peek()] <= latestDecision) {
      let best: WardGroup | undefined;
      for (const h of w.groups) {
        if (h === own || h.occupied >= h.staffed) continue;
        if (best === undefined || h.staffed - h.occupied > best.staffed - best.occupied) best = h;
      }
      if (best === undefined) return;
      this.admitToBed(w, best, own.queue.shift());
    }
  }

  private admitToBed(w: WardUnit, g: WardGroup, id: number): void {
    const P = this.patients;
    const now = this.sim.now;
    g.occupied++;
    w.occupied++;
    w.waiting--;
    P.bedGroup[id] = g.index;
    P.bedAt[id] = now;
    if (this.sim.tracer !== undefined) tracePatient(this.sim, P, 'ward.admission', id, w.cfg.id);
    if (now >= this.warmupMinutes) {
      w.stats.admissions++;
      if (g.index !== P.group[id]) w.stats.outlierAdmissions++;
      w.dayAdmissions[Math.floor(now / MINUTES_PER_DAY)]++;
    }
    if (P.stage[id] === Stage.edBoarding) {
      const ed = this.eds[P.ed[id]];
      ed.boarding--;
      ed.boardingLevel.update(now, ed.boarding);
      if (P.inCorridor[id] === 1) {
        P.inCorridor[id] = 0;
        ed.corridorBoarding--;
        ed.freeBoardingSpaces++;
        this.leaveEd(ed, id, now, 3);
      } else {
        ed.freeCubicles++;
        this.leaveEd(ed, id, now, 3);
        this.tryStartTreatment(ed);
      }
    } else if (now >= this.warmupMinutes) {
      w.stats.directWait.record(now - P.decisionAt[id]);
    }
    P.stage[id] = Stage.wardClinical;
    this.sim.schedule(P.clinicalLosMinutes[id], this.hFit, id);
  }

  private onMedicallyFit(id: number): void {
    const P = this.patients;
    const w = this.wards[P.ward[id]];
    const now = this.sim.now;
    P.fitAt[id] = now;
    if (this.sim.tracer !== undefined) tracePatient(this.sim, P, 'ward.medicallyFit', id, w.cfg.id);
    w.nctr++;
    w.nctrLevel.update(now, w.nctr);
    const pathway = P.pathway[id];
    if (pathway === Pathway.p0) {
      this.scheduleDischarge(id, w);
      return;
    }
    P.stage[id] = Stage.wardAwaitingCapacity;
    const a = this.authorities[P.authority[id]];
    const referral = { atMinutes: now, patient: id };
    const unit = pathway === Pathway.p1 ? a.homeCare : pathway === Pathway.p2 ? a.stepDown : a.careHome;
    if (unit === undefined) {
      // No such service configured for this authority: the patient goes home without it.
      this.scheduleDischarge(id, w);
      return;
    }
    unit.waiting.push(referral);
  }

  /** The patient leaves once discharges are running that day and the paperwork is done. */
  private scheduleDischarge(id: number, w: WardUnit): void {
    const P = this.patients;
    const now = this.sim.now;
    P.stage[id] = Stage.wardLeaving;
    const minuteOfDay = now % MINUTES_PER_DAY;
    let from = now;
    if (minuteOfDay < w.dischargeStartMinute) from = now - minuteOfDay + w.dischargeStartMinute;
    else if (minuteOfDay >= w.dischargeEndMinute)
      from = now - minuteOfDay + MINUTES_PER_DAY + w.dischargeStartMinute;
    const at = from + P.dischargeProcessingMinutes[id];
    this.sim.scheduleAt(at, this.hDischarge, id);
  }

  private onDischarge(id: number): void {
    const P = this.patients;
    const w = this.wards[P.ward[id]];
    const now = this.sim.now;
    const g = w.groups[P.bedGroup[id]];
    g.occupied--;
    w.occupied--;
    w.nctr--;
    w.nctrLevel.update(now, w.nctr);
    this.departures.wardDischarged++;
    if (this.sim.tracer !== undefined) tracePatient(this.sim, P, 'ward.discharge', id, w.cfg.id);
    if (now >= this.warmupMinutes) {
      w.stats.discharges++;
      w.stats.los.record((now - P.bedAt[id]) / MINUTES_PER_DAY);
      w.stats.dischargeDelay.record((now - P.fitAt[id]) / MINUTES_PER_DAY);
      w.dayDischarges[Math.floor(now / MINUTES_PER_DAY)]++;
    }
    if (P.communityFollowUp[id] === 1 && this.community.length > 0) {
      this.community[w.index % this.community.length].followUpsToday++;
    }
    P.release(id);
    this.tryAdmit(w, g);
  }

  // ---------------------------------------------------------------------------------------------
  // Daily steps: social care, VCSE, general practice, community nursing

  private onDayStep(day: number): void {
    if (day > 0) {
      const closed = day - 1;
      const now = this.sim.now;
      for (const ed of this.eds) {
        const area = ed.boardingLevel.totalAreaUntil(now);
        ed.day.get('boardingMean')[closed] = (area - ed.lastBoardingArea) / MINUTES_PER_DAY;
        ed.lastBoardingArea = area;
        // A departure learned late (left without being seen) is corrected on the day it is learned.
        const inDepartment = ed.inDepartmentLevel.totalAreaUntil(now);
        ed.day.get('inDepartmentMean')[closed] = (inDepartment - ed.lastInDepartmentArea) / MINUTES_PER_DAY;
        ed.lastInDepartmentArea = inDepartment;
      }
      for (const w of this.wards) {
        const area = w.nctrLevel.totalAreaUntil(now);
        w.day.get('nctrBedDays')[closed] = (area - w.lastNctrArea) / MINUTES_PER_DAY;
        w.lastNctrArea = area;
      }
      this.generalPracticeStep(closed);
      this.communityStep(closed);
    }
    // Next day; ratio-change events are daily too.
    const next = (day + 1) * MINUTES_PER_DAY;
    if (next <= this.endMinutes) this.sim.scheduleAt(next, this.hDayStep, day + 1, EventPriority.normal);
    const dayStart = day * MINUTES_PER_DAY;
    for (const hour of [DAY_SHIFT_START_HOUR, DAY_SHIFT_END_HOUR]) {
      const at = dayStart + MINUTES_PER_DAY + hour * MINUTES_PER_HOUR;
      if (at <= this.endMinutes)
        this.sim.scheduleAt(at, this.hRatioChange, 0, EventPriority.capacityChange + 1);
    }
  }

  /** Social care brokers packages and places once a day, late morning (after the ward round). */
  private onSocialCareStep(day: number): void {
    for (const a of this.authorities) this.authorityStep(a, day);
    const next = this.sim.now + MINUTES_PER_DAY;
    if (next <= this.endMinutes) this.sim.scheduleAt(next, this.hSocialCare, day + 1);
  }

  private authorityStep(a: AuthorityUnit, day: number): void {
    const now = this.sim.now;
    const counted = now >= this.warmupMinutes;
    // VCSE home-from-hospital first, for eligible P1 patients.
    const hc = a.homeCare;
    if (hc !== undefined) {
      let vcseSlots = 0;
      for (const v of a.vcse) vcseSlots += v.cfg.newClientsPerDay / v.cfg.localAuthorityIds.length;
      let slots = Math.floor(vcseSlots);
      if (slots > 0) {
        for (let i = 0; i < hc.waiting.length && slots > 0; ) {
          const r = hc.waiting[i];
          if (r.patient >= 0 && this.patients.vcseEligible[r.patient] === 1) {
            hc.waiting.splice(i, 1);
            slots--;
            if (counted && a.vcse.length > 0) a.vcse[0].clients++;
            this.scheduleDischarge(r.patient, this.wards[this.patients.ward[r.patient]]);
          } else i++;
        }
      }
      this.homeCareStep(hc, day, counted);
    }
    if (a.stepDown !== undefined) this.placementStep(a.stepDown, day, counted);
    if (a.careHome !== undefined) this.placementStep(a.careHome, day, counted);
  }

  /** IPACS-style: today's visit slots serve running packages, then start new ones first come first served. */
  private homeCareStep(hc: HomeCareUnit, day: number, counted: boolean): void {
    const now = this.sim.now;
    const cfg = hc.cfg;
    // Community referrals arrive through the day just ended.
    const newReferrals = poisson({ mean: cfg.communityReferralsPerDay }).sample(hc.referralStream);
    for (let i = 0; i < newReferrals; i++)
      hc.waiting.push({ atMinutes: now - hc.referralStream.uniform() * MINUTES_PER_DAY, patient: -1 });
    // Capacity: yesterday's carer minutes on duty (a day's lag; carers book rounds a day ahead).
    const area = hc.carerMinutes.totalAreaUntil(now);
    const carerMinutes = day === 0 ? this.initialCarerMinutes(hc) : area - hc.lastCarerArea;
    hc.lastCarerArea = area;
    let slots = carerMinutes / cfg.minutesPerVisit;
    // Running packages: drop ended ones, count today's visits.
    let needed = 0;
    let k = 0;
    for (let i = 0; i < hc.startDay.length; i++) {
      if (hc.endDay[i] <= day) continue;
      hc.startDay[k] = hc.startDay[i];
      hc.endDay[k] = hc.endDay[i];
      needed += hc.visitsNeeded(day - hc.startDay[i]);
      k++;
    }
    hc.startDay.length = k;
    hc.endDay.length = k;
    const delivered = Math.min(needed, slots);
    slots -= delivered;
    if (counted) {
      hc.visitsDelivered += delivered;
      hc.visitsUndelivered += needed - delivered;
    }
    // New packages start while today's spare slots cover their first day's visits.
    const first = cfg.initialVisitsPerDay;
    let started = 0;
    while (started < hc.waiting.length && slots >= first) {
      const r = hc.waiting[started];
      slots -= first;
      const duration = Math.max(1, Math.round(hc.duration.sample(hc.durationStream)));
      hc.startDay.push(day);
      hc.endDay.push(day + duration);
      if (counted) hc.wait.record(Math.max(0, now - r.atMinutes) / MINUTES_PER_DAY);
      if (this.sim.tracer !== undefined) traceCarePackageStart(this.sim, this.patients, r.patient, cfg.id);
      if (r.patient >= 0) this.scheduleDischarge(r.patient, this.wards[this.patients.ward[r.patient]]);
      started++;
    }
    if (started > 0) hc.waiting.splice(0, started);
    if (day > 0) hc.day[day - 1] = hc.waiting.length;
    if (counted) {
      hc.waitingSum += hc.waiting.length;
      hc.activeSum += hc.startDay.length;
      if (hc.waiting.length > hc.waitingMax) hc.waitingMax = hc.waiting.length;
      hc.endOfDays++;
    }
  }

  private initialCarerMinutes(hc: HomeCareUnit): number {
    // Day 0 has no past day: assume today's staffing holds all day.
    return hc.onDuty * MINUTES_PER_DAY;
  }

  private placementStep(pl: PlacementUnit, day: number, counted: boolean): void {
    const now = this.sim.now;
    const cfg = pl.cfg;
    const newAdmissions = poisson({ mean: cfg.communityAdmissionsPerDay }).sample(pl.stream);
    for (let i = 0; i < newAdmissions; i++)
      pl.waiting.push({ atMinutes: now - pl.stream.uniform() * MINUTES_PER_DAY, patient: -1 });
    let k = 0;
    for (let i = 0; i < pl.endDay.length; i++) if (pl.endDay[i] > day) pl.endDay[k++] = pl.endDay[i];
    pl.endDay.length = k;
    let free = cfg.places - pl.endDay.length;
    const readyBefore = now - cfg.assessmentDays * MINUTES_PER_DAY;
    for (let i = 0; i < pl.waiting.length && free > 0; ) {
      const r = pl.waiting[i];
      if (r.patient >= 0 && r.atMinutes > readyBefore) {
        i++;
        continue;
      }
      pl.waiting.splice(i, 1);
      free--;
      pl.endDay.push(day + Math.max(1, Math.round(pl.stay.sample(pl.stream))));
      if (counted) pl.wait.record(Math.max(0, now - r.atMinutes) / MINUTES_PER_DAY);
      if (r.patient >= 0) this.scheduleDischarge(r.patient, this.wards[this.patients.ward[r.patient]]);
    }
    if (day > 0) pl.day[day - 1] = pl.waiting.length;
    if (counted) {
      pl.waitingSum += pl.waiting.length;
      if (pl.waiting.length > pl.waitingMax) pl.waitingMax = pl.waiting.length;
      pl.endOfDays++;
    }
  }

  private generalPracticeStep(day: number): void {
    const counted = day * MINUTES_PER_DAY >= this.warmupMinutes;
    const working = this.calendar.isWorkingDay(day);
    for (const g of this.gps) {
      const cfg = g.cfg;
      if (working) {
        const mult = this.gpDayMultiplier(g, day);
        const requests = poisson({ mean: cfg.requestsPerWorkingDay * mult }).sample(g.stream);
        if (requests > 0) {
          g.backlogDay.push(day);
          g.backlogCount.push(requests);
        }
        let supply = Math.floor(g.peakOnDuty * cfg.appointmentsPerClinicianDay);
        g.lastSupply = supply;
        let delivered = 0;
        let waitSum = 0;
        while (supply > 0 && g.backlogCount.length > 0) {
          const take = Math.min(supply, g.backlogCount[0]);
          supply -= take;
          delivered += take;
          waitSum += take * (day - g.backlogDay[0]);
          g.backlogCount[0] -= take;
          if (g.backlogCount[0] === 0) {
            g.backlogCount.shift();
            g.backlogDay.shift();
          }
        }
        // Some of those still waiting give up; some of them go to ED tomorrow.
        let abandoned = 0;
        for (let i = 0; i < g.backlogCount.length; i++) {
          const give = Math.round(g.backlogCount[i] * cfg.abandonShare);
          g.backlogCount[i] -= give;
          abandoned += give;
        }
        const spill = poisson({ mean: abandoned * cfg.edSpillShare }).sample(g.stream);
        this.scheduleSpill(g, spill, day + 1);
        if (counted) {
          g.appointments += delivered;
          g.waitDaysSum += waitSum;
          g.unmet += abandoned;
          g.spilled += spill;
          g.day.get('appointments')[day] += delivered;
          g.day.get('waitSum')[day] += waitSum;
          g.day.get('unmet')[day] += abandoned;
        }
      }
      g.peakOnDuty = g.onDuty;
    }
  }

  private gpDayMultiplier(g: GpUnit, day: number): number {
    const p = g.cfg.demandProfile;
    const cal = this.calendar;
    const dow = p.dayOfWeekMultipliers;
    let workSum = 0;
    for (let i = 0; i < 5; i++) workSum += dow[i];
    let monthSum = 0;
    for (const v of p.monthMultipliers) monthSum += v;
    const surge = this.config.surges.reduce(
      (m, s) => (day >= s.startDay && day < s.startDay + s.durationDays ? m * s.otherDemandMultiplier : m),
      1,
    );
    return (
      (dow[cal.weekday[day]] / (workSum / 5)) *
      (p.monthMultipliers[cal.month[day]] / (monthSum / 12)) *
      (1 + p.annualGrowthShare) ** cal.yearsFromStart[day] *
      surge
    );
  }

  private scheduleSpill(g: GpUnit, count: number, day: number): void {
    const dayStart = day * MINUTES_PER_DAY;
    for (let i = 0; i < count; i++) {
      const u = g.stream.uniform();
      let k = 0;
      while (k < g.spillCumulative.length - 1 && u > g.spillCumulative[k]) k++;
      const ed = this.eds[g.spillTargets[k]];
      const at =
        dayStart + (ed.spillHour.sample(ed.spillStream) + ed.spillStream.uniform()) * MINUTES_PER_HOUR;
      if (at < this.endMinutes) this.sim.scheduleAt(at, this.hEdSpillArrival, ed.index);
    }
  }

  private communityStep(day: number): void {
    const now = this.sim.now;
    const counted = day * MINUTES_PER_DAY >= this.warmupMinutes;
    for (const c of this.community) {
      const cfg = c.cfg;
      const referrals = poisson({ mean: cfg.referralsPerDay }).sample(c.stream) + c.followUpsToday;
      c.followUpsToday = 0;
      for (let i = 0; i < referrals; i++) c.waiting.push(now - c.stream.uniform() * MINUTES_PER_DAY);
      const area = c.nurseMinutes.totalAreaUntil(now);
      let capacity = Math.floor((area - c.lastArea) / cfg.minutesPerVisit);
      c.lastArea = area;
      c.lastCapacity = capacity;
      let k = 0;
      let visits = 0;
      for (let i = 0; i < c.active.length; i++) {
        let owed = c.active[i];
        if (capacity > 0) {
          capacity--;
          visits++;
          owed--;
        }
        if (owed > 0) c.active[k++] = owed;
      }
      c.active.length = k;
      let started = 0;
      let waitSum = 0;
      while (capacity > 0 && started < c.waiting.length) {
        capacity--;
        visits++;
        waitSum += (now - c.waiting[started]) / MINUTES_PER_DAY;
        if (cfg.visitsPerReferral > 1) c.active.push(cfg.visitsPerReferral - 1);
        started++;
      }
      c.waiting.splice(0, started);
      if (counted) {
        c.visits += visits;
        c.firstVisits += started;
        c.waitDaysSum += waitSum;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Observations

  private onSnapshot(day: number): void {
    const now = this.sim.now;
    if (now >= this.warmupMinutes) {
      for (const w of this.wards) {
        const s = w.stats;
        const physical = w.cfg.physicalBeds;
        const occupied = w.occupied + w.cfg.ringFencedElectiveBeds;
        const occupancy = occupied / physical;
        s.snapshots++;
        s.occupancySum += occupancy;
        if (occupancy > s.occupancyMax) s.occupancyMax = occupancy;
        if (occupancy > 0.92) s.daysOver92++;
        s.staffedSum += w.staffedTotal;
        const closed = physical - w.staffedTotal;
        s.closedSum += closed;
        if (closed > s.closedMax) s.closedMax = closed;
        s.nctrSum += w.nctr;
        if (w.nctr > s.nctrMax) s.nctrMax = w.nctr;
        s.nctrShareSum += w.nctr / physical;
        w.day.get('occupied')[day] = occupied;
        w.day.get('staffed')[day] = w.staffedTotal;
        w.day.get('nctr')[day] = w.nctr;
      }
    }
    const next = now + MINUTES_PER_DAY;
    if (next <= this.endMinutes)
      this.sim.scheduleAt(next, this.hSnapshot, day + 1, EventPriority.observation);
  }

  private onHourly(): void {
    const now = this.sim.now;
    if (now > this.warmupMinutes) {
      const [, level3, level4] = this.opelThresholds;
      const day = Math.floor((now - 1) / MINUTES_PER_DAY);
      for (const w of this.wards) {
        const p = this.trustPressure(w);
        w.stats.hours++;
        if (p >= level3) w.stats.opel3Hours++;
        if (p >= level4) {
          w.stats.opel4Hours++;
          w.day.get('opel4Hours')[day]++;
        }
      }
    }
    const next = now + MINUTES_PER_HOUR;
    if (next <= this.endMinutes) this.sim.scheduleAt(next, this.hHourly, 0, EventPriority.observation);
  }

  // ---------------------------------------------------------------------------------------------
  // Pressure (what the workforce model and policies see)

  private edPressure(ed: EdUnit): number {
    return Math.min(1, (ed.queue.length + ed.boarding) / Math.max(1, ed.cfg.cubicles));
  }

  private wardPressure(w: WardUnit): number {
    return Math.min(
      1,
      (w.occupied + w.cfg.ringFencedElectiveBeds + w.waiting) / Math.max(1, w.cfg.physicalBeds),
    );
  }

  /** An acute trust's OPEL-style pressure: the worse of its ED and its beds. */
  trustPressure(w: WardUnit): number {
    let p = this.wardPressure(w);
    for (const e of w.eds) p = Math.max(p, this.edPressure(this.eds[e]));
    return p;
  }

  pressures(): readonly ServicePressure[] {
    const out: ServicePressure[] = [];
    const staffing = this.staffing;
    const onDuty = (org: string, service: ServiceKind): number =>
      staffing === undefined ? 0 : staffing.onDuty(org, service);
    for (const w of this.wards) {
      const ratio = this.isDayShift() ? w.cfg.patientsPerNurseDay : w.cfg.patientsPerNurseNight;
      out.push({
        organisationId: w.organisationId,
        service: 'ward',
        pressureScore: this.wardPressure(w),
        waitingCount: w.waiting,
        staffOnDuty: onDuty(w.organisationId, 'ward'),
        staffRequired: Math.ceil(
          Math.min(w.cfg.physicalBeds, w.occupied + w.cfg.ringFencedElectiveBeds + w.waiting) / ratio,
        ),
      });
    }
    for (const ed of this.eds) {
      out.push({
        organisationId: ed.organisationId,
        service: 'ed',
        pressureScore: this.edPressure(ed),
        waitingCount: ed.queue.length + ed.boarding,
        staffOnDuty: onDuty(ed.organisationId, 'ed'),
        staffRequired:
          ed.busyClinicians + ed.queue.length > ed.clinicians ? ed.clinicians + 1 : ed.clinicians,
      });
    }
    for (const a of this.authorities) {
      const hc = a.homeCare;
      if (hc === undefined) continue;
      const active = hc.startDay.length;
      out.push({
        organisationId: a.organisationId,
        service: 'homeCare',
        pressureScore: Math.min(1, hc.waiting.length / Math.max(1, 0.1 * active)),
        waitingCount: hc.waiting.length,
        staffOnDuty: hc.onDuty,
        staffRequired: hc.onDuty,
      });
    }
    for (const g of this.gps) {
      out.push({
        organisationId: g.cfg.organisationId,
        service: 'generalPractice',
        pressureScore: Math.min(1, g.backlog / Math.max(1, g.lastSupply)),
        waitingCount: g.backlog,
        staffOnDuty: g.onDuty,
        staffRequired: g.onDuty,
      });
    }
    for (const c of this.community) {
      out.push({
        organisationId: c.cfg.organisationId,
        service: 'community',
        pressureScore: Math.min(1, c.waiting.length / Math.max(1, c.lastCapacity)),
        waitingCount: c.waiting.length,
        staffOnDuty: c.onDuty,
        staffRequired: c.onDuty,
      });
    }
    return out;
  }

  private isDayShift(): boolean {
    const m = this.sim.now % MINUTES_PER_DAY;
    return m >= DAY_SHIFT_START_HOUR * MINUTES_PER_HOUR && m < DAY_SHIFT_END_HOUR * MINUTES_PER_HOUR;
  }

  // ---------------------------------------------------------------------------------------------
  // Census (for conservation checks)

  /** Patients in the model now, by where they are. */
  census(): {
    edWaiting: number;
    edTreatment: number;
    edDecision: number;
    edBoarding: number;
    directWaiting: number;
    inBed: number;
    inBedFit: number;
  } {
    const c = this.patients.census();
    return {
      edWaiting: c[Stage.edWaiting],
      edTreatment: c[Stage.edTreatment],
      edDecision: c[Stage.edDecision],
      edBoarding: c[Stage.edBoarding],
      directWaiting: c[Stage.directWaiting],
      inBed: c[Stage.wardClinical] + c[Stage.wardAwaitingCapacity] + c[Stage.wardLeaving],
      inBedFit: c[Stage.wardAwaitingCapacity] + c[Stage.wardLeaving],
    };
  }

  /** Occupied emergency beds by ward group (for conservation checks against the census). */
  occupiedBeds(): number[] {
    return this.wards.map((w) => w.occupied);
  }
}

export { type AuthorityUnit, DayCounters, type EdUnit, type WardUnit };
