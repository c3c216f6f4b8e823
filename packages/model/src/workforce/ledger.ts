/**
 * The workforce's accounts: every staff hour and pound, per organisation, over the reported period.
 * Kept apart from the event logic so conservation can be checked on one object. All arrays are
 * indexed by organisation (the ICS value is the sum, or a ratio of sums).
 */

/** Per-organisation accumulators; reset at the end of the warm-up. */
export class WorkforceLedger {
  /** Paid contracted hours of substantive staff, by employer. */
  readonly contractedHours: Float64Array;
  /** Of which lost to sickness absence. */
  readonly sickHours: Float64Array;
  /** Of which planned absence (leave, training), including the roster's rounding to whole people. */
  readonly plannedAbsenceHours: Float64Array;
  /** Of which worked at home up to the roster's requirement. */
  readonly workedAtHomeHours: Float64Array;
  /** Of which on duty at home beyond the roster's requirement (surplus, available to lend). */
  readonly idleHours: Float64Array;
  /** Of which worked at another organisation or service (redeployed), by lending employer. */
  readonly deployedHours: Float64Array;
  /** Hours worked at each organisation by anyone: own staff at home, staff received, bank, agency, overtime. */
  readonly hoursAtLocation: Float64Array;
  readonly bankShifts: Float64Array;
  readonly bankHours: Float64Array;
  readonly agencyShifts: Float64Array;
  readonly agencyHours: Float64Array;
  readonly overtimeHours: Float64Array;
  readonly unfilledShifts: Float64Array;
  readonly substantiveCostGbp: Float64Array;
  readonly bankCostGbp: Float64Array;
  readonly agencyCostGbp: Float64Array;
  /** Member-shifts received from a policy move, by receiving organisation. */
  readonly movesReceived: Float64Array;
  /** Member-shifts lent by a policy move, by lending organisation. */
  readonly movesLent: Float64Array;
  /** Moves the workforce refused (no competency, lender at minimum, not at shift start...). */
  readonly movesRefused: Float64Array;
  /** Of `movesReceived`, by the reason the policy gave (see policy-activity.ts), by receiving organisation. */
  readonly passportMoves: Float64Array;
  readonly rotationMoves: Float64Array;
  readonly mutualAidLoans: Float64Array;
  readonly dischargeFirstMoves: Float64Array;
  /** Of `bankShifts`, those filled from the shared system bank; and of those, fills tagged `dischargeFirst`. */
  readonly systemBankShifts: Float64Array;
  readonly dischargeFirstBankShifts: Float64Array;
  readonly leavers: Float64Array;
  readonly joiners: Float64Array;
  /** Sum and count of (on duty / required) over pool-shifts, for utilisation. */
  readonly utilisationSum: Float64Array;
  readonly utilisationCount: Float64Array;
  /** Time integrals (WTE x minutes) of vacancies, establishment and in post. */
  readonly vacancyWteMinutes: Float64Array;
  readonly establishmentWteMinutes: Float64Array;
  readonly inPostWteMinutes: Float64Array;
  /** The same time integrals for registered-nurse pools only. */
  readonly nurseVacancyWteMinutes: Float64Array;
  readonly nurseEstablishmentWteMinutes: Float64Array;
  readonly nurseInPostWteMinutes: Float64Array;
  readonly nurseLeavers: Float64Array;
  /** The vacancy and establishment time integrals of care-worker pools (social care's carers). */
  readonly careWorkerVacancyWteMinutes: Float64Array;
  readonly careWorkerEstablishmentWteMinutes: Float64Array;

  constructor(readonly organisationCount: number) {
    const n = organisationCount;
    this.contractedHours = new Float64Array(n);
    this.sickHours = new Float64Array(n);
    this.plannedAbsenceHours = new Float64Array(n);
    this.workedAtHomeHours = new Float64Array(n);
    this.idleHours = new Float64Array(n);
    this.deployedHours = new Float64Array(n);
    this.hoursAtLocation = new Float64Array(n);
    this.bankShifts = new Float64Array(n);
    this.bankHours = new Float64Array(n);
    this.agencyShifts = new Float64Array(n);
    this.agencyHours = new Float64Array(n);
    this.overtimeHours = new Float64Array(n);
    this.unfilledShifts = new Float64Array(n);
    this.substantiveCostGbp = new Float64Array(n);
    this.bankCostGbp = new Float64Array(n);
    this.agencyCostGbp = new Float64Array(n);
    this.movesReceived = new Float64Array(n);
    this.movesLent = new Float64Array(n);
    this.movesRefused = new Float64Array(n);
    this.passportMoves = new Float64Array(n);
    this.rotationMoves = new Float64Array(n);
    this.mutualAidLoans = new Float64Array(n);
    this.dischargeFirstMoves = new Float64Array(n);
    this.systemBankShifts = new Float64Array(n);
    this.dischargeFirstBankShifts = new Float64Array(n);
    this.leavers = new Float64Array(n);
    this.joiners = new Float64Array(n);
    this.utilisationSum = new Float64Array(n);
    this.utilisationCount = new Float64Array(n);
    this.vacancyWteMinutes = new Float64Array(n);
    this.establishmentWteMinutes = new Float64Array(n);
    this.inPostWteMinutes = new Float64Array(n);
    this.nurseVacancyWteMinutes = new Float64Array(n);
    this.nurseEstablishmentWteMinutes = new Float64Array(n);
    this.nurseInPostWteMinutes = new Float64Array(n);
    this.nurseLeavers = new Float64Array(n);
    this.careWorkerVacancyWteMinutes = new Float64Array(n);
    this.careWorkerEstablishmentWteMinutes = new Float64Array(n);
  }

  /** Zeroes every accumulator (end of warm-up). */
  reset(): void {
    for (const value of Object.values(this)) if (value instanceof Float64Array) value.fill(0);
  }
}

/** Sum of an accumulator over organisations (the ICS value). */
export function total(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}
