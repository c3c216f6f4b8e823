import { describe, expect, it } from 'vitest';
import {
  activeProcess,
  Interrupt,
  type Process,
  Resource,
  Signal,
  Simulation,
  SimulationError,
  timeoutMinutes,
} from '../src/index.js';

describe('processes', () => {
  it('run until their first yield inside sim.process, then resume on the calendar', () => {
    const sim = new Simulation();
    const trace: string[] = [];
    sim.process(function* () {
      trace.push(`a start ${sim.now}`);
      yield 5;
      trace.push(`a after 5 at ${sim.now}`);
      yield timeoutMinutes(0);
      trace.push(`a after 0 at ${sim.now}`);
    });
    trace.push('after sim.process');
    sim.call(5, () => trace.push(`call at ${sim.now}`));
    sim.run();
    // The process's wake-up at 5 was scheduled before the closure at 5: FIFO among equals.
    expect(trace).toEqual([
      'a start 0',
      'after sim.process',
      'a after 5 at 5',
      'call at 5',
      'a after 0 at 5',
    ]);
  });

  it('wait for other processes and get their return value', () => {
    const sim = new Simulation();
    const trace: string[] = [];
    const child = sim.process(function* () {
      yield 3;
      return 42;
    }, 'child');
    sim.process(function* () {
      const value: number = yield child;
      trace.push(`joined ${value} at ${sim.now}`);
      const again: number = yield child; // already finished: continues at once
      trace.push(`again ${again} at ${sim.now}`);
    });
    sim.run();
    expect(trace).toEqual(['joined 42 at 3', 'again 42 at 3']);
    expect(child.finished).toBe(true);
    expect(child.result).toBe(42);
    expect(child.finishedAt).toBe(3);
  });

  it('wait for signals; waiters wake in the order they began waiting', () => {
    const sim = new Simulation();
    const signal = new Signal<string>('doors open');
    const trace: string[] = [];
    for (const name of ['x', 'y']) {
      sim.process(function* () {
        const v: string = yield signal;
        trace.push(`${name} got ${v} at ${sim.now}`);
      });
    }
    signal.subscribe((v) => trace.push(`callback ${v} at ${sim.now}`));
    sim.call(7, () => signal.succeed('go'));
    sim.run();
    expect(trace).toEqual(['callback go at 7', 'x got go at 7', 'y got go at 7']);
    expect(() => signal.succeed('twice')).toThrow(SimulationError);
  });

  it('interrupt cancels a timed wait and reports the remaining minutes', () => {
    const sim = new Simulation();
    const trace: string[] = [];
    const worker = sim.process(function* () {
      try {
        yield 10;
        trace.push('finished');
      } catch (e) {
        expect(e).toBeInstanceOf(Interrupt);
        const interrupt = e as Interrupt;
        trace.push(
          `interrupted at ${sim.now} by ${String(interrupt.cause)}, ${interrupt.remainingMinutes} left`,
        );
        yield interrupt.remainingMinutes!;
        trace.push(`resumed work done at ${sim.now}`);
      }
    });
    sim.call(4, () => worker.interrupt('called away'));
    sim.run();
    expect(trace).toEqual(['interrupted at 4 by called away, 6 left', 'resumed work done at 10']);
    expect(() => worker.interrupt('late')).toThrow(/finished/);
  });

  it('interrupt withdraws an ungranted resource request', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { capacity: 1, name: 'desk' });
    const trace: string[] = [];
    sim.process(function* () {
      const req = yield res.request();
      yield 10;
      res.release(req);
    });
    const waiter = sim.process(function* () {
      try {
        yield res.request();
      } catch (e) {
        trace.push(`gave up at ${sim.now}: ${(e as Interrupt).cause}`);
      }
    });
    expect(res.queueLength).toBe(1);
    sim.call(2, () => waiter.interrupt('impatient'));
    sim.run();
    expect(trace).toEqual(['gave up at 2: impatient']);
    expect(res.stats().withdrawals).toBe(1);
    expect(res.stats().grants).toBe(1);
  });

  it('an interrupt raised while the target body runs arrives at its next yield', () => {
    const sim = new Simulation();
    const trace: string[] = [];
    const self: { p?: Process<void> } = {};
    self.p = sim.process(function* () {
      yield 1;
      self.p!.interrupt('self');
      trace.push('still running');
      try {
        yield 100;
      } catch (e) {
        trace.push(`caught ${(e as Interrupt).cause} at ${sim.now}`);
      }
    });
    sim.run();
    expect(trace).toEqual(['still running', 'caught self at 1']);
  });

  it('uncaught errors in a body propagate out of run', () => {
    const sim = new Simulation();
    sim.process(function* () {
      yield 1;
      throw new Error('boom');
    });
    expect(() => sim.run()).toThrow('boom');
  });

  it('reject bad yields with a SimulationError naming the process', () => {
    const sim = new Simulation();
    sim.process(function* () {
      yield 1;
      yield -3;
    }, 'clerk');
    expect(() => sim.run()).toThrow(/process 'clerk' yielded a wait of -3/);
    const sim2 = new Simulation();
    expect(() =>
      sim2.process(function* () {
        yield 'soon' as unknown as number;
      }, 'porter'),
    ).toThrow(/process 'porter' yielded string soon/);
    expect(() => timeoutMinutes(Number.NaN)).toThrow(SimulationError);
  });

  it('activeProcess names the running process, and undefined in plain handlers', () => {
    const sim = new Simulation();
    const seen: (string | undefined)[] = [];
    sim.process(function* (self) {
      seen.push(activeProcess(sim)?.name);
      expect(activeProcess(sim)).toBe(self);
      yield 1;
    }, 'p1');
    sim.call(0, () => seen.push(activeProcess(sim)?.name));
    sim.run();
    expect(seen).toEqual(['p1', undefined]);
  });

  it('accept generator objects, so bodies can take arguments', () => {
    const sim = new Simulation();
    const done: number[] = [];
    function* job(n: number) {
      yield n;
      done.push(n);
    }
    for (const n of [3, 1, 2]) sim.process(job(n));
    sim.run();
    expect(done).toEqual([1, 2, 3]);
  });
});
