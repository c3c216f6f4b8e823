/**
 * Trace records of the workforce (see `SystemRunOptions.trace`): shift starts, staff moves and
 * bank, agency and system-bank fills, one record per member-shift. Call sites guard with
 * `if (sim.tracer !== undefined)`; nothing here draws a random number or schedules an event.
 */
import type { Simulation } from '@carepool/engine';

/** Where a pool or a fill works: `<organisation>/<service>`. */
function place(organisationId: string, service: string): string {
  return `${organisationId}/${service}`;
}

function repeat(sim: Simulation, count: number, event: string, entity: string, resource: string): void {
  for (let i = 0; i < count; i++) sim.trace(event, entity, resource);
}

/**
 * A pool's shift starts: one `shift.start` record (after the policy's moves), then one record per
 * shift filled by its own bank, by agency and by overtime.
 */
export function traceShiftStart(
  sim: Simulation,
  pool: { id: string; organisationId: string },
  homeService: string,
  fills: { bank: number; agency: number; overtime: number },
): void {
  const where = place(pool.organisationId, homeService);
  sim.trace('shift.start', pool.id, where);
  repeat(sim, fills.bank, 'bank.fill', pool.id, where);
  repeat(sim, fills.agency, 'agency.fill', pool.id, where);
  repeat(sim, fills.overtime, 'overtime.fill', pool.id, where);
}

/** `moved` members of pool `poolId` go to work at an organisation's service this shift. */
export function traceStaffMove(
  sim: Simulation,
  poolId: string,
  toOrganisationId: string,
  toService: string,
  moved: number,
): void {
  repeat(sim, moved, 'staff.move', poolId, place(toOrganisationId, toService));
}

/** `assigned` system-bank members of `role` fill shifts at an organisation's service. */
export function traceSystemBankFill(
  sim: Simulation,
  role: string,
  toOrganisationId: string,
  toService: string,
  assigned: number,
): void {
  repeat(sim, assigned, 'systemBank.fill', `systemBank.${role}`, place(toOrganisationId, toService));
}
