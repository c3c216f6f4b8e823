/**
 * Pooling behaves as queueing theory says (Erlang economies of scale). Two identical EDs, each an
 * M/M/c queue whose servers are the clinicians the Workforce puts on duty, against one ED with the
 * same clinicians and the combined demand (M/M/2c). The pooling here is of the queue: deployment
 * policies move staff between sites, they cannot merge two queues, so this is checked at the level
 * of a small queueing model on the engine with staff from the workforce. Each arm is also checked
 * against the Erlang C mean wait, with confidence intervals over replications.
 */
import {
  MINUTES_PER_HOUR,
  mmcMeanWaitMinutes,
  type RandomStream,
  RandomStreams,
  Simulation,
} from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import { resolveSystemConfig } from '../src/resolve.js';
import { createPolicy } from '../src/workforce/policies/index.js';
import { Workforce } from '../src/workforce/workforce.js';
import { FakePressure, simplePool, systemWith, workforceWith } from './workforce-fixtures.js';

const REPLICATIONS = 20;
const T_99_19 = 2.861;
const SERVICE_MEAN_MINUTES = 60;
const WARMUP_MINUTES = 200 * MINUTES_PER_HOUR;
const RUN_MINUTES = 3200 * MINUTES_PER_HOUR;

/** A FIFO queue whose number of servers is read from the workforce (re-read whenever staffing changes). */
class StaffedQueue {
  private busy = 0;
  private readonly queue: number[] = [];
  private head = 0;
  waitSum = 0;
  served = 0;
  private readonly hArrive: number;
  private readonly hDepart: number;
  constructor(
    private readonly sim: Simulation,
    private readonly servers: () => number,
    private readonly ratePerMinute: number,
    private readonly arrivals: RandomStream,
    private readonly service: RandomStream,
  ) {
    this.hArrive = sim.registerHandler(() => this.arrive());
    this.hDepart = sim.registerHandler(() => this.depart());
    sim.schedule(this.nextGap(), this.hArrive);
  }
  private nextGap(): number {
    return -Math.log(this.arrivals.uniform()) / this.ratePerMinute;
  }
  private startService(arrivedAt: number): void {
    this.busy++;
    if (this.sim.now >= WARMUP_MINUTES) {
      this.waitSum += this.sim.now - arrivedAt;
      this.served++;
    }
    this.sim.schedule(-SERVICE_MEAN_MINUTES * Math.log(this.service.uniform()), this.hDepart);
  }
  private arrive(): void {
    this.sim.schedule(this.nextGap(), this.hArrive);
    if (this.busy < this.servers() && this.head === this.queue.length) this.startService(this.sim.now);
    else this.queue.push(this.sim.now);
  }
  private depart(): void {
    this.busy--;
    this.pull();
  }
  pull(): void {
    while (this.busy < this.servers() && this.head < this.queue.length)
      this.startService(this.queue[this.head++]);
  }
}

/** Mean wait (minutes) per ED for `sites` EDs of `clinicians` each, sharing `ratePerHour` arrivals equally. */
function meanWaitMinutes(
  sites: string[],
  clinicians: number,
  ratePerHourEach: number,
  replication: number,
): number {
  const sim = new Simulation();
  const streams = new RandomStreams(99, replication);
  // One 24-hour shift a day and 168 contracted hours: exactly `clinicians` on duty all the time.
  const pools = sites.map((org) =>
    simplePool({
      id: `${org}.edClinician`,
      organisationId: org,
      role: 'edClinician',
      homeService: 'ed',
      competencies: ['ed'],
      establishmentWte: clinicians,
      inPostWte: clinicians,
      requiredOnDutyByShift: [clinicians],
      hoursPerWtePerWeek: 168,
      shiftPattern: { shiftsPerDay: 1, hoursPerShift: 24, firstShiftStartHour: 0, worksWeekends: true },
    }),
  );
  const config = systemWith(workforceWith(pools));
  const workforce = new Workforce({
    sim,
    config: resolveSystemConfig(config),
    streams,
    policy: createPolicy('siloed', config),
    pressure: new FakePressure(),
    warmupMinutes: 0,
  });
  const queues = sites.map(
    (org) =>
      new StaffedQueue(
        sim,
        () => workforce.onDuty(org, 'ed'),
        ratePerHourEach / MINUTES_PER_HOUR,
        streams.stream(`arrivals.${org}`),
        streams.stream(`service.${org}`),
      ),
  );
  workforce.subscribe(() => {
    for (const q of queues) q.pull();
  });
  workforce.start();
  sim.run(RUN_MINUTES);
  const waitSum = queues.reduce((a, q) => a + q.waitSum, 0);
  const served = queues.reduce((a, q) => a + q.served, 0);
  return waitSum / served;
}

function ci(values: number[]): { mean: number; halfWidth: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, halfWidth: T_99_19 * Math.sqrt(variance / n) };
}

/** Erlang C mean wait in queue, minutes, for c servers, arrival rate λ per hour, mean service 1 h. */
function erlangWaitMinutes(servers: number, ratePerHour: number): number {
  const arrivalsPerMinute = ratePerHour / MINUTES_PER_HOUR;
  return mmcMeanWaitMinutes({ arrivalsPerMinute, meanServiceMinutes: SERVICE_MEAN_MINUTES, servers });
}

describe('pooling: two M/M/5 EDs vs one M/M/10 with the same clinicians (80% utilisation)', () => {
  const siloed: number[] = [];
  const pooled: number[] = [];
  for (let r = 0; r < REPLICATIONS; r++) {
    siloed.push(meanWaitMinutes(['trustA', 'trustB'], 5, 4, r));
    pooled.push(meanWaitMinutes(['trustA'], 10, 8, r));
  }

  it('each arm matches Erlang C', () => {
    const s = ci(siloed);
    const p = ci(pooled);
    expect(Math.abs(s.mean - erlangWaitMinutes(5, 4))).toBeLessThan(s.halfWidth);
    expect(Math.abs(p.mean - erlangWaitMinutes(10, 8))).toBeLessThan(p.halfWidth);
  });

  it('pooled waits are no worse — here less than half (differences paired by replication)', () => {
    const diff = ci(siloed.map((s, i) => s - pooled[i]));
    expect(diff.mean - diff.halfWidth).toBeGreaterThan(0);
    expect(ci(pooled).mean).toBeLessThan(0.5 * ci(siloed).mean);
  });
});
