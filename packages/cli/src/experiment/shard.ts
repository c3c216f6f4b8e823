/**
 * `--shard K/N --out DIR`: one deterministic slice of an experiment's (arm, replication) pairs, as
 * an ordinary batch job on any scheduler. The shard folder holds `records.jsonl` (its replications,
 * appended and fsynced as they finish, so a killed shard resumes) and, once complete, `shard.json`
 * (which experiment, which slice, where and how it ran). `carepool merge` combines the folders.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { resolvePath } from '../commands/validate.js';
import { CliError, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { carepoolVersion } from '../version.js';
import { writeFileAtomically } from '../write-output.js';
import { type ExperimentArgs, prepareExperiment, runPrepared } from './execute.js';
import { openJournal } from './folder.js';

export const SHARD_FILE = 'shard.json';
export const SHARD_RECORDS = 'records.jsonl';

/** What shard.json holds. */
export interface ShardManifest {
  schemaVersion: 1;
  kind: 'carepool-shard';
  experimentKey: string;
  shard: { index: number; count: number };
  /** The experiment's options (as the merge rebuilds it), and the folder paths were relative to. */
  args: ExperimentArgs;
  cwd: string;
  records: number;
  host: string;
  workers: number;
  wallSeconds: number;
  carepoolVersion: string;
}

/** Sharding needs every choice that shapes the records fixed on the command line. */
function checkShardable(args: ExperimentArgs): void {
  const missing: string[] = [];
  if (args.out === undefined) missing.push('--out DIR (the shard folder)');
  if (args.reps === undefined) missing.push('--reps N');
  if (args.warmupDays === undefined) missing.push('--warmup-days D');
  if (missing.length > 0) {
    throw new UsageError(
      `--shard needs ${missing.join(', ')}: every shard must run the same experiment, so these are given explicitly`,
    );
  }
  if (args.precision.length > 0)
    throw new UsageError('--shard runs a fixed --reps; it cannot take --precision');
  if (args.warmup === 'auto') throw new UsageError('--shard needs a fixed --warmup-days, not --warmup auto');
}

export async function runShard(io: CliIo, args: ExperimentArgs): Promise<number> {
  checkShardable(args);
  const shard = args.shard!;
  const dir = resolvePath(io, args.out!);
  const prepared = await prepareExperiment(io, { ...args, json: true });
  const label = `${shard.index}/${shard.count}`;
  mkdirSync(dir, { recursive: true });
  let opened = openJournal(join(dir, SHARD_RECORDS), prepared.key, label);
  if (opened.conflict !== undefined) {
    if (!args.force)
      throw new UsageError(`${opened.conflict}; give --force to replace it, or choose another --out`);
    rmSync(dir, { recursive: true, force: true });
  }
  if (opened.journal === undefined) {
    mkdirSync(dir, { recursive: true });
    opened = openJournal(join(dir, SHARD_RECORDS), prepared.key, label);
  }
  const journal = opened.journal!;
  if (existsSync(join(dir, SHARD_FILE))) rmSync(join(dir, SHARD_FILE));
  const startedAt = performance.now();
  let fresh = 0;
  const result = await runPrepared(io, args, prepared, {
    shard,
    completed: journal.completed,
    onRecord: (r) => {
      journal.append(r);
      fresh++;
    },
  });
  journal.close();
  const records = journal.completed.length + fresh;
  const manifest: ShardManifest = {
    schemaVersion: 1,
    kind: 'carepool-shard',
    experimentKey: prepared.key,
    shard,
    args: {
      ...args,
      out: undefined,
      shard: undefined,
      force: false,
      json: false,
      quiet: false,
    } as ExperimentArgs,
    cwd: io.cwd,
    records,
    host: hostname(),
    workers: result.workers,
    wallSeconds: Number(((performance.now() - startedAt) / 1000).toFixed(3)),
    carepoolVersion: carepoolVersion(),
  };
  if (result.failures.size > 0) {
    const [arm, failure] = [...result.failures][0];
    throw new CliError(`shard ${label}: arm ${prepared.built.arms[arm].id} failed: ${failure.message}`);
  }
  writeFileAtomically(join(dir, SHARD_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  if (!args.quiet) {
    io.stderr(
      `shard ${label}: ${records} replications in ${args.out}/ (combine the shards with carepool merge)\n`,
    );
  }
  return 0;
}
