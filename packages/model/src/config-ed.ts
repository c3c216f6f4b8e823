/**
 * The optional streams of a type-1 ED (`EmergencyDepartmentConfig.ambulance`, `.streaming`,
 * `.nonAdmittedLongWait`): arrivals by ambulance and their handover, the minors stream, and the long
 * waits of patients who are not admitted. Re-exported by config.ts.
 */
import type { DistributionSpec } from '@carepool/engine';

/**
 * Ambulance arrivals: a share of attendances, more often admitted than walk-ins. An ambulance patient
 * is handed over when the ED takes them into a cubicle with a clinician (the handover time is the
 * wait for that), and does not leave without being seen. Drawn at arrival after the other attributes.
 */
export interface EdAmbulanceConfig {
  /** Share of attendances arriving by ambulance. */
  arrivalShare: number;
  /** Share of ambulance arrivals admitted; the ED's overall `admissionShare` is kept. */
  admittedShare: number;
  /**
   * Triage ahead of walk-ins: an ambulance arrival queues for a cubicle as if it had arrived this many
   * minutes earlier (0: first come, first served with walk-in majors; very large: always first).
   */
  priorityMinutes: number;
}

/**
 * Streaming at the front door: a share of walk-in patients who will not be admitted go to a minors /
 * same-day stream that needs a clinician but no majors cubicle, with their own (shorter) times.
 * Clinicians serve both streams first come, first served.
 */
export interface EdStreamingConfig {
  /** Share of walk-in (not ambulance) patients who will not be admitted streamed to minors. */
  share: number;
  /** Clinician minutes per streamed patient. */
  treatmentMinutes: DistributionSpec;
  /** Minutes after treatment before a streamed patient leaves (tests, results, advice). */
  decisionMinutes: DistributionSpec;
}

/**
 * Patients not admitted who wait long after treatment, holding their cubicle (mental-health
 * assessment, a bed elsewhere, transport or care to go home to): their post-treatment minutes are
 * drawn from `minutes` instead of `decisionMinutes`.
 */
export interface EdLongWaitConfig {
  /** Share of majors (not streamed) patients who will not be admitted. */
  share: number;
  minutes: DistributionSpec;
}

/**
 * P(ambulance | admitted) and P(ambulance | not admitted) for an ED with `admissionShare`, chosen so
 * that the ED's conversion stays `admissionShare`. Each must be at most 1 for the configuration to be
 * consistent (resolve-checks.ts refuses it otherwise); the flow draws with them.
 */
export function ambulanceShareByAdmission(
  ambulance: EdAmbulanceConfig,
  admissionShare: number,
): { ifAdmitted: number; ifNotAdmitted: number } {
  const { arrivalShare, admittedShare } = ambulance;
  const a = admissionShare;
  return {
    ifAdmitted: a > 0 ? (arrivalShare * admittedShare) / a : 0,
    ifNotAdmitted: a < 1 ? (arrivalShare * (1 - admittedShare)) / (1 - a) : 0,
  };
}
