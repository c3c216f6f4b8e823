/**
 * Patients in ED and in beds are individuals, held as pooled records in typed arrays (one index per
 * patient, recycled through a free list) so a simulated year allocates almost nothing per event.
 */

/** Where a patient is. Every patient in the model is in exactly one stage. */
export const Stage = {
  free: 0,
  /** In ED, waiting for a cubicle and a clinician. */
  edWaiting: 1,
  /** In ED, with a clinician (assessment and treatment). */
  edTreatment: 2,
  /** In ED, after treatment: tests, referral, decision. Holds the cubicle. */
  edDecision: 3,
  /** In ED, decided to admit, waiting for a staffed bed (boarding). Holds the cubicle. */
  edBoarding: 4,
  /** A direct (non-ED) emergency admission waiting for a staffed bed. */
  directWaiting: 5,
  /** In a bed, clinical stay. */
  wardClinical: 6,
  /** In a bed, medically fit, waiting for discharge capacity (a delayed discharge). */
  wardAwaitingCapacity: 7,
  /** In a bed, medically fit, discharge arranged; leaving at the scheduled time. */
  wardLeaving: 8,
} as const;
export const STAGE_NAMES = [
  'free',
  'edWaiting',
  'edTreatment',
  'edDecision',
  'edBoarding',
  'directWaiting',
  'wardClinical',
  'wardAwaitingCapacity',
  'wardLeaving',
] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** How the patient entered the model. */
export const Source = { ed: 0, direct: 1, initial: 2 } as const;

/** ED stream codes (`PatientStore.edStream`). */
export const EdStream = { majors: 0, ambulance: 1, minors: 2 } as const;

/** Discharge pathway codes. */
export const Pathway = { p0: 0, p1: 1, p2: 2, p3: 3 } as const;

/** Pooled patient records. Fields are parallel typed arrays indexed by patient id. */
export class PatientStore {
  capacity: number;
  /** Serial number of the patient in the run, from 1 (ids are recycled, serials never are). */
  serial: Float64Array;
  /** Minutes: arrival at ED (or referral for direct admissions). */
  arrivalAt: Float64Array;
  /** Minutes: start of assessment by a clinician. */
  seenAt: Float64Array;
  /** Minutes: decision to admit (or, for direct admissions, referral). */
  decisionAt: Float64Array;
  /** Minutes: into a ward bed. */
  bedAt: Float64Array;
  /** Minutes: medically fit. */
  fitAt: Float64Array;
  treatmentMinutes: Float64Array;
  decisionMinutes: Float64Array;
  /** Minutes the patient will wait to be seen before leaving (Infinity: never leaves). */
  patienceMinutes: Float64Array;
  clinicalLosMinutes: Float64Array;
  dischargeProcessingMinutes: Float64Array;
  /** Index of the ED (−1 if none). */
  ed: Int32Array;
  /** Index of the ward group (acute trust) the patient is or will be admitted to (−1 if none). */
  ward: Int32Array;
  /** Index of the local authority serving the discharge. */
  authority: Int32Array;
  /** Specialty group (within the ward) the patient needs. */
  group: Uint8Array;
  /** Specialty group whose bed the patient occupies (differs from `group` when outlying). */
  bedGroup: Uint8Array;
  stage: Uint8Array;
  source: Uint8Array;
  admit: Uint8Array;
  wardAdmit: Uint8Array;
  pathway: Uint8Array;
  vcseEligible: Uint8Array;
  communityFollowUp: Uint8Array;
  /** 1 while an admitted patient boards in a corridor space rather than a cubicle. */
  inCorridor: Uint8Array;
  /** ED stream: 0 walk-in majors, 1 arrived by ambulance, 2 streamed to minors (no cubicle). */
  edStream: Uint8Array;
  private free: Int32Array;
  private freeCount = 0;
  private used = 0;
  private serialsIssued = 0;
  /** Patients currently held. */
  live = 0;

  constructor(initialCapacity = 4096) {
    this.capacity = initialCapacity;
    this.serial = new Float64Array(initialCapacity);
    this.arrivalAt = new Float64Array(initialCapacity);
    this.seenAt = new Float64Array(initialCapacity);
    this.decisionAt = new Float64Array(initialCapacity);
    this.bedAt = new Float64Array(initialCapacity);
    this.fitAt = new Float64Array(initialCapacity);
    this.treatmentMinutes = new Float64Array(initialCapacity);
    this.decisionMinutes = new Float64Array(initialCapacity);
    this.patienceMinutes = new Float64Array(initialCapacity);
    this.clinicalLosMinutes = new Float64Array(initialCapacity);
    this.dischargeProcessingMinutes = new Float64Array(initialCapacity);
    this.ed = new Int32Array(initialCapacity);
    this.ward = new Int32Array(initialCapacity);
    this.authority = new Int32Array(initialCapacity);
    this.group = new Uint8Array(initialCapacity);
    this.bedGroup = new Uint8Array(initialCapacity);
    this.stage = new Uint8Array(initialCapacity);
    this.source = new Uint8Array(initialCapacity);
    this.admit = new Uint8Array(initialCapacity);
    this.wardAdmit = new Uint8Array(initialCapacity);
    this.pathway = new Uint8Array(initialCapacity);
    this.vcseEligible = new Uint8Array(initialCapacity);
    this.communityFollowUp = new Uint8Array(initialCapacity);
    this.inCorridor = new Uint8Array(initialCapacity);
    this.edStream = new Uint8Array(initialCapacity);
    this.free = new Int32Array(initialCapacity);
  }

  /** A fresh patient id (fields hold stale values: the caller sets every field it reads). */
  allocate(): number {
    this.live++;
    if (this.freeCount === 0 && this.used === this.capacity) this.grow();
    const id = this.freeCount > 0 ? this.free[--this.freeCount] : this.used++;
    this.serial[id] = ++this.serialsIssued;
    return id;
  }

  release(id: number): void {
    this.stage[id] = Stage.free;
    this.live--;
    this.free[this.freeCount++] = id;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const u8 = (a: Uint8Array): Uint8Array => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    this.serial = f64(this.serial);
    this.arrivalAt = f64(this.arrivalAt);
    this.seenAt = f64(this.seenAt);
    this.decisionAt = f64(this.decisionAt);
    this.bedAt = f64(this.bedAt);
    this.fitAt = f64(this.fitAt);
    this.treatmentMinutes = f64(this.treatmentMinutes);
    this.decisionMinutes = f64(this.decisionMinutes);
    this.patienceMinutes = f64(this.patienceMinutes);
    this.clinicalLosMinutes = f64(this.clinicalLosMinutes);
    this.dischargeProcessingMinutes = f64(this.dischargeProcessingMinutes);
    this.ed = i32(this.ed);
    this.ward = i32(this.ward);
    this.authority = i32(this.authority);
    this.group = u8(this.group);
    this.bedGroup = u8(this.bedGroup);
    this.stage = u8(this.stage);
    this.source = u8(this.source);
    this.admit = u8(this.admit);
    this.wardAdmit = u8(this.wardAdmit);
    this.pathway = u8(this.pathway);
    this.vcseEligible = u8(this.vcseEligible);
    this.communityFollowUp = u8(this.communityFollowUp);
    this.inCorridor = u8(this.inCorridor);
    this.edStream = u8(this.edStream);
    this.free = i32(this.free);
    this.capacity = cap;
  }

  /** Patients by stage (index = stage code), for conservation checks. */
  census(): number[] {
    const counts = new Array<number>(STAGE_NAMES.length).fill(0);
    for (let i = 0; i < this.used; i++) counts[this.stage[i]]++;
    return counts;
  }
}
