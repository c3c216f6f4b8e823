/**
 * Type-1 emergency departments: arrivals (and GP spill-over), the wait for a cubicle and a
 * clinician, assessment, the decision, boarding for a bed (in a cubicle or a corridor space), and
 * departures with their four-hour, twelve-hour and time-to-bed statistics.
 */
import type { IntQueue, RandomStream } from '@carepool/engine';
import * as ENGINE from '@carepool/engine';
import * as PATIENT from './patients.js';
import { FlowModule } from './state.js';
import { traceEdDeparture, tracePatient } from './trace.js';
import type { EdUnit, WardUnit } from './units.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { MINUTES_PER_DAY } = ENGINE;
const { Source, Stage, EdStream } = PATIENT;

const FOUR_HOURS = 240;
const TWELVE_HOURS = 720;
const ONE_HOUR = 60;
/** Set on top of a stream code by `drawStream` for a patient with a long post-treatment wait. */
const LONG_WAIT = 8;
const STREAM_MASK = 7;

/**
 * What the ED asks of the acute wards (wards.ts implements it): the discharge attributes of a patient
 * who will be admitted, drawn at arrival from the ED's stream, and a place in the bed queue once the
 * decision to admit is made. Declared here so the ED need not import the wards, which call back into
 * the ED when a boarder gets a bed.
 */
export interface WardAdmissions {
  drawDischargeAttributes(id: number, w: WardUnit, stream: RandomStream): void;
  joinBedQueue(w: WardUnit, id: number): void;
}

export class EmergencyDepartments extends FlowModule {
  /** Set by the orchestrator once every module exists (the acute wards). */
  wardFlow!: WardAdmissions;
  // Registered as the module is built (the handler ids are fixed for the run).
  private readonly hEdArrival = this.s.sim.registerHandler((ed) => this.onEdArrival(ed), 'edArrival');
  private readonly hEdSpillArrival = this.s.sim.registerHandler(
    (ed) => this.onEdSpillArrival(ed),
    'edSpillArrival',
  );
  private readonly hTreatmentEnd = this.s.sim.registerHandler(
    (p) => this.onTreatmentEnd(p),
    'edTreatmentEnd',
  );
  private readonly hDecisionEnd = this.s.sim.registerHandler((p) => this.onDecisionEnd(p), 'edDecisionEnd');

  scheduleNextEdArrival(ed: EdUnit): void {
    const at = ed.arrivalTimes.nextArrivalAt(this.s.sim.now, ed.arrivalStream);
    if (at < this.s.endMinutes) this.s.sim.scheduleAt(at, this.hEdArrival, ed.index);
  }

  private onEdArrival(edIndex: number): void {
    const ed = this.s.eds[edIndex];
    this.admitToEd(ed, ed.attributeStream);
    this.scheduleNextEdArrival(ed);
  }

  private onEdSpillArrival(edIndex: number): void {
    const ed = this.s.eds[edIndex];
    this.admitToEd(ed, ed.spillAttributeStream);
  }

  /** A GP patient who gave up goes to this ED at `atMinutes` (if within the run). */
  scheduleSpillArrival(ed: EdUnit, atMinutes: number): void {
    if (atMinutes < this.s.endMinutes) this.s.sim.scheduleAt(atMinutes, this.hEdSpillArrival, ed.index);
  }

  private admitToEd(ed: EdUnit, stream: RandomStream): void {
    const P = this.s.patients;
    const now = this.s.sim.now;
    const id = P.allocate();
    this.s.arrivals.ed++;
    ed.arrivals++;
    P.source[id] = Source.ed;
    P.ed[id] = ed.index;
    P.ward[id] = ed.ward;
    P.arrivalAt[id] = now;
    // Attributes in a fixed order from the ED's attribute stream (common random numbers). Only what
    // this patient uses is drawn: the admission flags come first and no policy changes them, so
    // every arm still gives each patient the same draws — and the ~70% who go home draw no stay.
    // Conversion of the day (the season's acuity): a table built once, indexed by arrival day.
    const admit = stream.uniform() < ed.admissionShareByDay[Math.floor(now / MINUTES_PER_DAY)] ? 1 : 0;
    const wardAdmit = stream.uniform() < ed.cfg.wardAdmissionShare ? 1 : 0;
    P.admit[id] = admit;
    P.wardAdmit[id] = wardAdmit;
    // Arrival by ambulance, minors stream, long wait (only in an ED that has them), then the times of
    // that stream.
    const edStream = ed.hasStreams ? this.drawStream(ed, admit === 1, stream) : EdStream.majors;
    const kind = edStream & STREAM_MASK;
    P.edStream[id] = kind;
    const minors = kind === EdStream.minors ? ed.streaming : undefined;
    P.treatmentMinutes[id] = (minors?.treatment ?? ed.treatment).sample(stream);
    if (admit === 1) P.decisionMinutes[id] = ed.admittedDecision.sample(stream);
    else if (minors !== undefined) P.decisionMinutes[id] = minors.decision.sample(stream);
    else if (edStream !== kind && ed.longWait !== undefined)
      P.decisionMinutes[id] = ed.longWait.minutes.sample(stream);
    else P.decisionMinutes[id] = ed.decision.sample(stream);
    // An ambulance patient is handed over on a trolley and does not leave unseen.
    if (kind === EdStream.ambulance || ed.patience === undefined)
      P.patienceMinutes[id] = Number.POSITIVE_INFINITY;
    else P.patienceMinutes[id] = ed.patience.sample(stream);
    if (admit === 1 && wardAdmit === 1)
      this.wardFlow.drawDischargeAttributes(id, this.s.wards[ed.ward], stream);
    if (this.s.sim.tracer !== undefined) tracePatient(this.s.sim, P, 'ed.arrival', id, ed.cfg.id);
    P.stage[id] = Stage.edWaiting;
    ed.inDepartment++;
    ed.inDepartmentLevel.update(now, ed.inDepartment);
    if (kind === EdStream.majors) ed.queue.push(id);
    else if (kind === EdStream.minors) ed.minorsQueue.push(id);
    else ed.ambulanceQueue.push(id);
    this.tryStartTreatment(ed);
  }

  /**
   * The patient's stream, from one uniform for each mechanism the ED has: arrival by ambulance, then
   * (walk-ins not admitted) the minors stream, then (majors not admitted) a long wait, which is
   * returned as the `LONG_WAIT` bit on top of the stream code.
   */
  private drawStream(ed: EdUnit, admitted: boolean, stream: RandomStream): number {
    let kind: number = EdStream.majors;
    const amb = ed.ambulance;
    if (amb !== undefined && stream.uniform() < (admitted ? amb.ifAdmitted : amb.ifNotAdmitted)) {
      kind = EdStream.ambulance;
    }
    const minors = ed.streaming;
    if (minors !== undefined && stream.uniform() < minors.share && !admitted && kind === EdStream.majors) {
      kind = EdStream.minors;
    }
    const long = ed.longWait;
    if (long !== undefined && stream.uniform() < long.share && !admitted && kind !== EdStream.minors) {
      return kind | LONG_WAIT;
    }
    return kind;
  }

  /**
   * Starts assessments while clinicians are free, taking the head with the earliest queue time:
   * walk-in majors and ambulance arrivals need a free cubicle, minors do not, and an ambulance
   * arrival queues as if it had come `ambulancePriorityMinutes` earlier (triage ahead of walk-ins).
   */
  tryStartTreatment(ed: EdUnit): void {
    const P = this.s.patients;
    const now = this.s.sim.now;
    const queue = ed.queue;
    const minors = ed.minorsQueue;
    const ambulance = ed.ambulanceQueue;
    const arrivalAt = P.arrivalAt;
    while (ed.busyClinicians < ed.clinicians) {
      const cubicle = ed.freeCubicles > 0;
      let id: number;
      if (minors.length === 0 && ambulance.length === 0) {
        // The only queue of an ED without streams.
        if (!cubicle || queue.length === 0) return;
        id = queue.shift();
      } else {
        let best = Number.POSITIVE_INFINITY;
        let from: IntQueue | undefined;
        if (cubicle && queue.length > 0) {
          best = arrivalAt[queue.peek()];
          from = queue;
        }
        if (
          cubicle &&
          ambulance.length > 0 &&
          arrivalAt[ambulance.peek()] - ed.ambulancePriorityMinutes < best
        ) {
          best = arrivalAt[ambulance.peek()] - ed.ambulancePriorityMinutes;
          from = ambulance;
        }
        if (minors.length > 0 && arrivalAt[minors.peek()] < best) from = minors;
        if (from === undefined) return;
        id = from.shift();
      }
      const waited = now - P.arrivalAt[id];
      if (waited > P.patienceMinutes[id]) {
        // Left without being seen, when their patience ran out (noticed now).
        this.leaveEd(ed, id, P.arrivalAt[id] + P.patienceMinutes[id], 2);
        continue;
      }
      const edStream = P.edStream[id];
      if (edStream !== EdStream.minors) ed.freeCubicles--;
      ed.busyClinicians++;
      P.seenAt[id] = now;
      if (this.s.sim.tracer !== undefined) tracePatient(this.s.sim, P, 'ed.assessmentStart', id, ed.cfg.id);
      P.stage[id] = Stage.edTreatment;
      if (now >= this.s.warmupMinutes) {
        const s = ed.stats;
        s.timeToClinician.record(waited);
        if (edStream === EdStream.ambulance) {
          const day = Math.floor(now / MINUTES_PER_DAY);
          s.handover.record(waited);
          ed.dayHandovers[day]++;
          if (waited > ONE_HOUR) {
            s.handoverOver60++;
            ed.dayHandoversOver60[day]++;
          }
        }
      }
      this.s.sim.schedule(P.treatmentMinutes[id], this.hTreatmentEnd, id);
    }
  }

  private onTreatmentEnd(id: number): void {
    const P = this.s.patients;
    const ed = this.s.eds[P.ed[id]];
    ed.busyClinicians--;
    P.stage[id] = Stage.edDecision;
    this.s.sim.schedule(P.decisionMinutes[id], this.hDecisionEnd, id);
    this.tryStartTreatment(ed);
  }

  private onDecisionEnd(id: number): void {
    const P = this.s.patients;
    const ed = this.s.eds[P.ed[id]];
    const now = this.s.sim.now;
    if (P.admit[id] === 0) {
      if (P.edStream[id] !== EdStream.minors) ed.freeCubicles++;
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
    if (this.s.sim.tracer !== undefined) tracePatient(this.s.sim, P, 'ed.decisionToAdmit', id, ed.cfg.id);
    P.stage[id] = Stage.edBoarding;
    ed.boarding++;
    ed.boardingLevel.update(now, ed.boarding);
    P.inCorridor[id] = 0;
    this.wardFlow.joinBedQueue(this.s.wards[ed.ward], id);
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
  leaveEd(ed: EdUnit, id: number, atMinutes: number, kind: 0 | 1 | 2 | 3): void {
    const P = this.s.patients;
    const now = this.s.sim.now;
    ed.inDepartment--;
    ed.inDepartmentLevel.update(now, ed.inDepartment);
    if (atMinutes < now) ed.inDepartmentLevel.correct(atMinutes, now, -1);
    const minutesInDept = atMinutes - P.arrivalAt[id];
    if (this.s.sim.tracer !== undefined) traceEdDeparture(this.s.sim, P, id, kind, ed.cfg.id);
    if (atMinutes >= this.s.warmupMinutes) {
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
    if (kind === 0) this.s.departures.edDischarged++;
    else if (kind === 1) this.s.departures.edAdmittedElsewhere++;
    else if (kind === 2) this.s.departures.edLeftWithoutBeingSeen++;
    if (kind !== 3) P.release(id);
  }
}
