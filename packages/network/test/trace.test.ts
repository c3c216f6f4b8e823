/** The event trace of a network run: what it records, in time order, and that tracing changes nothing. */
import type { TraceRecord } from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import type { NetworkConfig, NetworkStationConfig } from '../src/config.js';
import { runNetwork } from '../src/run.js';

const station = (id: string, extra: Partial<NetworkStationConfig>): NetworkStationConfig => ({
  id,
  servers: 1,
  serviceHours: { kind: 'exponential', mean: 0.8 },
  discipline: 'fifo',
  preemptive: false,
  blockAfterService: false,
  ...extra,
});

const tandem: NetworkConfig = {
  kind: 'network',
  name: 'tandem',
  warmupHours: 0,
  durationHours: 200,
  stations: [
    station('first', { queueCapacity: 3, blockAfterService: true }),
    station('second', { queueCapacity: 1 }),
  ],
  arrivals: [{ stationId: 'first', ratePerHour: 1.2, priorityClass: 0 }],
  routing: [{ fromStationId: 'first', to: [{ stationId: 'second', share: 1 }] }],
};

describe('event trace of a network run', () => {
  it('records arrivals, service starts and ends, blocking and losses in time order, without changing the run', () => {
    const records: TraceRecord[] = [];
    const traced = runNetwork(tandem, { seed: 1, replication: 0, trace: (r) => records.push(r) });
    records.forEach((r, i) => {
      if (i > 0) expect(r.timeMinutes, `record ${i}`).toBeGreaterThanOrEqual(records[i - 1].timeMinutes);
    });
    const n = new Map<string, number>();
    for (const r of records) n.set(r.event, (n.get(r.event) ?? 0) + 1);
    for (const event of ['arrival', 'serviceStart', 'serviceEnd', 'blocked', 'lost']) {
      expect(n.get(event) ?? 0, event).toBeGreaterThan(0);
    }
    // Every arrival at a station is admitted (and later starts service) or lost there.
    const byStation = (event: string, s: string) =>
      records.filter((r) => r.event === event && r.resource === s).length;
    for (const s of ['first', 'second']) {
      const open = byStation('arrival', s) - byStation('lost', s) - byStation('serviceStart', s);
      expect(open).toBeGreaterThanOrEqual(0);
      expect(byStation('serviceStart', s) - byStation('serviceEnd', s)).toBeLessThanOrEqual(1); // one server each
    }
    expect(JSON.stringify(traced)).toBe(JSON.stringify(runNetwork(tandem, { seed: 1, replication: 0 })));
  });
});
