/**
 * The default integrated care system: ~1.2 M people, three acute trusts each with a type-1 ED,
 * primary care, a community provider, two councils' social care, an ambulance service and a VCSE.
 * Figures follow the published anchors (docs/calibration.md); values marked DERIVED in comments are
 * our own assumptions or calibration choices, not published figures.
 */
import type {
  AcuteWardsConfig,
  DemandProfile,
  EmergencyDepartmentConfig,
  HomeCareConfig,
  PlacementConfig,
  SystemConfig,
} from './config.js';
import { defaultWorkforceConfig } from './workforce/default-workforce.js';

/** Type-1 ED arrivals by hour (calibration §2.2, DERIVED multipliers of the mean hourly rate). */
export const ED_HOUR_OF_DAY = [
  0.72, 0.58, 0.48, 0.42, 0.36, 0.35, 0.42, 0.6, 1.0, 1.35, 1.6, 1.62, 1.55, 1.5, 1.45, 1.4, 1.38, 1.35, 1.3,
  1.2, 1.08, 0.95, 0.78, 0.56,
];
/** Monday first (calibration §2.2, DERIVED from the 15.8% Monday share). */
export const ED_DAY_OF_WEEK = [1.11, 1.0, 0.99, 0.98, 0.99, 0.94, 0.99];
/** January first: attendances peak in June–July, lowest in January, about ±8% (calibration §2.2). */
export const ED_MONTH = [0.93, 0.95, 0.99, 1.0, 1.04, 1.07, 1.07, 1.03, 1.0, 0.99, 0.97, 0.96];
/** Admissions and bed pressure peak in winter (calibration §2.2); DERIVED ±6% shape. */
const WINTER_MONTH = [1.06, 1.04, 1.01, 0.98, 0.97, 0.96, 0.96, 0.95, 0.98, 1.01, 1.04, 1.04];
/** Direct (GP/SDEC) admissions arrive in working hours (DERIVED). */
const DIRECT_HOUR_OF_DAY = [
  0.2, 0.15, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 1.0, 1.8, 2.2, 2.2, 2.0, 2.0, 2.0, 1.9, 1.7, 1.4, 1.0, 0.8, 0.6,
  0.5, 0.4, 0.3,
];
const DIRECT_DAY_OF_WEEK = [1.2, 1.1, 1.1, 1.1, 1.1, 0.7, 0.7];
const FLAT_DAY = Array.from({ length: 24 }, () => 1);
const GP_DAY_OF_WEEK = [1.2, 1.0, 0.95, 0.95, 0.9, 0, 0];

const edProfile = (): DemandProfile => ({
  hourOfDayMultipliers: [...ED_HOUR_OF_DAY],
  dayOfWeekMultipliers: [...ED_DAY_OF_WEEK],
  monthMultipliers: [...ED_MONTH],
  annualGrowthShare: 0,
});

/** Parameters that set the scale of one acute trust (the default has three alike). */
export interface TrustScale {
  id: string;
  name: string;
  edArrivalsPerDay: number;
  cubicles: number;
  physicalBeds: number;
  ringFencedElectiveBeds: number;
  directAdmissionsPerDay: number;
  initialOccupiedBeds: number;
  /** Corridor/trolley spaces for boarding admitted patients. */
  boardingSpaces: number;
  catchment: { localAuthorityId: string; share: number }[];
}

export function emergencyDepartment(t: TrustScale): EmergencyDepartmentConfig {
  return {
    id: `${t.id}.ed`,
    organisationId: t.id,
    meanArrivalsPerDay: t.edArrivalsPerDay,
    arrivalProfile: edProfile(),
    cubicles: t.cubicles,
    // ASSUMPTION (calibrated): clinician time for assessment and treatment, then tests/referral/decision
    // in the cubicle, with a long tail (patients awaiting specialist or mental-health review), chosen so
    // type-1 four-hour performance lands near 60% with realistic time in department (§2.3).
    treatmentMinutes: { kind: 'lognormal', mean: 45, sd: 36 },
    decisionMinutes: { kind: 'lognormal', mean: 120, sd: 280 },
    // ASSUMPTION (calibrated): admitted patients need longer work-up and specialist review before the
    // decision to admit; with boarding, ~30% of admitted patients leave ED within 4 h (§2.1).
    admittedDecisionMinutes: { kind: 'lognormal', mean: 240, sd: 192 },
    admissionShare: 0.28,
    wardAdmissionShare: 0.97,
    // DERIVED: patience of waiting patients, giving ~2–4% left without being seen (§2.3: 2.8–3.9%).
    leaveWithoutBeingSeenAfterMinutes: { kind: 'lognormal', mean: 420, sd: 300 },
    clinicianPoolIds: [`${t.id}.edClinician`],
    // ASSUMPTION: trolley spaces in corridors and assessment areas where admitted patients board
    // (corridor care), so boarders do not stop the ED seeing new patients altogether.
    boardingSpaces: t.boardingSpaces,
  };
}

/**
 * Specialty bed groups of each trust's emergency G&A beds. Lengths of stay are the BNSSG PathSimR
 * fits (calibration §3.2, local data, plausible rather than national). ASSUMPTIONS: the four groups,
 * the admission shares, and bed shares in proportion to expected bed-days (admissions × (mean clinical
 * stay + ~0.7 days of discharge delay)), so every group runs at about the same occupancy.
 */
export const DEFAULT_SPECIALTIES: NonNullable<AcuteWardsConfig['specialties']> = [
  {
    // Acute (general) medicine incl. the acute medical unit: many short stays (median 0.42 d, mean 1.75 d).
    id: 'acuteMedicine',
    admissionShare: 0.3,
    bedShare: 0.15,
    clinicalLosDays: { kind: 'lognormalLog', mu: -0.868, sigma: 1.689 },
  },
  {
    // Medical specialties: respiratory, cardiology, gastroenterology, stroke, equal weights (means 4.4, 3.4, 4.5, 6.0 d).
    id: 'medicalSpecialties',
    admissionShare: 0.25,
    bedShare: 0.27,
    clinicalLosDays: {
      kind: 'mixture',
      components: [
        { weight: 0.25, distribution: { kind: 'lognormalLog', mu: 0.293, sigma: 1.541 } },
        { weight: 0.25, distribution: { kind: 'lognormalLog', mu: 0.51, sigma: 1.203 } },
        { weight: 0.25, distribution: { kind: 'lognormalLog', mu: 0.415, sigma: 1.481 } },
        { weight: 0.25, distribution: { kind: 'lognormalLog', mu: 0.641, sigma: 1.52 } },
      ],
    },
  },
  {
    // Care of older people (geriatric medicine): median 1.6 d, mean 6.7 d, 95th percentile ≈ 26 d.
    id: 'careOfOlderPeople',
    admissionShare: 0.25,
    bedShare: 0.38,
    clinicalLosDays: { kind: 'lognormalLog', mu: 0.469, sigma: 1.692 },
  },
  {
    // Emergency surgery: general surgery (mean 2.8 d) 60%, trauma & orthopaedics (gamma, mean 6.3 d) 40%.
    id: 'surgery',
    admissionShare: 0.2,
    bedShare: 0.2,
    clinicalLosDays: {
      kind: 'mixture',
      components: [
        { weight: 0.6, distribution: { kind: 'lognormalLog', mu: 0.05, sigma: 1.405 } },
        { weight: 0.4, distribution: { kind: 'gamma', shape: 0.439, scale: 1 / 0.0699 } },
      ],
    },
  },
];

export function acuteWards(t: TrustScale): AcuteWardsConfig {
  return {
    id: `${t.id}.wards`,
    organisationId: t.id,
    physicalBeds: t.physicalBeds,
    patientsPerNurseDay: 8,
    patientsPerNurseNight: 10,
    nursePoolIds: [`${t.id}.wardRn`],
    directAdmissionsPerDay: t.directAdmissionsPerDay,
    directAdmissionProfile: {
      hourOfDayMultipliers: [...DIRECT_HOUR_OF_DAY],
      dayOfWeekMultipliers: [...DIRECT_DAY_OF_WEEK],
      monthMultipliers: [...WINTER_MONTH],
      annualGrowthShare: 0,
    },
    ringFencedElectiveBeds: t.ringFencedElectiveBeds,
    // Calibration §3.2 (DERIVED): 30% same-day stays (mean 0.4 d) + 70% lognormal(1.10, 1.19) days.
    clinicalLosDays: {
      kind: 'mixture',
      components: [
        { weight: 0.3, distribution: { kind: 'uniform', min: 0.1, max: 0.7 } },
        { weight: 0.7, distribution: { kind: 'lognormalLog', mu: 1.1, sigma: 1.19 } },
      ],
    },
    initialOccupiedBeds: t.initialOccupiedBeds,
    dischargeCatchment: t.catchment,
    // ASSUMPTION (calibrated): discharges run 10:00–19:00 after the morning ward round, and take a
    // further ~2 h (medicines, transport, paperwork), so beds free mostly in the afternoon.
    dischargeStartHour: 10,
    dischargeEndHour: 19,
    dischargeProcessingMinutes: { kind: 'lognormal', mean: 120, sd: 80 },
    specialties: DEFAULT_SPECIALTIES.map((sp) => ({ ...sp })),
    // ASSUMPTION (calibrated): a patient outlies to another specialty's free bed only after waiting a
    // day; before that they wait for a bed of their own specialty.
    outlieAfterMinutes: 1440,
  };
}

export function homeCare(
  id: string,
  organisationId: string,
  scale: number,
  carerPoolId: string,
): HomeCareConfig {
  return {
    id,
    organisationId,
    // 12 h/week (calibration §5.8) ≈ 3.4 visits of 30 min a day; DERIVED taper from 4 to 3 a day over 2 weeks.
    initialVisitsPerDay: 4,
    ongoingVisitsPerDay: 3,
    taperDays: 14,
    // DERIVED (calibrated): reablement and short-term packages, mean 18 days.
    packageDurationDays: { kind: 'lognormal', mean: 18, sd: 12.6 },
    // DERIVED (calibrated): new packages for people referred from the community compete with hospital
    // (P1) referrals for the same carers. Sized so hospital + community caseload (~1,650 packages a
    // default council) needs ~94% of the visit slots the default carers on duty give on an average
    // day: carer supply binds whenever sickness, vacancies or a busy week push it below demand, so
    // package starts wait and more carers shorten the wait (calibration.md).
    communityReferralsPerDay: 17.5 * scale,
    // The steady-state caseload (arrivals × mean duration), so the warm-up starts near equilibrium.
    initialActivePackages: Math.round(1810 * scale),
    // 30 minutes of care plus 15 of travel (NICE QS123; DERIVED travel).
    minutesPerVisit: 45,
    carerPoolIds: [carerPoolId],
  };
}

export function placement(
  id: string,
  organisationId: string,
  kind: 'stepDown' | 'careHome',
  scale: number,
): PlacementConfig {
  return kind === 'stepDown'
    ? {
        id,
        organisationId,
        kind,
        // DERIVED: ~8 admissions a day × 28 days ≈ 90% of 250 places, so pathway 2 queues modestly.
        places: Math.round(250 * scale),
        stayDays: { kind: 'lognormal', mean: 28, sd: 18 },
        communityAdmissionsPerDay: 1 * scale,
        initialOccupiedPlaces: Math.round(218 * scale),
        assessmentDays: 1,
      }
    : {
        id,
        organisationId,
        kind,
        places: Math.round(1250 * scale),
        stayDays: { kind: 'lognormal', mean: 365, sd: 365 },
        communityAdmissionsPerDay: 1.5 * scale,
        initialOccupiedPlaces: Math.round(1180 * scale),
        assessmentDays: 3,
      };
}

const TRUSTS: TrustScale[] = [
  {
    id: 'trustA',
    name: 'Northgate University Hospitals NHS FT',
    edArrivalsPerDay: 320,
    cubicles: 52,
    boardingSpaces: 60,
    physicalBeds: 700,
    ringFencedElectiveBeds: 103,
    directAdmissionsPerDay: 30,
    initialOccupiedBeds: 650,
    catchment: [{ localAuthorityId: 'councilNorth', share: 1 }],
  },
  {
    id: 'trustB',
    name: 'Riverside Hospitals NHS Trust',
    edArrivalsPerDay: 320,
    cubicles: 52,
    boardingSpaces: 60,
    physicalBeds: 700,
    ringFencedElectiveBeds: 103,
    directAdmissionsPerDay: 30,
    initialOccupiedBeds: 650,
    catchment: [
      { localAuthorityId: 'councilNorth', share: 0.5 },
      { localAuthorityId: 'councilSouth', share: 0.5 },
    ],
  },
  {
    id: 'trustC',
    name: 'Southfields and District Hospitals NHS FT',
    edArrivalsPerDay: 320,
    cubicles: 52,
    boardingSpaces: 60,
    physicalBeds: 700,
    ringFencedElectiveBeds: 103,
    directAdmissionsPerDay: 30,
    initialOccupiedBeds: 650,
    catchment: [{ localAuthorityId: 'councilSouth', share: 1 }],
  },
];

/** The default ICS, calibrated to the published anchors of docs/calibration.md. */
export function defaultIcsConfig(): SystemConfig {
  return {
    kind: 'system',
    name: 'Default ICS (~1.2 M people)',
    startDate: '2024-04-01',
    durationDays: 365,
    warmupDays: 60,
    bedSnapshotHour: 8,
    organisations: [
      ...TRUSTS.map((t) => ({ id: t.id, name: t.name, kind: 'acuteTrust' as const })),
      { id: 'primaryCare', name: 'Riverside and Northgate primary care networks', kind: 'primaryCare' },
      { id: 'communityHealth', name: 'Riverside Community Health NHS Trust', kind: 'communityProvider' },
      { id: 'councilNorth', name: 'Northshire County Council adult social care', kind: 'localAuthority' },
      { id: 'councilSouth', name: 'Southfields City Council adult social care', kind: 'localAuthority' },
      { id: 'ambulance', name: 'Region Ambulance Service NHS Trust', kind: 'ambulanceService' },
      { id: 'vcse', name: 'Home from Hospital (VCSE)', kind: 'vcse' },
    ],
    emergencyDepartments: TRUSTS.map(emergencyDepartment),
    acuteWards: TRUSTS.map(acuteWards),
    dischargePathways: {
      p0HomeShare: 0.5,
      p1HomeWithCareShare: 0.45,
      p2StepDownShare: 0.04,
      p3CareHomeShare: 0.01,
      p1VcseEligibleShare: 0.1,
      p0CommunityFollowUpShare: 0.15,
    },
    homeCare: [
      homeCare('councilNorth.homeCare', 'councilNorth', 1, 'councilNorth.careWorker'),
      homeCare('councilSouth.homeCare', 'councilSouth', 1, 'councilSouth.careWorker'),
    ],
    placements: [
      placement('councilNorth.stepDown', 'councilNorth', 'stepDown', 1),
      placement('councilNorth.careHome', 'councilNorth', 'careHome', 1),
      placement('councilSouth.stepDown', 'councilSouth', 'stepDown', 1),
      placement('councilSouth.careHome', 'councilSouth', 'careHome', 1),
    ],
    generalPractice: [
      {
        id: 'primaryCare.gp',
        organisationId: 'primaryCare',
        // ~27,000 appointments per working day across all practice staff (calibration §5.9).
        requestsPerWorkingDay: 26_000,
        demandProfile: {
          hourOfDayMultipliers: [...FLAT_DAY],
          dayOfWeekMultipliers: [...GP_DAY_OF_WEEK],
          monthMultipliers: [...WINTER_MONTH],
          annualGrowthShare: 0,
        },
        // Appointments per clinician on duty a day (~37 per GP, Pulse survey [R47c]; other practice staff alike, DERIVED).
        appointmentsPerClinicianDay: 37,
        abandonShare: 0.05,
        edSpillShare: 0.05,
        edSpillTargets: TRUSTS.map((t) => ({
          emergencyDepartmentId: `${t.id}.ed`,
          share: 1 / TRUSTS.length,
        })),
        clinicianPoolIds: ['primaryCare.gp', 'primaryCare.practiceClinician'],
      },
    ],
    communityNursing: [
      {
        id: 'communityHealth.districtNursing',
        organisationId: 'communityHealth',
        referralsPerDay: 280,
        minutesPerVisit: 50,
        visitsPerReferral: 6,
        nursePoolIds: ['communityHealth.districtNurse'],
      },
    ],
    vcseSupport: [
      {
        id: 'vcse.homeFromHospital',
        organisationId: 'vcse',
        newClientsPerDay: 8,
        localAuthorityIds: ['councilNorth', 'councilSouth'],
      },
    ],
    surges: [],
    workforce: defaultWorkforceConfig(),
  };
}
