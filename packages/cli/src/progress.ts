/**
 * The progress bar on stderr: replications done, events per second and time left. It appears only
 * once a run has taken more than a second, only on an interactive terminal, and never with --quiet,
 * so piped output and logs stay clean.
 */
import cliProgress from 'cli-progress';

/** Wall-clock seconds a run must take before the bar is shown. */
const SHOW_AFTER_SECONDS = 1;

export class RunProgress {
  private bar: cliProgress.SingleBar | undefined;
  private readonly startedAt = performance.now();
  private events = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream | undefined,
    private totalReplications: number,
    private readonly label: string,
  ) {}

  /** Call after each replication with the events it executed (and the total planned, when it grows). */
  replicationDone(done: number, eventsExecuted: number, planned?: number): void {
    this.events += eventsExecuted;
    if (planned !== undefined && planned !== this.totalReplications) {
      this.totalReplications = planned;
      this.bar?.setTotal(planned);
    }
    if (this.stream === undefined) return;
    const seconds = (performance.now() - this.startedAt) / 1000;
    const payload = { eventsPerSecond: formatRate(this.events / Math.max(seconds, 1e-9)) };
    if (this.bar === undefined) {
      if (seconds < SHOW_AFTER_SECONDS || done >= this.totalReplications) return;
      this.bar = new cliProgress.SingleBar(
        {
          stream: this.stream,
          format: `${this.label} {bar} {value}/{total} replications | {eventsPerSecond} events/s | {eta_formatted} left`,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 5,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(this.totalReplications, done, payload);
    } else {
      this.bar.update(done, payload);
    }
  }

  /** Removes the bar (call on success and on failure). */
  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(0)} k`;
  return perSecond.toFixed(0);
}
