/**
 * `--trace FILE`: the event log of replication 0 of the first arm (time, event, entity, resource),
 * for checking a model by eye or by script, as DES users expect. It is a separate run of the same
 * replication with a tracer attached; tracing draws no random numbers, so it is the replication
 * whose numbers the results report. Written through a temporary file and renamed when complete.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { TraceRecord } from '@carepool/engine';
import type { Arm } from '@carepool/experiment';
import { csvLine } from '@carepool/experiment';
import { runSystem } from '@carepool/model';
import { runNetwork } from '@carepool/network';
import type { CareArmConfig } from '../care-model.js';
import { CliError } from '../errors.js';

export async function writeTrace(
  file: string,
  arm: Arm<CareArmConfig>,
  seed: number | string,
): Promise<number> {
  const staging = join(dirname(file), `.${basename(file)}.carepool-${process.pid}`);
  let fd: number;
  try {
    fd = openSync(staging, 'w');
  } catch (error) {
    throw new CliError(`cannot write the trace to '${file}': ${(error as Error).message}`);
  }
  let buffer: string[] = [];
  let records = 0;
  const flush = () => {
    writeSync(fd, buffer.join(''));
    buffer = [];
  };
  const trace = (r: TraceRecord) => {
    buffer.push(`${csvLine([r.timeMinutes, r.event, r.entity, r.resource])}\n`);
    records++;
    if (buffer.length >= 10_000) flush();
  };
  try {
    buffer.push('timeMinutes,event,entity,resource\n');
    const c = arm.config;
    if (c.kind === 'network') runNetwork(c.config, { seed, replication: 0, trace });
    else {
      const policy =
        c.policyModule !== undefined
          ? (await (await import('../policy-module.js')).loadPolicyModule(c.policyModule, '/')).factory(
              c.config,
            )
          : undefined;
      runSystem(c.config, { seed, replication: 0, trace, ...(policy ? { policy } : {}) });
    }
    flush();
    closeSync(fd);
    renameSync(staging, file);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {}
    rmSync(staging, { force: true });
    throw error;
  }
  return records;
}
