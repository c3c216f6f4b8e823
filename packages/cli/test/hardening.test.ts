/** Review findings on the command line: prototype pollution, malformed --set, headline rows, policy modules, CSV paths. */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const MINI = 'scenarios/test/mini-ics.yaml';

describe('--set cannot pollute prototypes', () => {
  it.each(['__proto__.polluted=1', 'workforce.__proto__.polluted=1', 'constructor.prototype.polluted=1'])(
    '%s is refused with one line',
    async (override) => {
      const r = await cli('validate', MINI, '--set', override);
      delete (Object.prototype as Record<string, unknown>).polluted;
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/is not allowed in a path/);
    },
  );
});
