/**
 * The waiter protocol (waiter.ts) is the same for the three kinds of request a process can yield:
 * a Resource's Request, a Level's get and a UnitPool's request. Each case below builds a busy
 * primitive, makes a request that has to wait, and hands back a way to free what it waits for.
 */
import { describe, expect, it } from 'vitest';
import {
  Level,
  type Request,
  Resource,
  Simulation,
  SimulationError,
  UnitPool,
  type UnitRequest,
} from '../src/index.js';

interface Case {
  /** A request that waits until `free()` is called. */
  waiting(sim: Simulation): { request: { state: string }; free(): void; queued(): number };
  /** The state a granted (done) request ends in. */
  settled: string;
}

/** A one-unit primitive whose unit is taken: its next request waits until the holder is released. */
function behindTheHolder<R extends { state: string }>(primitive: {
  request(): R;
  release(holder: R): void;
  readonly queueLength: number;
}): ReturnType<Case['waiting']> {
  const holder = primitive.request();
  return {
    request: primitive.request(),
    free: () => primitive.release(holder),
    queued: () => primitive.queueLength,
  };
}

const cases: Record<string, Case> = {
  Request: {
    waiting: (sim) => behindTheHolder<Request>(new Resource(sim, { name: 'beds', capacity: 1 })),
    settled: 'granted',
  },
  LevelRequest: {
    waiting(sim) {
      const level = new Level(sim, { name: 'stock', capacity: 10 });
      return { request: level.get(3), free: () => level.put(5), queued: () => level.waitingGets };
    },
    settled: 'done',
  },
  UnitRequest: {
    waiting: (sim) =>
      behindTheHolder<UnitRequest<{ role: string }>>(
        new UnitPool(sim, { name: 'nurses', units: [{ role: 'rn' }] }),
      ),
    settled: 'granted',
  },
};

describe.each(Object.entries(cases))('the waiter protocol: %s', (_kind, { waiting, settled }) => {
  it('resumes the waiting process inside the call that settles the request', () => {
    const sim = new Simulation();
    const { request, free } = waiting(sim);
    const trace: string[] = [];
    sim.process(function* () {
      const value = yield request as never;
      trace.push(`resumed with the request: ${value === request}, state ${request.state}`);
    });
    sim.call(7, () => {
      trace.push('freeing');
      free();
      trace.push('freed');
    });
    sim.run();
    expect(trace).toEqual(['freeing', `resumed with the request: true, state ${settled}`, 'freed']);
  });

  it('a settled request yielded later continues at once', () => {
    const sim = new Simulation();
    const { request, free } = waiting(sim);
    free();
    let resumedAt = -1;
    sim.process(function* () {
      yield request as never;
      resumedAt = sim.now;
    });
    expect(resumedAt).toBe(0);
    expect(request.state).toBe(settled);
  });

  it('a second process waiting on the same request is an error, not a process lost for ever', () => {
    const sim = new Simulation();
    const { request } = waiting(sim);
    sim.process(function* () {
      yield request as never;
    }, 'first');
    expect(() =>
      sim.process(function* () {
        yield request as never;
      }, 'second'),
    ).toThrow(SimulationError);
    expect(() =>
      sim.process(function* () {
        yield request as never;
      }, 'third'),
    ).toThrow(/already awaited by process 'first'; only one process may wait on a request/);
  });

  it('an interrupted waiter takes its request out of the queue', () => {
    const sim = new Simulation();
    const { request, queued } = waiting(sim);
    const p = sim.process(function* () {
      try {
        yield request as never;
      } catch {
        // interrupted: the request has been withdrawn
      }
    });
    expect(queued()).toBe(1);
    sim.call(1, () => p.interrupt('gave up'));
    sim.run();
    expect(request.state).toBe('withdrawn');
    expect(queued()).toBe(0);
  });
});
