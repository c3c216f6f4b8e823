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

/** The store's columns of one element type: its fields holding arrays of that type. */
type ColumnOf<T> = { [K in keyof PatientStore]: PatientStore[K] extends T ? K : never }[keyof PatientStore];

/**
 * Every column of the store by element type, in declaration order: the constructor allocates and
 * `grow` doubles them from these lists (a misspelt name does not compile; a field left out stays
 * undefined, which patient-store.test.ts catches).
 */
const FLOAT64_COLUMNS = [
  'serial',
  'arrivalAt',
  'seenAt',
  'decisionAt',
  'bedAt',
  'fitAt',
  'treatmentMinutes',
  'decisionMinutes',
  'patienceMinutes',
  'clinicalLosMinutes',
  'dischargeProcessingMinutes',
] as const satisfies readonly ColumnOf<Float64Array>[];
const INT32_COLUMNS = ['ed', 'ward', 'authority'] as const satisfies readonly ColumnOf<Int32Array>[];
const UINT8_COLUMNS = [
  'group',
  'bedGroup',
  'stage',
  'source',
  'admit',
  'wardAdmit',
  'pathway',
  'vcseEligible',
  'communityFollowUp',
  'inCorridor',
  'edStream',
] as const satisfies readonly ColumnOf<Uint8Array>[];

/** `fresh` holding the values of `old` (absent before the first allocation). */
function resized<T extends Float64Array | Int32Array | Uint8Array>(fresh: T, old: T | undefined): T {
  if (old !== undefined) fresh.set(old);
  return fresh;
}

/** Pooled patient records. Fields are parallel typed arrays indexed by patient id. */
export class PatientStore {
  capacity = 0;
  /** Serial number of the patient in the run, from 1 (ids are recycled, serials never are). */
  serial!: Float64Array;
  /** Minutes: arrival at ED (or referral for direct admissions). */
  arrivalAt!: Float64Array;
  /** Minutes: start of assessment by a clinician. */
  seenAt!: Float64Array;
  /** Minutes: decision to admit (or, for direct admissions, referral). */
  decisionAt!: Float64Array;
  /** Minutes: into a ward bed. */
  bedAt!: Float64Array;
  /** Minutes: medically fit. */
  fitAt!: Float64Array;
  treatmentMinutes!: Float64Array;
  decisionMinutes!: Float64Array;
  /** Minutes the patient will wait to be seen before leaving (Infinity: never leaves). */
  patienceMinutes!: Float64Array;
  clinicalLosMinutes!: Float64Array;
  dischargeProcessingMinutes!: Float64Array;
  /** Index of the ED (−1 if none). */
  ed!: Int32Array;
  /** Index of the ward group (acute trust) the patient is or will be admitted to (−1 if none). */
  ward!: Int32Array;
  /** Index of the local authority serving the discharge. */
  authority!: Int32Array;
  /** Specialty group (within the ward) the patient needs. */
  group!: Uint8Array;
  /** Specialty group whose bed the patient occupies (differs from `group` when outlying). */
  bedGroup!: Uint8Array;
  stage!: Uint8Array;
  source!: Uint8Array;
  admit!: Uint8Array;
  wardAdmit!: Uint8Array;
  pathway!: Uint8Array;
  vcseEligible!: Uint8Array;
  communityFollowUp!: Uint8Array;
  /** 1 while an admitted patient boards in a corridor space rather than a cubicle. */
  inCorridor!: Uint8Array;
  /** ED stream: 0 walk-in majors, 1 arrived by ambulance, 2 streamed to minors (no cubicle). */
  edStream!: Uint8Array;
  private free!: Int32Array;
  private freeCount = 0;
  private used = 0;
  private serialsIssued = 0;
  /** Patients currently held. */
  live = 0;

  constructor(initialCapacity = 4096) {
    this.resize(initialCapacity);
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
    this.resize(this.capacity * 2);
  }

  /** Gives every column (and the free list) `capacity` entries, keeping what they hold. */
  private resize(capacity: number): void {
    for (const column of FLOAT64_COLUMNS) this[column] = resized(new Float64Array(capacity), this[column]);
    for (const column of INT32_COLUMNS) this[column] = resized(new Int32Array(capacity), this[column]);
    for (const column of UINT8_COLUMNS) this[column] = resized(new Uint8Array(capacity), this[column]);
    this.free = resized(new Int32Array(capacity), this.free);
    this.capacity = capacity;
  }

  /** Patients by stage (index = stage code), for conservation checks. */
  census(): number[] {
    const counts = new Array<number>(STAGE_NAMES.length).fill(0);
    for (let i = 0; i < this.used; i++) counts[this.stage[i]]++;
    return counts;
  }
}
