/**
 * Patient flow of the whole system on one simulation: type-1 EDs and acute wards with individual
 * patients (handler events over pooled records), and social care, general practice, community
 * nursing and VCSE support in daily steps.
 *
 * The coupling is mechanical, not scripted: an admitted patient holds an ED cubicle until a staffed
 * bed is free; a medically fit patient holds the bed until their discharge route has capacity. So
 * social-care capacity → delayed discharges → fewer free beds → boarding → ED crowding.
 *
 * Common random numbers: each ED and ward draws its arrival times and every patient attribute
 * (admission, clinical LOS, discharge pathway, service times) at arrival from streams that nothing
 * policy-dependent touches, so two policies see the same patients arrive with the same needs.
 *
 * This class is the orchestrator: it builds the shared state (build.ts), wires one module per
 * service — ed.ts, wards.ts, social-care.ts, primary-care.ts, community.ts — plus observations.ts
 * and pressure.ts, re-reads staffing, and runs the daily step and the end of warm-up.
 */
import type { HandlerId, RandomStreams, Simulation } from '@carepool/engine';
import * as ENGINE from '@carepool/engine';
import type { PressureSource, ServicePressure, StaffingSource } from '../contracts.js';
import type { ResolvedSystemConfig } from '../resolve.js';
import { buildUnits } from './build.js';
import { RunCalendar } from './calendar.js';
import type { AuthorityUnit, CommunityUnit, GpUnit } from './care-units.js';
import { CommunityNursing } from './community.js';
import { EmergencyDepartments } from './ed.js';
import { Observations } from './observations.js';
import * as PATIENT from './patients.js';
import { PatientStore } from './patients.js';
import { Pressure } from './pressure.js';
import { GeneralPractice } from './primary-care.js';
import { SocialCare } from './social-care.js';
import {
  DAY_SHIFT_END_HOUR,
  DAY_SHIFT_START_HOUR,
  type FlowArrivals,
  type FlowDepartures,
  type FlowState,
} from './state.js';
import type { EdUnit, WardUnit } from './units.js';
import { AcuteWards } from './wards.js';

const { EventPriority, MINUTES_PER_DAY, MINUTES_PER_HOUR } = ENGINE;
const { Stage } = PATIENT;

export type { FlowArrivals, FlowDepartures } from './state.js';

export interface SystemFlowArgs {
  sim: Simulation;
  /** The configuration with its defaults filled (`resolveSystemConfig`). */
  config: ResolvedSystemConfig;
  streams: RandomStreams;
  /** Warm-up length; metrics count from here. */
  warmupMinutes: number;
  /** Total simulated minutes (warm-up included). */
  endMinutes: number;
}

/** The patient-flow half of the system model. */
export class SystemFlow implements PressureSource {
  readonly patients = new PatientStore();
  readonly calendar: RunCalendar;
  readonly departures: FlowDepartures = {
    edDischarged: 0,
    edLeftWithoutBeingSeen: 0,
    edAdmittedElsewhere: 0,
    wardDischarged: 0,
  };
  /** Patients who entered: ED arrivals, direct admissions and the initial bed occupants. */
  readonly arrivals: FlowArrivals = { ed: 0, direct: 0, initial: 0 };
  readonly eds: EdUnit[] = [];
  readonly wards: WardUnit[] = [];
  readonly authorities: AuthorityUnit[] = [];
  readonly gps: GpUnit[] = [];
  readonly community: CommunityUnit[] = [];
  readonly warmupMinutes: number;
  readonly endMinutes: number;
  private staffing: StaffingSource | undefined;
  private readonly sim: Simulation;
  private readonly config: ResolvedSystemConfig;
  private readonly edFlow: EmergencyDepartments;
  private readonly wardFlow: AcuteWards;
  private readonly socialCare: SocialCare;
  private readonly primaryCare: GeneralPractice;
  private readonly communityFlow: CommunityNursing;
  private readonly observations: Observations;
  private readonly pressure: Pressure;
  private readonly hDayStep: HandlerId;
  private readonly hRatioChange: HandlerId;

  constructor(args: SystemFlowArgs) {
    this.sim = args.sim;
    this.config = args.config;
    this.warmupMinutes = args.warmupMinutes;
    this.endMinutes = args.endMinutes;
    const totalDays = Math.ceil(args.endMinutes / MINUTES_PER_DAY) + 1;
    this.calendar = new RunCalendar(args.config.startDate, totalDays);
    const t = args.config.escalation.opelThresholds;
    const state: FlowState = {
      sim: this.sim,
      config: this.config,
      patients: this.patients,
      calendar: this.calendar,
      eds: this.eds,
      wards: this.wards,
      authorities: this.authorities,
      gps: this.gps,
      community: this.community,
      departures: this.departures,
      arrivals: this.arrivals,
      warmupMinutes: this.warmupMinutes,
      endMinutes: this.endMinutes,
      totalDays,
      opelThresholds: [t[0], t[1], t[2]],
      initStream: args.streams.stream('flow.initialState'),
    };
    buildUnits(state, args.streams);
    this.edFlow = new EmergencyDepartments(state);
    this.wardFlow = new AcuteWards(state);
    this.socialCare = new SocialCare(state);
    this.primaryCare = new GeneralPractice(state);
    this.communityFlow = new CommunityNursing(state);
    this.pressure = new Pressure(state);
    this.observations = new Observations(state);
    this.edFlow.wardFlow = this.wardFlow;
    this.wardFlow.edFlow = this.edFlow;
    this.socialCare.wardFlow = this.wardFlow;
    this.primaryCare.edFlow = this.edFlow;
    this.observations.pressure = this.pressure;
    this.hDayStep = this.sim.registerHandler((d) => this.onDayStep(d), 'dayStep');
    this.hRatioChange = this.sim.registerHandler(() => this.refreshStaffing(), 'nurseRatioChange');
  }

  /** Connects staffing, places the initial state and schedules the first events. Call once. */
  start(staffing: StaffingSource): void {
    this.staffing = staffing;
    this.pressure.staffing = staffing;
    const sim = this.sim;

    staffing.subscribe(() => this.refreshStaffing());
    this.refreshStaffing();
    this.wardFlow.placeInitialPatients();
    this.socialCare.placeInitialClients();

    for (const ed of this.eds) this.edFlow.scheduleNextEdArrival(ed);
    for (const w of this.wards) this.wardFlow.scheduleNextDirect(w);
    sim.scheduleAt(0, this.hDayStep, 0, EventPriority.normal);
    this.socialCare.scheduleFirstStep();
    this.observations.scheduleFirst();
    // Ward nurse ratios switch between day and night; recompute staffed beds just after the shift change.
    for (const hour of [DAY_SHIFT_START_HOUR, DAY_SHIFT_END_HOUR]) {
      sim.scheduleAt(hour * MINUTES_PER_HOUR, this.hRatioChange, 0, EventPriority.capacityChange + 1);
    }
    sim.scheduleAt(
      this.warmupMinutes,
      sim.registerHandler(() => this.onWarmupEnd(), 'warmupEnd'),
      0,
      EventPriority.capacityChange,
    );
  }

  private onWarmupEnd(): void {
    const now = this.sim.now;
    for (const ed of this.eds) {
      ed.boardingLevel.reset(now);
      ed.inDepartmentLevel.reset(now);
    }
    for (const w of this.wards) w.nctrLevel.reset(now);
  }

  /** Re-reads staff on duty everywhere; reopens beds and cubicle work that new staff allow. */
  private refreshStaffing(): void {
    const staffing = this.staffing;
    if (staffing === undefined) return;
    const now = this.sim.now;
    const minuteOfDay = now % MINUTES_PER_DAY;
    const isDay =
      minuteOfDay >= DAY_SHIFT_START_HOUR * MINUTES_PER_HOUR &&
      minuteOfDay < DAY_SHIFT_END_HOUR * MINUTES_PER_HOUR;
    for (const w of this.wards) {
      const nurses = staffing.onDuty(w.organisationId, 'ward');
      const ratio = isDay ? w.cfg.patientsPerNurseDay : w.cfg.patientsPerNurseNight;
      w.nurses = nurses;
      // Beds closed for infection control today are not open whatever the staffing.
      const openBeds = w.cfg.physicalBeds - w.infectionClosedByDay[Math.floor(now / MINUTES_PER_DAY)];
      const staffedTotal = Math.min(openBeds, Math.floor(nurses * ratio + 1e-9));
      w.staffedTotal = staffedTotal;
      const before = w.staffedEmergency;
      const staffedEmergency = Math.max(0, staffedTotal - w.cfg.ringFencedElectiveBeds);
      w.staffedEmergency = staffedEmergency;
      if (w.groups.length === 1) {
        w.groups[0].staffed = staffedEmergency;
        if (staffedEmergency > before) this.wardFlow.tryAdmit(w, w.groups[0]);
      } else if (staffedEmergency !== before) {
        // Staffed beds split across groups in proportion to their beds (cumulative rounding keeps the sum).
        const total = Math.max(1, w.emergencyBeds);
        let grew = false;
        for (const g of w.groups) {
          const staffed =
            Math.round((staffedEmergency * (g.bedsBefore + g.beds)) / total) -
            Math.round((staffedEmergency * g.bedsBefore) / total);
          if (staffed > g.staffed) grew = true;
          g.staffed = staffed;
        }
        if (grew) for (const g of w.groups) this.wardFlow.tryAdmit(w, g);
      }
    }
    for (const ed of this.eds) {
      const before = ed.clinicians;
      ed.clinicians = Math.floor(staffing.onDuty(ed.organisationId, 'ed') / ed.siblings + 1e-9);
      if (ed.clinicians > before) this.edFlow.tryStartTreatment(ed);
    }
    for (const a of this.authorities) {
      const hc = a.homeCare;
      if (hc !== undefined) {
        hc.onDuty = staffing.onDuty(a.organisationId, 'homeCare');
        hc.carerMinutes.update(now, hc.onDuty);
      }
    }
    for (const g of this.gps) {
      g.onDuty = staffing.onDuty(g.cfg.organisationId, 'generalPractice');
      if (g.onDuty > g.peakOnDuty) g.peakOnDuty = g.onDuty;
    }
    for (const c of this.community) {
      c.onDuty = staffing.onDuty(c.cfg.organisationId, 'community');
      c.nurseMinutes.update(now, c.onDuty);
    }
  }

  private onDayStep(day: number): void {
    if (day > 0) {
      const closed = day - 1;
      this.observations.closeDay(closed);
      this.primaryCare.generalPracticeStep(closed);
      this.communityFlow.communityStep(closed);
    }
    // Next day; ratio-change events are daily too.
    const next = (day + 1) * MINUTES_PER_DAY;
    if (next <= this.endMinutes) this.sim.scheduleAt(next, this.hDayStep, day + 1, EventPriority.normal);
    const dayStart = day * MINUTES_PER_DAY;
    for (const hour of [DAY_SHIFT_START_HOUR, DAY_SHIFT_END_HOUR]) {
      const at = dayStart + MINUTES_PER_DAY + hour * MINUTES_PER_HOUR;
      if (at <= this.endMinutes)
        this.sim.scheduleAt(at, this.hRatioChange, 0, EventPriority.capacityChange + 1);
    }
  }

  /** An acute trust's OPEL-style pressure: the worse of its ED and its beds. */
  trustPressure(w: WardUnit): number {
    return this.pressure.trustPressure(w);
  }

  pressures(): readonly ServicePressure[] {
    return this.pressure.pressures();
  }

  /** Patients in the model now, by where they are. */
  census(): {
    edWaiting: number;
    edTreatment: number;
    edDecision: number;
    edBoarding: number;
    directWaiting: number;
    inBed: number;
    inBedFit: number;
  } {
    const c = this.patients.census();
    return {
      edWaiting: c[Stage.edWaiting],
      edTreatment: c[Stage.edTreatment],
      edDecision: c[Stage.edDecision],
      edBoarding: c[Stage.edBoarding],
      directWaiting: c[Stage.directWaiting],
      inBed: c[Stage.wardClinical] + c[Stage.wardAwaitingCapacity] + c[Stage.wardLeaving],
      inBedFit: c[Stage.wardAwaitingCapacity] + c[Stage.wardLeaving],
    };
  }

  /** Occupied emergency beds by ward group (for conservation checks against the census). */
  occupiedBeds(): number[] {
    return this.wards.map((w) => w.occupied);
  }
}

export type { AuthorityUnit, EdUnit, WardUnit };
