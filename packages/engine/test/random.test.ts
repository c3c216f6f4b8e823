import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../src/index.js';

describe('RandomStream', () => {
  it("draws exactly seedrandom's alea, as (int32 + 0.5) / 2^32, for several seeds, replications and names", () => {
    for (const [seed, replication, name] of [
      [12345, 0, 'w1.arrivals'],
      [12345, 3, 'w1.service'],
      ['a seed', 7, 'ed.walkIn'],
    ] as const) {
      const stream = new RandomStreams(seed, replication).stream(name);
      const alea = seedrandom.alea(`carepool|${seed}|${replication}|${name}`);
      for (let k = 0; k < 200_000; k++) {
        const expected = ((alea.int32() >>> 0) + 0.5) * 2 ** -32;
        const u = stream.uniform();
        if (u !== expected) expect(u, `draw ${k} of ${name}`).toBe(expected);
      }
    }
  });
});
