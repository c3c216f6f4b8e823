/** The exception that interrupts a process (an explicit `interrupt`, or preemption by a resource). */

/**
 * The exception thrown into a process by `Process.interrupt` (and by preemption). It is control
 * flow, not a bug report, so it carries no stack trace (`stack` holds only the message line):
 * capturing one would cost more than the rest of an interrupt.
 */
export class Interrupt extends Error {
  override readonly name = 'Interrupt';
  /**
   * Minutes that were left of the timed wait the interrupt cut short, or `undefined` if the
   * process was not in a timed wait (e.g. it was waiting for a request).
   */
  readonly remainingMinutes: number | undefined;
  constructor(
    /** Why: whatever the interrupter passed, or a `Preempted`/`HandedOver` record from a resource. */
    override readonly cause: unknown,
    remainingMinutes: number | undefined,
  ) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`process interrupted${describeCause(cause)}`);
    Error.stackTraceLimit = stackTraceLimit;
    this.remainingMinutes = remainingMinutes;
  }
}

function describeCause(cause: unknown): string {
  if (cause === undefined) return '';
  if (typeof cause === 'object' && cause !== null && 'kind' in cause) return `: ${String(cause.kind)}`;
  return `: ${String(cause)}`;
}
