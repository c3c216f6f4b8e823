/**
 * Community nursing, in a daily step: referrals (and follow-ups of discharged patients) wait for a
 * first visit; visits are limited by yesterday's nurse minutes on duty, ongoing referrals first.
 */
import * as ENGINE from '@carepool/engine';
import { FlowModule } from './state.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { MINUTES_PER_DAY } = ENGINE;

export class CommunityNursing extends FlowModule {
  communityStep(day: number): void {
    const now = this.s.sim.now;
    const counted = day * MINUTES_PER_DAY >= this.s.warmupMinutes;
    for (const c of this.s.community) {
      const cfg = c.cfg;
      const referrals = c.referrals.sample(c.stream) + c.followUpsToday;
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
}
