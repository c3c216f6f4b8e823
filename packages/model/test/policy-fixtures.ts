/** Hand-built snapshots for policy unit tests. */
import type { PoolState, ServiceKind, ServicePressure, StaffMove, SystemSnapshot } from '../src/contracts.js';

export function poolState(
  p: Partial<PoolState> & { poolId: string; organisationId: string; homeService: ServiceKind | 'none' },
): PoolState {
  return {
    role: 'registeredNurse',
    competencies: p.homeService === 'none' ? [] : [p.homeService],
    onDutyAtHome: 10,
    requiredOnDuty: 10,
    minimumRetained: 9,
    establishmentWte: 50,
    inPostWte: 50,
    shiftStartsNow: true,
    ...p,
  };
}

/** A trust's ward nurses (`<organisation>.wardRn`). */
export function wardNurses(organisationId: string, more: Partial<PoolState> = {}): PoolState {
  return poolState({ poolId: `${organisationId}.wardRn`, organisationId, homeService: 'ward', ...more });
}

/** An organisation's pool of one role at its home service (`<organisation>.<role>`). */
function rolePool(
  organisationId: string,
  role: string,
  homeService: ServiceKind,
  more: Partial<PoolState>,
): PoolState {
  return poolState({ poolId: `${organisationId}.${role}`, organisationId, homeService, role, ...more });
}

/** A trust's ED clinicians (`<organisation>.edClinician`). */
export function edClinicians(organisationId: string, more: Partial<PoolState> = {}): PoolState {
  return rolePool(organisationId, 'edClinician', 'ed', more);
}

/** A council's care workers (`<organisation>.careWorker`). */
export function careWorkers(organisationId: string, more: Partial<PoolState> = {}): PoolState {
  return rolePool(organisationId, 'careWorker', 'homeCare', more);
}

export function pressure(
  organisationId: string,
  service: ServiceKind,
  pressureScore: number,
): ServicePressure {
  return { organisationId, service, pressureScore, waitingCount: 0, staffOnDuty: 0, staffRequired: 0 };
}

/** The pressure at `service` of each organisation in `scoreByOrganisation`, in order. */
export function pressuresAt(
  service: ServiceKind,
  scoreByOrganisation: Record<string, number>,
): ServicePressure[] {
  return Object.entries(scoreByOrganisation).map(([organisationId, score]) =>
    pressure(organisationId, service, score),
  );
}

export function snapshot(
  pools: PoolState[],
  pressures: ServicePressure[] = [],
  systemBankAvailableByRole: Record<string, number> = {},
  day = 0,
): SystemSnapshot {
  return { nowMinutes: day * 1440 + 480, day, shift: 0, pressures, pools, systemBankAvailableByRole };
}

/** The moves a policy should ask for into `toOrganisationId`'s `toService` for `reason`: the count from each pool, in order. */
export function movesTo(
  toOrganisationId: string,
  toService: ServiceKind,
  reason: string,
  countByPool: Record<string, number>,
): StaffMove[] {
  return Object.entries(countByPool).map(([fromPoolId, count]) => ({
    fromPoolId,
    toOrganisationId,
    toService,
    count,
    reason,
  }));
}
