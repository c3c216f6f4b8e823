/**
 * A small system for fast tests: about a tenth of the default ICS (one acute trust with a type-1
 * ED, one council, primary care, community nursing and a VCSE), same parameters otherwise.
 */
import type { HomeCareConfig, PlacementConfig, SystemConfig } from './config.js';
import { defaultIcsConfig } from './default-ics.js';
import type { StaffPoolConfig } from './workforce-config.js';

/** The mini trust: trustA of the default at 210 of its 700 beds and 96 of its 320 attendances a day (0.3 of its 46 cubicles). */
const MINI_TRUST = {
  edArrivalsPerDay: 96,
  cubicles: 14,
  boardingSpaces: 18,
  physicalBeds: 210,
  ringFencedElectiveBeds: 14,
  directAdmissionsPerDay: 9,
  initialOccupiedBeds: 195,
};

/** Scale of the mini council's social care relative to one default council. */
const COUNCIL_SCALE = 0.2;
/** Scale of the mini trust relative to one default trust (210 of 700 beds, 96 of 320 attendances). */
const TRUST_SCALE = 0.3;
/** Scale of primary care, community nursing and the ambulance service relative to the default ICS. */
const ICS_SCALE = 0.1;

/** Each mini pool's scale: staff follow the demand they serve, so policies can matter on the mini ICS. */
function poolScale(poolId: string): number {
  if (poolId.startsWith('trustA.')) return TRUST_SCALE;
  if (poolId.startsWith('councilNorth.')) return COUNCIL_SCALE;
  return ICS_SCALE;
}

/**
 * A default pool scaled down: the on-duty requirement rounded up per shift, and establishment, staff
 * in post, bank and recruiting capacity in proportion to it (vacancy share and rates unchanged).
 */
function scaledPool(p: StaffPoolConfig, scale: number): StaffPoolConfig {
  const required = p.requiredOnDutyByShift.map((r) => Math.ceil(r * scale));
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const ratio = sum(required) / sum(p.requiredOnDutyByShift);
  const establishmentWte = Math.round(p.establishmentWte * ratio);
  return {
    ...p,
    requiredOnDutyByShift: required,
    establishmentWte,
    inPostWte: Math.round((establishmentWte * p.inPostWte) / p.establishmentWte),
    maxHiresInPipeline: Math.max(5, Math.ceil(0.2 * establishmentWte)),
    bankHeadcount: Math.max(1, Math.round(p.bankHeadcount * ratio)),
  };
}

/** A council's home care scaled down: referrals and the running caseload in proportion. */
function scaledHomeCare(h: HomeCareConfig, scale: number): HomeCareConfig {
  return {
    ...h,
    communityReferralsPerDay: h.communityReferralsPerDay * scale,
    initialActivePackages: Math.round(h.initialActivePackages * scale),
  };
}

/** A council's placements scaled down: places, community admissions and occupied places in proportion. */
function scaledPlacement(p: PlacementConfig, scale: number): PlacementConfig {
  return {
    ...p,
    places: Math.round(p.places * scale),
    communityAdmissionsPerDay: p.communityAdmissionsPerDay * scale,
    initialOccupiedPlaces: Math.round(p.initialOccupiedPlaces * scale),
  };
}

/** The mini ICS: one year after a 30-day warm-up by default; tests shorten it. */
export function miniIcsConfig(): SystemConfig {
  const full = defaultIcsConfig();
  const ed = full.emergencyDepartments.find((e) => e.organisationId === 'trustA')!;
  const wards = full.acuteWards.find((w) => w.organisationId === 'trustA')!;
  const t = MINI_TRUST;
  const gp = full.generalPractice[0];
  const community = full.communityNursing[0];
  const settings = full.workforce.policySettings;
  return {
    ...full,
    name: 'Mini ICS (a tenth of the default)',
    warmupDays: 30,
    organisations: full.organisations.filter((o) => !['trustB', 'trustC', 'councilSouth'].includes(o.id)),
    emergencyDepartments: [
      {
        ...ed,
        meanArrivalsPerDay: t.edArrivalsPerDay,
        cubicles: t.cubicles,
        boardingSpaces: t.boardingSpaces,
      },
    ],
    acuteWards: [
      {
        ...wards,
        physicalBeds: t.physicalBeds,
        ringFencedElectiveBeds: t.ringFencedElectiveBeds,
        directAdmissionsPerDay: t.directAdmissionsPerDay,
        initialOccupiedBeds: t.initialOccupiedBeds,
        dischargeCatchment: [{ localAuthorityId: 'councilNorth', share: 1 }],
      },
    ],
    homeCare: full.homeCare
      .filter((h) => h.organisationId === 'councilNorth')
      .map((h) => scaledHomeCare(h, COUNCIL_SCALE)),
    placements: full.placements
      .filter((p) => p.organisationId === 'councilNorth')
      .map((p) => scaledPlacement(p, COUNCIL_SCALE)),
    generalPractice: [
      {
        ...gp,
        requestsPerWorkingDay: gp.requestsPerWorkingDay / 10,
        edSpillTargets: [{ emergencyDepartmentId: 'trustA.ed', share: 1 }],
      },
    ],
    communityNursing: [{ ...community, referralsPerDay: community.referralsPerDay / 10 }],
    vcseSupport: [{ ...full.vcseSupport[0], newClientsPerDay: 2, localAuthorityIds: ['councilNorth'] }],
    workforce: {
      ...full.workforce,
      staffPools: full.workforce.staffPools
        .filter((p) => !/^(trustB|trustC|councilSouth)\./.test(p.id))
        .map((p) => scaledPool(p, poolScale(p.id))),
      policySettings: {
        ...settings,
        systemBank: {
          ...settings.systemBank,
          // The trust's and the council's share of the default system bank.
          headcountByRole: { registeredNurse: 15, careWorker: 5 },
        },
        rotationalPosts: {
          // One paramedic per rotation group instead of five.
          rotations: settings.rotationalPosts.rotations.map((r) => ({ ...r, count: 3 })),
        },
      },
    },
  };
}
