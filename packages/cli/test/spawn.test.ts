/** A few real processes: the installed bin script and the root `carepool` script's entry point. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carepoolProcess } from './helpers.js';

const carepool = (...args: string[]) => carepoolProcess(args, 60_000);

describe('the carepool executable', () => {
  it('prints its version', () => {
    const r = carepool('--version');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('runs a textbook scenario and writes files', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'carepool-spawn-')), 'r');
    const r = carepool(
      'run',
      'scenarios/textbook/mmc.yaml',
      '--reps',
      '2',
      '--set',
      'durationHours=500',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^cubicles\s/m);
    expect(readdirSync(out)).toContain('summary.csv');
  });

  it('exits 2 on an unknown option, without a stack trace', () => {
    const usage = carepool('run', 'scenarios/textbook/mm1.yaml', '--frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.err).toBe("carepool: Unknown argument: frobnicate (see 'carepool --help')\n");
    expect(usage.err).not.toMatch(/^\s+at /m);
  });
});
