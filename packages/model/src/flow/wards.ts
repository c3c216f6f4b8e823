/**
 * Acute wards: direct admissions, each patient's clinical and discharge attributes, specialty bed
 * groups with outlying after a wait, admission to a staffed bed, becoming medically fit, the wait
 * for a discharge route, the discharge window and the discharge itself.
 */
import type { RandomStream } from '@carepool/engine';
import * as ENGINE from '@carepool/engine';
import type { EmergencyDepartments } from './ed.js';
import * as PATIENT from './patients.js';
import { FlowModule } from './state.js';
import { tracePatient } from './trace.js';
import type { WardGroup, WardUnit } from './units.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { MINUTES_PER_DAY } = ENGINE;
const { Pathway, Source, Stage } = PATIENT;

export class AcuteWards extends FlowModule {
  /** Set by the orchestrator once every module exists. */
  edFlow!: EmergencyDepartments;
  // Registered as the module is built (the handler ids are fixed for the run).
  private readonly hDirectArrival = this.s.sim.registerHandler(
    (w) => this.onDirectArrival(w),
    'directAdmission',
  );
  private readonly hFit = this.s.sim.registerHandler((p) => this.onMedicallyFit(p), 'medicallyFit');
  private readonly hDischarge = this.s.sim.registerHandler((p) => this.onDischarge(p), 'discharge');
  private readonly hOutlie = this.s.sim.registerHandler((p) => this.onOutlieAllowed(p), 'outlieAllowed');
  private readonly hBedReady = this.s.sim.registerHandler((wg) => this.onBedReady(wg), 'bedReady');

  /** Patients in beds at the start, part-way through their stay. */
  placeInitialPatients(): void {
    const P = this.s.patients;
    const stream = this.s.initStream;
    for (const w of this.s.wards) {
      const n = Math.min(
        w.cfg.initialOccupiedBeds - w.cfg.ringFencedElectiveBeds,
        w.cfg.physicalBeds - w.cfg.ringFencedElectiveBeds,
      );
      for (let i = 0; i < n; i++) {
        const id = P.allocate();
        this.s.arrivals.initial++;
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
        this.s.sim.scheduleAt(this.fitDeclaredAt(w, P.clinicalLosMinutes[id]), this.hFit, id);
      }
    }
  }

  /** Clinical LOS, discharge pathway and route: drawn once per patient, in a fixed order. */
  drawDischargeAttributes(id: number, w: WardUnit, stream: RandomStream): void {
    const P = this.s.patients;
    const shares = this.s.config.dischargePathways;
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
    // The season's length of stay, by day of arrival (a table built once; 1 without seasonality).
    P.clinicalLosMinutes[id] *= w.losMultiplierByDay[Math.floor(this.s.sim.now / MINUTES_PER_DAY)];
    const u = stream.uniform();
    let pathway: number = Pathway.p3;
    const group = w.groups[P.group[id]];
    const table =
      P.clinicalLosMinutes[id] >= group.longStayFromMinutes
        ? group.longStayPathwayCumulative
        : group.pathwayCumulative;
    if (u < table[0]) pathway = Pathway.p0;
    else if (u < table[1]) pathway = Pathway.p1;
    else if (u < table[2]) pathway = Pathway.p2;
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

  scheduleNextDirect(w: WardUnit): void {
    const at = w.directArrivalTimes.nextArrivalAt(this.s.sim.now, w.directStream);
    if (at < this.s.endMinutes) this.s.sim.scheduleAt(at, this.hDirectArrival, w.index);
  }

  private onDirectArrival(wardIndex: number): void {
    const w = this.s.wards[wardIndex];
    const P = this.s.patients;
    const id = P.allocate();
    this.s.arrivals.direct++;
    w.directArrivals++;
    P.source[id] = Source.direct;
    P.ed[id] = -1;
    P.ward[id] = w.index;
    P.arrivalAt[id] = this.s.sim.now;
    P.decisionAt[id] = this.s.sim.now;
    this.drawDischargeAttributes(id, w, w.directAttributeStream);
    if (this.s.sim.tracer !== undefined) tracePatient(this.s.sim, P, 'ward.directReferral', id, w.cfg.id);
    P.stage[id] = Stage.directWaiting;
    this.joinBedQueue(w, id);
    this.scheduleNextDirect(w);
  }

  /** Queues a patient (decision time already set) for a bed of their specialty, and admits if one is free. */
  joinBedQueue(w: WardUnit, id: number): void {
    const g = w.groups[this.s.patients.group[id]];
    g.queue.push(id);
    w.waiting++;
    this.tryAdmit(w, g);
    if (this.s.patients.stage[id] !== Stage.wardClinical && w.outlieAfterMinutes < Number.POSITIVE_INFINITY) {
      const at = this.s.patients.decisionAt[id] + w.outlieAfterMinutes;
      if (at < this.s.endMinutes) this.s.sim.scheduleAt(at, this.hOutlie, id);
    }
  }

  /**
   * Fills group g's free staffed beds: its own patients first (first come first served), then, if
   * its queue is empty, patients of other specialties who have waited past the outlying threshold
   * (longest wait first).
   */
  tryAdmit(w: WardUnit, g: WardGroup): void {
    while (g.queue.length > 0 && g.occupied < g.staffed) this.admitToBed(w, g, g.queue.shift());
    if (g.occupied >= g.staffed || w.waiting === 0 || w.outlieAfterMinutes === Number.POSITIVE_INFINITY)
      return;
    const P = this.s.patients;
    const latestDecision = this.s.sim.now - w.outlieAfterMinutes + 1e-9;
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
    const P = this.s.patients;
    const stage = P.stage[id];
    if (stage !== Stage.edBoarding && stage !== Stage.directWaiting) return;
    const w = this.s.wards[P.ward[id]];
    // Ids are recycled: act only for the patient this timer was set for.
    if (Math.abs(P.decisionAt[id] + w.outlieAfterMinutes - this.s.sim.now) > 1e-6) return;
    const own = w.groups[P.group[id]];
    // Free beds elsewhere go to the longest waiters (queue heads); the emptiest group takes them.
    const latestDecision = this.s.sim.now - w.outlieAfterMinutes + 1e-9;
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
    const P = this.s.patients;
    const now = this.s.sim.now;
    g.occupied++;
    w.occupied++;
    w.waiting--;
    P.bedGroup[id] = g.index;
    P.bedAt[id] = now;
    if (this.s.sim.tracer !== undefined) tracePatient(this.s.sim, P, 'ward.admission', id, w.cfg.id);
    if (now >= this.s.warmupMinutes) {
      w.stats.admissions++;
      if (g.index !== P.group[id]) w.stats.outlierAdmissions++;
      w.dayAdmissions[Math.floor(now / MINUTES_PER_DAY)]++;
    }
    if (P.stage[id] === Stage.edBoarding) {
      const ed = this.s.eds[P.ed[id]];
      ed.boarding--;
      ed.boardingLevel.update(now, ed.boarding);
      if (P.inCorridor[id] === 1) {
        P.inCorridor[id] = 0;
        ed.corridorBoarding--;
        ed.freeBoardingSpaces++;
        this.edFlow.leaveEd(ed, id, now, 3);
      } else {
        ed.freeCubicles++;
        this.edFlow.leaveEd(ed, id, now, 3);
        this.edFlow.tryStartTreatment(ed);
      }
    } else if (now >= this.s.warmupMinutes) {
      w.stats.directWait.record(now - P.decisionAt[id]);
    }
    P.stage[id] = Stage.wardClinical;
    this.s.sim.scheduleAt(this.fitDeclaredAt(w, now + P.clinicalLosMinutes[id]), this.hFit, id);
  }

  /**
   * When a clinical stay ending at `endMinutes` is declared over: at once by day; a stay ending after
   * the discharge window or before the morning ward round is declared at that round.
   */
  private fitDeclaredAt(w: WardUnit, endMinutes: number): number {
    const round = w.wardRoundMinute;
    if (round < 0) return endMinutes;
    const minuteOfDay = endMinutes % MINUTES_PER_DAY;
    if (minuteOfDay < round) return endMinutes - minuteOfDay + round;
    if (minuteOfDay >= w.dischargeEndMinute) return endMinutes - minuteOfDay + MINUTES_PER_DAY + round;
    return endMinutes;
  }

  private onMedicallyFit(id: number): void {
    const P = this.s.patients;
    const w = this.s.wards[P.ward[id]];
    const now = this.s.sim.now;
    P.fitAt[id] = now;
    if (this.s.sim.tracer !== undefined) tracePatient(this.s.sim, P, 'ward.medicallyFit', id, w.cfg.id);
    w.nctr++;
    w.nctrLevel.update(now, w.nctr);
    const pathway = P.pathway[id];
    if (pathway === Pathway.p0) {
      this.scheduleDischarge(id, w);
      return;
    }
    P.stage[id] = Stage.wardAwaitingCapacity;
    const a = this.s.authorities[P.authority[id]];
    const unit = pathway === Pathway.p1 ? a.homeCare : pathway === Pathway.p2 ? a.stepDown : a.careHome;
    if (unit === undefined) {
      // No such service configured for this authority: the patient goes home without it.
      this.scheduleDischarge(id, w);
      return;
    }
    unit.waiting.push({
      atMinutes: now,
      patient: id,
      readyAtMinutes: unit.hospitalReadyAt(now, now - P.bedAt[id]),
    });
  }

  /** The patient leaves once discharges are running that day and the paperwork is done. */
  scheduleDischarge(id: number, w: WardUnit): void {
    const P = this.s.patients;
    const now = this.s.sim.now;
    P.stage[id] = Stage.wardLeaving;
    const minuteOfDay = now % MINUTES_PER_DAY;
    let from = now;
    if (minuteOfDay < w.dischargeStartMinute) from = now - minuteOfDay + w.dischargeStartMinute;
    else if (minuteOfDay >= w.dischargeEndMinute)
      from = now - minuteOfDay + MINUTES_PER_DAY + w.dischargeStartMinute;
    const at = from + P.dischargeProcessingMinutes[id];
    this.s.sim.scheduleAt(at, this.hDischarge, id);
  }

  private onDischarge(id: number): void {
    const P = this.s.patients;
    const w = this.s.wards[P.ward[id]];
    const now = this.s.sim.now;
    const g = w.groups[P.bedGroup[id]];
    // With a turnaround time the bed stays unusable (the group's count) until it is ready.
    const turnaround = w.cfg.bedTurnaroundMinutes;
    if (turnaround === 0) g.occupied--;
    w.occupied--;
    w.nctr--;
    w.nctrLevel.update(now, w.nctr);
    this.s.departures.wardDischarged++;
    if (this.s.sim.tracer !== undefined) tracePatient(this.s.sim, P, 'ward.discharge', id, w.cfg.id);
    if (now >= this.s.warmupMinutes) {
      w.stats.discharges++;
      w.stats.los.record((now - P.bedAt[id]) / MINUTES_PER_DAY);
      w.stats.dischargeDelay.record((now - P.fitAt[id]) / MINUTES_PER_DAY);
      if (Math.floor(now / MINUTES_PER_DAY) > Math.floor(P.bedAt[id] / MINUTES_PER_DAY))
        w.stats.overnightDischargeDelay.record((now - P.fitAt[id]) / MINUTES_PER_DAY);
      w.dayDischarges[Math.floor(now / MINUTES_PER_DAY)]++;
    }
    if (P.communityFollowUp[id] === 1 && this.s.community.length > 0) {
      this.s.community[w.index % this.s.community.length].followUpsToday++;
    }
    P.release(id);
    if (turnaround === 0) this.tryAdmit(w, g);
    else {
      w.bedsTurningAround++;
      this.s.sim.schedule(turnaround, this.hBedReady, w.index * 256 + g.index);
    }
  }

  /** A freed bed is clean and matched: it takes the next patient. Payload ward × 256 + group. */
  private onBedReady(wardGroup: number): void {
    const w = this.s.wards[wardGroup >> 8];
    const g = w.groups[wardGroup & 255];
    g.occupied--;
    w.bedsTurningAround--;
    this.tryAdmit(w, g);
  }
}
