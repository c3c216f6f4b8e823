/** Pressure: what the workforce model and deployment policies see of each service. */
import * as ENGINE from '@carepool/engine';
import type { ServiceKind, ServicePressure, StaffingSource } from '../contracts.js';
import * as STATE from './state.js';
import { FlowModule } from './state.js';
import type { EdUnit, WardUnit } from './units.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { MINUTES_PER_DAY, MINUTES_PER_HOUR } = ENGINE;
const { DAY_SHIFT_START_HOUR, DAY_SHIFT_END_HOUR } = STATE;

export class Pressure extends FlowModule {
  /** Staff on duty, once the run has connected it. */
  staffing: StaffingSource | undefined;

  private edPressure(ed: EdUnit): number {
    return Math.min(1, (edQueued(ed) + ed.boarding) / Math.max(1, ed.cfg.cubicles));
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
    for (const e of w.eds) p = Math.max(p, this.edPressure(this.s.eds[e]));
    return p;
  }

  pressures(): readonly ServicePressure[] {
    const out: ServicePressure[] = [];
    const staffing = this.staffing;
    const onDuty = (org: string, service: ServiceKind): number =>
      staffing === undefined ? 0 : staffing.onDuty(org, service);
    for (const w of this.s.wards) {
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
    for (const ed of this.s.eds) {
      out.push({
        organisationId: ed.organisationId,
        service: 'ed',
        pressureScore: this.edPressure(ed),
        waitingCount: edQueued(ed) + ed.boarding,
        staffOnDuty: onDuty(ed.organisationId, 'ed'),
        staffRequired: ed.busyClinicians + edQueued(ed) > ed.clinicians ? ed.clinicians + 1 : ed.clinicians,
      });
    }
    for (const a of this.s.authorities) {
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
    for (const g of this.s.gps) {
      out.push({
        organisationId: g.cfg.organisationId,
        service: 'generalPractice',
        pressureScore: Math.min(1, g.backlog / Math.max(1, g.lastSupply)),
        waitingCount: g.backlog,
        staffOnDuty: g.onDuty,
        staffRequired: g.onDuty,
      });
    }
    for (const c of this.s.community) {
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
    const m = this.s.sim.now % MINUTES_PER_DAY;
    return m >= DAY_SHIFT_START_HOUR * MINUTES_PER_HOUR && m < DAY_SHIFT_END_HOUR * MINUTES_PER_HOUR;
  }
}

/** Patients queueing for a clinician in an ED, in all its streams. */
function edQueued(ed: EdUnit): number {
  return ed.queue.length + ed.minorsQueue.length + ed.ambulanceQueue.length;
}
