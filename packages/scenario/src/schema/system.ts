/**
 * The resolved SystemConfig as a zod schema: every field described (the descriptions become the JSON
 * Schema and docs/scenarios.md), defaults filled in, and the cross-references checked. A test asserts
 * that its output type equals the model's SystemConfig, so the two cannot drift apart.
 */
import { POLICY_IDS, type ServiceKind } from '@carepool/model';
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
import { distributionSchema } from './distribution.js';
import { checkSystemReferences } from './references.js';

/** The services staff can be deployed to (the model's ServiceKind). */
export const SERVICE_KINDS = [
  'ed',
  'ward',
  'homeCare',
  'generalPractice',
  'community',
] as const satisfies readonly ServiceKind[];

const flat = (n: number) => Array.from({ length: n }, () => 1);
const multipliers = (n: number, what: string) =>
  z
    .array(multiplier(`Multiplier for one ${what}.`))
    .length(n)
    .default(flat(n))
    .describe(
      `${n} multipliers, relative to the mean, ${what === 'hour' ? '00:00–01:00' : what === 'day' ? 'Monday' : 'January'} first; renormalised so the mean rate is kept. Default: flat.`,
    );

export const demandProfileSchema = strictObject({
  hourOfDayMultipliers: multipliers(24, 'hour'),
  dayOfWeekMultipliers: multipliers(7, 'day'),
  monthMultipliers: multipliers(12, 'month'),
  annualGrowthShare: z
    .number()
    .min(-0.5)
    .max(1)
    .default(0)
    .describe('Compound annual growth of the mean rate, e.g. 0.054 (or `5.4%`) for +5.4% a year. Default 0.'),
}).describe('How a demand rate varies by hour of day, day of week and month, and grows year on year.');

const flatProfile = () => demandProfileSchema.parse({});

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
  admittedDecisionMinutes: distributionSchema
    .optional()
    .describe(
      "Time after treatment before an admitted patient's decision to admit (work-up, specialist review), minutes. Default: `decisionMinutes`.",
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
    'Trolley spaces outside the cubicles (corridor care) where admitted patients board while they wait for a bed, freeing their cubicle. Model default 0: every boarder holds a cubicle.',
    10_000,
  ).optional(),
}).describe('A type-1 emergency department of an acute trust.');

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
  dischargeStartHour: z
    .number()
    .int()
    .min(0)
    .max(24)
    .optional()
    .describe(
      'Hour of day from which patients are discharged (model default 9); patients fit overnight wait for it.',
    ),
  dischargeEndHour: z
    .number()
    .int()
    .min(0)
    .max(24)
    .optional()
    .describe(
      'Hour of day after which discharges stop until the next day (model default 20); after `dischargeStartHour`.',
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
    'With specialties: minutes from the decision to admit (or referral) after which a patient still waiting may take a free staffed bed of another specialty (outlying), e.g. 1440 for a day. Omit for never.',
    1e7,
  ).optional(),
  dischargeProcessingMinutes: distributionSchema
    .optional()
    .describe(
      'Time from a discharge being possible to the bed being free (medicines, transport, paperwork), minutes. Model default lognormal mean 180, sd 120.',
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

const homeCareSchema = strictObject({
  id: idString('Unique id, e.g. `councilX.homeCare`.'),
  organisationId: idString('The local authority (an `organisations` id).'),
  initialVisitsPerDay: nonNegative('Visits a day a new package needs in its first week.', 50),
  ongoingVisitsPerDay: nonNegative('Visits a day a package needs once it has tapered.', 50),
  taperDays: nonNegative('Days over which a package tapers from initial to ongoing visits.', MAX_DAYS),
  packageDurationDays: distributionSchema.describe('How long a package lasts, days.'),
  communityReferralsPerDay: nonNegative(
    'Mean new community (non-hospital) package requests per day. Default 0.',
    100_000,
  ).default(0),
  initialActivePackages: wholeCount('Packages already running at the start of the run. Default 0.').default(
    0,
  ),
  minutesPerVisit: positive('Minutes of carer time per visit, including travel.', 24 * 60),
  carerPoolIds: z
    .array(idString('A staff pool id.'))
    .min(1)
    .describe('Staff pools whose on-shift carers deliver visits.'),
}).describe('Domiciliary (home) care of one local authority, in daily steps.');

const placementSchema = strictObject({
  id: idString('Unique id, e.g. `councilX.careHomes`.'),
  organisationId: idString('The local authority (an `organisations` id).'),
  kind: z
    .enum(['stepDown', 'careHome'])
    .describe('`stepDown` (P2 rehabilitation / discharge-to-assess) or `careHome` (P3).'),
  places: wholeCount('Places (beds).', 100_000),
  stayDays: distributionSchema.describe('How long a placement occupies its place, days.'),
  communityAdmissionsPerDay: nonNegative(
    'Mean non-hospital admissions per day competing for places. Default 0.',
    100_000,
  ).default(0),
  initialOccupiedPlaces: wholeCount('Occupied places at the start of the run. Default 0.', 100_000).default(
    0,
  ),
  assessmentDays: nonNegative(
    'Minimum days from a patient being fit to the placement starting. Default 0.',
    365,
  ).default(0),
}).describe('Bedded places (care-home or step-down) of one local authority.');

const generalPracticeSchema = strictObject({
  id: idString('Unique id, e.g. `pcnNorth.gp`.'),
  organisationId: idString('The primary care organisation (an `organisations` id).'),
  requestsPerWorkingDay: positive('Mean appointment requests per working day in the first year.', 1_000_000),
  demandProfile: demandProfileSchema
    .default(flatProfile)
    .describe('How requests vary over time. Default: flat.'),
  appointmentsPerClinicianDay: positive('Appointments one clinician on duty delivers per day.', 200),
  abandonShare: share('Share of requests not met today that give up each day.'),
  edSpillShare: share(
    'Share of abandoned requests that become a type-1 ED attendance the next day. Default 0.',
  ).default(0),
  edSpillTargets: z
    .array(
      strictObject({
        emergencyDepartmentId: idString('An `emergencyDepartments` id.'),
        share: share('Share of spilled demand it receives.'),
      }),
    )
    .default([])
    .describe('The EDs that receive spilled demand, by share (shares sum to at most 1). Default none.'),
  clinicianPoolIds: z
    .array(idString('A staff pool id.'))
    .min(1)
    .describe('Staff pools whose on-duty members deliver appointments.'),
}).describe('General practice of one primary care network, as daily counts against appointment slots.');

const vcseSupportSchema = strictObject({
  id: idString('Unique id.'),
  organisationId: idString('The VCSE organisation (an `organisations` id).'),
  newClientsPerDay: nonNegative('New clients it can start per day.', 10_000),
  localAuthorityIds: z
    .array(idString('A local authority id.'))
    .min(1)
    .describe('The local authorities whose discharges it serves.'),
}).describe(
  'A VCSE "home from hospital" service that can take some P1 discharges instead of a care package.',
);

const communityNursingSchema = strictObject({
  id: idString('Unique id.'),
  organisationId: idString('The community provider (an `organisations` id).'),
  referralsPerDay: nonNegative(
    'Mean community referrals a day needing a first visit (hospital follow-ups come on top).',
    100_000,
  ),
  minutesPerVisit: positive('Nurse minutes per visit, including travel.', 24 * 60),
  visitsPerReferral: positive('Visits each referral needs (one a day).', 1000),
  nursePoolIds: z
    .array(idString('A staff pool id.'))
    .min(1)
    .describe('Staff pools whose on-duty members make visits.'),
}).describe('Community nursing of one provider: visit hours a day against referrals.');

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
  homeService: z
    .enum([...SERVICE_KINDS, 'none'])
    .optional()
    .describe(
      'The service its members staff at home; `none` for work outside the modelled services (ambulance crews). Default: the first of `competencies`.',
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
  hireSuccessShare: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe(
      'Probability that one recruitment round ends with a starter; otherwise the post is re-advertised. Model default 1.',
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
    'Probability a gap still open after bank and agency is filled by overtime. Model default 0.',
  ).optional(),
  overtimeHourlyCostGbp: nonNegative(
    'Overtime pay per hour, GBP. Model default 1.5 × `hourlyCostGbp`.',
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
      .describe('Bank pay per hour by role, GBP.'),
    replacesOwnBanks: z
      .boolean()
      .optional()
      .describe(
        "Whether the system bank replaces the pools' own banks for the roles it holds (model default true).",
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
    opelThresholds: z
      .tuple([share('OPEL 2.'), share('OPEL 3.'), share('OPEL 4.')])
      .describe('Pressure thresholds (0–1) for OPEL levels 2, 3 and 4, rising.'),
    lendFromLevel: z.number().int().min(1).max(4).describe('From this OPEL level partners lend staff.'),
    maxShareLent: share("Share of partners' on-duty staff above their minimum that may be lent."),
  }).describe('Policy `mutualAid`: partners lend staff when pressure crosses OPEL thresholds.'),
  dischargeFirst: strictObject({
    priorityShare: share(
      "Share of the system's flexible staff offered first to social care and community services.",
    ),
    services: z
      .array(z.enum(SERVICE_KINDS))
      .optional()
      .describe('The services that unblock beds, served first. Model default `[homeCare, community]`.'),
  }).describe('Policy `dischargeFirst`: flexible capacity goes first to services that unblock beds.'),
}).describe("Settings of the built-in deployment policies; only the selected policy's block is read.");

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
    maxMultiplier: z.number().min(1).max(10).describe('Cap on the leaver-rate multiplier.'),
  }).describe('Burnout feedback: leavers rise under sustained overload (an assumption; off unless enabled).'),
  induction: strictObject({
    days: nonNegative('Days before a deployed member counts fully.', 365),
    effectiveness: share('Effectiveness meanwhile (0–1).'),
  })
    .optional()
    .describe('Induction for staff deployed to another organisation without a passport. Model default none.'),
  bankRestHours: nonNegative(
    'Hours a bank member rests after a shift before taking another. Model default 36.',
    24 * 14,
  ).optional(),
  decisionInterval: z
    .enum(['shift', 'day'])
    .default('shift')
    .describe('How often policies decide: every shift change (default) or once a day.'),
  policy: z.enum(POLICY_IDS).describe('The deployment policy to run.'),
  policySettings: policySettingsSchema,
}).describe('Staff pools, workforce dynamics and deployment policy.');

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
  workforce: workforceSchema,
};

/** The resolved system configuration, with references checked. */
export const systemConfigSchema = strictObject(systemConfigShape)
  .superRefine(checkSystemReferences)
  .describe('The whole system: what one replication runs from.');
