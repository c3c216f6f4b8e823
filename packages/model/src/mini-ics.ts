/**
 * A small system for fast tests: about a tenth of the default ICS (one acute trust with a type-1
 * ED, one council, primary care, community nursing and a VCSE), same parameters otherwise.
 */
import type { SystemConfig } from './config.js';
import {
  acuteWards,
  defaultIcsConfig,
  emergencyDepartment,
  homeCare,
  placement,
  type TrustScale,
} from './default-ics.js';

const MINI_TRUST: TrustScale = {
  id: 'trustA',
  name: 'Northgate University Hospitals NHS FT',
  edArrivalsPerDay: 96,
  cubicles: 17,
  boardingSpaces: 18,
  physicalBeds: 210,
  ringFencedElectiveBeds: 32,
  directAdmissionsPerDay: 9,
  initialOccupiedBeds: 195,
  catchment: [{ localAuthorityId: 'councilNorth', share: 1 }],
};

/** Scale of the mini council's social care relative to one default council. */
const COUNCIL_SCALE = 0.2;

/** The mini ICS: one year after a 30-day warm-up by default; tests shorten it. */
export function miniIcsConfig(): SystemConfig {
  const full = defaultIcsConfig();
  const gp = full.generalPractice[0];
  const community = full.communityNursing[0];
  return {
    ...full,
    name: 'Mini ICS (a tenth of the default)',
    warmupDays: 30,
    organisations: full.organisations.filter((o) => !['trustB', 'trustC', 'councilSouth'].includes(o.id)),
    emergencyDepartments: [emergencyDepartment(MINI_TRUST)],
    acuteWards: [acuteWards(MINI_TRUST)],
    homeCare: [homeCare('councilNorth.homeCare', 'councilNorth', COUNCIL_SCALE, 'councilNorth.careWorker')],
    placements: [
      placement('councilNorth.stepDown', 'councilNorth', 'stepDown', COUNCIL_SCALE),
      placement('councilNorth.careHome', 'councilNorth', 'careHome', COUNCIL_SCALE),
    ],
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
      staffPools: full.workforce.staffPools.filter((p) => !/^(trustB|trustC|councilSouth)\./.test(p.id)),
    },
  };
}
