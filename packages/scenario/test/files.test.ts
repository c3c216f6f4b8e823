/**
 * Files a scenario may touch: `extends` and CSV data stay inside the scenario's folder tree on their
 * real paths (symlinks followed), unless a folder is allowed explicitly; `builtin:<name>` reads the
 * scenarios shipped with carepool; every file read is recorded with its real path and SHA-256; error
 * messages quote only short snippets.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findBuiltinDir, loadScenario, parseScenarioText } from '@carepool/scenario';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOf, root, scenarios, system } from './helpers.js';

const sandbox = realpathSync(mkdtempSync(path.join(tmpdir(), 'carepool-files-')));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));
const mine = path.join(sandbox, 'mine');
const outside = path.join(sandbox, 'outside');
mkdirSync(path.join(mine, 'data'), { recursive: true });
mkdirSync(outside, { recursive: true });
const SECRET = 'SECRET-LINE-do-not-print';
const network = (extra = '') =>
  `kind: network\nname: n\ndurationHours: 10\nwarmupHours: 0\narrivals: [{ stationId: a, ratePerHour: 1 }]\nstations: [{ id: a, servers: 1, serviceHours: ${extra || '{ kind: exponential, mean: 0.5 }'} }]\n`;
writeFileSync(path.join(outside, 'base.yaml'), network());
writeFileSync(path.join(outside, 'secret.yaml'), `${SECRET}: 1\n`);
writeFileSync(path.join(outside, 'hours.csv'), 'hours\n0.5\n1.5\n');
symlinkSync(path.join(outside, 'secret.yaml'), path.join(mine, 'linked.yaml'));
symlinkSync(path.join(outside, 'hours.csv'), path.join(mine, 'data/hours.csv'));
const write = (name: string, text: string) => {
  const file = path.join(mine, name);
  writeFileSync(file, text);
  return file;
};
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('extends stays inside the scenario folder', () => {
  it.each([
    ['/etc/shadow', "'/etc/shadow' is outside the scenario's folder"],
    ['../outside/secret.yaml', "'../outside/secret.yaml' is outside the scenario's folder"],
    ['./linked.yaml', `'./linked.yaml' (a link to ${path.join(outside, 'secret.yaml')}) is outside`],
  ])('extends: %s is refused without reading it', (target, problem) => {
    const error = errorOf(() => loadScenario(write('v.yaml', `extends: ${target}\nname: v\n`)));
    expect(error.fieldPath).toBe('extends');
    expect(error.line).toBe(1);
    expect(error.message).toContain(problem);
    expect(error.message).toContain("expected a file in the scenario's folder or below it, builtin:<name>");
    expect(error.message).not.toContain(SECRET);
  });

  it('a scenario that is itself a link keeps the folder it was named in', () => {
    writeFileSync(path.join(outside, 'lure.yaml'), 'extends: ./secret.yaml\nname: lure\n');
    symlinkSync(path.join(outside, 'lure.yaml'), path.join(mine, 'lure.yaml'));
    const error = errorOf(() => loadScenario(path.join(mine, 'lure.yaml')));
    // Relative to the name it was given: mine/secret.yaml, which does not exist; never outside/.
    expect(error.message).toContain(`cannot read '${path.join(mine, 'secret.yaml')}' (no such file)`);
    expect(error.message).not.toContain(SECRET);
  });

  it('the reader is never asked for a file outside', () => {
    const asked: string[] = [];
    errorOf(() =>
      parseScenarioText('extends: /etc/shadow\n', path.join(mine, 'v.yaml'), {
        readFile: (p) => {
          asked.push(p);
          return '';
        },
      }),
    );
    expect(asked).toEqual([]);
  });

  it('a folder allowed explicitly may be extended', () => {
    const file = write('v.yaml', 'extends: ../outside/base.yaml\nname: allowed\n');
    expect(loadScenario(file, { allowDirs: [outside] }).config.name).toBe('allowed');
    // Through a symlink into an allowed folder, too.
    symlinkSync(path.join(outside, 'base.yaml'), path.join(mine, 'base-link.yaml'));
    const viaLink = write('w.yaml', 'extends: ./base-link.yaml\nname: via link\n');
    expect(errorOf(() => loadScenario(viaLink)).message).toContain('(a link to');
    expect(loadScenario(viaLink, { allowDirs: [outside] }).extendsChain).toEqual([
      viaLink,
      path.join(outside, 'base.yaml'),
    ]);
  });
});

describe('only regular files are read', () => {
  it('a pipe, a folder or a missing file is refused without waiting for it', () => {
    execFileSync('mkfifo', [path.join(mine, 'pipe.yaml')]);
    mkdirSync(path.join(mine, 'folder.yaml'), { recursive: true });
    expect(errorOf(() => loadScenario(write('p.yaml', 'extends: ./pipe.yaml\n'))).message).toContain(
      "cannot read '",
    );
    expect(errorOf(() => loadScenario(write('p.yaml', 'extends: ./pipe.yaml\n'))).message).toContain(
      '(not a regular file)',
    );
    expect(errorOf(() => loadScenario(path.join(mine, 'pipe.yaml'))).message).toContain(
      'cannot read the file (not a regular file)',
    );
    expect(errorOf(() => loadScenario(write('f.yaml', 'extends: ./folder.yaml\n'))).message).toContain(
      '(a folder, not a file)',
    );
    expect(errorOf(() => loadScenario(path.join(mine, 'none.yaml'))).message).toContain(
      'cannot read the file (no such file)',
    );
  });
});

describe('CSV data stays inside the folder on its real path', () => {
  it('a symlink inside the folder to a CSV outside is refused', () => {
    const file = write(
      'c.yaml',
      network('{ kind: empirical, sample: { csv: data/hours.csv, column: hours } }'),
    );
    const error = errorOf(() => loadScenario(file));
    expect(error.fieldPath).toBe('stations[a].serviceHours.sample.csv');
    expect(error.message).toContain(`'data/hours.csv' is a link to ${path.join(outside, 'hours.csv')}`);
    expect(loadScenario(file, { allowDirs: [outside] }).sources.map((s) => s.role)).toEqual([
      'scenario',
      'csv',
    ]);
  });
});

describe('builtin: scenarios shipped with carepool', () => {
  it('extends: builtin:ics-default from any folder resolves to the installed copy', () => {
    const file = write('b.yaml', 'extends: builtin:ics-default\n');
    const loaded = loadScenario(file);
    const shipped = loadScenario(path.join(scenarios, 'ics-default.yaml'));
    expect(loaded.hash).toBe(shipped.hash);
    expect(loaded.extendsChain).toEqual([file, path.join(scenarios, 'ics-default.yaml')]);
    expect(loaded.sources.map((s) => [path.relative(root, s.path), s.role])).toEqual([
      [path.relative(root, file), 'scenario'],
      ['scenarios/ics-default.yaml', 'extends'],
      ['scenarios/data/ed-arrivals-by-hour.csv', 'csv'],
      ['scenarios/data/direct-admissions-by-hour.csv', 'csv'],
    ]);
    for (const source of loaded.sources) expect(source.sha256).toBe(sha256(source.path));
  });

  it('every shipped scenario has a builtin name, textbook ones included', () => {
    const mm1 = loadScenario(write('m.yaml', 'extends: builtin:textbook/mm1\nname: mine\n'));
    expect(mm1.kind).toBe('network');
    expect(mm1.config.name).toBe('mine');
    const variant = system(loadScenario(write('w.yaml', 'extends: builtin:winter-surge\n')));
    expect(variant.workforce.policy).toBe('staffPassport');
  });

  it('an unknown name lists the shipped ones', () => {
    const error = errorOf(() => loadScenario(write('u.yaml', 'extends: builtin:ics-defualt\n')));
    expect(error.message).toContain("no shipped scenario 'ics-defualt'");
    expect(error.message).toContain('ics-default, system-bank-200');
    expect(error.message).toContain('textbook/mm1');
    expect(error.message).toContain("(did you mean 'ics-default'?)");
    for (const bad of ['../../etc/passwd', '/etc/passwd', 'test/../../x'])
      expect(errorOf(() => loadScenario(write('u.yaml', `extends: builtin:${bad}\n`))).fieldPath).toBe(
        'extends',
      );
  });

  it('LoadOptions.builtinDir overrides the installed folder', () => {
    const dir = path.join(sandbox, 'my-builtins');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'tiny.yaml'), network());
    const loaded = loadScenario(write('t.yaml', 'extends: builtin:tiny\nname: t\n'), { builtinDir: dir });
    expect(loaded.extendsChain[1]).toBe(path.join(dir, 'tiny.yaml'));
  });

  it('the shipped folder is found walking up from the module, also from a bundle in packages/cli/dist', () => {
    expect(findBuiltinDir()).toBe(scenarios);
    expect(findBuiltinDir(pathToFileURL(path.join(root, 'packages/cli/dist/carepool.mjs')))).toBe(scenarios);
    expect(findBuiltinDir(pathToFileURL(path.join(sandbox, 'elsewhere/dist/carepool.mjs')))).toBeUndefined();
  });
});

describe('error messages quote short snippets only', () => {
  const long = 'x'.repeat(10_218);
  it.each([
    ['a long name', `name: ${long}\n`],
    ['a long kind', `kind: ${long}\n`],
    ['a long extends', `extends: ./${long}.yaml\n`],
    ['a long id', network().replace('id: a,', `id: ${long},`)],
    ['a long expression', network().replace('servers: 1', `servers: "= ${'1+'.repeat(400)}1"`)],
    ['a mapping where an id goes', network().replace('stationId: a', 'stationId: { a: 1 }')],
    ['a long CSV path', network(`{ kind: empirical, sample: { csv: ${long}.csv } }`)],
    [
      'a long sweep value',
      `extends: builtin:test/mini-ics\nsweep: { parameters: [{ path: workforce.policy, values: ["${long}"] }] }\n`,
    ],
  ])('%s', (_, text) => {
    const error = errorOf(() => parseScenarioText(text, path.join(mine, 's.yaml')));
    expect(error.message.length).toBeLessThan(700);
    expect(error.message).not.toContain('x'.repeat(81));
    expect(error.message).not.toContain('[object Object]');
  });

  it('a long --set stays short too', () => {
    const error = errorOf(() =>
      loadScenario(path.join(scenarios, 'test/mini-ics.yaml'), { overrides: [`name.${long}=1`] }),
    );
    expect(error.message.length).toBeLessThan(700);
  });
});
