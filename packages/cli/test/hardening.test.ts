/** Review findings on the command line: prototype pollution, malformed --set, headline rows, policy modules, CSV paths. */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const MINI = 'scenarios/test/mini-ics.yaml';

describe('--set cannot pollute prototypes', () => {
  it.each(['__proto__.polluted=1', 'workforce.__proto__.polluted=1', 'constructor.prototype.polluted=1'])(
    '%s is refused with one line',
    async (override) => {
      const r = await cli('validate', MINI, '--set', override);
      const polluted = ({} as Record<string, unknown>).polluted;
      delete (Object.prototype as Record<string, unknown>).polluted;
      expect(polluted).toBeUndefined();
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/is not allowed in a path/);
    },
  );
});

describe('a malformed --set is a usage error', () => {
  it.each([
    [['validate', MINI, '--set', 'foo'], "no '=' between path and value"],
    [['run', 'scenarios/textbook/mm1.yaml', '--set', 'durationHours'], "no '=' between path and value"],
    [['validate', MINI, '--set', '=5'], 'an empty path'],
    [['validate', MINI, '--set', 'a..b=1'], 'a field name should start here'],
    [['validate', MINI, '--set', 'stations[x=1'], "a '[' without its ']'"],
  ])('%j exits 2 with one line', async (argv, problem) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^carepool: --set '/);
    expect(r.err).toContain(problem);
  });

  it('a well-formed --set naming an unknown field is a scenario error (exit 1)', async () => {
    const r = await cli('validate', MINI, '--set', 'nosuchfield.x=1');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
