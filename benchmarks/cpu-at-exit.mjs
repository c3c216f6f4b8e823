// Preload (`node --import ./benchmarks/cpu-at-exit.mjs script.mjs`): prints the CPU seconds the
// process used from here (after Node's own start-up) to exit, as one JSON line on stdout. Lets
// ratio-cpu.ts read CPU time from the hand-written baseline without changing it.
const started = process.cpuUsage();
process.on('exit', () => {
  const used = process.cpuUsage(started);
  process.stdout.write(`${JSON.stringify({ cpuSecondsAfterStartup: (used.user + used.system) / 1e6 })}\n`);
});
