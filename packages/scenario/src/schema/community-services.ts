/**
 * The services outside hospital in the resolved SystemConfig, as zod schemas: home care, care-home
 * and step-down places, general practice, VCSE home-from-hospital support and community nursing.
 */
import { z } from 'zod';
import { idString, MAX_DAYS, nonNegative, positive, share, strictObject, wholeCount } from './common.js';
import { demandProfileSchema, flatProfile } from './demand.js';
import { distributionSchema } from './distribution.js';
import { modelDefaulted } from './model-defaults.js';

export const homeCareSchema = strictObject({
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
  readyAfterDays: modelDefaulted(
    distributionSchema,
    'Days from a hospital patient being medically fit until a package could start if carers were free (assessment of needs, brokerage, funding), drawn per patient.',
    'homeCare[].readyAfterDays',
  ),
  complexPackage: modelDefaulted(
    strictObject({
      fromStayDays: positive(
        'Days in a bed, when medically fit, from which a package counts as complex.',
        MAX_DAYS,
      ),
      readyAfterDays: distributionSchema.describe(
        'Days until a complex package could start, drawn per patient.',
      ),
    }),
    'Complex packages (double-handed care, specialist support): hospital patients in a bed at least `fromStayDays` when medically fit draw their readiness from this `readyAfterDays` instead.',
    'homeCare[].complexPackage',
  ),
}).describe('Domiciliary (home) care of one local authority, in daily steps.');

export const placementSchema = strictObject({
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
  readyAfterDays: modelDefaulted(
    distributionSchema,
    "Days from a hospital patient being medically fit until they could take a place (assessment, funding decision, the family's choice of home), drawn per patient; replaces `assessmentDays` for hospital patients.",
    'placements[].readyAfterDays',
  ),
}).describe('Bedded places (care-home or step-down) of one local authority.');

export const generalPracticeSchema = strictObject({
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

export const vcseSupportSchema = strictObject({
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

export const communityNursingSchema = strictObject({
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
