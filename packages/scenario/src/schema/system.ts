/**
 * The resolved SystemConfig as a zod schema: every field described (the descriptions become the JSON
 * Schema and docs/scenarios.md), defaults filled in, and the cross-references checked. A test asserts
 * that its output type equals the model's SystemConfig, so the two cannot drift apart.
 */
import { z } from 'zod';
import {
  atLeastOne,
  idString,
  MAX_DAYS,
  multiplier,
  nonNegative,
  positive,
  share,
  strictObject,
  wholeCount,
} from './common.js';
import {
  communityNursingSchema,
  generalPracticeSchema,
  homeCareSchema,
  placementSchema,
  vcseSupportSchema,
} from './community-services.js';
import { demandProfileSchema, flatProfile } from './demand.js';
import { distributionSchema } from './distribution.js';
import { type ModelDefaultKey, modelDefaulted, withModelDefault } from './model-defaults.js';
import { checkSystemReferences } from './references.js';
import { opelThresholdsSchema, workforceSchema } from './workforce.js';

const organisationSchema = strictObject({
  id: idString('Short id used in references and metric scopes, e.g. `trustA`.'),
  name: z.string().min(1).max(200).describe('Human name, e.g. `North Riverside University Hospitals`.'),
  kind: z
    .enum(['acuteTrust', 'primaryCare', 'communityProvider', 'localAuthority', 'ambulanceService', 'vcse'])
    .describe('What kind of organisation it is.'),
}).describe('An organisation of the integrated care system.');

const emergencyDepartmentSchema = strictObject({
  id: idString('Unique id of this emergency department, e.g. `trustA.ed`.'),
  organisationId: idString('The acute trust that runs it (an `organisations` id).'),
  meanArrivalsPerDay: positive(
    'Mean type-1 attendances per day in the first year, before profile multipliers.',
    100_000,
  ),
  arrivalProfile: demandProfileSchema
    .default(flatProfile)
    .describe('How attendances vary over time. Default: flat.'),
  cubicles: atLeastOne(
    'Majors/resus cubicles, at least 1: a patient holds one from assessment until leaving, boarding included unless a `boardingSpaces` space is free.',
    10_000,
  ),
  treatmentMinutes: distributionSchema.describe(
    'Clinician time per patient for assessment and treatment, minutes.',
  ),
  decisionMinutes: distributionSchema.describe(
    'Time after treatment for tests, referral and decision before the patient leaves or is admitted, minutes.',
  ),
  admittedDecisionMinutes: modelDefaulted(
    distributionSchema,
    "Time after treatment before an admitted patient's decision to admit (work-up, specialist review), minutes.",
    'emergencyDepartments[].admittedDecisionMinutes',
  ),
  admissionShare: share('Share of attendances admitted (type-1 conversion), 0–1.'),
  wardAdmissionShare: share(
    "Share of admitted patients who go to this trust's acute wards (the rest leave the model). Default 1.",
  ).default(1),
  leaveWithoutBeingSeenAfterMinutes: distributionSchema
    .optional()
    .describe(
      'Patients who wait longer than this for a clinician leave without being seen, minutes. Omit for never.',
    ),
  clinicianPoolIds: z
    .array(idString('A staff pool id.'))
    .min(1)
    .describe('Staff pools whose on-shift members treat ED patients (`workforce.staffPools` ids).'),
  boardingSpaces: wholeCount(
    withModelDefault(
      'Trolley spaces outside the cubicles (corridor care) where admitted patients board while they wait for a bed, freeing their cubicle.',
      'emergencyDepartments[].boardingSpaces',
    ),
    10_000,
  ).optional(),
  ambulance: modelDefaulted(
    strictObject({
      arrivalShare: share('Share of attendances arriving by ambulance, 0–1.'),
      admittedShare: share(
        'Share of ambulance arrivals admitted, 0–1; the overall `admissionShare` is kept (walk-ins are admitted less often).',
      ),
      priorityMinutes: nonNegative(
        'Triage ahead of walk-ins: an ambulance arrival queues for a cubicle as if it had arrived this many minutes earlier (0: first come, first served with walk-in majors).',
        1e7,
      ),
    }),
    'Arrivals by ambulance: handed over when the ED takes them into a cubicle with a clinician (`ed.ambulanceHandoverMinutes`); they do not leave without being seen.',
    'emergencyDepartments[].ambulance',
  ),
  streaming: modelDefaulted(
    strictObject({
      share: share(
        'Share of walk-in (not ambulance) patients who will not be admitted streamed to minors, 0–1.',
      ),
      treatmentMinutes: distributionSchema.describe('Clinician minutes per streamed patient.'),
      decisionMinutes: distributionSchema.describe(
        'Minutes after treatment before a streamed patient leaves (tests, results, advice).',
      ),
    }),
    'Streaming at the front door to minors / same-day care: streamed patients need a clinician but no majors cubicle; clinicians serve both streams first come, first served.',
    'emergencyDepartments[].streaming',
  ),
  nonAdmittedLongWait: modelDefaulted(
    strictObject({
      share: share('Share of majors (not streamed) patients who will not be admitted, 0–1.'),
      minutes: distributionSchema.describe('Their minutes after treatment, replacing `decisionMinutes`.'),
    }),
    'Patients not admitted who wait long after treatment, holding their cubicle (mental-health assessment, a bed elsewhere, transport or care to go home to).',
    'emergencyDepartments[].nonAdmittedLongWait',
  ),
}).describe('A type-1 emergency department of an acute trust.');

const pathwayShares = {
  p0HomeShare: share('P0: home without new support.'),
  p1HomeWithCareShare: share('P1: home with a new care package or reablement.'),
  p2StepDownShare: share('P2: a bedded rehabilitation / step-down place.'),
  p3CareHomeShare: share('P3: a new care-home placement.'),
};
const sumsToOne = (p: {
  p0HomeShare: number;
  p1HomeWithCareShare: number;
  p2StepDownShare: number;
  p3CareHomeShare: number;
}) => Math.abs(p.p0HomeShare + p.p1HomeWithCareShare + p.p2StepDownShare + p.p3CareHomeShare - 1) < 1e-6;

const longStayPathwaysSchema = strictObject({
  fromDays: positive('Clinical stay (days) from which these shares apply.', MAX_DAYS),
  ...pathwayShares,
})
  .refine(sumsToOne, { message: 'the four pathway shares must sum to 1' })
  .describe(
    withModelDefault(
      "Pathway shares (P0–P3, summing to 1) of this specialty's patients whose clinical stay is at least `fromDays`, replacing `dischargePathways` for them: long stays leave people needing support more often.",
      'acuteWards[].specialties[].longStayDischargePathways',
    ),
  );

const specialtyPathwaysSchema = strictObject(pathwayShares)
  .refine(sumsToOne, { message: 'the four pathway shares must sum to 1' })
  .describe(
    withModelDefault(
      "This specialty's discharge pathway shares (P0–P3, summing to 1), replacing the system's `dischargePathways` shares for its patients: older patients with long stays need support more often.",
      'acuteWards[].specialties[].dischargePathways',
    ),
  );

/** An hour of the day that starts or ends the discharge window (24: midnight at the end of the day). */
const dischargeHour = z.number().int().min(0).max(24);

const acuteWardsSchema = strictObject({
  id: idString('Unique id of this ward group, e.g. `trustA.wards`.'),
  organisationId: idString('The acute trust (an `organisations` id).'),
  physicalBeds: atLeastOne(
    'Physical general and acute beds, core and escalation; at least 1, and more than `ringFencedElectiveBeds`.',
    20_000,
  ),
  patientsPerNurseDay: positive(
    'Patients per registered nurse on a day shift; beds that cannot be staffed at this ratio close.',
    100,
  ),
  patientsPerNurseNight: positive('Patients per registered nurse on a night shift.', 100),
  nursePoolIds: z
    .array(idString('A staff pool id.'))
    .min(1)
    .describe('Staff pools whose on-shift members count as ward registered nurses.'),
  directAdmissionsPerDay: nonNegative(
    'Emergency admissions that bypass ED (GP referrals, SDEC), mean per day in the first year. Default 0.',
    100_000,
  ).default(0),
  directAdmissionProfile: demandProfileSchema
    .default(flatProfile)
    .describe('How direct admissions vary over time. Default: flat.'),
  ringFencedElectiveBeds: wholeCount(
    'Beds held for elective and other work, not available to emergency patients. Default 0.',
    20_000,
  ).default(0),
  clinicalLosDays: distributionSchema.describe('Clinical length of stay (admission to medically fit), days.'),
  initialOccupiedBeds: wholeCount('Occupied beds at the start of the run. Default 0.', 20_000).default(0),
  dischargeCatchment: z
    .array(
      strictObject({
        localAuthorityId: idString('A local authority (an `organisations` id of kind `localAuthority`).'),
        share: share("Share of this trust's discharges it serves."),
      }),
    )
    .min(1)
    .describe(
      "The local authorities whose social care serves this trust's discharges, by share (shares sum to 1).",
    ),
  dischargeStartHour: modelDefaulted(
    dischargeHour,
    'Hour of day from which patients are discharged; patients fit overnight wait for it.',
    'acuteWards[].dischargeStartHour',
  ),
  dischargeEndHour: modelDefaulted(
    dischargeHour,
    'Hour of day after which discharges stop until the next day; after `dischargeStartHour`.',
    'acuteWards[].dischargeEndHour',
  ),
  wardRoundHour: z
    .number()
    .int()
    .min(0)
    .max(23)
    .optional()
    .describe(
      withModelDefault(
        'Hour of the morning ward round: a clinical stay that ends after `dischargeEndHour` or before this hour is declared over (medically fit) at the round, not overnight.',
        'acuteWards[].wardRoundHour',
      ),
    ),
  specialties: z
    .array(
      strictObject({
        id: idString('Short id, unique within the trust, e.g. `acuteMedicine`.'),
        bedShare: z
          .number()
          .gt(0)
          .max(1)
          .describe(
            "Share (> 0) of the trust's emergency (not ring-fenced) G&A beds in this group; the groups' shares sum to 1.",
          ),
        admissionShare: share(
          "Share of emergency admissions (ED and direct) needing this specialty, drawn at arrival; the groups' shares sum to 1.",
        ),
        clinicalLosDays: distributionSchema.describe(
          "Clinical length of stay in this specialty (admission to medically fit), days; replaces the trust's `clinicalLosDays`.",
        ),
        dischargePathways: specialtyPathwaysSchema.optional(),
        longStayDischargePathways: longStayPathwaysSchema.optional(),
      }).describe(
        'A specialty bed group (acute medicine, care of older people, surgery…): patients need one specialty and take a bed of another only by outlying.',
      ),
    )
    .max(255)
    .optional()
    .describe(
      'Specialty bed groups, with outlying between them after `outlieAfterMinutes`. Staffed beds (nurses on duty × ratio) are split across groups in proportion to their beds. Omit (in a variant: set to `null`, with `outlieAfterMinutes`) for one pooled bed base where any free staffed bed takes any patient.',
    ),
  outlieAfterMinutes: nonNegative(
    withModelDefault(
      'With specialties: minutes from the decision to admit (or referral) after which a patient still waiting may take a free staffed bed of another specialty (outlying), e.g. 1440 for a day.',
      'acuteWards[].outlieAfterMinutes',
    ),
    1e7,
  ).optional(),
  bedTurnaroundMinutes: nonNegative(
    withModelDefault(
      'Minutes from a patient leaving a bed until it takes the next one (cleaning, declaring it free, matching sex, side room, infection control); the bed is empty but unusable meanwhile.',
      'acuteWards[].bedTurnaroundMinutes',
    ),
    10_080,
  ).optional(),
  dischargeProcessingMinutes: modelDefaulted(
    distributionSchema,
    'Time from a discharge being possible to the bed being free, minutes.',
    'acuteWards[].dischargeProcessingMinutes',
  ),
}).describe(
  'The general and acute (G&A) bed base of one acute trust: one pooled ward group, or specialty groups (`specialties`) with outlying between them.',
);

const dischargePathwaysSchema = strictObject({
  p0HomeShare: share('P0: home without new support.'),
  p1HomeWithCareShare: share('P1: home with a new care package or reablement (domiciliary care).'),
  p2StepDownShare: share('P2: a bedded rehabilitation / step-down place.'),
  p3CareHomeShare: share('P3: a new care-home placement.'),
  p1VcseEligibleShare: share(
    'Share of P1 patients a VCSE "home from hospital" service can support instead of a package. Default 0.',
  ).default(0),
  p0CommunityFollowUpShare: share(
    'Share of P0 patients who need a community nursing follow-up (does not delay discharge). Default 0.',
  ).default(0),
}).describe(
  'Where medically fit patients go (discharge-to-assess pathways P0–P3); the four pathway shares sum to 1.',
);

const surgeSchema = strictObject({
  name: z
    .string()
    .min(1)
    .max(200)
    .describe('Name, e.g. `flu2025`; also the key that `extends` merges surges by.'),
  startDay: nonNegative("Days from the run's start date (warm-up included) when the surge begins.", MAX_DAYS),
  durationDays: positive('How long it lasts, days.', MAX_DAYS),
  edArrivalsMultiplier: multiplier('Multiplier on ED attendances during the surge.'),
  otherDemandMultiplier: multiplier(
    'Multiplier on direct admissions and GP requests during the surge. Default 1.',
  ).default(1),
  sicknessMultiplier: multiplier('Multiplier on staff sickness absence during the surge. Default 1.').default(
    1,
  ),
}).describe('A time-limited surge in demand (flu, heatwave).');

const monthValues = (what: string, key: ModelDefaultKey, item: z.ZodNumber) =>
  z.array(item).length(12).optional().describe(withModelDefault(what, key));

const seasonalitySchema = strictObject({
  edAdmissionShareMonthMultipliers: monthValues(
    "12 multipliers (January first) on each ED's `admissionShare` by month of arrival: sicker patients in winter. Renormalised to a mean of 1, so the annual conversion is kept.",
    'seasonality.edAdmissionShareMonthMultipliers',
    multiplier('Multiplier for one month.'),
  ),
  clinicalLosMonthMultipliers: monthValues(
    '12 multipliers (January first) on the clinical length of stay, by month of arrival. Renormalised to a mean of 1.',
    'seasonality.clinicalLosMonthMultipliers',
    multiplier('Multiplier for one month.'),
  ),
  sicknessMonthMultipliers: monthValues(
    "12 multipliers (January first) on the rate at which staff fall sick, every pool. Renormalised to a mean of 1, so each pool's `sicknessAbsenceShare` stays the annual mean.",
    'seasonality.sicknessMonthMultipliers',
    multiplier('Multiplier for one month.'),
  ),
  infectionClosedBedShareByMonth: monthValues(
    "12 shares (January first) of each trust's physical G&A beds closed for infection control (norovirus, flu bays), by month; closed beds take no patients whatever the staffing.",
    'seasonality.infectionClosedBedShareByMonth',
    z.number().min(0).lt(1).describe('Share of beds closed in one month.'),
  ),
}).describe(
  'Winter as it happens: what changes month by month besides the volume of demand (which the demand profiles carry). Omit for no seasonality.',
);

const escalationSchema = strictObject({
  opelThresholds: opelThresholdsSchema.describe(
    withModelDefault(
      'Pressure scores (0–1) at which a trust reaches OPEL 2, 3 and 4, rising; the escalation metrics and policy `mutualAid` read them.',
      'escalation.opelThresholds',
    ),
  ),
}).describe(
  'OPEL-style escalation. Omit for the model default, or the thresholds of `workforce.policySettings.mutualAid` where an older file gives them there.',
);

export const systemConfigShape = {
  kind: z.literal('system').describe('`system` for the health and care system model.'),
  name: z.string().min(1).max(200).describe('Name of the scenario, shown in reports.'),
  startDate: z.iso
    .date({ error: 'a date YYYY-MM-DD' })
    .describe(
      'ISO date (YYYY-MM-DD) of the first simulated day, warm-up included; weekday and season follow from it.',
    ),
  durationDays: positive('Days simulated and reported, after the warm-up.', MAX_DAYS),
  warmupDays: nonNegative('Days simulated first and discarded.', MAX_DAYS),
  bedSnapshotHour: z
    .number()
    .int()
    .min(0)
    .max(23)
    .default(0)
    .describe('Hour of day of the daily bed snapshot (0 = midnight). Default 0.'),
  organisations: z.array(organisationSchema).min(1).max(1000).describe('The organisations of the system.'),
  emergencyDepartments: z.array(emergencyDepartmentSchema).max(100).describe('Type-1 emergency departments.'),
  acuteWards: z.array(acuteWardsSchema).max(100).describe('Acute ward groups, one per trust.'),
  dischargePathways: dischargePathwaysSchema,
  homeCare: z.array(homeCareSchema).max(100).default([]).describe('Domiciliary care services. Default none.'),
  placements: z
    .array(placementSchema)
    .max(200)
    .default([])
    .describe('Care-home and step-down places. Default none.'),
  generalPractice: z
    .array(generalPracticeSchema)
    .max(1000)
    .default([])
    .describe('General practice. Default none.'),
  communityNursing: z
    .array(communityNursingSchema)
    .max(100)
    .default([])
    .describe('Community nursing services. Default none.'),
  vcseSupport: z
    .array(vcseSupportSchema)
    .max(100)
    .default([])
    .describe('VCSE home-from-hospital services. Default none.'),
  surges: z.array(surgeSchema).max(1000).default([]).describe('Time-limited demand surges. Default none.'),
  seasonality: seasonalitySchema.optional(),
  escalation: escalationSchema.optional(),
  workforce: workforceSchema,
};

/** The resolved system configuration, with references checked. */
export const systemConfigSchema = strictObject(systemConfigShape)
  .superRefine(checkSystemReferences)
  .describe('The whole system: what one replication runs from.');
