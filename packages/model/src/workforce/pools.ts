/**
 * Staff pools at the start: each pool's runtime record from its configuration (establishment, shift
 * pattern, sickness, turnover, hiring, bank), the role's competencies and substitutions, and the
 * members in post and recruits in the pipeline when the run begins.
 */
import * as ENGINE from '@carepool/engine';
import { distributionFromSpec, lognormalFromLog, type RandomStreams } from '@carepool/engine';
import type { ServiceKind } from '../contracts.js';
import type { ResolvedStaffPoolConfig } from '../resolve.js';
import * as STATE from './state.js';
import { lengthBiasedLognormal, type PoolRuntime, SERVICE_KINDS, WorkforcePart } from './state.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { MINUTES_PER_DAY, MINUTES_PER_HOUR } = ENGINE;
const { SERVICE_COUNT, NO_SLOT, MEMBER_HEALTHY } = STATE;

/** Where a new pool sits (its index, organisation and home slot) and the burnout window it keeps. */
interface PoolPlace {
  index: number;
  organisationIndex: number;
  homeSlot: number;
  burnoutWindowDays: number;
}

/** A pool's runtime record at the start: derived settings, then empty state and counters. */
function newPoolRuntime(
  config: ResolvedStaffPoolConfig,
  place: PoolPlace,
  streams: RandomStreams,
): PoolRuntime {
  const pattern = config.shiftPattern;
  const daysPerWeek = pattern.worksWeekends ? 7 : 5;
  const meanRequired = config.requiredOnDutyByShift.reduce((a, b) => a + b, 0) / pattern.shiftsPerDay;
  const spellMinutes = config.sicknessSpellDays * MINUTES_PER_DAY;
  const s = config.sicknessAbsenceShare;
  return {
    index: place.index,
    config,
    organisationIndex: place.organisationIndex,
    homeSlot: place.homeSlot,
    homeService: config.homeService,
    isRegisteredNurse: config.role === 'registeredNurse',
    establishment: Math.round(config.establishmentWte),
    dutyFraction: config.hoursPerWtePerWeek / (pattern.hoursPerShift * pattern.shiftsPerDay * daysPerWeek),
    shiftWeights: Float64Array.from(config.requiredOnDutyByShift, (r) =>
      meanRequired > 0 ? r / meanRequired : 1,
    ),
    shiftMinutes: pattern.hoursPerShift * MINUTES_PER_HOUR,
    // Onset rate per healthy member so that the long-run share sick is s: λ·d / (1 + λ·d) = s.
    sicknessOnsetPerMinute: s > 0 ? s / ((1 - s) * spellMinutes) : 0,
    sicknessSpellMinutes: spellMinutes,
    hireSuccessShare: config.hireSuccessShare,
    overtimeFillShare: config.overtimeFillShare,
    overtimeHourlyCostGbp: config.overtimeHourlyCostGbp,
    timeToHireDays: distributionFromSpec(config.timeToHireDays),
    streams: {
      sickness: streams.stream(`workforce.sickness.${config.id}`),
      turnover: streams.stream(`workforce.turnover.${config.id}`),
      hiring: streams.stream(`workforce.hiring.${config.id}`),
      fills: streams.stream(`workforce.fills.${config.id}`),
    },
    bankFreeFrom: new Array<number>(Math.max(0, Math.round(config.bankHeadcount))).fill(0),
    healthy: [],
    sick: [],
    hiresInPipeline: 0,
    leaverRateMultiplier: 1,
    sicknessRateMultiplier: 1,
    sicknessEvent: -1,
    leaverEvent: -1,
    onShift: false,
    shiftIndex: -1,
    shiftEndsAt: 0,
    nextDay: 0,
    nextShift: 0,
    nextStartAt: 0,
    startsNow: false,
    required: 0,
    rostered: 0,
    rosterCarry: 0,
    lent: 0,
    received: 0,
    bankFills: 0,
    agencyFills: 0,
    overtimeFills: 0,
    assignments: [],
    vacancyChangedAt: 0,
    overloadToday: 0,
    overloadShiftsToday: 0,
    overloadWindow: new Float64Array(place.burnoutWindowDays),
    overloadWindowNext: 0,
  };
}

export class PoolSetup extends WorkforcePart {
  /** Adds a pool of a checked configuration (resolve-checks.ts: unique id, known organisation, ...). */
  addPool(config: ResolvedStaffPoolConfig, streams: RandomStreams): void {
    const organisationIndex = this.s.organisationIndex.get(config.organisationId) as number;
    const homeService = config.homeService;
    const homeSlot =
      homeService === 'none'
        ? NO_SLOT
        : organisationIndex * SERVICE_COUNT + SERVICE_KINDS.indexOf(homeService);
    const index = this.s.pools.length;
    const burnoutWindowDays = Math.max(1, Math.round(this.s.config.workforce.burnoutFeedback.windowDays));
    const pool = newPoolRuntime(config, { index, organisationIndex, homeSlot, burnoutWindowDays }, streams);
    this.s.pools.push(pool);
    this.s.poolIndex.set(config.id, index);
    if (homeSlot !== NO_SLOT) this.s.poolsBySlot[homeSlot].push(index);
  }

  /** Competency (1) or substitution effectiveness of a role at a service, over the pools holding that role. */
  roleEffectiveness(role: string): Map<ServiceKind, number> {
    const result = new Map<ServiceKind, number>();
    for (const service of SERVICE_KINDS) {
      let best = this.s.substitution.get(`${role}|${service}`) ?? 0;
      for (const pool of this.s.pools) {
        if (pool.config.role === role && pool.config.competencies.includes(service)) best = 1;
      }
      if (best > 0) result.set(service, best);
    }
    return result;
  }

  initialisePool(pool: PoolRuntime): void {
    const config = pool.config;
    const inPost = Math.round(config.inPostWte);
    const stream = pool.streams.sickness;
    const s = config.sicknessAbsenceShare;
    for (let i = 0; i < inPost; i++) {
      const member = this.newMember(pool);
      // Start in the long-run state: sick with probability s, the spell's remaining length exponential (memoryless).
      if (s > 0 && stream.uniform() < s) {
        this.p.absence.makeSick(pool, member);
        this.s.sim.schedule(
          -pool.sicknessSpellMinutes * Math.log(stream.uniform()),
          this.s.hSicknessEnd,
          member,
        );
      }
    }
    pool.vacancyChangedAt = this.s.sim.now;
    // Vacancies open at the start are part-way through recruitment: remaining time U × (length-biased draw).
    const vacancies = pool.establishment - inPost;
    const spec = config.timeToHireDays;
    const lengthBiased =
      spec.kind === 'lognormalLog'
        ? lognormalFromLog({ mu: spec.mu + spec.sigma * spec.sigma, sigma: spec.sigma })
        : spec.kind === 'lognormal'
          ? lengthBiasedLognormal(spec.mean, spec.sd)
          : pool.timeToHireDays;
    for (let v = 0; v < vacancies && pool.hiresInPipeline < config.maxHiresInPipeline; v++) {
      pool.hiresInPipeline++;
      const remainingDays = pool.streams.hiring.uniform() * lengthBiased.sample(pool.streams.hiring);
      this.s.sim.schedule(remainingDays * MINUTES_PER_DAY, this.s.hHire, pool.index);
    }
  }

  newMember(pool: PoolRuntime): number {
    const member = this.s.memberPool.length;
    this.s.memberPool.push(pool.index);
    this.s.memberState.push(MEMBER_HEALTHY);
    this.s.memberPosition.push(pool.healthy.length);
    this.s.memberBusyUntil.push(0);
    pool.healthy.push(member);
    return member;
  }
}
