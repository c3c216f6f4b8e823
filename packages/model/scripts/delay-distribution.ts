/**
 * The delayed-discharge distribution of the default ICS (docs/calibration.md): the share of
 * discharges by days from medically fit to leaving the bed (every discharge, and stays past a
 * midnight), and who is delayed at the 08:00 snapshot, by pathway.
 *
 *   npx tsx packages/model/scripts/delay-distribution.ts [replications=3] [seed=calibration]
 */
import { defaultIcsConfig } from '../src/default-ics.js';
import { Stage } from '../src/flow/patients.js';
import { startSystemRun } from '../src/run.js';

const replications = Number(process.argv[2] ?? 3);
const seed = process.argv[3] ?? 'calibration';
const EDGES = [0.5, 1, 2, 7, 14, 21, Number.POSITIVE_INFINITY];
const LABELS = ['< 0.5 d', '0.5–1 d', '1–2 d', '2–7 d', '7–14 d', '14–21 d', '≥ 21 d'];
const every = EDGES.map(() => 0);
const overnight = EDGES.map(() => 0);
const byPathway = [0, 0, 0, 0];
let snapshots = 0;

/** Adds a histogram's counts (0.25-day bins) into bands. */
function addBands(counts: readonly number[], into: number[]): void {
  counts.forEach((c, bin) => {
    into[EDGES.findIndex((e) => (bin + 0.5) * 0.25 < e)] += c;
  });
}

for (let rep = 0; rep < replications; rep++) {
  const config = defaultIcsConfig();
  const run = startSystemRun(config, { seed, replication: rep });
  const P = run.flow.patients;
  for (let d = config.warmupDays; d < config.warmupDays + config.durationDays; d++) {
    run.sim.run(d * 1440 + config.bedSnapshotHour * 60);
    snapshots++;
    for (let i = 0; i < P.capacity; i++) {
      const stage = P.stage[i];
      if (stage === Stage.wardAwaitingCapacity || stage === Stage.wardLeaving) byPathway[P.pathway[i]]++;
    }
  }
  run.sim.run(run.endMinutes);
  for (const w of run.flow.wards) {
    addBands(w.stats.dischargeDelay.trimmedCounts(), every);
    addBands(w.stats.overnightDischargeDelay.trimmedCounts(), overnight);
  }
  process.stderr.write(`replication ${rep + 1}/${replications}\r`);
}
const share = (v: number, all: number[]): string =>
  `${((100 * v) / all.reduce((a, b) => a + b, 0)).toFixed(1)}%`;
console.log('| days from medically fit to leaving the bed | every discharge | stays past a midnight |');
console.log('|---|---|---|');
for (const [i, label] of LABELS.entries()) {
  console.log(`| ${label} | ${share(every[i], every)} | ${share(overnight[i], overnight)} |`);
}
console.log('');
console.log('| delayed at the 08:00 snapshot, by pathway | patients (mean) | share |');
console.log('|---|---|---|');
const PATHWAYS = [
  'P0 (hospital processes)',
  'P1 (care at home)',
  'P2 (rehab / step-down bed)',
  'P3 (care home)',
];
for (const [p, name] of PATHWAYS.entries()) {
  console.log(`| ${name} | ${(byPathway[p] / snapshots).toFixed(0)} | ${share(byPathway[p], byPathway)} |`);
}
