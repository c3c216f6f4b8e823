/** Builds every service's units from the configuration, into the shared flow state. */
import {
  categorical,
  DailySeries,
  distributionFromSpec,
  IntQueue,
  MINUTES_PER_HOUR,
  type RandomStreams,
  TimeWeighted,
} from '@carepool/engine';
import { hourlyArrivals, monthValuesByDay, surgeMultiplierByDay } from './calendar.js';
import { CommunityUnit, GpUnit, HomeCareUnit, PlacementUnit, VcseUnit } from './care-units.js';
import type { FlowState } from './state.js';
import {
  cumulativeShares,
  ED_DAY_SERIES,
  EdStats,
  type EdUnit,
  edStreams,
  WARD_DAY_SERIES,
  WardStats,
  type WardUnit,
  wardGroups,
} from './units.js';

/** Fills `state`'s units: councils, then trusts' wards, then EDs, then GP and community nursing. */
export function buildUnits(state: FlowState, streams: RandomStreams): void {
  const config = state.config;
  const authorityOf = buildAuthorities(state, streams);
  buildWards(state, streams, authorityOf);
  const edIndexById = buildEds(state, streams);
  for (const g of config.generalPractice)
    state.gps.push(new GpUnit(g, streams, state.totalDays, edIndexById));
  for (const c of config.communityNursing) state.community.push(new CommunityUnit(c, streams));
}

type AuthorityOf = (id: string) => number;

/** Local authorities with their home care, placements and VCSE support; returns the id lookup. */
function buildAuthorities(state: FlowState, streams: RandomStreams): AuthorityOf {
  const config = state.config;
  const authorityIndex = new Map<string, number>();
  for (const org of config.organisations) {
    if (org.kind !== 'localAuthority') continue;
    authorityIndex.set(org.id, state.authorities.length);
    state.authorities.push({
      organisationId: org.id,
      homeCare: undefined,
      stepDown: undefined,
      careHome: undefined,
      vcse: [],
    });
  }
  // resolve-checks.ts has checked that every id named here is a local authority's.
  const authorityOf = (id: string): number => authorityIndex.get(id) as number;
  for (const hc of config.homeCare) {
    const a = authorityOf(hc.organisationId);
    state.authorities[a].homeCare = new HomeCareUnit(hc, a, streams);
    state.authorities[a].homeCare.day = new Float64Array(state.totalDays);
  }
  for (const pl of config.placements) {
    const a = authorityOf(pl.organisationId);
    const unit = new PlacementUnit(pl, a, streams);
    unit.day = new Float64Array(state.totalDays);
    if (pl.kind === 'stepDown') state.authorities[a].stepDown = unit;
    else state.authorities[a].careHome = unit;
  }
  for (const v of config.vcseSupport) {
    for (const la of v.localAuthorityIds) state.authorities[authorityOf(la)].vcse.push(new VcseUnit(v));
  }
  return authorityOf;
}

/** Each acute trust's emergency beds: specialty groups, direct admissions, discharge catchment. */
function buildWards(state: FlowState, streams: RandomStreams, authorityOf: AuthorityOf): void {
  const config = state.config;
  const otherSurge = surgeMultiplierByDay(config.surges, state.totalDays, 'other');
  const season = config.seasonality;
  const losMultiplierByDay = monthValuesByDay(season.clinicalLosMonthMultipliers, state.calendar, true);
  const closedShareByDay = monthValuesByDay(season.infectionClosedBedShareByMonth, state.calendar, false);

  for (const w of config.acuteWards) {
    const physical = w.physicalBeds;
    const wardDay = new DailySeries(WARD_DAY_SERIES, state.totalDays);
    const ward: WardUnit = {
      cfg: w,
      index: state.wards.length,
      organisationId: w.organisationId,
      directArrivalTimes: hourlyArrivals(
        w.directAdmissionsPerDay,
        w.directAdmissionProfile,
        state.calendar,
        otherSurge,
      ),
      directStream: streams.stream(`wards.${w.id}.directArrivals`),
      directAttributeStream: streams.stream(`wards.${w.id}.directAttributes`),
      los: distributionFromSpec(w.clinicalLosDays),
      processing: distributionFromSpec(w.dischargeProcessingMinutes),
      catchmentCumulative: cumulativeShares(w.dischargeCatchment),
      catchmentAuthority: Int32Array.from(w.dischargeCatchment, (c) => authorityOf(c.localAuthorityId)),
      ...wardGroups(w, state.config.dischargePathways),
      waiting: 0,
      occupied: 0,
      bedsTurningAround: 0,
      losMultiplierByDay,
      infectionClosedByDay: Int32Array.from(closedShareByDay, (v) => Math.round(v * physical)),
      staffedEmergency: Math.max(0, physical - w.ringFencedElectiveBeds),
      staffedTotal: physical,
      nurses: 0,
      nctr: 0,
      nctrLevel: new TimeWeighted(),
      dischargeStartMinute: w.dischargeStartHour * MINUTES_PER_HOUR,
      dischargeEndMinute: w.dischargeEndHour * MINUTES_PER_HOUR,
      wardRoundMinute: w.wardRoundHour === undefined ? -1 : w.wardRoundHour * MINUTES_PER_HOUR,
      stats: new WardStats(),
      day: wardDay,
      dayAdmissions: wardDay.of('admissions'),
      dayDischarges: wardDay.of('discharges'),
      directArrivals: 0,
      lastNctrArea: 0,
      eds: [],
    };
    state.wards.push(ward);
  }
}

/** Type-1 EDs, each tied to its trust's wards; returns the index of each ED id. */
function buildEds(state: FlowState, streams: RandomStreams): Map<string, number> {
  const config = state.config;
  const edSurge = surgeMultiplierByDay(config.surges, state.totalDays, 'ed');
  const conversionByDay = monthValuesByDay(
    config.seasonality.edAdmissionShareMonthMultipliers,
    state.calendar,
    true,
  );
  const wardByOrg = new Map(state.wards.map((w) => [w.organisationId, w.index]));
  const edIndexById = new Map<string, number>();
  for (const e of config.emergencyDepartments) {
    // resolve-checks.ts has checked that every ED's trust has acute wards.
    const ward = wardByOrg.get(e.organisationId) as number;
    const edDay = new DailySeries(ED_DAY_SERIES, state.totalDays);
    const unit: EdUnit = {
      cfg: e,
      index: state.eds.length,
      organisationId: e.organisationId,
      ward,
      siblings: config.emergencyDepartments.filter((x) => x.organisationId === e.organisationId).length,
      arrivalTimes: hourlyArrivals(e.meanArrivalsPerDay, e.arrivalProfile, state.calendar, edSurge),
      arrivalStream: streams.stream(`ed.${e.id}.arrivals`),
      attributeStream: streams.stream(`ed.${e.id}.attributes`),
      spillStream: streams.stream(`ed.${e.id}.spillArrivals`),
      spillAttributeStream: streams.stream(`ed.${e.id}.spillAttributes`),
      spillHour: categorical({ weights: e.arrivalProfile.hourOfDayMultipliers }),
      treatment: distributionFromSpec(e.treatmentMinutes),
      decision: distributionFromSpec(e.decisionMinutes),
      admittedDecision: distributionFromSpec(e.admittedDecisionMinutes),
      patience:
        e.leaveWithoutBeingSeenAfterMinutes === undefined
          ? undefined
          : distributionFromSpec(e.leaveWithoutBeingSeenAfterMinutes),
      admissionShareByDay: conversionByDay.map((m) => Math.min(1, e.admissionShare * m)),
      ...edStreams(e),
      queue: new IntQueue(),
      minorsQueue: new IntQueue(),
      ambulanceQueue: new IntQueue(),
      ambulancePriorityMinutes: e.ambulance?.priorityMinutes ?? 0,
      freeCubicles: e.cubicles,
      freeBoardingSpaces: Math.max(0, Math.floor(e.boardingSpaces)),
      corridorBoarding: 0,
      busyClinicians: 0,
      clinicians: 0,
      boarding: 0,
      inDepartment: 0,
      boardingLevel: new TimeWeighted(),
      inDepartmentLevel: new TimeWeighted(),
      stats: new EdStats(),
      day: edDay,
      dayAttendances: edDay.of('attendances'),
      dayWithin4h: edDay.of('within4h'),
      dayOver12h: edDay.of('over12h'),
      dayTimeToBedSum: edDay.of('timeToBedSum'),
      dayTimeToBedCount: edDay.of('timeToBedCount'),
      dayDtaOver12h: edDay.of('dtaOver12h'),
      dayHandovers: edDay.of('handovers'),
      dayHandoversOver60: edDay.of('handoversOver60'),
      arrivals: 0,
      lastBoardingArea: 0,
      lastInDepartmentArea: 0,
    };
    edIndexById.set(e.id, unit.index);
    state.wards[ward].eds.push(unit.index);
    state.eds.push(unit);
  }
  return edIndexById;
}
