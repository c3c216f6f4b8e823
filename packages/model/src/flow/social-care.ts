/**
 * Social care and VCSE support, in a daily brokerage step: VCSE home-from-hospital for eligible
 * patients, home-care packages limited by yesterday's carer minutes (IPACS-style), step-down and
 * care-home placements; each start discharges the patient waiting for it.
 */
import * as ENGINE from '@carepool/engine';
import { MINUTES_PER_HOUR, type RandomStream } from '@carepool/engine';
import type { AuthorityUnit, HomeCareUnit, PlacementUnit, Referral } from './care-units.js';
import { FlowModule, SOCIAL_CARE_STEP_HOUR } from './state.js';
import { traceCarePackageStart } from './trace.js';
import type { AcuteWards } from './wards.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { MINUTES_PER_DAY } = ENGINE;

/** `count` people from the community (no hospital patient), each at a uniform minute of the day just ended. */
function arriveFromCommunity(waiting: Referral[], count: number, stream: RandomStream, now: number): void {
  for (let i = 0; i < count; i++) {
    const at = now - stream.uniform() * MINUTES_PER_DAY;
    waiting.push({ atMinutes: at, patient: -1, readyAtMinutes: at });
  }
}

export class SocialCare extends FlowModule {
  /** Set by the orchestrator once every module exists. */
  wardFlow!: AcuteWards;
  // Registered as the module is built (the handler ids are fixed for the run).
  private readonly hSocialCare = this.s.sim.registerHandler(
    (d) => this.onSocialCareStep(d),
    'socialCareStep',
  );

  /** Schedules the first daily brokerage step (it reschedules itself). */
  scheduleFirstStep(): void {
    this.s.sim.scheduleAt(SOCIAL_CARE_STEP_HOUR * MINUTES_PER_HOUR, this.hSocialCare, 0);
  }

  /** Home-care packages running and placements occupied at the start. */
  placeInitialClients(): void {
    const stream = this.s.initStream;
    for (const a of this.s.authorities) {
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

  /** Social care brokers packages and places once a day, late morning (after the ward round). */
  private onSocialCareStep(day: number): void {
    for (const a of this.s.authorities) this.authorityStep(a, day);
    const next = this.s.sim.now + MINUTES_PER_DAY;
    if (next <= this.s.endMinutes) this.s.sim.scheduleAt(next, this.hSocialCare, day + 1);
  }

  private authorityStep(a: AuthorityUnit, day: number): void {
    const now = this.s.sim.now;
    const counted = now >= this.s.warmupMinutes;
    // VCSE home-from-hospital first, for eligible P1 patients.
    const hc = a.homeCare;
    if (hc !== undefined) {
      let vcseSlots = 0;
      for (const v of a.vcse) vcseSlots += v.cfg.newClientsPerDay / v.cfg.localAuthorityIds.length;
      let slots = Math.floor(vcseSlots);
      if (slots > 0) {
        for (let i = 0; i < hc.waiting.length && slots > 0; ) {
          const r = hc.waiting[i];
          if (r.patient >= 0 && this.s.patients.vcseEligible[r.patient] === 1 && r.readyAtMinutes <= now) {
            hc.waiting.splice(i, 1);
            slots--;
            if (counted && a.vcse.length > 0) a.vcse[0].clients++;
            this.wardFlow.scheduleDischarge(r.patient, this.s.wards[this.s.patients.ward[r.patient]]);
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
    const now = this.s.sim.now;
    const cfg = hc.cfg;
    // Community referrals arrive through the day just ended.
    arriveFromCommunity(hc.waiting, hc.referrals.sample(hc.referralStream), hc.referralStream, now);
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
    // New packages start while today's spare slots cover their first day's visits, first come first
    // served among those ready (assessed and brokered); the others keep their place in the queue.
    const first = cfg.initialVisitsPerDay;
    const waiting = hc.waiting;
    let started = 0;
    let kept = 0;
    let i = 0;
    for (; i < waiting.length && slots >= first; i++) {
      const r = waiting[i];
      if (r.readyAtMinutes > now) {
        waiting[kept++] = r;
        continue;
      }
      slots -= first;
      const duration = Math.max(1, Math.round(hc.duration.sample(hc.durationStream)));
      hc.startDay.push(day);
      hc.endDay.push(day + duration);
      if (counted) hc.wait.record(Math.max(0, now - r.atMinutes) / MINUTES_PER_DAY);
      if (this.s.sim.tracer !== undefined)
        traceCarePackageStart(this.s.sim, this.s.patients, r.patient, cfg.id);
      if (r.patient >= 0)
        this.wardFlow.scheduleDischarge(r.patient, this.s.wards[this.s.patients.ward[r.patient]]);
      started++;
    }
    if (started > 0) {
      for (; i < waiting.length; i++) waiting[kept++] = waiting[i];
      waiting.length = kept;
    }
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
    const now = this.s.sim.now;
    const cfg = pl.cfg;
    arriveFromCommunity(pl.waiting, pl.communityAdmissions.sample(pl.stream), pl.stream, now);
    let k = 0;
    for (let i = 0; i < pl.endDay.length; i++) if (pl.endDay[i] > day) pl.endDay[k++] = pl.endDay[i];
    pl.endDay.length = k;
    let free = cfg.places - pl.endDay.length;
    const readyBefore = now - cfg.assessmentDays * MINUTES_PER_DAY;
    const perPatient = pl.ready !== undefined;
    for (let i = 0; i < pl.waiting.length && free > 0; ) {
      const r = pl.waiting[i];
      // Hospital patients wait for their assessment first (per patient, or the fixed assessmentDays).
      if (r.patient >= 0 && (perPatient ? r.readyAtMinutes > now : r.atMinutes > readyBefore)) {
        i++;
        continue;
      }
      pl.waiting.splice(i, 1);
      free--;
      pl.endDay.push(day + Math.max(1, Math.round(pl.stay.sample(pl.stream))));
      if (counted) pl.wait.record(Math.max(0, now - r.atMinutes) / MINUTES_PER_DAY);
      if (r.patient >= 0)
        this.wardFlow.scheduleDischarge(r.patient, this.s.wards[this.s.patients.ward[r.patient]]);
    }
    if (day > 0) pl.day[day - 1] = pl.waiting.length;
    if (counted) {
      pl.waitingSum += pl.waiting.length;
      if (pl.waiting.length > pl.waitingMax) pl.waitingMax = pl.waiting.length;
      pl.endOfDays++;
    }
  }
}
