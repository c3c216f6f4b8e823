/**
 * The textbook network simulator against queueing theory. Each check runs R replications with a
 * fixed seed and asserts that theory lies inside the 99.9% t confidence interval of the replication
 * means (plus a 1% allowance for the start-up and end-of-run bias a finite run carries).
 */
import {
  type DistributionSpec,
  erlangB,
  erlangC,
  erlangLossTheory,
  jacksonArrivalRates,
  mg1Theory,
  mmcTheory,
  priorityTheory,
  type StationTheory,
  tandemBlockingTheory,
} from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import type { NetworkConfig, NetworkStationConfig } from '../src/config.js';
import { runNetwork } from '../src/run.js';

const REPLICATIONS = 10;
/** Two-sided 99.9% t quantile with 9 degrees of freedom. */
const T_999_DF9 = 4.781;

function station(
  id: string,
  servers: number,
  serviceHours: DistributionSpec,
  extra: Partial<NetworkStationConfig> = {},
) {
  return {
    id,
    servers,
    serviceHours,
    discipline: 'fifo',
    preemptive: false,
    blockAfterService: false,
    ...extra,
  } as NetworkStationConfig;
}

function network(
  partial: Omit<NetworkConfig, 'kind' | 'name' | 'warmupHours' | 'routing'> & Partial<NetworkConfig>,
): NetworkConfig {
  return { kind: 'network', name: 'test', warmupHours: 500, routing: [], ...partial };
}

/** A network of one station fed by one Poisson stream of class-0 customers. */
function singleStation(
  durationHours: number,
  only: NetworkStationConfig,
  ratePerHour: number,
): NetworkConfig {
  return network({
    durationHours,
    stations: [only],
    arrivals: [{ stationId: only.id, ratePerHour, priorityClass: 0 }],
  });
}

/** Replication values of every (metric, scope). */
function replicate(config: NetworkConfig, seed: string): Map<string, number[]> {
  const values = new Map<string, number[]>();
  for (let r = 0; r < REPLICATIONS; r++) {
    for (const row of runNetwork(config, { seed, replication: r }).metrics) {
      const key = `${row.metricId}@${row.scope}`;
      if (!values.has(key)) values.set(key, []);
      values.get(key)!.push(row.value);
    }
  }
  return values;
}

function expectNear(values: Map<string, number[]>, metricId: string, scope: string, theory: number): void {
  const xs = values.get(`${metricId}@${scope}`);
  expect(xs, `${metricId}@${scope}`).toBeDefined();
  const n = xs!.length;
  const mean = xs!.reduce((s, x) => s + x, 0) / n;
  const variance = xs!.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const halfWidth = T_999_DF9 * Math.sqrt(variance / n) + 0.01 * Math.abs(theory) + 1e-9;
  expect(
    Math.abs(mean - theory),
    `${metricId}@${scope}: simulated ${mean.toFixed(4)} ± ${halfWidth.toFixed(4)}, theory ${theory.toFixed(4)}`,
  ).toBeLessThanOrEqual(halfWidth);
}

function expectStation(values: Map<string, number[]>, scope: string, theory: StationTheory): void {
  for (const [key, value] of Object.entries(theory)) expectNear(values, `station.${key}`, scope, value);
}

describe('theory helpers', () => {
  it('Erlang B and C match published values', () => {
    // Erlang B(5, 3) = 0.1101 and C(2, 1.5) = 0.6429 (standard tables).
    expect(erlangB(5, 3)).toBeCloseTo(0.110054, 5);
    expect(erlangC(2, 1.5)).toBeCloseTo(0.642857, 5);
  });
  it('Jackson traffic equations', () => {
    // One station feeding back half its output: λ = γ / (1 − 0.5).
    expect(jacksonArrivalRates([1], [[0.5]])[0]).toBeCloseTo(2, 12);
  });
});

describe('runNetwork against queueing theory', () => {
  it('M/M/1', () => {
    const config = singleStation(20_000, station('desk', 1, { kind: 'exponential', mean: 0.75 }), 1);
    const v = replicate(config, 'mm1');
    expectStation(v, 'desk', mmcTheory({ ratePerHour: 1, serviceMeanHours: 0.75, servers: 1 }));
    expectNear(v, 'station.inStationCount', 'desk', 3);
  });

  it('M/M/c/c (Erlang loss), also with a non-exponential service law (insensitivity)', () => {
    for (const serviceHours of [
      { kind: 'exponential', mean: 4 },
      { kind: 'uniform', min: 2, max: 6 },
    ] as DistributionSpec[]) {
      const config = singleStation(5_000, station('beds', 5, serviceHours, { queueCapacity: 0 }), 1);
      const v = replicate(config, 'mmcc');
      expectStation(v, 'beds', erlangLossTheory({ ratePerHour: 1, serviceMeanHours: 4, servers: 5 }));
      expectNear(v, 'network.lossShare', 'network', erlangB(5, 4));
    }
  });

  // One station against its closed-form theory.
  it.each([
    {
      name: 'M/M/c',
      seed: 'mmc',
      config: singleStation(10_000, station('desk', 3, { kind: 'exponential', mean: 2 }), 1.2),
      theory: mmcTheory({ ratePerHour: 1.2, serviceMeanHours: 2, servers: 3 }),
    },
    {
      name: 'M/D/1',
      seed: 'md1',
      config: singleStation(20_000, station('scan', 1, { kind: 'deterministic', value: 0.8 }), 1),
      theory: mg1Theory({ ratePerHour: 1, serviceMeanHours: 0.8, serviceSecondMomentHours2: 0.64 }),
    },
    {
      name: 'M/G/1 (lognormal service)',
      seed: 'mg1',
      config: singleStation(20_000, station('clinic', 1, { kind: 'lognormal', mean: 0.7, sd: 0.5 }), 1),
      theory: mg1Theory({
        ratePerHour: 1,
        serviceMeanHours: 0.7,
        serviceSecondMomentHours2: 0.7 ** 2 + 0.5 ** 2,
      }),
    },
  ])('$name', ({ seed, config, theory }) => {
    expectStation(replicate(config, seed), config.stations[0].id, theory);
  });

  for (const preemptive of [false, true]) {
    it(`two-class M/M/1 priority queue, ${preemptive ? 'preemptive-resume' : 'non-preemptive'}`, () => {
      const config = network({
        durationHours: 20_000,
        stations: [
          station('triage', 1, { kind: 'exponential', mean: 0.5 }, { discipline: 'priority', preemptive }),
        ],
        arrivals: [
          { stationId: 'triage', ratePerHour: 0.6, priorityClass: 1 },
          { stationId: 'triage', ratePerHour: 0.8, priorityClass: 2 },
        ],
      });
      const v = replicate(config, 'priority');
      const theory = priorityTheory(
        [0.6, 0.8].map((ratePerHour) => ({
          ratePerHour,
          serviceMeanHours: 0.5,
          serviceSecondMomentHours2: 0.5,
        })),
        preemptive,
      );
      theory.forEach((k, i) => {
        expectNear(v, 'station.waitInQueueHours', `triage:class${i + 1}`, k.waitInQueueHours);
        expectNear(v, 'station.timeInSystemHours', `triage:class${i + 1}`, k.timeInSystemHours);
        expectNear(v, 'network.timeInSystemHours', `network:class${i + 1}`, k.timeInSystemHours);
      });
      expectNear(v, 'station.utilisationShare', 'triage', 0.7);
    });
  }

  it('tandem line with finite buffers and blocking after service', () => {
    const config = network({
      durationHours: 10_000,
      stations: [
        station(
          'first',
          1,
          { kind: 'exponential', mean: 0.8 },
          { queueCapacity: 3, blockAfterService: true },
        ),
        station('second', 1, { kind: 'exponential', mean: 0.9 }, { queueCapacity: 1 }),
      ],
      arrivals: [{ stationId: 'first', ratePerHour: 1, priorityClass: 0 }],
      routing: [{ fromStationId: 'first', to: [{ stationId: 'second', share: 1 }] }],
    });
    const v = replicate(config, 'tandem');
    const [first, second] = tandemBlockingTheory({
      ratePerHour: 1,
      serviceMeanHours1: 0.8,
      serviceMeanHours2: 0.9,
      queueCapacity1: 3,
      queueCapacity2: 1,
    });
    expectStation(v, 'first', first);
    expectStation(v, 'second', second);
  });

  it('Jackson network with feedback routing', () => {
    const config = network({
      durationHours: 10_000,
      stations: [
        station('reception', 1, { kind: 'exponential', mean: 0.25 }),
        station('doctor', 2, { kind: 'exponential', mean: 0.45 }),
        station('lab', 1, { kind: 'exponential', mean: 0.3 }),
      ],
      arrivals: [{ stationId: 'reception', ratePerHour: 2, priorityClass: 0 }],
      routing: [
        { fromStationId: 'reception', to: [{ stationId: 'doctor', share: 1 }] },
        { fromStationId: 'doctor', to: [{ stationId: 'lab', share: 0.4 }] },
        { fromStationId: 'lab', to: [{ stationId: 'doctor', share: 1 }] },
      ],
    });
    const v = replicate(config, 'jackson');
    const ids = ['reception', 'doctor', 'lab'];
    const means = [0.25, 0.45, 0.3];
    const servers = [1, 2, 1];
    const lambdas = jacksonArrivalRates(
      [2, 0, 0],
      [
        [0, 1, 0],
        [0, 0, 0.4],
        [0, 1, 0],
      ],
    );
    let customersInNetwork = 0;
    ids.forEach((id, i) => {
      const t = mmcTheory({ ratePerHour: lambdas[i], serviceMeanHours: means[i], servers: servers[i] });
      expectStation(v, id, t);
      customersInNetwork += lambdas[i] * t.timeInSystemHours;
    });
    // Little's law over the whole network.
    expectNear(v, 'network.timeInSystemHours', 'network', customersInNetwork / 2);
  });
});

describe('runNetwork behaviour', () => {
  const config = singleStation(200, station('desk', 1, { kind: 'exponential', mean: 0.5 }), 1);
  it('is reproducible for a seed and replication, and differs across replications', () => {
    const a = runNetwork(config, { seed: 7, replication: 0 });
    expect(runNetwork(config, { seed: 7, replication: 0 })).toEqual(a);
    expect(runNetwork(config, { seed: 7, replication: 1 }).metrics).not.toEqual(a.metrics);
    expect(a.eventsExecuted).toBeGreaterThan(0);
    expect(a.simulatedHours).toBe(700);
  });
  it('names an unknown station in routing', () => {
    const bad = { ...config, routing: [{ fromStationId: 'desk', to: [{ stationId: 'nowhere', share: 1 }] }] };
    expect(() => runNetwork(bad, { seed: 1, replication: 0 })).toThrow(/unknown station 'nowhere'/);
  });
  it('refuses a station that would preempt a customer blocked after service', () => {
    const bad = {
      ...config,
      stations: [
        station(
          'desk',
          1,
          { kind: 'exponential', mean: 0.5 },
          { discipline: 'priority', preemptive: true, blockAfterService: true },
        ),
      ],
    };
    expect(() => runNetwork(bad, { seed: 1, replication: 0 })).toThrow(
      /'desk' cannot be both preemptive and blockAfterService/,
    );
  });
});
