/**
 * The textbook queueing network (`kind: network`) as a zod schema, with its routing checked: every
 * station referenced exists, routing shares out of a station sum to at most 1, and no customer can be
 * trapped in a closed cycle with no way out (the simulation would never drain and its queues grow
 * without bound).
 */
import type { NetworkConfig } from '@carepool/network';
import { z } from 'zod';
import { didYouMean } from '../errors.js';
import { idString, nonNegative, positive, share, strictObject, wholeCount } from './common.js';
import { distributionSchema } from './distribution.js';

const MAX_HOURS = 10_000_000;
const SHARE_TOLERANCE = 1e-9;

const stationSchema = strictObject({
  id: idString('Unique station id.'),
  servers: z.number().int().min(1).max(100_000).describe('Number of parallel servers.'),
  serviceHours: distributionSchema.describe('Service time per customer, hours.'),
  queueCapacity: wholeCount(
    'Waiting places in front of the servers; omit for unlimited.',
    10_000_000,
  ).optional(),
  discipline: z
    .enum(['fifo', 'priority'])
    .default('fifo')
    .describe('`fifo` (default), or `priority` (lower class first, FIFO within a class).'),
  preemptive: z
    .boolean()
    .default(false)
    .describe(
      'With `priority`: a more urgent arrival preempts the least urgent customer in service. Default false.',
    ),
  blockAfterService: z
    .boolean()
    .default(false)
    .describe(
      'When the next station is full, the customer keeps its server here until a place frees. Default false.',
    ),
}).describe('A station: servers in parallel with a queue in front.');

const arrivalSchema = strictObject({
  stationId: idString('Station the customers join.'),
  ratePerHour: positive('Poisson arrival rate, customers per hour.', 1_000_000),
  priorityClass: wholeCount('Priority class (0 = most urgent). Default 0.', 100).default(0),
}).describe('A Poisson stream of arriving customers.');

const routingSchema = strictObject({
  fromStationId: idString('The station customers leave.'),
  to: z
    .array(
      strictObject({
        stationId: idString('Next station.'),
        share: share('Share of customers leaving `fromStationId` who go there.'),
      }),
    )
    .describe('Where customers go after service; shares sum to at most 1, the rest leave the network.'),
}).describe('Probabilistic routing out of one station.');

export const networkConfigShape = {
  kind: z.literal('network').describe('`network` for a textbook queueing network.'),
  name: z.string().min(1).max(200).describe('Name of the scenario, shown in reports.'),
  durationHours: positive('Simulated hours reported, after the warm-up.', MAX_HOURS),
  warmupHours: nonNegative('Hours simulated and discarded first.', MAX_HOURS),
  stations: z.array(stationSchema).min(1).max(10_000).describe('The stations.'),
  arrivals: z.array(arrivalSchema).min(1).max(10_000).describe('External arrival streams.'),
  routing: z
    .array(routingSchema)
    .max(10_000)
    .default([])
    .describe(
      'Routing after service; a station without routing sends customers out of the network. Default none.',
    ),
};

type Ctx = z.core.$RefinementCtx<NetworkConfig>;

function checkNetwork(config: NetworkConfig, ctx: Ctx): void {
  const report = (path: (string | number)[], message: string, expected: string, hint?: string) =>
    ctx.addIssue({ code: 'custom', message, path, params: { expected, hint } });
  const ids = config.stations.map((s) => s.id);
  const idSet = new Set<string>();
  config.stations.forEach((s, i) => {
    if (idSet.has(s.id))
      report(['stations', i, 'id'], `duplicate id '${s.id}'`, 'a station id unique within stations');
    idSet.add(s.id);
  });
  const checkStation = (id: string, path: (string | number)[]) => {
    if (!idSet.has(id))
      report(path, `no station '${id}'`, `an id from stations (${ids.join(', ')})`, didYouMean(id, ids));
    return idSet.has(id);
  };
  for (const [i, a] of config.arrivals.entries()) checkStation(a.stationId, ['arrivals', i, 'stationId']);
  const outShare = new Map<string, number>();
  const next = new Map<string, string[]>();
  const routedFrom = new Set<string>();
  let referencesOk = true;
  config.routing.forEach((r, i) => {
    referencesOk = checkStation(r.fromStationId, ['routing', i, 'fromStationId']) && referencesOk;
    if (routedFrom.has(r.fromStationId))
      report(
        ['routing', i, 'fromStationId'],
        `a second routing entry for '${r.fromStationId}'`,
        'one routing entry per station',
      );
    routedFrom.add(r.fromStationId);
    let total = 0;
    r.to.forEach((t, j) => {
      referencesOk = checkStation(t.stationId, ['routing', i, 'to', j, 'stationId']) && referencesOk;
      total += t.share;
      if (t.share > 0) next.set(r.fromStationId, [...(next.get(r.fromStationId) ?? []), t.stationId]);
    });
    if (total > 1 + SHARE_TOLERANCE)
      report(['routing', i, 'to'], `shares sum to ${total}`, 'shares that sum to at most 1');
    outShare.set(r.fromStationId, total);
  });
  if (!referencesOk) return;

  // A station can drain if customers may leave from it, or may move on to a station that can.
  const canExit = new Set(ids.filter((id) => (outShare.get(id) ?? 0) < 1 - SHARE_TOLERANCE));
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of ids) {
      if (!canExit.has(id) && (next.get(id) ?? []).some((to) => canExit.has(to))) {
        canExit.add(id);
        changed = true;
      }
    }
  }
  const reachable = new Set<string>();
  const stack = config.arrivals.map((a) => a.stationId);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  const trapped = ids.filter((id) => reachable.has(id) && !canExit.has(id));
  if (trapped.length > 0) {
    const index = config.routing.findIndex((r) => r.fromStationId === trapped[0]);
    report(
      ['routing', index, 'to'],
      `customers routed into ${trapped.join(', ')} can never leave the network (a closed cycle with no exit)`,
      'routing shares out of some station in the cycle that sum to less than 1',
    );
  }
}

/** The resolved textbook network configuration, with routing checked. */
export const networkConfigSchema = strictObject(networkConfigShape)
  .superRefine(checkNetwork)
  .describe('A textbook queueing network.');
