/**
 * Validation against queueing theory. Each check runs R independent replications (fixed master
 * seed, replication index 0..R-1), deletes a warm-up, and asks whether the theoretical value lies
 * inside the 99% confidence interval built from the replication means with Student's t. Little's
 * law (Lq = λ Wq) is checked on every replication of every run.
 */
import { describe, expect, it } from 'vitest';
import {
  cobhamMeanWaitsMinutes,
  type Distribution,
  dailyRoster,
  deterministic,
  erlang,
  erlangB,
  erlangC,
  exponential,
  lognormal,
  mmcMeanWaitMinutes,
  pollaczekKhinchineMeanWaitMinutes,
  preemptiveResumeMeanTimesInSystemMinutes,
  RandomStreams,
  type Request,
  Resource,
  Simulation,
} from '../src/index.js';

const SEED = 20240611;
const REPLICATIONS = 20;
/** Student's t, two-sided 99%, 19 degrees of freedom. */
const T_99_DF19 = 2.861;

interface Interval {
  mean: number;
  halfWidth: number;
}

function confidenceInterval(values: number[]): Interval {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, halfWidth: (T_99_DF19 * Math.sqrt(variance)) / Math.sqrt(n) };
}

function expectInInterval(values: number[], theory: number, what: string): void {
  const ci = confidenceInterval(values);
  const message = `${what}: theory ${theory.toFixed(4)} vs simulated ${ci.mean.toFixed(4)} ± ${ci.halfWidth.toFixed(4)} (99% CI)`;
  expect(Math.abs(ci.mean - theory), message).toBeLessThanOrEqual(ci.halfWidth);
  // Guard against a vacuous test: the interval must be reasonably tight.
  expect(ci.halfWidth, `${what}: interval too wide to mean anything`).toBeLessThan(
    0.15 * Math.abs(theory) + 1e-3,
  );
}

interface QueueRun {
  meanWaitMinutes: number;
  probabilityOfWaiting: number;
  lossProbability: number;
}

interface QueueSpec {
  servers: number;
  arrivalsPerMinute: number;
  service: Distribution;
  /** If true, arrivals finding every server busy are lost (M/M/c/c). */
  loss?: boolean;
  warmupMinutes: number;
  runMinutes: number;
}

/** Little's law on the queue: time-average queue length = arrival-to-grant rate × mean wait. */
function checkLittle(res: Resource): void {
  const s = res.stats();
  const lambdaWq = (s.grants / s.elapsedMinutes) * s.meanWaitMinutes;
  expect(Math.abs(s.meanQueueLength - lambdaWq), `Little's law on '${s.name}'`).toBeLessThanOrEqual(
    0.03 * s.meanQueueLength + 0.002,
  );
}

/** The servers of one replication, fed by its 'arrivals' and 'service' streams. */
function queueBench(spec: QueueSpec, replication: number) {
  const sim = new Simulation();
  const streams = new RandomStreams(SEED, replication);
  const arrivals = streams.stream('arrivals');
  const service = streams.stream('service');
  const res = new Resource(sim, { capacity: spec.servers, name: 'servers' });
  return { sim, arrivals, service, res, meanGapMinutes: 1 / spec.arrivalsPerMinute };
}

/** Runs through the warm-up, forgets its statistics, then runs the measured period. */
function runMeasured(sim: Simulation, res: Resource, warmupMinutes: number, runMinutes: number): void {
  sim.run(warmupMinutes);
  res.resetStats();
  sim.run(warmupMinutes + runMinutes);
}

/** G/G/c in the callback style: the payload carries the arrival time; no closure per customer. */
function runCallback(spec: QueueSpec, replication: number): QueueRun {
  const { sim, arrivals, service, res, meanGapMinutes } = queueBench(spec, replication);
  let counted = 0;
  let waited = 0;
  let lost = 0;
  const end = sim.registerHandler((requestId) => res.release(requestId), 'end of service');
  const granted = (arrivedAt: number, requestId: number) => {
    if (arrivedAt >= spec.warmupMinutes && sim.now > arrivedAt) waited++;
    sim.schedule(spec.service.sample(service), end, requestId);
  };
  const arrive = sim.registerHandler(() => {
    sim.schedule(-Math.log(arrivals.uniform()) * meanGapMinutes, arrive);
    const observed = sim.now >= spec.warmupMinutes;
    if (observed) counted++;
    if (spec.loss && res.inUse >= res.capacity) {
      if (observed) lost++;
      return;
    }
    res.seize(granted, sim.now);
  }, 'arrival');
  sim.schedule(0, arrive);
  runMeasured(sim, res, spec.warmupMinutes, spec.runMinutes);
  checkLittle(res);
  return {
    meanWaitMinutes: res.stats().meanWaitMinutes,
    probabilityOfWaiting: waited / counted,
    lossProbability: lost / counted,
  };
}

/** G/G/c in the process style: a source process starts one process per customer. */
function runProcess(spec: QueueSpec, replication: number): QueueRun {
  const { sim, arrivals, service, res, meanGapMinutes } = queueBench(spec, replication);
  let counted = 0;
  let waited = 0;
  function* customer() {
    const req: Request = yield res.request();
    if (req.requestedAt >= spec.warmupMinutes) {
      counted++;
      if (req.grantedAt! > req.requestedAt) waited++;
    }
    yield spec.service.sample(service);
    res.release(req);
  }
  sim.process(function* () {
    for (;;) {
      yield -Math.log(arrivals.uniform()) * meanGapMinutes;
      sim.process(customer());
    }
  }, 'source');
  runMeasured(sim, res, spec.warmupMinutes, spec.runMinutes);
  checkLittle(res);
  return {
    meanWaitMinutes: res.stats().meanWaitMinutes,
    probabilityOfWaiting: waited / counted,
    lossProbability: 0,
  };
}

function replicate<T>(run: (replication: number) => T): T[] {
  return Array.from({ length: REPLICATIONS }, (_, r) => run(r));
}

describe('validation against queueing theory (99% CIs over 20 replications)', () => {
  it('M/M/1 theory: ρ / (μ − λ) at ρ = 0.8', () => {
    const theory = mmcMeanWaitMinutes({ arrivalsPerMinute: 0.8, meanServiceMinutes: 1, servers: 1 });
    expect(theory).toBeCloseTo(4, 12);
  });

  // servers, arrivals a minute, mean service minutes, warm-up and run minutes, API style
  const mmc = [
    [1, 0.8, 1, 1000, 40_000, 'callback'],
    [3, 0.255, 10, 5000, 200_000, 'callback'],
    [3, 0.255, 10, 5000, 200_000, 'process'],
  ] as const;
  it.each(mmc)(
    'M/M/%i, λ = %s/min, E[S] = %s min (%i + %i min), %s style: Wq and P(wait) vs Erlang C',
    (servers, arrivalsPerMinute, meanServiceMinutes, warmupMinutes, runMinutes, style) => {
      const spec: QueueSpec = {
        servers,
        arrivalsPerMinute,
        service: exponential({ mean: meanServiceMinutes }),
        warmupMinutes,
        runMinutes,
      };
      const runs = replicate((r) => (style === 'callback' ? runCallback(spec, r) : runProcess(spec, r)));
      expectInInterval(
        runs.map((x) => x.meanWaitMinutes),
        mmcMeanWaitMinutes({ arrivalsPerMinute, meanServiceMinutes, servers }),
        `M/M/${servers} Wq (${style})`,
      );
      expectInInterval(
        runs.map((x) => x.probabilityOfWaiting),
        erlangC(servers, arrivalsPerMinute * meanServiceMinutes),
        `M/M/${servers} P(wait) (${style})`,
      );
    },
  );

  it('M/M/5/5: blocking probability vs Erlang B', () => {
    const spec: QueueSpec = {
      servers: 5,
      arrivalsPerMinute: 0.4,
      service: exponential({ mean: 10 }),
      loss: true,
      warmupMinutes: 500,
      runMinutes: 50_000,
    };
    const runs = replicate((r) => runCallback(spec, r));
    expectInInterval(
      runs.map((x) => x.lossProbability),
      erlangB(5, 4),
      'M/M/5/5 blocking',
    );
  });

  const mg1: [string, Distribution][] = [
    ['M/D/1', deterministic({ value: 1 })],
    ['M/E3/1', erlang({ k: 3, mean: 1 })],
    ['M/LN/1 (lognormal, cv 1.5)', lognormal({ mean: 1, sd: 1.5 })],
  ];
  for (const [name, service] of mg1) {
    it(`${name}, ρ = 0.7: mean wait vs Pollaczek–Khinchine`, () => {
      const spec: QueueSpec = {
        servers: 1,
        arrivalsPerMinute: 0.7,
        service,
        warmupMinutes: 1000,
        runMinutes: 40_000,
      };
      const runs = replicate((r) => runCallback(spec, r));
      const theory = pollaczekKhinchineMeanWaitMinutes({
        arrivalsPerMinute: 0.7,
        meanServiceMinutes: service.mean,
        serviceVarianceMinutes2: service.variance,
      });
      expectInInterval(
        runs.map((x) => x.meanWaitMinutes),
        theory,
        `${name} Wq`,
      );
    });
  }

  /** Two classes on one server, class 0 more urgent; returns per-class mean wait and time in system. */
  function runPriority(preemptive: boolean, replication: number): { wait: number[]; sojourn: number[] } {
    const sim = new Simulation();
    const streams = new RandomStreams(SEED, replication);
    const res = new Resource(sim, { capacity: 1, preemptive, name: 'server' });
    const rates = [0.3, 0.5];
    const warmup = 1000;
    const sums = { wait: [0, 0], sojourn: [0, 0], n: [0, 0] };
    for (const k of [0, 1]) {
      const arrivals = streams.stream(`arrivals.${k}`);
      const service = streams.stream(`service.${k}`);
      sim.process(function* () {
        for (;;) {
          yield -Math.log(arrivals.uniform()) / rates[k];
          const serviceMinutes = -Math.log(service.uniform());
          sim.process(function* () {
            const start = sim.now;
            let firstGrant = Number.NaN;
            if (preemptive) {
              const req: Request = yield* res.use(serviceMinutes, { priority: k });
              firstGrant = req.grantedAt!; // last grant; wait is not used for the preemptive check
            } else {
              const req: Request = yield res.request(k);
              firstGrant = sim.now;
              yield serviceMinutes;
              res.release(req);
            }
            if (start >= warmup) {
              sums.wait[k] += firstGrant - start;
              sums.sojourn[k] += sim.now - start;
              sums.n[k]++;
            }
          });
        }
      });
    }
    runMeasured(sim, res, warmup, 60_000);
    if (!preemptive) checkLittle(res);
    return {
      wait: [0, 1].map((k) => sums.wait[k] / sums.n[k]),
      sojourn: [0, 1].map((k) => sums.sojourn[k] / sums.n[k]),
    };
  }

  const priorityClasses = [
    { arrivalsPerMinute: 0.3, meanServiceMinutes: 1, serviceVarianceMinutes2: 1 },
    { arrivalsPerMinute: 0.5, meanServiceMinutes: 1, serviceVarianceMinutes2: 1 },
  ];
  it.each([
    {
      title: 'non-preemptive priority M/M/1: class waits vs Cobham',
      preemptive: false,
      theory: cobhamMeanWaitsMinutes,
      measure: 'wait' as const,
      label: 'priority class %d Wq',
    },
    {
      title: 'preemptive-resume priority M/M/1: class times in system',
      preemptive: true,
      theory: preemptiveResumeMeanTimesInSystemMinutes,
      measure: 'sojourn' as const,
      label: 'preemptive class %d time in system',
    },
  ])('2-class $title', ({ preemptive, theory, measure, label }) => {
    const runs = replicate((r) => runPriority(preemptive, r));
    const expected = theory(priorityClasses);
    for (const k of [0, 1]) {
      expectInInterval(
        runs.map((x) => x[measure][k]),
        expected[k],
        label.replace('%d', String(k)),
      );
    }
  });

  it('day/night roster (2 by night, 4 by day): work is conserved and capacity-time matches the roster', () => {
    // λ E[S] = 0.1/min × 15 min = 1.5 busy units on average, whatever the roster, since every
    // customer is eventually served in full (rule 'preempt' + use() resumes preempted work).
    const roster = dailyRoster(Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 4 : 2)));
    const busy = replicate((r) => {
      const sim = new Simulation();
      const streams = new RandomStreams(SEED, r);
      const arrivals = streams.stream('arrivals');
      const service = streams.stream('service');
      const res = new Resource(sim, { capacity: roster, whenCapacityDrops: 'preempt', name: 'roster' });
      sim.process(function* () {
        for (;;) {
          yield -Math.log(arrivals.uniform()) * 10;
          sim.process(res.use(-Math.log(service.uniform()) * 15));
        }
      });
      runMeasured(sim, res, 1440, 60 * 1440);
      const s = res.stats();
      expect(s.meanCapacity).toBeCloseTo(3, 9); // (12 h × 4 + 12 h × 2) / 24 h
      expect(s.meanBusyUnits).toBeLessThanOrEqual(s.meanCapacity);
      expect(s.overtimeUnitMinutes).toBe(0);
      return s.meanBusyUnits;
    });
    expectInInterval(busy, 1.5, 'roster busy units');
  });
});
