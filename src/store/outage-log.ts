/**
 * One log story per store outage instead of one line per failed operation:
 * the first failure is logged at once, later ones are counted (one line per
 * interval, see BurstLog), and the first success after them says the store
 * answers again and how long it did not. Callers still get every failure as
 * a StoreError; this only keeps a 5-second Redis outage from filling the log.
 */
import { BurstLog } from '../log-privacy.js';
import type { Logger } from '../log.js';

/** How often a continuing outage is summed up in one line. */
export const OUTAGE_LOG_INTERVAL_MS = 30_000;

/** Tracks whether a store's backend answers, logging transitions and sums. */
export class OutageLog {
  readonly #burst: BurstLog | undefined;
  #down: { since: number; failures: number } | undefined;

  constructor(private readonly log: Logger | undefined, private readonly backend: string, private readonly now: () => number = Date.now) {
    this.#burst = log === undefined ? undefined : new BurstLog(log, { intervalMs: OUTAGE_LOG_INTERVAL_MS, now });
  }

  /** True between a failed operation and the next successful one. */
  get down(): boolean {
    return this.#down !== undefined;
  }

  /** A backend operation failed (not a caller's mistake such as a bad key). */
  failed(operation: string, error: Error): void {
    this.#down ??= { since: this.now(), failures: 0 };
    this.#down.failures++;
    // The message is already redacted (no password) and names no key, so no chat id.
    this.#burst?.note('warn', `store-down:${this.backend}`, { backend: this.backend, operation, error: error.message }, 'store not answering');
  }

  /** A backend operation succeeded: ends an outage, if there was one. */
  succeeded(): void {
    const down = this.#down;
    if (down === undefined) return;
    this.#down = undefined;
    this.#burst?.flush();
    this.log?.info({ backend: this.backend, failures: down.failures, downMs: this.now() - down.since }, 'store answers again');
  }
}
