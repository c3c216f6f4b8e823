/**
 * The state of social care (home care, placements, VCSE), general practice and community nursing
 * units: who waits, what runs, and the counts the summary reports.
 */
import {
  DailySeries,
  type Distribution,
  type DistributionSpec,
  distributionFromSpec,
  MINUTES_PER_DAY,
  poisson,
  type RandomStream,
  type RandomStreams,
  TimeWeighted,
} from '@carepool/engine';
import type {
  CommunityNursingConfig,
  GeneralPracticeConfig,
  HomeCareConfig,
  PlacementConfig,
  VcseSupportConfig,
} from '../config.js';
import { cumulativeShares, daysHistogram } from './units.js';

/** Per-day series of a GP unit (index = simulated day). */
export const GP_DAY_SERIES = ['appointments', 'waitSum', 'unmet'] as const;
export type GpDaySeries = (typeof GP_DAY_SERIES)[number];

/** One referral waiting for a package, place or visit: when it was made and for whom (−1: a community referral). */
export interface Referral {
  atMinutes: number;
  patient: number;
  /** When the referral can first be served (assessment, brokerage, choice done). */
  readyAtMinutes: number;
}

/** Days to readiness drawn per hospital patient, from a stream of its own (absent: none drawn). */
interface Readiness {
  days: Distribution;
  stream: RandomStream;
}

function readiness(
  spec: DistributionSpec | undefined,
  streams: RandomStreams,
  name: string,
): Readiness | undefined {
  return spec === undefined ? undefined : { days: distributionFromSpec(spec), stream: streams.stream(name) };
}

export class HomeCareUnit {
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
  /** Community referrals a day (Poisson). */
  referrals: Distribution;
  referralStream: RandomStream;
  durationStream: RandomStream;
  /** Per-patient days from fit until a package could start (`readyAfterDays`). */
  ready: Readiness | undefined;
  /** The same for complex packages, after a stay of at least `complexFromMinutes` (`complexPackage`). */
  complexReady: Readiness | undefined;
  complexFromMinutes: number;
  onDuty = 0;
  constructor(
    readonly cfg: HomeCareConfig,
    readonly authority: number,
    streams: RandomStreams,
  ) {
    this.duration = distributionFromSpec(cfg.packageDurationDays);
    this.referrals = poisson({ mean: cfg.communityReferralsPerDay });
    this.referralStream = streams.stream(`homeCare.${cfg.id}.referrals`);
    this.durationStream = streams.stream(`homeCare.${cfg.id}.durations`);
    this.ready = readiness(cfg.readyAfterDays, streams, `homeCare.${cfg.id}.ready`);
    const complex = cfg.complexPackage;
    this.complexReady = readiness(complex?.readyAfterDays, streams, `homeCare.${cfg.id}.complexReady`);
    this.complexFromMinutes = (complex?.fromStayDays ?? Number.POSITIVE_INFINITY) * MINUTES_PER_DAY;
  }
  /** When a hospital patient fit at `now`, in a bed for `stayMinutes`, could start a package. */
  hospitalReadyAt(now: number, stayMinutes: number): number {
    const r = stayMinutes >= this.complexFromMinutes ? this.complexReady : this.ready;
    return r === undefined ? now : now + r.days.sample(r.stream) * MINUTES_PER_DAY;
  }
  visitsNeeded(ageDays: number): number {
    const c = this.cfg;
    if (ageDays >= c.taperDays || c.taperDays <= 0) return c.ongoingVisitsPerDay;
    return c.initialVisitsPerDay + ((c.ongoingVisitsPerDay - c.initialVisitsPerDay) * ageDays) / c.taperDays;
  }
}

export class PlacementUnit {
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
  /** Admissions from the community a day (Poisson). */
  communityAdmissions: Distribution;
  stream: RandomStream;
  /** Per-patient days from fit until they could take a place (`readyAfterDays`; absent: `assessmentDays`). */
  ready: Readiness | undefined;
  constructor(
    readonly cfg: PlacementConfig,
    readonly authority: number,
    streams: RandomStreams,
  ) {
    this.stay = distributionFromSpec(cfg.stayDays);
    this.communityAdmissions = poisson({ mean: cfg.communityAdmissionsPerDay });
    this.stream = streams.stream(`placement.${cfg.id}`);
    this.ready = readiness(cfg.readyAfterDays, streams, `placement.${cfg.id}.ready`);
  }
  /** When a hospital patient fit at `now` could take a place (the stay so far does not matter). */
  hospitalReadyAt(now: number, _stayMinutes: number): number {
    const r = this.ready;
    const days = r === undefined ? this.cfg.assessmentDays : r.days.sample(r.stream);
    return now + days * MINUTES_PER_DAY;
  }
}

export class VcseUnit {
  clients = 0;
  constructor(readonly cfg: VcseSupportConfig) {}
}

export interface AuthorityUnit {
  organisationId: string;
  homeCare: HomeCareUnit | undefined;
  stepDown: PlacementUnit | undefined;
  careHome: PlacementUnit | undefined;
  vcse: VcseUnit[];
}

export class GpUnit {
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
  day: DailySeries<GpDaySeries>;
  spillCumulative: Float64Array;
  spillTargets: number[];
  constructor(
    readonly cfg: GeneralPracticeConfig,
    streams: RandomStreams,
    days: number,
    edIndexById: Map<string, number>,
  ) {
    this.stream = streams.stream(`gp.${cfg.id}.demand`);
    this.day = new DailySeries(GP_DAY_SERIES, days);
    this.spillCumulative = cumulativeShares(cfg.edSpillTargets);
    // resolve-checks.ts has checked that the spill targets are EDs.
    this.spillTargets = cfg.edSpillTargets.map((t) => edIndexById.get(t.emergencyDepartmentId) as number);
  }
  get backlog(): number {
    let n = 0;
    for (const c of this.backlogCount) n += c;
    return n;
  }
}

export class CommunityUnit {
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
  /** Referrals a day (Poisson). */
  referrals: Distribution;
  stream: RandomStream;
  constructor(
    readonly cfg: CommunityNursingConfig,
    streams: RandomStreams,
  ) {
    this.stream = streams.stream(`community.${cfg.id}.referrals`);
    this.referrals = poisson({ mean: cfg.referralsPerDay });
  }
}
