import { describe, expect, it } from 'vitest';
import { SimulationError } from '../src/errors.js';
import { Simulation } from '../src/simulation.js';
import type { TraceRecord } from '../src/trace.js';

describe('Simulation tracer', () => {
  it('stamps records with the clock, in the order the model makes them', () => {
    const sim = new Simulation();
    const records: TraceRecord[] = [];
    sim.setTracer((r) => records.push(r));
    const arrive = sim.registerHandler((n) => sim.trace('arrival', `c${n}`, 'desk'), 'arrive');
    sim.schedule(5, arrive, 2);
    sim.schedule(1, arrive, 1);
    sim.call(3, () => sim.trace('note', 'x'));
    sim.run();
    expect(records).toEqual([
      { timeMinutes: 1, event: 'arrival', entity: 'c1', resource: 'desk' },
      { timeMinutes: 3, event: 'note', entity: 'x', resource: '' },
      { timeMinutes: 5, event: 'arrival', entity: 'c2', resource: 'desk' },
    ]);
  });

  it('is off by default and after setTracer(undefined); trace then does nothing', () => {
    const sim = new Simulation();
    expect(sim.tracer).toBeUndefined();
    sim.trace('ignored', 'a');
    const records: TraceRecord[] = [];
    const tracer = (r: TraceRecord) => records.push(r);
    sim.setTracer(tracer);
    expect(sim.tracer).toBe(tracer);
    sim.trace('kept', 'a');
    sim.setTracer(undefined);
    sim.trace('ignored', 'b');
    expect(records.map((r) => r.event)).toEqual(['kept']);
  });

  it('refuses a tracer that is not a function', () => {
    const sim = new Simulation();
    expect(() => sim.setTracer(42 as unknown as () => void)).toThrow(SimulationError);
    expect(() => sim.setTracer(42 as unknown as () => void)).toThrow(/setTracer expects a function/);
  });
});
