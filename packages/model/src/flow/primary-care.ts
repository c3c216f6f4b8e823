/**
 * General practice, in a daily step on working days: requests by a demand profile, appointments
 * limited by the clinicians on duty, a backlog first come first served, and those who give up — some
 * of whom attend ED the next day.
 */
import * as ENGINE from '@carepool/engine';
import { poisson } from '@carepool/engine';
import type { GpUnit } from './care-units.js';
import type { EmergencyDepartments } from './ed.js';
import { FlowModule } from './state.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { MINUTES_PER_DAY, MINUTES_PER_HOUR } = ENGINE;

export class GeneralPractice extends FlowModule {
  /** Set by the orchestrator once every module exists. */
  edFlow!: EmergencyDepartments;

  generalPracticeStep(day: number): void {
    const counted = day * MINUTES_PER_DAY >= this.s.warmupMinutes;
    const working = this.s.calendar.isWorkingDay(day);
    for (const g of this.s.gps) {
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
          g.day.of('appointments')[day] += delivered;
          g.day.of('waitSum')[day] += waitSum;
          g.day.of('unmet')[day] += abandoned;
        }
      }
      g.peakOnDuty = g.onDuty;
    }
  }

  private gpDayMultiplier(g: GpUnit, day: number): number {
    const p = g.cfg.demandProfile;
    const cal = this.s.calendar;
    const dow = p.dayOfWeekMultipliers;
    let workSum = 0;
    for (let i = 0; i < 5; i++) workSum += dow[i];
    let monthSum = 0;
    for (const v of p.monthMultipliers) monthSum += v;
    const surge = this.s.config.surges.reduce(
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
      const ed = this.s.eds[g.spillTargets[k]];
      const at =
        dayStart + (ed.spillHour.sample(ed.spillStream) + ed.spillStream.uniform()) * MINUTES_PER_HOUR;
      this.edFlow.scheduleSpillArrival(ed, at);
    }
  }
}
