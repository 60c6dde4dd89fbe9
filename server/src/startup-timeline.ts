/**
 * The steps of one start and how long each took, logged with "Accord is listening" so a slow
 * start says where its time went (module loading, the store, catching up, the reactors…).
 *
 *   const timeline = new StartupTimeline();
 *   await openStore();  timeline.mark('store');
 *   logger.info({ startup: timeline.steps }, 'Accord is listening');
 */
export class StartupTimeline {
  /** Milliseconds per step, in the order they ran. */
  readonly steps: Record<string, number> = {};
  private last = performance.now();

  /**
   * `sinceProcessStart`: also record the time from the process's start to now as `modules`
   * (Node's own start and the static imports), for the entry point that has just been loaded.
   */
  constructor(sinceProcessStart = false) {
    if (sinceProcessStart) this.steps.modules = Math.round(this.last);
  }

  /** Ends the step that ran since the previous mark. */
  mark(step: string): void {
    const now = performance.now();
    this.steps[step] = Math.round(now - this.last);
    this.last = now;
  }

  /**
   * CPU time the process has used so far (all its threads), ms: on a busy machine a steadier
   * figure than the wall-clock steps.
   */
  get cpuMs(): number {
    const { user, system } = process.cpuUsage();
    return Math.round((user + system) / 1000);
  }

  /** From the first mark's start to the last mark (plus `modules` when recorded). */
  get totalMs(): number {
    return Object.values(this.steps).reduce((sum, ms) => sum + ms, 0);
  }
}
