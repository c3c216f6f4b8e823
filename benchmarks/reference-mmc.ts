/**
 * The project's own reference loop (packages/cli/src/bench/reference-loop.ts: W1 by hand, no
 * library), run on its own and printed as one JSON line like the workloads, so it can be run beside
 * `bench:workload w1` by hand. `carepool bench` runs the same loop in-process, round by round.
 *
 *   npx tsx benchmarks/reference-mmc.ts [--customers 1000000] [--seed 12345]
 */
import { runReferenceLoop } from '../packages/cli/src/bench/reference-loop.js';
import { W1_ERLANG_C_WAIT_HOURS } from '../packages/cli/src/bench/w1.js';
import { measured, parseWorkloadArgs } from './common.js';

const args = parseWorkloadArgs(process.argv.slice(2));
const { result, line } = measured(() => runReferenceLoop(args.customers, args.seed));
console.log(
  JSON.stringify({
    workload: 'w1',
    impl: 'reference loop (benchmarks/reference-mmc.ts)',
    ...line,
    meanWaitHours: result.meanWaitHours,
    erlangCWaitHours: W1_ERLANG_C_WAIT_HOURS,
  }),
);
