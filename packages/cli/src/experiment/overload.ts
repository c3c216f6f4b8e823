/**
 * Known before running: a network station whose offered load λ·E[S]/c reaches 1 with an unlimited
 * queue has no steady state — its queue grows for as long as the run lasts. Warn, per arm scenario,
 * so the user is not surprised when the model stops it at its queue bound.
 */
import { stationOfferedLoads } from '@carepool/network';
import type { CliIo } from '../io.js';
import type { BuiltArms } from './arms.js';

export function warnOverloadedStations(io: CliIo, built: BuiltArms): void {
  const seen = new Set<string>();
  for (const s of built.armScenarios) {
    if (s.kind !== 'network' || seen.has(s.hash)) continue;
    seen.add(s.hash);
    for (const station of stationOfferedLoads(s.config)) {
      if (station.unlimitedQueue && station.offeredLoad >= 1) {
        io.stderr(
          `carepool: warning: '${s.config.name}': station '${station.stationId}' has offered load ` +
            `${station.offeredLoad.toFixed(3)} ≥ 1 with an unlimited queue: its queue will grow without bound, and ` +
            'the run stops when it passes 1,000,000 customers\n',
        );
      }
    }
  }
}
