import { describe, expect, it } from 'vitest';
import {
  capacitySchedule,
  dailyRoster,
  type HandedOver,
  type Interrupt,
  Level,
  type Preempted,
  type Request,
  type RequestCallbacks,
  Resource,
  Simulation,
  SimulationError,
  UnitPool,
  weeklyRoster,
  type Yieldable,
} from '../src/index.js';

describe('Resource, callback style', () => {
  it('grants at once when free, then first come first served; exact trace', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { capacity: 2, name: 'desk' });
    const trace: string[] = [];
    const ids: number[] = [];
    const done = sim.registerHandler((who) => {
      trace.push(`t${sim.now} release ${who}`);
      res.release(ids[who]);
    });
    const granted = (who: number) => {
      trace.push(`t${sim.now} grant ${who}`);
      sim.schedule(10, done, who);
    };
    for (const [who, at] of [
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]) {
      sim.call(at, () => {
        trace.push(`t${sim.now} request ${who}`);
        ids[who] = res.seize(granted, who);
      });
    }
    sim.run();
    expect(trace).toEqual([
      't0 request 0',
      't0 grant 0',
      't1 request 1',
      't1 grant 1',
      't2 request 2',
      't3 request 3',
      't10 release 0',
      't10 grant 2',
      't11 release 1',
      't11 grant 3',
      't20 release 2',
      't21 release 3',
    ]);
    const s = res.stats();
    expect(s.grants).toBe(4);
    expect(s.meanWaitMinutes).toBe((0 + 0 + 8 + 8) / 4);
    expect(s.maxWaitMinutes).toBe(8);
    // busy: 2 units 0-1? unit A 0-20, unit B 1-21 => 40 unit-minutes over 21 minutes.
    expect(s.meanBusyUnits).toBeCloseTo(40 / 21, 12);
    expect(s.meanQueueLength).toBeCloseTo((8 + 8) / 21, 12);
  });

  it('serves lower priority numbers first, FIFO within a priority', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { capacity: 1 });
    const order: number[] = [];
    const ids = new Map<number, number>();
    const done = sim.registerHandler((who) => res.release(ids.get(who)!));
    const granted = (who: number) => {
      order.push(who);
      sim.schedule(1, done, who);
    };
    ids.set(0, res.seize(granted, 0, 5)); // takes the unit
    const arrivals: [number, number][] = [
      [1, 3],
      [2, 1],
      [3, 3],
      [4, 0],
      [5, 1],
      [6, 0.5],
    ];
    for (const [who, priority] of arrivals) ids.set(who, res.seize(granted, who, priority));
    sim.run();
    expect(order).toEqual([0, 4, 6, 2, 5, 1, 3]);
  });

  it('preempts the least urgent, most recently started holder and notifies it', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { capacity: 2, preemptive: true, name: 'theatre' });
    const trace: string[] = [];
    const callbacks: RequestCallbacks = {
      granted: (who) => trace.push(`grant ${who} at ${sim.now}`),
      preempted: (who, _id, reason) => trace.push(`preempted ${who} (${reason}) at ${sim.now}`),
    };
    res.seize(callbacks, 1, 2); // priority 2, started first
    sim.call(1, () => res.seize(callbacks, 2, 2)); // priority 2, started later
    sim.call(2, () => res.seize(callbacks, 3, 2)); // equal priority: no preemption, waits
    sim.call(3, () => res.seize(callbacks, 4, 0)); // urgent: preempts 2 (most recent of the least urgent)
    sim.run();
    expect(trace).toEqual(['grant 1 at 0', 'grant 2 at 1', 'grant 4 at 3', 'preempted 2 (priority) at 3']);
    expect(res.stats().preemptions).toBe(1);
    expect(res.queueLength).toBe(1);
  });

  it('reneges when patience runs out, and counts it', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { capacity: 1 });
    const trace: string[] = [];
    const cb: RequestCallbacks = {
      granted: (who) => trace.push(`grant ${who} at ${sim.now}`),
      reneged: (who) => trace.push(`reneged ${who} at ${sim.now}`),
    };
    const first = res.seize(cb, 0);
    res.seize(cb, 1, 0, 5); // gives up at 5
    res.seize(cb, 2, 0, 20); // still there at 10
    sim.call(10, () => res.release(first));
    sim.run();
    expect(trace).toEqual(['grant 0 at 0', 'reneged 1 at 5', 'grant 2 at 10']);
    expect(res.stats().reneges).toBe(1);
    expect(res.stats().waitCount).toBe(2);
  });
});

describe('Resource, process style', () => {
  it('yield request / release, with preemption resumed through use()', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { capacity: 1, preemptive: true });
    const trace: string[] = [];
    sim.process(function* () {
      const last: Request = yield* res.use(10, { priority: 1 });
      trace.push(`low done at ${sim.now} (${last.state})`);
    });
    sim.process(function* () {
      yield 4;
      yield* res.use(3, { priority: 0 });
      trace.push(`high done at ${sim.now}`);
    });
    sim.run();
    // low: 0-4 served, preempted with 6 left; high 4-7; low resumes 7-13.
    expect(trace).toEqual(['high done at 7', 'low done at 13 (released)']);
    expect(res.stats().preemptions).toBe(1);
  });

  it('a preempted process gets an Interrupt whose cause names the request', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { capacity: 1, preemptive: true });
    const causes: string[] = [];
    sim.process(function* () {
      const req: Request = yield res.request(5);
      try {
        yield 10;
      } catch (e) {
        const cause = (e as Interrupt).cause as Preempted;
        causes.push(
          `${cause.kind} ${cause.reason} same=${cause.request === req} left=${(e as Interrupt).remainingMinutes}`,
        );
        expect(() => res.release(req)).toThrow(SimulationError); // no longer held
      }
    });
    sim.call(2, () => res.request(1));
    sim.run();
    expect(causes).toEqual(['preempted priority same=true left=8']);
  });

  it('reneging in a process: the request comes back with state reneged', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { capacity: 1 });
    const trace: string[] = [];
    sim.process(function* () {
      const r: Request = yield res.request();
      yield 30;
      res.release(r);
    });
    sim.process(function* () {
      const r: Request = yield res.request({ patienceMinutes: 12 });
      trace.push(`${r.state} at ${sim.now}`);
    });
    sim.run();
    expect(trace).toEqual(['reneged at 12']);
  });

  it('blocking: hold a cubicle while waiting for a bed, release it when the bed is granted', () => {
    const sim = new Simulation();
    const cubicles = new Resource(sim, { capacity: 1, name: 'cubicles' });
    const beds = new Resource(sim, { capacity: 1, name: 'beds' });
    const trace: string[] = [];
    function* patient(name: string, treatMinutes: number, stayMinutes: number) {
      const cubicle: Request = yield cubicles.request();
      trace.push(`${sim.now} ${name} in cubicle`);
      yield treatMinutes;
      const bed: Request = yield beds.request(); // still holding the cubicle: blocked
      cubicles.release(cubicle);
      trace.push(`${sim.now} ${name} to bed`);
      yield stayMinutes;
      beds.release(bed);
    }
    sim.process(patient('A', 2, 20));
    sim.process(patient('B', 3, 20));
    sim.run();
    // A's release of the cubicle resumes B at once (grants wake processes inside the release),
    // so B's line comes before A's own next line.
    expect(trace).toEqual(['0 A in cubicle', '2 B in cubicle', '2 A to bed', '22 B to bed']);
    // B held the cubicle from 2 to 22: 3 minutes treated, 17 blocked.
    expect(cubicles.stats().meanBusyUnits).toBeCloseTo(22 / 42, 12);
  });
});

describe('capacity schedules and what happens when capacity drops', () => {
  /** Holders a, b and c start `holder(name)` at minutes 0, 1 and 2 (priorities equal). */
  function startThreeHolders(sim: Simulation, holder: (name: string) => Generator<Yieldable, void, any>) {
    for (const [name, at] of [
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ] as const) {
      sim.process(function* () {
        yield at;
        yield* holder(name);
      });
    }
  }

  // The three holders use 10 minutes each; capacity drops 3 -> 1 at minute 5.
  function run(rule: 'finish' | 'handover' | 'preempt') {
    const sim = new Simulation();
    const res = new Resource(sim, {
      capacity: capacitySchedule([
        { atMinutes: 0, capacity: 3 },
        { atMinutes: 5, capacity: 1 },
        { atMinutes: 30, capacity: 3 },
      ]),
      whenCapacityDrops: rule,
      name: 'staff',
    });
    const trace: string[] = [];
    startThreeHolders(sim, function* (name) {
      const done: Request = yield* res.use(10);
      trace.push(`${sim.now} ${name} done (${done.state})`);
    });
    sim.run(100);
    return { trace, stats: res.stats() };
  }

  it("'finish': holders finish, then the units leave; overtime is recorded", () => {
    const { trace, stats } = run('finish');
    expect(trace).toEqual(['10 a done (released)', '11 b done (released)', '12 c done (released)']);
    // From 5 to 10: 2 extra units; 10-11: 1 extra unit; 11-12: in use 1 = capacity.
    expect(stats.overtimeUnitMinutes).toBe(2 * 5 + 1 * 1);
  });

  it("'preempt': the most recently started holders lose their units and resume later", () => {
    const { trace, stats } = run('preempt');
    // c (started 2) and b (started 1) are preempted at 5 with 7 and 6 minutes left; they re-request;
    // a finishes at 10, then b (re-requested first) runs 10-16, then c 16-23.
    expect(trace).toEqual(['10 a done (released)', '16 b done (released)', '23 c done (released)']);
    expect(stats.capacityPreemptions).toBe(2);
    expect(stats.overtimeUnitMinutes).toBe(0);
  });

  it("'handover': the work goes back to the front of the queue, earliest started first", () => {
    const sim = new Simulation();
    const res = new Resource(sim, {
      capacity: capacitySchedule([
        { atMinutes: 0, capacity: 3 },
        { atMinutes: 5, capacity: 1 },
      ]),
      whenCapacityDrops: 'handover',
    });
    const trace: string[] = [];
    const causes: string[] = [];
    startThreeHolders(sim, function* (name) {
      const req: Request = yield res.request();
      let remaining = 10;
      for (;;) {
        try {
          yield remaining;
          break;
        } catch (e) {
          const cause = (e as Interrupt).cause as HandedOver;
          causes.push(`${sim.now} ${name} ${cause.kind}, ${(e as Interrupt).remainingMinutes} left`);
          remaining = (e as Interrupt).remainingMinutes!;
          yield req; // wait for a unit to take the work over
        }
      }
      res.release(req);
      trace.push(`${sim.now} ${name} done`);
    });
    // A newcomer at minute 6 queues behind the handed-over work.
    sim.process(function* () {
      yield 6;
      yield* res.use(1);
      trace.push(`${sim.now} newcomer done`);
    });
    sim.run();
    expect(causes).toEqual(['5 b handed-over, 6 left', '5 c handed-over, 7 left']);
    expect(trace).toEqual(['10 a done', '16 b done', '23 c done', '24 newcomer done']);
    expect(res.stats().handovers).toBe(2);
  });

  it('daily and weekly rosters give the capacity by hour', () => {
    const byHour = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 4 : 2));
    const daily = dailyRoster(byHour);
    expect(daily.capacityAt(0)).toBe(2);
    expect(daily.capacityAt(8 * 60)).toBe(4);
    expect(daily.capacityAt(20 * 60 - 0.5)).toBe(4);
    expect(daily.capacityAt(3 * 1440 + 20 * 60)).toBe(2);
    expect(daily.nextChangeAfter(0)).toBe(480);
    expect(daily.nextChangeAfter(480)).toBe(1200);
    expect(daily.nextChangeAfter(1200)).toBe(1440 + 480);
    const week = weeklyRoster(Array.from({ length: 7 }, (_, d) => byHour.map((c) => (d >= 5 ? c - 1 : c))));
    expect(week.capacityAt(5 * 1440 + 9 * 60)).toBe(3);
    expect(week.capacityAt(7 * 1440 + 9 * 60)).toBe(4);
  });

  it('conservation on a busy day/night roster: busy unit-minutes ≤ capacity unit-minutes', () => {
    for (const rule of ['finish', 'handover', 'preempt'] as const) {
      const sim = new Simulation();
      const res = new Resource(sim, {
        capacity: dailyRoster(Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 4 : 2))),
        whenCapacityDrops: rule,
      });
      let u = 0.37;
      const next = () => {
        u = (u * 9301 + 0.49297) % 1; // deterministic, test-local
        return u || 0.5;
      };
      sim.process(function* () {
        for (;;) {
          yield -Math.log(next()) * 20;
          sim.process(res.use(-Math.log(next()) * 60));
        }
      });
      sim.run(14 * 1440);
      const s = res.stats();
      expect(s.meanBusyUnits * s.elapsedMinutes).toBeLessThanOrEqual(
        s.meanCapacity * s.elapsedMinutes + s.overtimeUnitMinutes + 1e-6,
      );
      if (rule !== 'finish') expect(s.overtimeUnitMinutes).toBe(0);
      else expect(s.overtimeUnitMinutes).toBeGreaterThan(0);
      expect(s.meanCapacity).toBeCloseTo(3, 6);
    }
  });
});

describe('UnitPool', () => {
  it('grants named units, honours filters and preferences, rotates the idle', () => {
    const sim = new Simulation();
    const pool = new UnitPool(sim, {
      name: 'nurses',
      units: [
        { home: 'north', band: 5 },
        { home: 'south', band: 6 },
        { home: 'north', band: 6 },
      ],
    });
    const trace: string[] = [];
    sim.process(function* () {
      const r = yield pool.request({
        filter: (u) => u.attributes.band === 6,
        prefer: (u) => (u.attributes.home === 'north' ? 0 : 1),
      });
      trace.push(`band-6 north preferred: unit ${r.unit.id}`);
      const any = yield pool.request();
      trace.push(`any: unit ${any.unit.id}`); // longest idle among 0 and 1: unit 0
      pool.release(r);
      pool.release(any);
      const next = yield pool.request();
      trace.push(`after releases: unit ${next.unit.id}`); // unit 1 has been idle longest
      pool.release(next);
    });
    sim.run();
    expect(trace).toEqual(['band-6 north preferred: unit 2', 'any: unit 0', 'after releases: unit 1']);
  });

  it('a freed unit goes to the first waiting request that accepts it', () => {
    const sim = new Simulation();
    const pool = new UnitPool(sim, { units: [{ role: 'a' }, { role: 'b' }] });
    const held = [pool.seize(() => {}), pool.seize(() => {})];
    const order: string[] = [];
    pool.seize((p, r) => order.push(`${p} got ${r.unit!.attributes.role}`), 1, {
      filter: (u) => u.attributes.role === 'b',
    });
    pool.seize((p, r) => order.push(`${p} got ${r.unit!.attributes.role}`), 2);
    sim.call(1, () => pool.release(held[0])); // unit a: request 1 refuses it, request 2 takes it
    sim.call(2, () => pool.release(held[1]));
    sim.run();
    expect(order).toEqual(['2 got a', '1 got b']);
    expect(pool.units[0].grants).toBe(2);
    expect(() => pool.release(held[0])).toThrow(SimulationError);
  });

  it('off-duty units finish their work and take no more', () => {
    const sim = new Simulation();
    const pool = new UnitPool(sim, { units: [{}, {}] });
    const r0 = pool.seize(() => {});
    pool.setOnDuty(0, false);
    pool.setOnDuty(1, false);
    const got: number[] = [];
    pool.seize((_, r) => got.push(r.unit!.id));
    pool.release(r0);
    expect(got).toEqual([]);
    pool.setOnDuty(1, true);
    expect(got).toEqual([1]);
  });
});

describe('UnitPool statistics', () => {
  it('are the time-weighted busy units and queue and the mean wait, worked by hand', () => {
    const sim = new Simulation();
    const pool = new UnitPool(sim, { name: 'porters', units: [{}] });
    let first: ReturnType<typeof pool.seize> | undefined;
    let second: ReturnType<typeof pool.seize> | undefined;
    sim.call(0, () => {
      first = pool.seize(() => {}); // granted at once
      second = pool.seize(() => {}); // waits 4 minutes
    });
    sim.call(4, () => pool.release(first!));
    sim.call(10, () => pool.release(second!));
    sim.run();
    const stats = pool.stats();
    // One unit busy over [0, 10); one request queued over [0, 4).
    expect(stats).toMatchObject({ name: 'porters', elapsedMinutes: 10, requests: 2, grants: 2 });
    expect(stats).toMatchObject({ reneges: 0, withdrawals: 0 });
    expect(stats.meanBusyUnits).toBeCloseTo(1, 12);
    expect(stats.meanQueueLength).toBeCloseTo(0.4, 12);
    expect(stats.meanWaitMinutes).toBeCloseTo(2, 12);
    expect(pool.stats()).toEqual(stats); // reading the statistics changes nothing
  });
});

describe('Level', () => {
  it('gets wait first come first served; puts wait for room', () => {
    const sim = new Simulation();
    const level = new Level(sim, { capacity: 10, initial: 3, name: 'stock' });
    const trace: string[] = [];
    sim.process(function* () {
      yield level.get(5);
      trace.push(`${sim.now} got 5`);
    });
    sim.process(function* () {
      yield level.get(1); // behind the 5: waits although 3 are there
      trace.push(`${sim.now} got 1`);
    });
    sim.call(2, () => level.put(4, () => trace.push(`${sim.now} put 4`)));
    sim.call(3, () => level.put(9, () => trace.push(`${sim.now} put 9`))); // 1 + 9 fits
    sim.call(4, () => level.put(2, () => trace.push(`${sim.now} put 2`))); // 10 + 2 does not: waits
    sim.call(5, () => level.get(8, () => trace.push(`${sim.now} got 8`)));
    sim.run();
    expect(trace).toEqual(['2 put 4', '2 got 5', '2 got 1', '3 put 9', '5 got 8', '5 put 2']);
    expect(level.amount).toBe(4);
    // Worked by hand: 3 held over [0, 2), 1 over [2, 3), 10 over [3, 5): area 27 over 5 minutes;
    // gets waited 2, 2 and 0 minutes, puts 0, 0 and 1.
    const stats = level.stats();
    expect(stats).toMatchObject({ name: 'stock', elapsedMinutes: 5, gets: 3, puts: 3 });
    expect(stats.meanAmount).toBeCloseTo(27 / 5, 12);
    expect(stats.meanGetWaitMinutes).toBeCloseTo(4 / 3, 12);
    expect(stats.meanPutWaitMinutes).toBeCloseTo(1 / 3, 12);
    expect(level.stats()).toEqual(stats); // reading the statistics changes nothing
  });
});

describe('bad input', () => {
  it('throws SimulationError with a message naming the problem', () => {
    const sim = new Simulation();
    expect(() => new Resource(sim, { capacity: -1, name: 'x' })).toThrow(/capacity of resource 'x'/);
    expect(() => new Resource(sim, { capacity: Number.NaN })).toThrow(SimulationError);
    expect(() => new Resource(sim, { capacity: 1.5 })).toThrow(SimulationError);
    expect(() => new Resource(sim, { capacity: 1, whenCapacityDrops: 'vanish' as 'finish' })).toThrow(
      /whenCapacityDrops/,
    );
    expect(() => capacitySchedule([{ atMinutes: 5, capacity: 1 }])).toThrow(/minute 0/);
    expect(() => capacitySchedule([{ atMinutes: 0, capacity: -2 }])).toThrow(SimulationError);
    expect(() => dailyRoster([1, 2])).toThrow(/24/);

    const res = new Resource(sim, { capacity: 1, name: 'desk' });
    const id = res.seize(() => {});
    res.release(id);
    expect(() => res.release(id)).toThrow(/cannot release request .* of resource 'desk'/);
    expect(() => res.seize(() => {}, 0, Number.NaN)).toThrow(/priority/);
    expect(() => res.seize({ granted: () => {} }, 0, 0, 5)).toThrow(/reneged callback/);
    expect(() => res.seize(() => {}, 0, 0, -1)).toThrow(/patience/);
    expect(() => res.seize(() => {}, 0, 0, 5)).toThrow(/needs \{ granted, reneged \} callbacks/);
    expect(() => res.setCapacity(-3)).toThrow(SimulationError);

    const pre = new Resource(sim, { capacity: 1, preemptive: true });
    pre.seize(() => {}, 0, 5);
    expect(() => pre.seize(() => {}, 0, 1)).toThrow(/no 'preempted' handler/);

    const level = new Level(sim, { capacity: 4 });
    expect(() => level.get(5)).toThrow(/exceeds its capacity 4/);
    expect(() => level.put(-1)).toThrow(SimulationError);
    expect(() => new Level(sim, { capacity: 2, initial: 3 })).toThrow(SimulationError);
    expect(() => new Level(sim, { capacity: -1 })).toThrow(SimulationError);
  });
});
