import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntQueue, SimulationError } from '../src/index.js';

describe('IntQueue', () => {
  it('is first in, first out through growth and wrap-around (against an array, random operations)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 1_000_000 }), fc.constant(null)), { maxLength: 400 }),
        (ops) => {
          const q = new IntQueue(2);
          const model: number[] = [];
          for (const op of ops) {
            if (op === null) {
              if (model.length === 0) continue;
              expect(q.peek()).toBe(model[0]);
              expect(q.shift()).toBe(model.shift());
            } else {
              q.push(op);
              model.push(op);
            }
            expect(q.length).toBe(model.length);
            for (let i = 0; i < model.length; i++) expect(q.at(i)).toBe(model[i]);
          }
        },
      ),
      { numRuns: 200, seed: 9 },
    );
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new IntQueue(0)).toThrow(SimulationError);
  });
});
