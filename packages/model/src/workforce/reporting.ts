/** Workforce metric rows and daily series over the reported period, by organisation and for the ICS. */
import * as ENGINE from '@carepool/engine';
import type { DailyRow, MetricRow } from '../contracts.js';
import { ModelError } from '../errors.js';
import { RunCalendar } from '../flow/calendar.js';
import type { WorkforceMetricId } from '../metrics-workforce.js';
import { total, type WorkforceLedger } from './ledger.js';
import { policyActivityRows } from './policy-activity.js';
import { DAILY_METRICS, ratio, WorkforcePart } from './state.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { MINUTES_PER_YEAR } = ENGINE;

/** A staff group with metrics of its own: its pools' role and the ledger accounts they read. */
interface StaffGroup {
  role: string;
  vacancyId: WorkforceMetricId;
  vacancy: (L: WorkforceLedger) => Float64Array;
  establishment: (L: WorkforceLedger) => Float64Array;
  leaverRate?: {
    id: WorkforceMetricId;
    leavers: (L: WorkforceLedger) => Float64Array;
    inPost: (L: WorkforceLedger) => Float64Array;
  };
}

/** The staff groups, in row order. */
const STAFF_GROUPS: readonly StaffGroup[] = [
  {
    role: 'registeredNurse',
    vacancyId: 'workforce.registeredNurseVacancyShare',
    vacancy: (L) => L.nurseVacancyWteMinutes,
    establishment: (L) => L.nurseEstablishmentWteMinutes,
    leaverRate: {
      id: 'workforce.registeredNurseLeaverRateShare',
      leavers: (L) => L.nurseLeavers,
      inPost: (L) => L.nurseInPostWteMinutes,
    },
  },
  {
    role: 'careWorker',
    vacancyId: 'workforce.careWorkerVacancyShare',
    vacancy: (L) => L.careWorkerVacancyWteMinutes,
    establishment: (L) => L.careWorkerEstablishmentWteMinutes,
  },
];

export class Reporting extends WorkforcePart {
  /** Workforce metrics over the reported period (after warm-up), scope `ics` and per organisation. */
  metricRows(): MetricRow[] {
    this.p.accounting.closeVacancyIntegrals();
    const L = this.s.ledger;
    const rows: MetricRow[] = [];
    const scopes: { scope: string; pick: (a: Float64Array) => number }[] = [
      { scope: 'ics', pick: total },
      ...this.s.organisationIds.map((id, i) => ({ scope: id, pick: (a: Float64Array) => a[i] })),
    ];
    for (const { scope, pick } of scopes) {
      const organisationIndex = scope === 'ics' ? -1 : this.s.organisationIndex.get(scope)!;
      const hasPools =
        organisationIndex < 0 || this.s.pools.some((p) => p.organisationIndex === organisationIndex);
      if (!hasPools) continue;
      // A share with nothing to divide by has no value and no row; a total is a sum of what
      // happened, so a non-finite one is a defect to report, never a row to leave out.
      const add = (metricId: WorkforceMetricId, statistic: MetricRow['statistic'], value: number): void => {
        if (Number.isFinite(value)) rows.push({ metricId, scope, statistic, value });
        else if (statistic === 'total') throw new ModelError(`${metricId} for ${scope} is ${value}`);
      };
      const establishment = pick(L.establishmentWteMinutes);
      add('workforce.vacancyShare', 'mean', ratio(pick(L.vacancyWteMinutes), establishment));
      add('workforce.vacancyShare', 'value', this.p.accounting.currentVacancyShare(organisationIndex));
      for (const g of STAFF_GROUPS) {
        const groupEstablishment = pick(g.establishment(L));
        if (!(groupEstablishment > 0)) continue;
        add(g.vacancyId, 'mean', ratio(pick(g.vacancy(L)), groupEstablishment));
        const leavers = g.leaverRate;
        if (leavers !== undefined)
          add(
            leavers.id,
            'value',
            ratio(pick(leavers.leavers(L)), pick(leavers.inPost(L)) / MINUTES_PER_YEAR),
          );
      }
      add('workforce.leaversCount', 'total', pick(L.leavers));
      add(
        'workforce.leaverRateShare',
        'value',
        ratio(pick(L.leavers), pick(L.inPostWteMinutes) / MINUTES_PER_YEAR),
      );
      add('workforce.joinersCount', 'total', pick(L.joiners));
      add('workforce.utilisationShare', 'mean', ratio(pick(L.utilisationSum), pick(L.utilisationCount)));
      add('workforce.sicknessAbsenceShare', 'mean', ratio(pick(L.sickHours), pick(L.contractedHours)));
      add('workforce.overtimeHours', 'total', pick(L.overtimeHours));
      add('workforce.unfilledShiftsCount', 'total', pick(L.unfilledShifts));
      add('staffing.bankShiftsCount', 'total', pick(L.bankShifts));
      add('staffing.agencyShiftsCount', 'total', pick(L.agencyShifts));
      const substantive = pick(L.substantiveCostGbp);
      const bank = pick(L.bankCostGbp);
      const agency = pick(L.agencyCostGbp);
      add('staffing.substantiveCostGbp', 'total', substantive);
      add('staffing.bankCostGbp', 'total', bank);
      add('staffing.agencyCostGbp', 'total', agency);
      add('staffing.costGbp', 'total', substantive + bank + agency);
      add('redeployment.movesCount', 'total', pick(L.movesReceived));
      add('redeployment.lentCount', 'total', pick(L.movesLent));
      rows.push(...policyActivityRows(L, scope, pick));
    }
    return rows;
  }

  /**
   * The daily series: one row per reported day, metric and scope (`ics` and each organisation with
   * staff pools). `startDate` is the ISO date of reported day 0 (the first day after warm-up).
   */
  dailyRows(startDate: string): DailyRow[] {
    const rows: DailyRow[] = [];
    const dates = new RunCalendar(startDate, this.s.daily.length + 1);
    const scopes = [...this.s.organisationIds, 'ics'];
    const columns = scopes.length;
    const withPools = scopes.map(
      (_, i) => i === columns - 1 || this.s.pools.some((p) => p.organisationIndex === i),
    );
    for (let day = 0; day < this.s.daily.length; day++) {
      const values = this.s.daily[day];
      const date = dates.isoDate(day);
      for (let m = 0; m < DAILY_METRICS.length; m++) {
        for (let s = 0; s < columns; s++) {
          if (!withPools[s]) continue;
          rows.push({
            day,
            date,
            metricId: DAILY_METRICS[m],
            scope: scopes[s],
            value: values[m * columns + s],
          });
        }
      }
    }
    return rows;
  }

  /**
   * Vacancy by staff group at the end of each reported day, per organisation and the ICS: registered
   * nurses (`workforce.registeredNurseVacancyShare`) and care workers (`workforce.careWorkerVacancyShare`),
   * vacant WTE over establishment of that group's pools.
   */
  staffGroupDailyRows(startDate: string): DailyRow[] {
    const rows: DailyRow[] = [];
    const dates = new RunCalendar(startDate, this.s.poolDailyVacancy.length + 1);
    const scopes = [...this.s.organisationIds.map((id, i) => ({ id, index: i })), { id: 'ics', index: -1 }];
    for (let day = 0; day < this.s.poolDailyVacancy.length; day++) {
      const date = dates.isoDate(day);
      const shares = this.s.poolDailyVacancy[day];
      for (const g of STAFF_GROUPS) {
        for (const scope of scopes) {
          let vacant = 0;
          let establishment = 0;
          for (const pool of this.s.pools) {
            if (pool.config.role !== g.role || (scope.index >= 0 && pool.organisationIndex !== scope.index))
              continue;
            vacant += shares[pool.index] * pool.establishment;
            establishment += pool.establishment;
          }
          if (establishment > 0)
            rows.push({ day, date, metricId: g.vacancyId, scope: scope.id, value: vacant / establishment });
        }
      }
    }
    return rows;
  }

  /**
   * Per-pool vacancy share at the end of each reported day: `metricId` `workforce.vacancyShare`,
   * `scope` the pool id (not an organisation: keep these apart from the organisation-scoped series).
   */
  poolDailyRows(startDate: string): DailyRow[] {
    const rows: DailyRow[] = [];
    const metricId: WorkforceMetricId = 'workforce.vacancyShare';
    const dates = new RunCalendar(startDate, this.s.poolDailyVacancy.length + 1);
    for (let day = 0; day < this.s.poolDailyVacancy.length; day++) {
      const date = dates.isoDate(day);
      const values = this.s.poolDailyVacancy[day];
      for (const pool of this.s.pools) {
        rows.push({
          day,
          date,
          metricId,
          scope: pool.config.id,
          value: values[pool.index],
        });
      }
    }
    return rows;
  }
}
