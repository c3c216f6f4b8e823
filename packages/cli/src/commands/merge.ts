/**
 * `carepool merge DIR... --out DIR`: combines shard folders into exactly what one run of the same
 * experiment writes — byte for byte, every file but manifest.json, which records the shards. It
 * refuses shards of different experiments, a missing shard and a duplicated one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ReplicationRecord, resultFromRecords } from '@carepool/experiment';
import { CliError, UsageError } from '../errors.js';
import { analyseExperiment, prepareExperiment } from '../experiment/execute.js';
import { journalRecords, openResultsFolder } from '../experiment/folder.js';
import { printOutcome } from '../experiment/run-experiment.js';
import { SHARD_FILE, SHARD_RECORDS, type ShardManifest } from '../experiment/shard.js';
import type { CliIo } from '../io.js';
import { resolvePath } from './validate.js';

export interface MergeArgs {
  shards: string[];
  out: string;
  force: boolean;
  json: boolean;
  quiet: boolean;
}

type Shard = { given: string; manifest: ShardManifest; dir: string };

function readShard(io: CliIo, given: string): Shard {
  const dir = resolvePath(io, given);
  const file = join(dir, SHARD_FILE);
  if (!existsSync(file)) {
    throw new CliError(
      existsSync(join(dir, SHARD_RECORDS))
        ? `'${given}' is an unfinished shard (no ${SHARD_FILE}): run its command again to finish it`
        : `'${given}' is not a shard folder (no ${SHARD_FILE})`,
    );
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as ShardManifest;
  if (manifest.kind !== 'carepool-shard')
    throw new CliError(`'${given}/${SHARD_FILE}' is not a carepool shard manifest`);
  return { given, manifest, dir };
}

export async function mergeCommand(io: CliIo, args: MergeArgs): Promise<number> {
  if (args.out.trim() === '') throw new UsageError('--out needs a folder name');
  const shards = args.shards.map((s) => readShard(io, s));
  checkShardSet(shards);
  const first = shards[0].manifest;
  // Rebuild the experiment as the shards ran it (paths relative to where they ran).
  const cwd = existsSync(first.cwd) ? first.cwd : io.cwd;
  const runArgs = { ...first.args, out: args.out, json: true, quiet: args.quiet };
  const prepared = await prepareExperiment({ ...io, cwd }, runArgs);
  if (prepared.key !== first.experimentKey) {
    throw new CliError(
      `the scenario files or options differ from those the shards ran with (experiment ${prepared.key.slice(0, 12)}, shards ${first.experimentKey.slice(0, 12)})`,
    );
  }
  const records = shardRecords(shards);
  let result: ReturnType<typeof resultFromRecords<(typeof prepared.built.arms)[number]['config']>>;
  try {
    result = resultFromRecords(prepared.built.arms, prepared.replications, records, {
      keepSeries: first.args.series,
      workers: shards.reduce((s, x) => s + x.manifest.workers, 0),
      wallSeconds: Math.max(...shards.map((x) => x.manifest.wallSeconds)),
    });
  } catch (error) {
    throw new CliError(`cannot merge: ${(error as Error).message}`);
  }
  const outcome = analyseExperiment(runArgs, prepared, result, { shards: shardProvenance(shards) });
  const folder = openResultsFolder(resolvePath(io, args.out), prepared.key, args.force);
  folder.finish(outcome.files);
  const code = await printOutcome(
    io,
    { ...runArgs, json: args.json, trace: undefined, quiet: true },
    outcome,
  );
  if (!args.quiet) {
    io.stderr(
      `merged ${shards.length} shards (${result.replications} replications × ${result.arms.length} arms) into ${args.out}/\n`,
    );
  }
  return code;
}

/** The shards must be of one experiment, each given once, none missing. */
function checkShardSet(shards: readonly Shard[]): void {
  const first = shards[0].manifest;
  for (const s of shards.slice(1)) {
    const m = s.manifest;
    if (m.experimentKey !== first.experimentKey || m.shard.count !== first.shard.count) {
      const what = (x: ShardManifest) =>
        `seed ${String(x.args.seed)}, ${x.args.reps} replications, ${x.shard.count} shards, experiment ${x.experimentKey.slice(0, 12)}`;
      throw new UsageError(
        `'${s.given}' and '${shards[0].given}' are shards of different experiments (${what(m)} against ${what(first)})`,
      );
    }
  }
  const byIndex = new Map<number, string>();
  for (const s of shards) {
    const other = byIndex.get(s.manifest.shard.index);
    if (other !== undefined) {
      throw new UsageError(
        `shard ${s.manifest.shard.index}/${first.shard.count} is given twice: '${other}' and '${s.given}'`,
      );
    }
    byIndex.set(s.manifest.shard.index, s.given);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
  if (missing.length > 0) {
    throw new UsageError(
      `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${first.shard.count} missing`,
    );
  }
}

/** Every shard's journal of replication records, in the order the shards were given. */
function shardRecords(shards: readonly Shard[]): ReplicationRecord[] {
  const records: ReplicationRecord[] = [];
  for (const s of shards) {
    try {
      records.push(...journalRecords(join(s.dir, SHARD_RECORDS)));
    } catch (error) {
      throw new CliError(`cannot read '${s.given}/${SHARD_RECORDS}': ${(error as Error).message}`);
    }
  }
  return records;
}

/** What manifest.json records of each shard, in shard order. */
function shardProvenance(shards: readonly Shard[]) {
  return shards
    .map((s) => ({
      shard: `${s.manifest.shard.index}/${s.manifest.shard.count}`,
      folder: s.given,
      host: s.manifest.host,
      workers: s.manifest.workers,
      wallSeconds: s.manifest.wallSeconds,
      records: s.manifest.records,
    }))
    .sort((a, b) => a.shard.localeCompare(b.shard, 'en', { numeric: true }));
}
