import { describe, expect, it } from 'vitest';
import { EventPriority, RandomStreams, Simulation, SimulationError } from '../src/index.js';

describe('Simulation calendar', () => {
  it('runs simultaneous events first in, first out within a priority', () => {
    const sim = new Simulation();
    const order: string[] = [];
    for (const name of ['a', 'b', 'c', 'd']) sim.call(5, () => order.push(name));
    sim.call(5, () => order.push('capacity'), EventPriority.capacityChange);
    sim.call(5, () => order.push('observe'), EventPriority.observation);
    sim.call(1, () => order.push('early'));
    sim.run();
    expect(order).toEqual(['early', 'capacity', 'a', 'b', 'c', 'd', 'observe']);
    expect(sim.now).toBe(5);
  });

  it('orders many random times exactly like a sort by (time, insertion)', () => {
    const sim = new Simulation();
    const rng = new RandomStreams(1).stream('t');
    const scheduled: { t: number; i: number }[] = [];
    const seen: number[] = [];
    const h = sim.registerHandler((i) => seen.push(i));
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rng.uniform() * 300);
      scheduled.push({ t, i });
      sim.schedule(t, h, i);
    }
    sim.run();
    scheduled.sort((a, b) => a.t - b.t || a.i - b.i);
    expect(seen).toEqual(scheduled.map((s) => s.i));
  });

  it('cancels pending events and reports already-run ones', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const h = sim.registerHandler((p) => seen.push(p));
    const a = sim.schedule(1, h, 1);
    const b = sim.schedule(2, h, 2);
    sim.schedule(3, h, 3);
    expect(sim.cancel(b)).toBe(true);
    expect(sim.cancel(b)).toBe(false);
    expect(sim.pendingEvents).toBe(2);
    sim.run();
    expect(seen).toEqual([1, 3]);
    expect(sim.cancel(a)).toBe(false);
  });

  it('runs until a time, then resumes; step runs one event', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const h = sim.registerHandler((p) => seen.push(p));
    for (let t = 1; t <= 10; t++) sim.schedule(t * 10, h, t);
    sim.run(35);
    expect(seen).toEqual([1, 2, 3]);
    expect(sim.now).toBe(35);
    expect(sim.step()).toBe(true);
    expect(seen).toEqual([1, 2, 3, 4]);
    sim.run();
    expect(seen.length).toBe(10);
    expect(sim.step()).toBe(false);
  });

  it('stop() ends run after the current event', () => {
    const sim = new Simulation();
    let count = 0;
    const h = sim.registerHandler(() => {
      count++;
      if (count === 3) sim.stop();
    });
    for (let t = 1; t <= 10; t++) sim.schedule(t, h);
    sim.run();
    expect(count).toBe(3);
  });

  it('rejects negative, NaN and infinite delays and scheduling in the past', () => {
    const sim = new Simulation();
    const h = sim.registerHandler(() => {}, 'ward.discharge');
    expect(() => sim.schedule(-1, h)).toThrow(SimulationError);
    expect(() => sim.schedule(Number.NaN, h)).toThrow(/ward\.discharge/);
    expect(() => sim.schedule(Number.POSITIVE_INFINITY, h)).toThrow(/finite/);
    sim.schedule(10, h);
    sim.run();
    expect(() => sim.scheduleAt(5, h)).toThrow(
      "cannot schedule 'ward.discharge' at minute 5: the clock is at 10",
    );
    expect(() => sim.scheduleAt(Number.POSITIVE_INFINITY, h)).toThrow(
      expect.objectContaining({ code: 'invalid-time' }),
    );
    expect(() => sim.callAt(5, () => {})).toThrow('cannot schedule at minute 5: the clock is at 10');
    expect(() => sim.callAt(5, () => {})).toThrow(expect.objectContaining({ code: 'scheduled-in-past' }));
    expect(() => sim.call(-0.5, () => {})).toThrow(SimulationError);
    expect(() => sim.schedule(1, h, 0, 0.5)).toThrow(/priority/);
  });
});

describe('RandomStreams', () => {
  it('gives identical draws for the same seed, replication and name', () => {
    const a = new RandomStreams(42, 3).stream('ed.arrivals');
    const b = new RandomStreams(42, 3).stream('ed.arrivals');
    for (let i = 0; i < 100; i++) expect(a.uniform()).toBe(b.uniform());
  });

  it('differs by seed, replication and name', () => {
    const base = new RandomStreams(42, 0).stream('x').uniform();
    expect(new RandomStreams(43, 0).stream('x').uniform()).not.toBe(base);
    expect(new RandomStreams(42, 1).stream('x').uniform()).not.toBe(base);
    expect(new RandomStreams(42, 0).stream('y').uniform()).not.toBe(base);
  });

  it('adding an unrelated stream leaves existing draws unchanged', () => {
    const alone = new RandomStreams(7).stream('ward.los');
    const draws = Array.from({ length: 50 }, () => alone.uniform());
    const family = new RandomStreams(7);
    const other = family.stream('policy.extra');
    const los = family.stream('ward.los');
    const interleaved = draws.map(() => {
      other.uniform();
      other.uniform();
      return los.uniform();
    });
    expect(interleaved).toEqual(draws);
  });

  it('draws strictly inside (0, 1) with mean 1/2', () => {
    const s = new RandomStreams(1).stream('u');
    let sum = 0;
    let outside = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = s.uniform();
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    // sd of the mean is sqrt(1/12/n) ≈ 0.00065; 4 sd ≈ 0.0026
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.0026);
  });
});
