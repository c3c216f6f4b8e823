/**
 * A tiny system whose headline metrics can be worked out by hand (headline-hand-worked.test.ts):
 * two trusts, each with one ED and one ward, and one council's home care. Every distribution is
 * deterministic and every share is 0 or 1, so the random streams decide nothing; arrivals are
 * scripted by the test. The configuration is written out in full here (not derived from the mini or
 * default ICS), so calibration changes elsewhere do not move it.
 *
 * - trustA: ED `a.ed`, nobody admitted (admissionShare 0), patience 225 minutes; ward `a.wards`
 *   (3 beds) that nobody uses.
 * - trustB: ED `b.ed`, everybody admitted to the ward (admissionShare 1, wardAdmissionShare 1);
 *   ward `b.wards` with 1 bed, clinical stay 0.5 days, every patient discharged on pathway 1 (home
 *   care), discharge processing 120 minutes, discharges at any hour.
 * - councilA: home care with plenty of carers and no community referrals.
 * - The workforce: one pool per service. `b.wardRn` (12-hour day shifts from 08:00, 10 WTE
 *   establishment, 8 in post, 10 required, no sickness, no leavers, no hiring) fills its gap of 2 with
 *   1 bank member and 1 agency nurse every shift; the others are fully staffed.
 */
import type { SystemConfig } from '../src/config.js';
import type { StaffPoolConfig } from '../src/workforce-config.js';

const flat = {
  hourOfDayMultipliers: Array.from({ length: 24 }, () => 1),
  dayOfWeekMultipliers: [1, 1, 1, 1, 1, 1, 1],
  monthMultipliers: Array.from({ length: 12 }, () => 1),
  annualGrowthShare: 0,
};

const fixed = (value: number) => ({ kind: 'deterministic' as const, value });

function pool(
  id: string,
  organisationId: string,
  role: string,
  homeService: 'ed' | 'ward' | 'homeCare',
  staff: { establishmentWte: number; inPostWte: number; required: number; bankHeadcount: number },
): StaffPoolConfig {
  return {
    id,
    organisationId,
    role,
    homeService,
    payGrade: 'test',
    establishmentWte: staff.establishmentWte,
    inPostWte: staff.inPostWte,
    requiredOnDutyByShift: [staff.required],
    // One 12-hour day shift from 08:00, every day; 84 contracted hours a week = every shift.
    shiftPattern: { shiftsPerDay: 1, hoursPerShift: 12, firstShiftStartHour: 8, worksWeekends: true },
    hoursPerWtePerWeek: 84,
    plannedAbsenceShare: 0,
    sicknessAbsenceShare: 0,
    sicknessSpellDays: 8,
    turnoverPerYear: 0,
    timeToHireDays: fixed(60),
    maxHiresInPipeline: 0,
    hireSuccessShare: 1,
    hourlyCostGbp: 20,
    bankHeadcount: staff.bankHeadcount,
    bankFillShare: 1,
    bankHourlyCostGbp: 25,
    agencyFillShare: 1,
    agencyHourlyCostGbp: 40,
    overtimeFillShare: 0,
    overtimeHourlyCostGbp: 30,
    competencies: [homeService],
    minimumRetainedShare: 1,
  };
}

/** The tiny system: 3 days, no warm-up, from Monday 1 April 2024. */
export function tinyIcsConfig(): SystemConfig {
  const ed = (id: string, organisationId: string, admissionShare: number) => ({
    id,
    organisationId,
    meanArrivalsPerDay: 0,
    arrivalProfile: flat,
    cubicles: 10,
    treatmentMinutes: fixed(50),
    decisionMinutes: fixed(10),
    admittedDecisionMinutes: fixed(10),
    admissionShare,
    wardAdmissionShare: 1,
    leaveWithoutBeingSeenAfterMinutes: fixed(225),
    clinicianPoolIds: [`${organisationId}.edClinician`],
    boardingSpaces: 0,
  });
  const ward = (id: string, organisationId: string, physicalBeds: number) => ({
    id,
    organisationId,
    physicalBeds,
    patientsPerNurseDay: 1,
    patientsPerNurseNight: 1,
    nursePoolIds: [`${organisationId}.wardRn`],
    directAdmissionsPerDay: 0,
    directAdmissionProfile: flat,
    ringFencedElectiveBeds: 0,
    clinicalLosDays: fixed(0.5),
    initialOccupiedBeds: 0,
    dischargeCatchment: [{ localAuthorityId: 'councilA', share: 1 }],
    dischargeStartHour: 0,
    dischargeEndHour: 24,
    dischargeProcessingMinutes: fixed(120),
    outlieAfterMinutes: 1440,
    bedTurnaroundMinutes: 0,
  });
  return {
    kind: 'system',
    name: 'Tiny ICS (hand-worked headline tests)',
    startDate: '2024-04-01',
    durationDays: 3,
    warmupDays: 0,
    bedSnapshotHour: 8,
    organisations: [
      { id: 'trustA', name: 'Trust A', kind: 'acuteTrust' },
      { id: 'trustB', name: 'Trust B', kind: 'acuteTrust' },
      { id: 'councilA', name: 'Council A', kind: 'localAuthority' },
    ],
    emergencyDepartments: [ed('a.ed', 'trustA', 0), ed('b.ed', 'trustB', 1)],
    acuteWards: [ward('a.wards', 'trustA', 3), ward('b.wards', 'trustB', 1)],
    dischargePathways: {
      p0HomeShare: 0,
      p1HomeWithCareShare: 1,
      p2StepDownShare: 0,
      p3CareHomeShare: 0,
      p1VcseEligibleShare: 0,
      p0CommunityFollowUpShare: 0,
    },
    homeCare: [
      {
        id: 'councilA.homeCare',
        organisationId: 'councilA',
        initialVisitsPerDay: 4,
        ongoingVisitsPerDay: 3,
        taperDays: 14,
        packageDurationDays: fixed(10),
        communityReferralsPerDay: 0,
        initialActivePackages: 0,
        minutesPerVisit: 45,
        carerPoolIds: ['councilA.careWorker'],
      },
    ],
    placements: [],
    generalPractice: [],
    communityNursing: [],
    vcseSupport: [],
    surges: [],
    escalation: { opelThresholds: [0.85, 0.92, 0.97] },
    workforce: {
      staffPools: [
        pool('trustA.edClinician', 'trustA', 'edClinician', 'ed', staffed(1)),
        pool('trustB.edClinician', 'trustB', 'edClinician', 'ed', staffed(1)),
        pool('trustA.wardRn', 'trustA', 'registeredNurse', 'ward', staffed(3)),
        pool('trustB.wardRn', 'trustB', 'registeredNurse', 'ward', {
          establishmentWte: 10,
          inPostWte: 8,
          required: 10,
          bankHeadcount: 1,
        }),
        pool('councilA.careWorker', 'councilA', 'careWorker', 'homeCare', staffed(10)),
      ],
      substitutions: [],
      travelTimes: [],
      burnoutFeedback: {
        enabled: false,
        leaverOddsPerExtraPatient: 1,
        patientsPerNurseThreshold: 8,
        windowDays: 28,
        maxMultiplier: 1,
      },
      induction: { days: 0, effectiveness: 1 },
      bankRestHours: 0,
      decisionInterval: 'shift',
      policy: 'siloed',
      // Read only by the other policies (this run is siloed); written out because the type needs them.
      policySettings: {
        systemBank: { headcountByRole: {}, fillShare: 0, hourlyCostGbpByRole: {}, replacesOwnBanks: false },
        staffPassport: {
          maxShareMoved: 0,
          inductionDays: 0,
          inductionEffectiveness: 1,
          pressureGapThreshold: 1,
        },
        rotationalPosts: { rotations: [] },
        mutualAid: { opelThresholds: [0.85, 0.92, 0.97], lendFromLevel: 4, maxShareLent: 0 },
        dischargeFirst: { priorityShare: 0, services: ['homeCare'] },
      },
    },
  };
}

function staffed(n: number) {
  return { establishmentWte: n, inPostWte: n, required: n, bankHeadcount: 0 };
}
