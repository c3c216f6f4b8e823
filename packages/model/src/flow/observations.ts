/**
 * What is observed rather than simulated: the daily bed snapshot (occupancy, staffed and closed beds,
 * NCTR), hourly OPEL-style pressure, and the daily means of census levels.
 */
import * as ENGINE from '@carepool/engine';
import * as PATIENT from './patients.js';
import type { Pressure } from './pressure.js';
import { FlowModule } from './state.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { EventPriority, MINUTES_PER_DAY, MINUTES_PER_HOUR } = ENGINE;
const { Stage } = PATIENT;

export class Observations extends FlowModule {
  /** Set by the orchestrator once every module exists. */
  pressure!: Pressure;
  // Registered as the module is built (the handler ids are fixed for the run).
  private readonly hSnapshot = this.s.sim.registerHandler((d) => this.onSnapshot(d), 'bedSnapshot');
  private readonly hHourly = this.s.sim.registerHandler(() => this.onHourly(), 'hourlyObservation');

  /** Schedules the first bed snapshot and hourly observation (each reschedules itself). */
  scheduleFirst(): void {
    const sim = this.s.sim;
    sim.scheduleAt(
      this.s.config.bedSnapshotHour * MINUTES_PER_HOUR,
      this.hSnapshot,
      0,
      EventPriority.observation,
    );
    sim.scheduleAt(MINUTES_PER_HOUR, this.hHourly, 0, EventPriority.observation);
  }

  private onSnapshot(day: number): void {
    const now = this.s.sim.now;
    if (now >= this.s.warmupMinutes) {
      this.countLongStays(now);
      for (const w of this.s.wards) {
        const s = w.stats;
        const physical = w.cfg.physicalBeds;
        const occupied = w.occupied + w.cfg.ringFencedElectiveBeds;
        const occupancy = occupied / physical;
        s.snapshots++;
        s.occupancySum += occupancy;
        if (occupancy > s.occupancyMax) s.occupancyMax = occupancy;
        if (occupancy > 0.92) s.daysOver92++;
        s.staffedSum += w.staffedTotal;
        const infectionClosed = w.infectionClosedByDay[day];
        s.infectionClosedSum += infectionClosed;
        const closed = Math.max(0, physical - infectionClosed - w.staffedTotal);
        s.closedSum += closed;
        if (closed > s.closedMax) s.closedMax = closed;
        s.nctrSum += w.nctr;
        if (w.nctr > s.nctrMax) s.nctrMax = w.nctr;
        s.nctrShareSum += w.nctr / physical;
        w.day.of('occupied')[day] = occupied;
        w.day.of('staffed')[day] = w.staffedTotal;
        w.day.of('nctr')[day] = w.nctr;
      }
    }
    const next = now + MINUTES_PER_DAY;
    if (next <= this.s.endMinutes)
      this.s.sim.scheduleAt(next, this.hSnapshot, day + 1, EventPriority.observation);
  }

  /**
   * Long stays at the snapshot: patients in a bed 14+ and 21+ days since admission, those of them
   * medically fit by pathway (the NHS counts long-stay delayed patients by reason). One pass over the
   * patient records a day.
   */
  private countLongStays(now: number): void {
    const P = this.s.patients;
    const fourteen = now - 14 * MINUTES_PER_DAY;
    const twentyOne = now - 21 * MINUTES_PER_DAY;
    const n = P.capacity;
    for (let i = 0; i < n; i++) {
      const stage = P.stage[i];
      if (stage < Stage.wardClinical || stage > Stage.wardLeaving) continue;
      const bedAt = P.bedAt[i];
      if (bedAt > fourteen) continue;
      const s = this.s.wards[P.ward[i]].stats;
      const fit = stage !== Stage.wardClinical;
      if (fit) s.longStayNctrByPathwaySum[P.pathway[i]]++;
      if (bedAt <= twentyOne) {
        s.over21PatientsSum++;
        if (fit) s.over21NctrSum++;
      }
    }
  }

  private onHourly(): void {
    const now = this.s.sim.now;
    if (now > this.s.warmupMinutes) {
      const [, level3, level4] = this.s.opelThresholds;
      const day = Math.floor((now - 1) / MINUTES_PER_DAY);
      for (const w of this.s.wards) {
        const p = this.pressure.trustPressure(w);
        w.stats.hours++;
        if (p >= level3) w.stats.opel3Hours++;
        if (p >= level4) {
          w.stats.opel4Hours++;
          w.day.of('opel4Hours')[day]++;
        }
      }
    }
    const next = now + MINUTES_PER_HOUR;
    if (next <= this.s.endMinutes) this.s.sim.scheduleAt(next, this.hHourly, 0, EventPriority.observation);
  }

  /** Daily means of the census levels for the day that just closed (warm-up included). */
  closeDay(closed: number): void {
    const now = this.s.sim.now;
    for (const ed of this.s.eds) {
      const area = ed.boardingLevel.totalAreaUntil(now);
      ed.day.of('boardingMean')[closed] = (area - ed.lastBoardingArea) / MINUTES_PER_DAY;
      ed.lastBoardingArea = area;
      // A departure learned late (left without being seen) is corrected on the day it is learned.
      const inDepartment = ed.inDepartmentLevel.totalAreaUntil(now);
      ed.day.of('inDepartmentMean')[closed] = (inDepartment - ed.lastInDepartmentArea) / MINUTES_PER_DAY;
      ed.lastInDepartmentArea = inDepartment;
    }
    for (const w of this.s.wards) {
      const area = w.nctrLevel.totalAreaUntil(now);
      w.day.of('nctrBedDays')[closed] = (area - w.lastNctrArea) / MINUTES_PER_DAY;
      w.lastNctrArea = area;
    }
  }
}
