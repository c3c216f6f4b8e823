/**
 * The workforce part of the resolved SystemConfig as zod schemas: staff pools and their shift
 * patterns, workforce dynamics and the settings of the deployment policies.
 */
import { POLICY_IDS } from '@carepool/model';
import { z } from 'zod';
import { idString, nonNegative, positive, share, strictObject, wholeCount } from './common.js';
import { distributionSchema } from './distribution.js';
import { modelDefaulted, withModelDefault } from './model-defaults.js';
import { SERVICE_KINDS } from './services.js';

const shiftPatternSchema = strictObject({
  shiftsPerDay: z.number().int().min(1).max(24).describe('Shifts per day.'),
  hoursPerShift: positive('Length of each shift, hours.', 24),
  firstShiftStartHour: z
    .number()
    .int()
    .min(0)
    .max(23)
    .describe('Hour of day the first shift starts (8 = 08:00).'),
  worksWeekends: z
    .boolean()
    .default(true)
    .describe('Whether the pool works at weekends (general practice does not). Default true.'),
}).describe('When members of a pool work.');

const staffPoolShape = {
  id: idString('Unique id, conventionally `<organisationId>.<role>`, e.g. `trustA.wardRn`.'),
  organisationId: idString('The employing organisation (an `organisations` id).'),
  role: z.string().min(1).max(80).describe('Role, e.g. `registeredNurse`, `edDoctor`, `careWorker`, `gp`.'),
  homeService: modelDefaulted(
    z.enum([...SERVICE_KINDS, 'none']),
    'The service its members staff at home; `none` for work outside the modelled services (ambulance crews).',
    'workforce.staffPools[].homeService',
  ),
  payGrade: z.string().max(80).describe('Agenda for Change band or pay point label, for reporting.'),
  establishmentWte: nonNegative('Funded whole-time equivalents.', 100_000),
  inPostWte: nonNegative(
    'Substantive staff in post at the start, WTE (vacancies = establishment − in post).',
    100_000,
  ),
  requiredOnDutyByShift: z
    .array(nonNegative('Headcount for one shift.', 100_000))
    .min(1)
    .max(24)
    .describe('Staff required on duty per shift to meet demand, headcount, one per shift of the day.'),
  shiftPattern: shiftPatternSchema,
  hoursPerWtePerWeek: positive(
    'Contracted hours per WTE per week. Default 37.5 (Agenda for Change).',
    168,
  ).default(37.5),
  plannedAbsenceShare: share(
    'Share of contracted time lost to annual leave, training and other planned absence.',
  ),
  sicknessAbsenceShare: share('Share of contracted time lost to sickness absence (mean).'),
  sicknessSpellDays: positive('Mean length of a sickness spell, days.', 365),
  turnoverPerYear: nonNegative('Leavers per WTE per year at normal workload, e.g. 0.11 (or `11%`).', 5),
  timeToHireDays: distributionSchema.describe(
    "Time from a vacancy opening to the new starter's first shift, days.",
  ),
  maxHiresInPipeline: wholeCount('At most this many hires may be in the pipeline at once.', 100_000),
  hireSuccessShare: modelDefaulted(
    z.number().gt(0).max(1),
    'Probability that one recruitment round ends with a starter; otherwise the post is re-advertised.',
    'workforce.staffPools[].hireSuccessShare',
  ),
  hourlyCostGbp: nonNegative('Substantive pay per hour, GBP (employer on-costs included).', 10_000),
  bankHeadcount: wholeCount(
    'Bank staff linked to this pool, headcount willing to pick up shifts. Default 0.',
    100_000,
  ).default(0),
  bankFillShare: share('Probability a shift offered to the bank is filled. Default 0.').default(0),
  bankHourlyCostGbp: nonNegative('Bank pay per hour, GBP.', 10_000),
  agencyFillShare: share(
    'Probability a shift offered to agency (after the bank) is filled. Default 0.',
  ).default(0),
  agencyHourlyCostGbp: nonNegative('Agency cost per hour, GBP (the substantive rate plus premium).', 10_000),
  overtimeFillShare: share(
    withModelDefault(
      'Probability a gap still open after bank and agency is filled by overtime.',
      'workforce.staffPools[].overtimeFillShare',
    ),
  ).optional(),
  overtimeHourlyCostGbp: nonNegative(
    withModelDefault('Overtime pay per hour, GBP.', 'workforce.staffPools[].overtimeHourlyCostGbp'),
    10_000,
  ).optional(),
  competencies: z
    .array(z.string().min(1).max(80))
    .describe(
      'Services/tasks this pool may staff, e.g. `ward`, `ed`, `homeCare`, `generalPractice`, `community`.',
    ),
  minimumRetainedShare: share(
    'Minimum share of the required on-duty headcount that stays at the home site when lending. Default 1.',
  ).default(1),
};

export const staffPoolSchema = strictObject(staffPoolShape).describe(
  'A staff pool: one role in one organisation.',
);

/** Pressure thresholds for OPEL 2, 3 and 4 (escalation, and mutual aid's earlier place for them). */
export const opelThresholdsSchema = z.tuple([share('OPEL 2.'), share('OPEL 3.'), share('OPEL 4.')]);

const policySettingsSchema = strictObject({
  systemBank: strictObject({
    headcountByRole: z
      .record(z.string(), wholeCount('Headcount.', 100_000))
      .default({})
      .describe('Staff in the shared system bank, headcount by role.'),
    fillShare: share('Probability a system-bank member offered a shift takes it.').default(0),
    hourlyCostGbpByRole: z
      .record(z.string(), nonNegative('GBP per hour.', 10_000))
      .default({})
      .describe('Bank pay per hour by role, GBP; every role the bank holds (headcount above 0) needs one.'),
    replacesOwnBanks: modelDefaulted(
      z.boolean(),
      "Whether the system bank replaces the pools' own banks for the roles it holds.",
      'workforce.policySettings.systemBank.replacesOwnBanks',
    ),
  })
    .default({ headcountByRole: {}, fillShare: 0, hourlyCostGbpByRole: {} })
    .describe('Policy `systemBank`: a shared bank fills shifts anywhere.'),
  staffPassport: strictObject({
    maxShareMoved: share("Largest share of a pool's on-duty staff that may be redeployed away on one shift."),
    inductionDays: nonNegative(
      'Days of induction before a passported member counts fully at a new site.',
      365,
    ),
    inductionEffectiveness: share('Effectiveness during induction (0–1).'),
    pressureGapThreshold: share('Pressure gap (0–1) between sites needed before staff move.'),
  }).describe('Policy `staffPassport`: staff move towards pressure.'),
  rotationalPosts: strictObject({
    rotations: z
      .array(
        strictObject({
          fromPoolId: idString('The pool the rotating staff belong to.'),
          toPoolId: idString('The pool whose service they work in while away.'),
          count: wholeCount('Members rotating.', 100_000),
          weeksAway: positive('Weeks away in each cycle.', 520),
          cycleWeeks: positive('Length of the cycle, weeks (at least `weeksAway`).', 520),
        }),
      )
      .default([])
      .describe('Fixed rotations.'),
  })
    .default({ rotations: [] })
    .describe('Policy `rotationalPosts`: fixed rotations on a timetable.'),
  mutualAid: strictObject({
    opelThresholds: opelThresholdsSchema
      .optional()
      .describe(
        'Pressure thresholds (0–1) for OPEL levels 2, 3 and 4, rising: the earlier place of `escalation.opelThresholds`, read when that is absent (giving both with different values is an error).',
      ),
    lendFromLevel: z.number().int().min(1).max(4).describe('From this OPEL level partners lend staff.'),
    maxShareLent: share("Share of partners' on-duty staff above their minimum that may be lent."),
  }).describe('Policy `mutualAid`: partners lend staff when pressure crosses OPEL thresholds.'),
  dischargeFirst: strictObject({
    priorityShare: share(
      "Share of the system's flexible staff offered first to social care and community services.",
    ),
    services: modelDefaulted(
      z.array(z.enum(SERVICE_KINDS)),
      'The services served first.',
      'workforce.policySettings.dischargeFirst.services',
    ),
  }).describe('Policy `dischargeFirst`: flexible capacity goes first to services that unblock beds.'),
}).describe(
  "Settings of the built-in deployment policies: all are checked, only the selected policy's block is used in a run.",
);

export const workforceSchema = strictObject({
  staffPools: z.array(staffPoolSchema).min(1).max(10_000).describe('The staff pools.'),
  substitutions: z
    .array(
      strictObject({
        fromRole: z.string().min(1).describe('The substituting role.'),
        service: z.string().min(1).describe('The service it may cover.'),
        effectiveness: share('A substitute counts as this fraction of a competent member.'),
      }),
    )
    .default([])
    .describe('Explicit substitution rules. Default none.'),
  travelTimes: z
    .array(
      strictObject({
        fromOrganisationId: idString('From (an `organisations` id).'),
        toOrganisationId: idString('To (an `organisations` id).'),
        minutes: nonNegative('Travel time, minutes.', 24 * 60),
      }),
    )
    .default([])
    .describe("Travel time between organisations' sites for staff deployed away from home. Default none."),
  burnoutFeedback: strictObject({
    enabled: z.boolean().describe('Whether sustained overload raises leaver rates.'),
    leaverOddsPerExtraPatient: positive(
      'Odds multiplier on leaving per extra patient per nurse above the threshold (1.23 in Aiken et al. 2002).',
      10,
    ),
    patientsPerNurseThreshold: positive('Patients per nurse above which overload counts.', 100),
    windowDays: positive('Rolling window over which overload must be sustained, days.', 3650),
    maxMultiplier: z
      .number()
      .min(1)
      .max(10)
      .describe('Cap on the leaver-rate (and sickness-rate) multiplier.'),
    sicknessOddsPerExtraPatient: positive(
      withModelDefault(
        'Multiplier on the rate of falling sick per extra patient per nurse above the threshold, over the same window and under the same cap.',
        'workforce.burnoutFeedback.sicknessOddsPerExtraPatient',
      ),
      10,
    ).optional(),
  }).describe(
    'Burnout feedback: leavers (and, with `sicknessOddsPerExtraPatient`, sickness) rise under sustained overload (an assumption; off unless enabled).',
  ),
  induction: modelDefaulted(
    strictObject({
      days: nonNegative('Days before a deployed member counts fully.', 365),
      effectiveness: share('Effectiveness meanwhile (0–1).'),
    }),
    'Induction for staff deployed to another organisation without a passport.',
    'workforce.induction',
  ),
  bankRestHours: nonNegative(
    withModelDefault(
      'Hours a bank member rests after a shift before taking another.',
      'workforce.bankRestHours',
    ),
    24 * 14,
  ).optional(),
  decisionInterval: z
    .enum(['shift', 'day'])
    .default('shift')
    .describe('How often policies decide: every shift change (default) or once a day.'),
  policy: z.enum(POLICY_IDS).describe('The deployment policy to run.'),
  policySettings: policySettingsSchema,
}).describe('Staff pools, workforce dynamics and deployment policy.');
