/**
 * The default ICS's workforce: staff pools of three acute trusts, primary care, a community
 * provider, two councils and the ambulance service. The values are in scenarios/ics-default.yaml
 * (see default-ics.ts for how the model reads them); this file keeps how they were worked out, from
 * the figures in shared/design/calibration.md (§1 sizing, §5 staffing, §8 defaults), and the two
 * helpers used to work them out. docs/workforce.md explains each number; everything marked
 * ASSUMPTION there is a scenario choice, not a published figure.
 *
 * Sizing rule (DERIVED): an establishment is funded so that, fully staffed, the roster's expected
 * on-duty headcount equals the requirement:
 *   establishment = mean required per shift / ((1 − planned absence) × (1 − sickness) × f),
 *   f = contracted hours per week / (hours per shift × shifts per day × working days per week).
 * In-post staff start at (1 − vacancy share) of it, and `hireSuccessShare` is set so that the
 * published vacancy share is the steady state of turnover and recruitment (see hireSuccessForVacancy).
 *
 * Pay (2024/25, employer on-costs included; sources in docs/workforce.md):
 * - Agenda for Change from April 2024 (NHS Health Careers, "Agenda for Change – pay rates"): band 3
 *   £24,071–£25,674; band 5 £29,970–£36,483; band 6 £37,338–£44,962 a year, 37.5 h a week.
 * - Salaried GPs, England 2023/24 DDRB range £68,974–£104,086 (BMA, "Salaried GP pay ranges").
 * - Care workers: independent-sector median £11.00/h (Dec 2023) and £12.00/h (Dec 2024) (Skills for
 *   Care, "Pay in the adult social care sector"); National Living Wage £11.44/h from April 2024.
 * - On-costs: ×1.31 NHS (employer pension 20.68% incl. the centrally paid 6.3%, employer NI ~10%),
 *   ×1.20 social care (employer NI, 3% auto-enrolment pension) — ASSUMPTION.
 * - Bank = 1.29 × substantive, agency = 1.55 × substantive: the agency price cap is substantive +55%
 *   [calibration R64] and agency costs ~20% more than bank for the same work [R65] (1.55 / 1.2 ≈ 1.29).
 */
import type { DistributionSpec } from '../config.js';
import { defaultIcsConfig } from '../default-ics.js';
import type { WorkforceConfig } from '../workforce-config.js';

/** Lognormal from its median and 90th percentile (days), as `lognormalLog`. */
export function lognormalFromMedianP90(medianDays: number, p90Days: number): DistributionSpec {
  const z90 = 1.2815515655446004;
  return { kind: 'lognormalLog', mu: Math.log(medianDays), sigma: Math.log(p90Days / medianDays) / z90 };
}

/**
 * The `hireSuccessShare` that makes `vacancyShare` the steady state (DERIVED): vacancies V of an
 * establishment E with leavers at r per WTE in post per year, each filled after a mean of T / q years,
 * satisfy V = r (E − V) T / q, so q = r T (1 − v) / v with v = V / E. Capped at 1 (a lower vacancy
 * share than r T / (1 + r T) cannot be reached by recruitment delays alone).
 */
export function hireSuccessForVacancy(
  vacancyShare: number,
  turnoverPerYear: number,
  meanTimeToHireDays: number,
): number {
  const rT = (turnoverPerYear * meanTimeToHireDays) / 365;
  return Math.min(1, (rT * (1 - vacancyShare)) / vacancyShare);
}

/** The default ICS's workforce (a fresh copy). */
export function defaultWorkforceConfig(): WorkforceConfig {
  return defaultIcsConfig().workforce;
}
