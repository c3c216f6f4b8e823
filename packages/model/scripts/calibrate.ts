/**
 * Calibration of the default ICS against the published figures of docs/calibration.md: runs
 * replications of `defaultIcsConfig()` (one year after the warm-up, default policy) and prints a
 * markdown table of each measure's mean and 95% confidence interval beside the published figure.
 *
 *   npx tsx packages/model/scripts/calibrate.ts [replications=30] [seed=calibration]
 */
import { defaultIcsConfig } from '../src/default-ics.js';
import { runSystem } from '../src/run.js';

interface Target {
  label: string;
  metricId: string;
  statistic: string;
  /** Published figure (a share). */
  published: number;
  source: string;
  /** Shown as a percentage in the table. */
  percent: boolean;
}

const TARGETS: Target[] = [
  {
    label: 'Type-1 four-hour share',
    metricId: 'ed.fourHourShare',
    statistic: 'value',
    published: 0.6,
    source: '60.4% Apr 2024, 61.4% Jul 2024 [R3]',
    percent: true,
  },
  {
    label: 'Type-1 12-hour stays from arrival',
    metricId: 'ed.twelveHourFromArrivalShare',
    statistic: 'value',
    published: 0.09,
    source: '8.7% Jul 2024; ~1 in 10 Apr 2024 [R3]',
    percent: true,
  },
  {
    label: 'G&A bed occupancy (08:00 snapshot)',
    metricId: 'beds.occupancyShare',
    statistic: 'mean',
    published: 0.93,
    source: '92.6–93.7% 2024 [R3]',
    percent: true,
  },
  {
    label: 'Share of beds held by NCTR patients',
    metricId: 'nctr.bedShare',
    statistic: 'mean',
    published: 0.13,
    source: '>13,000 of ~100,000 beds, Dec 2022 [R21]',
    percent: true,
  },
  {
    label: 'RN vacancy rate',
    metricId: 'workforce.registeredNurseVacancyShare',
    statistic: 'mean',
    published: 0.075,
    source: '7.5% Sep 2024 [R18c]',
    percent: true,
  },
  {
    label: 'RN leaver rate (per year)',
    metricId: 'workforce.registeredNurseLeaverRateShare',
    statistic: 'value',
    published: 0.115,
    source: '10–11.5% nurses; acute 11.8–12.4% [R20]',
    percent: true,
  },
  {
    label: 'Admitted patients within 4 h',
    metricId: 'ed.admittedFourHourShare',
    statistic: 'value',
    published: 0.3,
    source: '~30% (FOI, 2023) [R13]',
    percent: true,
  },
  {
    label: 'Left without being seen',
    metricId: 'ed.leftWithoutBeingSeenShare',
    statistic: 'value',
    published: 0.028,
    source: '2.8% (2012–13) [R14b]; 3.9% (2004) [R14a]',
    percent: true,
  },
  {
    label: 'Median time in department (min)',
    metricId: 'ed.timeInDepartmentMinutes',
    statistic: 'p50',
    published: 145,
    source: '~145 min (2012–13), 144 (2017) [R14b][R14c]',
    percent: false,
  },
];

const replications = Number(process.argv[2] ?? 30);
const seed = process.argv[3] ?? 'calibration';
const values = TARGETS.map(() => [] as number[]);
const started = performance.now();
for (let rep = 0; rep < replications; rep++) {
  const result = runSystem(defaultIcsConfig(), { seed, replication: rep });
  TARGETS.forEach((t, i) => {
    const row = result.metrics.find(
      (m) => m.metricId === t.metricId && m.statistic === t.statistic && m.scope === 'ics',
    );
    values[i].push(row === undefined ? Number.NaN : row.value);
  });
  process.stderr.write(`replication ${rep + 1}/${replications}\r`);
}
const seconds = (performance.now() - started) / 1000;

// Student t quantile (0.975) for n − 1 degrees of freedom.
const T975: Record<number, number> = {
  1: 12.71,
  2: 4.3,
  3: 3.18,
  4: 2.78,
  5: 2.57,
  9: 2.26,
  19: 2.09,
  29: 2.045,
};
const tQuantile = (df: number): number => T975[df] ?? (df >= 29 ? 2.045 : 2.1);

const fmt = (v: number, percent: boolean): string => (percent ? `${(v * 100).toFixed(1)}%` : v.toFixed(0));
const lines = [
  `Default ICS, ${replications} replications (seed \`${seed}\`), each ${defaultIcsConfig().durationDays} days after a ${defaultIcsConfig().warmupDays}-day warm-up, default policy (\`${defaultIcsConfig().workforce.policy}\`). ${seconds.toFixed(0)} s in total.`,
  '',
  '| measure | model mean | 95% CI | published | relative difference | within ±5%? | source |',
  '|---|---|---|---|---|---|---|',
];
TARGETS.forEach((t, i) => {
  const v = values[i];
  const n = v.length;
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1));
  const half = n > 1 ? (tQuantile(n - 1) * sd) / Math.sqrt(n) : Number.NaN;
  const rel = (mean - t.published) / t.published;
  lines.push(
    `| ${t.label} | ${fmt(mean, t.percent)} | ${fmt(mean - half, t.percent)} – ${fmt(mean + half, t.percent)} | ${fmt(t.published, t.percent)} | ${(rel * 100).toFixed(1)}% | ${Math.abs(rel) <= 0.05 ? 'yes' : 'no'} | ${t.source} |`,
  );
});
console.log(lines.join('\n'));
