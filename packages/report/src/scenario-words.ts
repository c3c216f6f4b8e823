/**
 * The scenario in plain words (organisations, staff pools, demand, the policies and variants
 * compared), how the run was made (provenance and the STRESS-DES checklist from the manifest), and
 * what the intervals leave out.
 */
import { esc, levelText } from './format.js';
import type { ResultsFolder } from './read-results.js';

type Row = Record<string, unknown>;
const list = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);
const sum = (rows: Row[], field: string) => rows.reduce((s, r) => s + (Number(r[field]) || 0), 0);
const whole = (v: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(v);

const KIND_WORDS: Record<string, string> = {
  acuteTrust: 'acute trust',
  primaryCare: 'primary care',
  communityProvider: 'community health provider',
  localAuthority: 'council adult social care',
  ambulanceService: 'ambulance service',
  vcse: 'voluntary (VCSE) service',
};

/** The scenario section's HTML. */
export function scenarioSection(folder: ResultsFolder): string {
  const s = folder.scenario;
  if (s.kind !== 'system') {
    return `<p>A queueing network, <strong>${esc(s.name)}</strong>: see scenario.resolved.yaml in the results folder for every value.</p>`;
  }
  const orgs = list(s.organisations);
  const eds = list(s.emergencyDepartments);
  const wards = list(s.acuteWards);
  const workforce = (s.workforce ?? {}) as Row;
  const pools = list(workforce.staffPools);
  const homeCare = list(s.homeCare);
  const gps = list(s.generalPractice);
  const items = [
    `<li><strong>Organisations (${orgs.length})</strong>: ${orgs.map((o) => `${esc(o.name)} (${esc(KIND_WORDS[String(o.kind)] ?? o.kind)}, <code>${esc(o.id)}</code>)`).join('; ')}.</li>`,
    `<li><strong>Demand</strong>: ${whole(sum(eds, 'meanArrivalsPerDay'))} A&amp;E arrivals a day across ${eds.length} emergency department${eds.length === 1 ? '' : 's'}; ${whole(sum(wards, 'directAdmissionsPerDay'))} direct admissions a day; ${whole(sum(gps, 'requestsPerWorkingDay'))} GP requests a working day; ${whole(sum(homeCare, 'communityReferralsPerDay'))} community referrals a day for home care.</li>`,
    `<li><strong>Beds</strong>: ${whole(sum(wards, 'physicalBeds'))} general and acute beds in ${wards.length} ward group${wards.length === 1 ? '' : 's'}.</li>`,
    `<li><strong>Staff pools (${pools.length})</strong>: ${whole(sum(pools, 'inPostWte'))} WTE in post against an establishment of ${whole(sum(pools, 'establishmentWte'))} WTE; ${pools.map((p) => `<code>${esc(p.id)}</code>`).join(', ')}.</li>`,
    `<li><strong>Period</strong>: ${esc(s.durationDays)} days reported from ${esc(s.startDate)}, after a warm-up of ${esc(folder.provenance.warmup.days)} days (${esc(folder.provenance.warmup.method)}).</li>`,
  ];
  return `<p><strong>${esc(s.name)}</strong>.</p><ul>${items.join('')}</ul>${comparedSection(folder)}`;
}

function comparedSection(folder: ResultsFolder): string {
  const policies = [...new Set(folder.arms.map((a) => a.policy))];
  const variants = list(folder.manifest.variants);
  const parts = [
    `<p><strong>Compared</strong>: ${folder.arms.length} arm${folder.arms.length === 1 ? '' : 's'} — ${policies.map((p) => `<code>${esc(p)}</code>`).join(', ')}${variants.length > 0 ? ` on the base and ${variants.length} variant${variants.length === 1 ? '' : 's'}` : ''}; the baseline is <code>${esc(folder.baseline)}</code>.</p>`,
  ];
  for (const v of variants) {
    const changes = (v.changesAgainstBase as string[] | undefined) ?? [];
    parts.push(
      `<p>Variant <strong>${esc(v.name)}</strong> (${esc(v.file)}) changes ${changes.length} value${changes.length === 1 ? '' : 's'}:</p><ul class="changes">${changes.map((c) => `<li><code>${esc(c)}</code></li>`).join('')}</ul>`,
    );
  }
  const sweep = folder.manifest.sweep as
    | { mode: string; parameters: { path: string; values: unknown[] }[] }
    | undefined;
  if (sweep) {
    parts.push(
      `<p>Sweep (${sweep.mode === 'oneAtATime' ? 'one at a time' : 'full grid'}): ${sweep.parameters.map((p) => `<code>${esc(p.path)}</code> = ${p.values.map((v) => esc(v)).join(', ')}`).join('; ')}.</p>`,
    );
  }
  if (folder.provenance.overrides.length > 0) {
    parts.push(
      `<p>Overrides applied to every arm: ${folder.provenance.overrides.map((o) => `<code>${esc(o)}</code>`).join(', ')}.</p>`,
    );
  }
  return parts.join('');
}

/** What the intervals cover, and what they do not. */
export function limitsSection(folder: ResultsFolder): string {
  const level = levelText(folder.provenance.confidence);
  const reps = folder.provenance.replicationsPerArm;
  const sweep = (folder.manifest.sweep as { mode?: string } | undefined)?.mode;
  return [
    `<p>Every interval in this report is a ${level} confidence interval over ${reps} replications: it covers the <strong>randomness of the simulation</strong> — which patients arrive when, how long they stay, who is off sick — and nothing else.</p>`,
    '<ul>',
    '<li>It does <strong>not</strong> cover the uncertainty of the inputs. Values marked DERIVED or ASSUMPTION in the scenario files and in docs/model.md (arrival profiles, treatment times, turnover, time to hire, bank fill rates…) are best estimates, not measurements: if one is wrong, every arm moves, and the interval does not show it.</li>',
    '<li>It does not cover the model’s structure: what the model leaves out (docs/model.md) is left out of every arm alike.</li>',
    '<li>Paired differences under common random numbers are far more precise than the arms’ own intervals: a difference can be clear while the arms’ intervals overlap.</li>',
    `<li>With many outcomes and arms some differences would look real by chance: verdicts use Holm’s correction over all of them, so a difference whose interval excludes zero can still read “no detectable difference”.</li>`,
    sweep === 'oneAtATime'
      ? '<li>This run moved inputs one at a time: the tornado chart below shows which assumptions move the answer most.</li>'
      : "<li>To see how far an input moves the answer, run a one-at-a-time sweep (<code>carepool sweep SCENARIO --sweep-mode one-at-a-time --sweep 'path=low,high'</code>) and report it: its tornado chart ranks the assumptions.</li>",
    '</ul>',
  ].join('');
}

/** Provenance and the STRESS-DES items the manifest answers. */
export function provenanceSection(folder: ResultsFolder): string {
  const m = folder.manifest as Record<string, Row & unknown>;
  const software = (m.software ?? {}) as Row;
  const hardware = (m.hardware ?? {}) as Row;
  const random = (m.randomNumbers ?? {}) as Row;
  const rows: [string, string][] = [
    ['command', ((m.command as unknown as string[] | undefined) ?? []).join(' ')],
    [
      'software',
      `${software.name} ${software.version}${software.gitCommit ? ` (git ${String(software.gitCommit).slice(0, 12)})` : ''}, Node ${software.node}, ${software.platform}`,
    ],
    [
      'scenario',
      `${folder.provenance.scenario} (resolved inputs SHA-256 ${folder.provenance.scenarioHash.slice(0, 16)}…)`,
    ],
    [
      'random numbers',
      `${random.generator}; master seed ${String(folder.provenance.seed)}; ${random.seeding}`,
    ],
    [
      'replications',
      `${folder.provenance.replicationsPerArm} per arm (${String((m.replications as Row | undefined)?.rule ?? 'fixed')})`,
    ],
    ['warm-up', `${folder.provenance.warmup.days} days (${folder.provenance.warmup.method})`],
    ['multiple comparisons', folder.provenance.multipleComparisons],
    [
      'hardware',
      `${hardware.cpu}, ${hardware.cores} cores, ${hardware.memoryGiB} GiB; ${String(m.workers)} workers, ${String(m.wallSeconds)} s`,
    ],
  ];
  const stress = Object.entries((m.stressDes ?? {}) as Record<string, string>);
  return (
    `<table class="provenance"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>` +
    `<h3>STRESS-DES checklist (Monks et al. 2019): where each item is answered</h3>` +
    `<table class="stress"><thead><tr><th scope="col">item</th><th scope="col">answered by</th></tr></thead><tbody>${stress.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('')}</tbody></table>` +
    '<p>Items on the model itself (its purpose, logic and assumptions) are the modeller’s to write: see docs/model.md.</p>'
  );
}
