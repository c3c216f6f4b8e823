import { describe, expect, it } from 'vitest';
import type { PolicyId, SystemConfig } from '../src/config.js';
import type { MetricRow } from '../src/contracts.js';
import { defaultIcsConfig } from '../src/default-ics.js';
import { miniIcsConfig } from '../src/mini-ics.js';
import { runSystem, startSystemRun } from '../src/run.js';
import { pairedCi, metricValue as value } from './paired.js';

/**
 * The default ICS, shortened: 40 days' warm-up (the caseload starts near equilibrium), 100 days
 * reported, over the winter (mid-November to mid-February): with seasonal sickness and admissions the
 * carers bind in winter, while in summer they have slack and more of them change nothing.
 */
const shortDefault = (): SystemConfig => {
  const c = defaultIcsConfig();
  c.startDate = '2024-10-01';
  c.warmupDays = 40;
  c.durationDays = 100;
  return c;
};

/** More staff funded and in post in every pool whose id matches. */
function withExtraStaff(config: SystemConfig, poolId: RegExp, extraWte: number): SystemConfig {
  for (const p of config.workforce.staffPools) {
    if (!poolId.test(p.id)) continue;
    p.establishmentWte += extraWte;
    p.inPostWte += extraWte;
  }
  return config;
}

/** Paired differences baseline − variant of one metric, over replications with common random numbers. */
function pairedDiffs(
  base: SystemConfig,
  variant: SystemConfig,
  reps: number,
  metrics: [string, string][],
): Map<string, number[]> {
  const out = new Map<string, number[]>(metrics.map(([id, st]) => [`${id}/${st}`, []]));
  for (let rep = 0; rep < reps; rep++) {
    const a = runSystem(base, { seed: 'what-if', replication: rep });
    const b = runSystem(variant, { seed: 'what-if', replication: rep });
    for (const [id, st] of metrics)
      out.get(`${id}/${st}`)?.push(value(a.metrics, id, st) - value(b.metrics, id, st));
  }
  return out;
}

/** Every metric's paired differences have a 95% interval wholly above zero. */
function expectAllAboveZero(diffs: Map<string, number[]>): void {
  for (const [key, d] of diffs) {
    const ci = pairedCi(d);
    expect(ci.mean - ci.half, `${key}: ${ci.mean} ± ${ci.half}`).toBeGreaterThan(0);
  }
}

describe('what-ifs on the default ICS with the real workforce', () => {
  it('more carers (+50 per council, funded and in post) shorten package waits and lower NCTR bed-days and ED boarding', () => {
    // 8 replications: the effect is always positive but its size depends on how blocked the beds are
    // (paired differences of NCTR bed-days range over 100–5,000 by seed), so 5 were too few to show it.
    const diffs = pairedDiffs(shortDefault(), withExtraStaff(shortDefault(), /\.careWorker$/, 50), 8, [
      ['carePackage.waitDays', 'mean'],
      ['nctr.bedDays', 'total'],
      ['ed.boardingPatientsCount', 'mean'],
    ]);
    // Baseline − more carers: the whole 95% interval lies above zero.
    expectAllAboveZero(diffs);
  });

  it('more ward nurses (+25 per trust) close fewer beds for staffing and lower ED boarding', () => {
    const diffs = pairedDiffs(shortDefault(), withExtraStaff(shortDefault(), /\.wardRn$/, 25), 5, [
      ['beds.closedForStaffingCount', 'mean'],
      ['ed.boardingPatientsCount', 'mean'],
    ]);
    expectAllAboveZero(diffs);
  });
});

describe('common random numbers across deployment policies (mini ICS, real workforce)', () => {
  const POLICIES: PolicyId[] = [
    'siloed',
    'staffPassport',
    'dischargeFirst',
    'mutualAid',
    'systemBank',
    'rotationalPosts',
  ];
  const days = 30;

  /**
   * Every ED arrival and direct admission of one replication under a policy, with the attributes
   * drawn for it: arrival minute, admitted or not, clinician minutes, specialty, clinical stay,
   * discharge pathway, council and paperwork minutes. GP spill-over attendances are left out: they
   * depend on general-practice capacity, which policies change, and use their own streams.
   */
  function patientsUnder(policy: PolicyId): { patients: string[]; metrics: MetricRow[] } {
    const config = miniIcsConfig();
    config.warmupDays = 10;
    config.durationDays = days - 10;
    config.workforce.policy = policy;
    const run = startSystemRun(config, { seed: 'crn-policies', replication: 1 });
    const flow = run.flow;
    const P = flow.patients;
    const patients: string[] = [];
    // Wrap the one method that draws every arriving patient's pathway attributes (after the ED ones):
    // the wards module's, which the ED module calls too.
    type Draw = (id: number, w: unknown, stream: unknown) => void;
    const hooked = (flow as unknown as { wardFlow: { drawDischargeAttributes: Draw } }).wardFlow;
    const draw = hooked.drawDischargeAttributes.bind(hooked);
    hooked.drawDischargeAttributes = (id, w, stream) => {
      draw(id, w, stream);
      if (P.ed[id] >= 0 && stream === flow.eds[P.ed[id]].spillAttributeStream) return;
      // ED fields only for ED patients (a direct admission's record keeps its slot's old ED values).
      const ed = P.source[id] === 0 ? [P.admit[id], P.wardAdmit[id], P.treatmentMinutes[id].toFixed(6)] : [];
      patients.push(
        [
          P.source[id],
          P.arrivalAt[id].toFixed(6),
          P.ed[id],
          ...ed,
          P.group[id],
          P.clinicalLosMinutes[id].toFixed(6),
          P.pathway[id],
          P.authority[id],
          P.dischargeProcessingMinutes[id].toFixed(6),
        ].join('|'),
      );
    };
    run.sim.run(run.endMinutes);
    const metrics = runSystem(config, { seed: 'crn-policies', replication: 1 }).metrics;
    return { patients, metrics };
  }

  it('every policy sees the same arrivals with the same needs, while outcomes differ', () => {
    const runs = POLICIES.map((p) => ({ policy: p, ...patientsUnder(p) }));
    const base = runs[0];
    // Stays are drawn for patients admitted to a ward: ~27 from ED and ~9 direct admissions a day.
    expect(base.patients.length).toBeGreaterThan(days * 30);
    for (const r of runs.slice(1)) expect(r.patients, r.policy).toEqual(base.patients);
    // The policies do act: some outcome differs from siloed under at least one of them.
    const outcome = (rows: MetricRow[]): number[] =>
      ['staffing.costGbp', 'redeployment.movesCount'].map((id) => value(rows, id, 'total'));
    expect(runs.some((r) => outcome(r.metrics).join() !== outcome(base.metrics).join())).toBe(true);
  });
});
