/** Hand-built snapshots for policy unit tests. */
import type { PoolState, ServiceKind, ServicePressure, SystemSnapshot } from '../src/contracts.js';

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

/** A council's care workers (`<organisation>.careWorker`). */
export function careWorkers(organisationId: string, more: Partial<PoolState> = {}): PoolState {
  return poolState({
    poolId: `${organisationId}.careWorker`,
    organisationId,
    homeService: 'homeCare',
    role: 'careWorker',
    ...more,
  });
}

export function pressure(
  organisationId: string,
  service: ServiceKind,
  pressureScore: number,
): ServicePressure {
  return { organisationId, service, pressureScore, waitingCount: 0, staffOnDuty: 0, staffRequired: 0 };
}

export function snapshot(
  pools: PoolState[],
  pressures: ServicePressure[] = [],
  systemBankAvailableByRole: Record<string, number> = {},
  day = 0,
): SystemSnapshot {
  return { nowMinutes: day * 1440 + 480, day, shift: 0, pressures, pools, systemBankAvailableByRole };
}
