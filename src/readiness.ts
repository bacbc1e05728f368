/**
 * Readiness of one platform connection, for /readyz, with no platform in it.
 * Two things make an adapter not ready: blockers (start-up, a rejected token,
 * a stopped stream, …), each with its own one-line reason, which only their
 * owner clears; and platform failures in a row — `threshold` of them make the
 * adapter not ready, the next answer makes it ready again. The adapters word
 * the reasons (they name their platform and its settings) and decide what
 * counts as a platform failure; `ready()` answers at once from this state.
 */

/** Platform failures in a row before an adapter says it is not ready, unless it says otherwise. */
export const DEFAULT_FAILURES_BEFORE_NOT_READY = 3;

/** A blocker's reason: a fixed line, or one worded when asked (from state the adapter keeps). */
export type BlockerReason = string | (() => string);

/** Options of {@link Readiness}. */
export interface ReadinessOptions<B extends string> {
  /**
   * Every blocker with its reason, in order of precedence: while several are
   * set, the first one written here is the reason given.
   */
  readonly blockers: Readonly<Record<B, BlockerReason>>;
  /** The blockers set from the start (say, start-up). Default none. */
  readonly initial?: readonly NoInfer<B>[];
  /** Platform failures in a row that make the adapter not ready. Default {@link DEFAULT_FAILURES_BEFORE_NOT_READY}. */
  readonly threshold?: number;
  /** The reason while the last `count` calls failed, the last one with `cause` ("the last 3 Bot API calls failed (500)"). */
  readonly failedCalls: (count: number, cause: string) => string;
  /**
   * While `blocker` (start-up) is the reason and a call has failed since the
   * last answer, say `unreachable(cause)` ("… unreachable at start-up (timeout)")
   * instead of the blocker's own reason.
   */
  readonly startup?: { readonly blocker: NoInfer<B>; readonly unreachable: (cause: string) => string };
}

/**
 * Blockers and the platform failures in a row of one adapter. Use it as it is
 * or extend it with the platform's own way of recording calls.
 */
export class Readiness<B extends string> {
  /** Platform failures in a row that make the adapter not ready. */
  readonly threshold: number;
  private readonly order: readonly B[];
  private readonly blockers: Set<B>;
  private failures = 0;
  private cause = '';

  constructor(private readonly options: ReadinessOptions<B>) {
    this.threshold = options.threshold ?? DEFAULT_FAILURES_BEFORE_NOT_READY;
    this.order = Object.keys(options.blockers) as B[];
    this.blockers = new Set(options.initial ?? []);
  }

  /** True while nothing blocks and the last calls did not all fail. */
  ready(): boolean {
    return this.blockers.size === 0 && !this.failing;
  }

  /** Why not ready (one short line; no ids, no secrets), or undefined when ready. */
  reason(): string | undefined {
    const blocker = this.order.find((b) => this.blockers.has(b));
    if (blocker !== undefined) {
      const { startup } = this.options;
      if (startup?.blocker === blocker && this.cause !== '') return startup.unreachable(this.cause);
      const text = this.options.blockers[blocker];
      return typeof text === 'string' ? text : text();
    }
    if (this.failing) return this.options.failedCalls(this.failures, this.cause);
    return undefined;
  }

  /** Sets or clears a blocker. */
  set(blocker: B, on: boolean): void {
    if (on) this.blockers.add(blocker);
    else this.blockers.delete(blocker);
  }

  /** Whether a blocker is set. */
  has(blocker: B): boolean {
    return this.blockers.has(blocker);
  }

  /**
   * Records one call: `cause` undefined when the platform answered (even with
   * a chat's own error), else the platform failure's short cause ("timeout", "503").
   */
  record(cause: string | undefined): void {
    if (cause === undefined) {
      this.failures = 0;
      this.cause = '';
      return;
    }
    this.failures++;
    this.cause = cause;
  }

  /** Whether the last `threshold` calls or more all failed. */
  get failing(): boolean {
    return this.failures >= this.threshold;
  }

  /** Platform failures in a row so far. */
  get failuresInARow(): number {
    return this.failures;
  }

  /** The last failure's short cause since the last answer, or '' when none. */
  get lastFailure(): string {
    return this.cause;
  }
}
