/**
 * The resolved configuration the system model runs from: fully typed, every default filled in,
 * every reference checked. Scenario files (@carepool/scenario) produce it; tests build it in code.
 * An optional field the model reads has its default, with what it means, in `SYSTEM_CONFIG_DEFAULTS`
 * (resolve.ts), the one place it is written; the comments here do not repeat the values.
 *
 * Units are in the names. Rates are per hour or per day as named; shares are fractions in [0, 1];
 * money is pounds sterling (`Gbp`). The model trusts this input: validation happens at the edge.
 */
import type { DistributionSpec } from '@carepool/engine';
import type { EdAmbulanceConfig, EdLongWaitConfig, EdStreamingConfig } from './config-ed.js';
import type { WorkforceConfig } from './workforce-config.js';

export type { DistributionSpec, EdAmbulanceConfig, EdLongWaitConfig, EdStreamingConfig };

/** The kinds of organisation in an integrated care system. */
export type OrganisationKind =
  | 'acuteTrust'
  | 'primaryCare'
  | 'communityProvider'
  | 'localAuthority'
  | 'ambulanceService'
  | 'vcse';

export interface OrganisationConfig {
  /** Short id used in references and metric scopes, e.g. `trustA`. */
  id: string;
  /** Human name, e.g. `North Riverside University Hospitals`. */
  name: string;
  kind: OrganisationKind;
}

/**
 * A demand rate that varies by hour of day, day of week and month, and grows year on year.
 * Multipliers are relative to the mean and are renormalised so the mean rate is kept.
 */
export interface DemandProfile {
  /** 24 multipliers, 00:00–01:00 first. */
  hourOfDayMultipliers: number[];
  /** 7 multipliers, Monday first. */
  dayOfWeekMultipliers: number[];
  /** 12 multipliers, January first. */
  monthMultipliers: number[];
  /** Compound annual growth of the mean rate, e.g. 0.054 for +5.4% a year. */
  annualGrowthShare: number;
}

/** A type-1 emergency department of an acute trust. */
export interface EmergencyDepartmentConfig {
  id: string;
  /** The acute trust that runs it. */
  organisationId: string;
  /** Mean type-1 attendances per day in the first year, before profile multipliers. */
  meanArrivalsPerDay: number;
  arrivalProfile: DemandProfile;
  /** Majors/resus cubicles: a patient holds one from start of assessment until leaving (boarding included). */
  cubicles: number;
  /** Clinician time per patient for assessment and treatment, minutes. */
  treatmentMinutes: DistributionSpec;
  /** Time after treatment for tests, referral and decision before the patient leaves or is admitted, minutes. */
  decisionMinutes: DistributionSpec;
  /**
   * Time after treatment before an admitted patient's decision to admit (work-up, specialist review),
   * minutes (default: see `SYSTEM_CONFIG_DEFAULTS`). Drawn at arrival for every patient, so draws stay aligned.
   */
  admittedDecisionMinutes?: DistributionSpec;
  /** Share of attendances admitted (type-1 conversion). Drawn at arrival from a policy-independent stream. */
  admissionShare: number;
  /** Share of admitted patients that go to this trust's acute wards (the rest leave the model, e.g. to a tertiary centre). */
  wardAdmissionShare: number;
  /** Patients who wait longer than this for a clinician leave without being seen, minutes (undefined: never). */
  leaveWithoutBeingSeenAfterMinutes?: DistributionSpec;
  /** Staff pool ids whose on-shift members treat ED patients (ED doctors and ED nurses as practitioners). */
  clinicianPoolIds: string[];
  /**
   * Trolley spaces outside the cubicles (corridor care) where admitted patients may board, freeing
   * their cubicle while they wait for a bed (default: see `SYSTEM_CONFIG_DEFAULTS`).
   */
  boardingSpaces?: number;
  /** Arrivals by ambulance and their handover. */
  ambulance?: EdAmbulanceConfig;
  /** Streaming at the front door to minors / same-day care. */
  streaming?: EdStreamingConfig;
  /** Non-admitted patients who wait long after treatment. */
  nonAdmittedLongWait?: EdLongWaitConfig;
}

/**
 * A specialty bed group within a trust's G&A beds (acute medicine, care of older people, surgery…).
 * Patients need one specialty, drawn at arrival; they take a bed of another only by outlying.
 */
export interface WardSpecialtyConfig {
  /** Short id, e.g. `acuteMedicine`. */
  id: string;
  /** Share of the trust's emergency (not ring-fenced) G&A beds in this group; renormalised over groups. */
  bedShare: number;
  /** Share of emergency admissions (ED and direct) needing this specialty; renormalised. Drawn at arrival. */
  admissionShare: number;
  /** Clinical length of stay in this specialty (admission to medically fit), days; replaces the trust's. */
  clinicalLosDays: DistributionSpec;
  /**
   * Discharge pathway shares of this specialty's patients (P0–P3, summing to 1), replacing the
   * system's `dischargePathways` shares for them: older patients with long stays need support more
   * often. Absent: the system's shares.
   */
  dischargePathways?: SpecialtyPathwayShares;
  /**
   * Pathway shares of this specialty's patients whose clinical stay is at least `fromDays`, replacing
   * `dischargePathways` for them: long stays leave people deconditioned and needing support more often.
   * Absent: the same shares whatever the stay.
   */
  longStayDischargePathways?: LongStayPathwayShares;
}

/** P0–P3 shares (sum to 1) of patients whose clinical stay is at least `fromDays`. */
export interface LongStayPathwayShares extends SpecialtyPathwayShares {
  fromDays: number;
}

/** P0–P3 shares of one specialty's discharges (sum to 1); the VCSE and follow-up shares stay the system's. */
export interface SpecialtyPathwayShares {
  p0HomeShare: number;
  p1HomeWithCareShare: number;
  p2StepDownShare: number;
  p3CareHomeShare: number;
}

/**
 * The general and acute (G&A) bed base of one acute trust: one pooled ward group, or specialty
 * groups (`specialties`) with outlying between them.
 */
export interface AcuteWardsConfig {
  id: string;
  organisationId: string;
  /** Physical G&A beds, core and escalation. */
  physicalBeds: number;
  /** Patients per registered nurse on a day shift; beds that cannot be staffed at this ratio close. */
  patientsPerNurseDay: number;
  /** Patients per registered nurse on a night shift. */
  patientsPerNurseNight: number;
  /** Staff pool ids whose on-shift members count as ward registered nurses. */
  nursePoolIds: string[];
  /** Emergency admissions that bypass ED (GP referrals, SDEC), mean per day in the first year. */
  directAdmissionsPerDay: number;
  directAdmissionProfile: DemandProfile;
  /** Elective/other occupancy, held as a fixed number of beds not available to emergency patients. */
  ringFencedElectiveBeds: number;
  /** Clinical length of stay (admission to medically fit), days. Drawn at arrival. */
  clinicalLosDays: DistributionSpec;
  /** Occupied beds at the start of the run (initial state), with patients part-way through their stay. */
  initialOccupiedBeds: number;
  /** Local authority whose social care serves this trust's discharges, by share of patients. */
  dischargeCatchment: { localAuthorityId: string; share: number }[];
  /** Hour of day from which patients are discharged: patients fit overnight wait for it. */
  dischargeStartHour?: number;
  /** Hour of day after which discharges stop until the next day. */
  dischargeEndHour?: number;
  /**
   * Hour of the morning ward round: a clinical stay that ends after `dischargeEndHour` or before this
   * hour is declared over (medically fit) at the round, not overnight. Absent: at once, any hour.
   */
  wardRoundHour?: number;
  /**
   * Time from a discharge being possible (fit and, for P1–P3, capacity found; or the window opening)
   * to the bed being free: medicines to take out, transport, paperwork, minutes. Drawn at arrival.
   */
  dischargeProcessingMinutes?: DistributionSpec;
  /**
   * Specialty bed groups. Absent or empty: all emergency beds are one pool and any free
   * staffed bed takes any patient. Staffed beds (nurses on duty × ratio) are split across groups in
   * proportion to their beds.
   */
  specialties?: WardSpecialtyConfig[];
  /**
   * With specialties: minutes from the decision to admit (or referral) after which a patient still
   * waiting may take a free staffed bed of another specialty (outlying).
   */
  outlieAfterMinutes?: number;
  /**
   * Minutes from a patient leaving a bed until it takes the next one: cleaning, declaring it free and
   * matching the next patient (sex, side room, infection control). The bed is empty but unusable
   * meanwhile (not counted as occupied).
   */
  bedTurnaroundMinutes?: number;
}

/**
 * Where a medically fit patient goes (the DHSC discharge-to-assess pathways). Drawn at arrival
 * from a policy-independent stream; only P1–P3 queue for capacity outside the hospital.
 */
export interface DischargePathwayShares {
  /** P0: home without new support. */
  p0HomeShare: number;
  /** P1: home with a new care package or reablement (domiciliary care). */
  p1HomeWithCareShare: number;
  /** P2: a bedded rehabilitation / step-down place. */
  p2StepDownShare: number;
  /** P3: a new care-home placement. */
  p3CareHomeShare: number;
  /** Share of P1 patients who can be supported by a VCSE "home from hospital" service instead of a package. */
  p1VcseEligibleShare: number;
  /** Share of P0 patients who need a community nursing follow-up (does not delay discharge). */
  p0CommunityFollowUpShare: number;
}

/** Domiciliary (home) care of one local authority, modelled in daily steps as in the IPACS model. */
export interface HomeCareConfig {
  id: string;
  organisationId: string;
  /** Visits a day a new package needs in its first week. */
  initialVisitsPerDay: number;
  /** Visits a day a package needs once it has tapered (after reablement). */
  ongoingVisitsPerDay: number;
  /** Days over which a package tapers from initial to ongoing visits. */
  taperDays: number;
  /** How long a package lasts, days. */
  packageDurationDays: DistributionSpec;
  /** Mean new community (non-hospital) package requests per day, competing for the same capacity. */
  communityReferralsPerDay: number;
  /** Packages already running at the start of the run. */
  initialActivePackages: number;
  /** Minutes of carer time per visit, including travel. */
  minutesPerVisit: number;
  /** Staff pool ids whose on-shift carers deliver visits. */
  carerPoolIds: string[];
  /**
   * Days from a hospital patient being medically fit until a package could start if carers were
   * free (assessment of needs, brokerage, funding), drawn per patient. Absent: at once.
   */
  readyAfterDays?: DistributionSpec;
  /**
   * Complex packages (double-handed care, specialist support): a hospital patient who has been in a
   * bed at least `fromStayDays` when medically fit draws the readiness from `readyAfterDays` here
   * instead. Absent: every patient draws the package's `readyAfterDays`.
   */
  complexPackage?: { fromStayDays: number; readyAfterDays: DistributionSpec };
}

/** Bedded places (care-home and discharge-to-assess beds) of one local authority. */
export interface PlacementConfig {
  id: string;
  organisationId: string;
  kind: 'stepDown' | 'careHome';
  places: number;
  /** How long a placement occupies its place, days. */
  stayDays: DistributionSpec;
  /** Mean non-hospital admissions per day competing for places. */
  communityAdmissionsPerDay: number;
  initialOccupiedPlaces: number;
  /** Minimum days from a patient being fit to the placement starting (assessment, brokerage). */
  assessmentDays: number;
  /**
   * Days from a hospital patient being medically fit until they could take a place (assessment,
   * funding decision, the family's choice of home), drawn per patient; replaces the fixed
   * `assessmentDays` for hospital patients. Absent: `assessmentDays` for everyone.
   */
  readyAfterDays?: DistributionSpec;
}

/** General practice of one primary care network (or the whole ICS), modelled as daily counts against slots. */
export interface GeneralPracticeConfig {
  id: string;
  organisationId: string;
  /** Mean appointment requests per working day in the first year. */
  requestsPerWorkingDay: number;
  demandProfile: DemandProfile;
  /** Appointments one GP (or practitioner) on duty delivers per day. */
  appointmentsPerClinicianDay: number;
  /** Share of requests not met today that give up and go elsewhere each day. */
  abandonShare: number;
  /** Share of abandoned requests that become a type-1 ED attendance the next day. */
  edSpillShare: number;
  /** The EDs that receive spilled demand, by share. */
  edSpillTargets: { emergencyDepartmentId: string; share: number }[];
  /** Staff pool ids whose on-duty members deliver appointments. */
  clinicianPoolIds: string[];
}

/** A VCSE "home from hospital" service that can take some P1 discharges instead of a care package. */
export interface VcseSupportConfig {
  id: string;
  organisationId: string;
  /** New clients it can start per day. */
  newClientsPerDay: number;
  /** The local authorities whose discharges it serves. */
  localAuthorityIds: string[];
}

/** Community nursing of one provider: visit hours a day against referrals (daily steps). */
export interface CommunityNursingConfig {
  id: string;
  organisationId: string;
  /** Mean community referrals a day needing a first visit (hospital follow-ups come on top). */
  referralsPerDay: number;
  /** Nurse minutes per visit, including travel. */
  minutesPerVisit: number;
  /** Visits each referral needs (spread one a day). */
  visitsPerReferral: number;
  /** Staff pool ids whose on-duty members make visits. */
  nursePoolIds: string[];
}

/** A time-limited surge in demand (flu, heatwave), multiplying the named demand streams. */
export interface SurgeConfig {
  name: string;
  /** Days from the run's start date (warm-up included) when the surge begins. */
  startDay: number;
  durationDays: number;
  /** Multiplier on ED attendances during the surge. */
  edArrivalsMultiplier: number;
  /** Multiplier on direct admissions and GP requests during the surge. */
  otherDemandMultiplier: number;
  /** Multiplier on staff sickness absence during the surge (staff fall ill too). */
  sicknessMultiplier: number;
}

export { POLICY_IDS, type PolicyId } from './workforce-config.js';

/** The whole system: what one replication runs from. */
export interface SystemConfig {
  kind: 'system';
  name: string;
  /** ISO date (YYYY-MM-DD) of the first simulated day, warm-up included; weekday and season follow from it. */
  startDate: string;
  /** Days simulated and reported, after the warm-up. */
  durationDays: number;
  /** Days simulated first and discarded, so the reported period does not start empty. */
  warmupDays: number;
  /** Which hour of the day the daily bed snapshot is taken (0 = midnight, 8 = 08:00). */
  bedSnapshotHour: number;
  organisations: OrganisationConfig[];
  emergencyDepartments: EmergencyDepartmentConfig[];
  acuteWards: AcuteWardsConfig[];
  dischargePathways: DischargePathwayShares;
  homeCare: HomeCareConfig[];
  placements: PlacementConfig[];
  generalPractice: GeneralPracticeConfig[];
  communityNursing: CommunityNursingConfig[];
  vcseSupport: VcseSupportConfig[];
  surges: SurgeConfig[];
  /** Winter as it happens: what changes month by month besides demand. Absent: no seasonality. */
  seasonality?: SeasonalityConfig;
  /** When a trust counts as escalated (OPEL); absent: see `SYSTEM_CONFIG_DEFAULTS`. */
  escalation?: EscalationConfig;
  workforce: WorkforceConfig;
}

/** OPEL-style escalation, read by the flow's escalation metrics and the mutual-aid policy. */
export interface EscalationConfig {
  /** Pressure scores (0–1) at which a trust reaches OPEL 2, 3 and 4, rising. */
  opelThresholds: [number, number, number];
}

/**
 * What the season changes besides the volume of demand (which the demand profiles' month multipliers
 * carry): acuity, length of stay, staff sickness and beds closed for infection control. Month
 * multipliers are January first and renormalised to a mean of 1 over the year, so the annual figures
 * (`admissionShare`, the length-of-stay distributions, `sicknessAbsenceShare`) are kept.
 */
export interface SeasonalityConfig {
  /** 12 multipliers on each ED's `admissionShare` (type-1 conversion: sicker patients in winter), by month of arrival. */
  edAdmissionShareMonthMultipliers?: number[];
  /** 12 multipliers on the clinical length of stay, by month of admission. */
  clinicalLosMonthMultipliers?: number[];
  /** 12 multipliers on the rate at which staff fall sick (every pool), by month. */
  sicknessMonthMultipliers?: number[];
  /** 12 shares of each trust's physical G&A beds closed for infection control (norovirus, flu bays), by month. */
  infectionClosedBedShareByMonth?: number[];
}
