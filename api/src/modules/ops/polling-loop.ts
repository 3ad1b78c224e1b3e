/**
 * A background loop of rounds: one round at a time, the next `pollMs` after the last ended, or at once
 * when nudged (a nudge during a round runs another right after it). The webhook dispatcher and the
 * ingest worker run on it.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private unsubscribe: (() => void) | undefined;

  /**
   * @param round one round's work; a failure goes to onRoundError and the loop goes on
   * @param subscribe registers the nudge with a signal of this process; returns the unsubscribe
   */
  constructor(
    private readonly round: () => Promise<unknown>,
    private readonly pollMs: number,
    private readonly onRoundError: (error: unknown) => void,
    private readonly subscribe?: (nudge: () => void) => () => void,
  ) {}

  /** Runs until stop(), a first round at once. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.subscribe?.(() => this.nudge());
    this.nudge();
  }

  /** Stops and waits for the round in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs a round now, or right after the one in flight. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.round()
      .then(
        () => {},
        (error: unknown) => this.onRoundError(error),
      )
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.nudge();
        } else {
          this.timer = setTimeout(() => this.nudge(), this.pollMs);
        }
      });
  }
}
