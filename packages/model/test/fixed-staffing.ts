/** A test double for staffing: fixed numbers on duty by (organisation, service), day and night. */
import { MINUTES_PER_DAY, type Simulation } from '@carepool/engine';
import type { ServiceKind, StaffingSource } from '../src/contracts.js';
import type { RunnableStaffing, StaffingFactory } from '../src/run.js';

export interface FixedLevels {
  /** On duty 08:00–20:00. */
  day: number;
  /** On duty 20:00–08:00. */
  night: number;
}

export class FixedStaffing implements StaffingSource, RunnableStaffing {
  private readonly levels = new Map<string, FixedLevels>();
  constructor(
    private readonly sim: Simulation,
    levels: Record<string, FixedLevels>,
  ) {
    for (const [k, v] of Object.entries(levels)) this.levels.set(k, v);
  }
  start(): void {}
  onDuty(organisationId: string, service: ServiceKind): number {
    const l = this.levels.get(`${organisationId}|${service}`);
    if (l === undefined) return 0;
    const minute = this.sim.now % MINUTES_PER_DAY;
    return minute >= 480 && minute < 1200 ? l.day : l.night;
  }
  subscribe(): void {}
}

/** Staffing for the default ICS (or a scaled copy): beds fully staffed, ED, carers, GPs and nurses sized to demand. */
export function fixedIcsStaffing(
  scale = 1,
  overrides: Record<string, FixedLevels> = {},
  staffedBedShare = 0.95,
): StaffingFactory {
  return ({ sim, config }) => {
    const levels: Record<string, FixedLevels> = {};
    for (const w of config.acuteWards) {
      levels[`${w.organisationId}|ward`] = {
        day: (w.physicalBeds * staffedBedShare) / w.patientsPerNurseDay,
        night: (w.physicalBeds * staffedBedShare) / w.patientsPerNurseNight,
      };
    }
    for (const e of config.emergencyDepartments) {
      levels[`${e.organisationId}|ed`] = {
        day: Math.ceil(e.meanArrivalsPerDay / 15),
        night: Math.ceil(e.meanArrivalsPerDay / 27),
      };
    }
    for (const h of config.homeCare) {
      // Enough carer time for the packages running at the start, plus 8% headroom, times `scale`.
      const carers = ((h.initialActivePackages * 3.2 * h.minutesPerVisit) / 1440) * 1.08 * scale;
      levels[`${h.organisationId}|homeCare`] = { day: carers, night: carers };
    }
    for (const g of config.generalPractice) {
      const n = Math.ceil(g.requestsPerWorkingDay / g.appointmentsPerClinicianDay) * 1.02;
      levels[`${g.organisationId}|generalPractice`] = { day: n, night: 0 };
    }
    for (const c of config.communityNursing) {
      const nurses =
        ((c.referralsPerDay * 1.2 * c.visitsPerReferral * c.minutesPerVisit) / 1440) * 1.1 * scale;
      levels[`${c.organisationId}|community`] = { day: nurses, night: nurses };
    }
    Object.assign(levels, overrides);
    return new FixedStaffing(sim, levels);
  };
}
