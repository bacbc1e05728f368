/**
 * The `/sync` long poll that does not give up. The `since` token is kept in
 * the store (namespace `matrix`, one key per homeserver and bot account,
 * hashed) and written only after a batch was handled: a restart starts from
 * the last batch handled in full, so no event is skipped; an event of a batch
 * cut short by a crash is handled again, and its answer reuses the same
 * transaction id, which the homeserver takes once (events.ts).
 *
 * A fresh start (no token stored) asks for the current position with
 * `timeout=0` and answers nothing of it: old commands are history. Invites
 * pending then are still accepted.
 *
 * Failures: a rejected token (401) blocks readiness and is said once; 429
 * waits what the homeserver asks; a 401 and anything else wait a growing
 * backoff (1 s doubling to 60 s by default), so a token put right is taken
 * up within a minute. A store that cannot keep the token does not stop syncing:
 * the token stays in memory and the next batch writes it.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../../src/log.js';
import type { BurstLog } from '../../src/log-privacy.js';
import type { Store } from '../../src/store/store.js';
import { MatrixApiError, type MatrixClient } from './client.js';
import { describeMatrixError, isTokenRejected, retryAfterOf } from './errors.js';
import type { MatrixHealth } from './health.js';
import type { SyncResponse } from './types.js';

/** Store namespace of the adapter's own state (the sync token). */
export const MATRIX_NAMESPACE = 'matrix';

/**
 * The sync filter (inline JSON, spec "Filtering"): messages for commands;
 * membership, power levels and encryption to keep the room caches true; no
 * presence, account data, receipts or typing.
 */
export const SYNC_FILTER = JSON.stringify({
  presence: { types: [] },
  account_data: { types: [] },
  room: {
    timeline: { types: ['m.room.message', 'm.room.member', 'm.room.power_levels', 'm.room.encryption', 'm.room.create'], limit: 50 },
    state: { types: ['m.room.member', 'm.room.power_levels', 'm.room.encryption'], lazy_load_members: true },
    ephemeral: { types: [] },
    account_data: { types: [] },
  },
});

/** The store key of a bot account's token: a hash, so no user id is stored. */
export const sinceKey = (homeserverUrl: string, userId: string): string =>
  `since:${createHash('sha256').update(`${homeserverUrl}\n${userId}`).digest('hex').slice(0, 24)}`;

/** Options of {@link SyncLoop}. */
export interface SyncLoopOptions {
  readonly client: MatrixClient;
  readonly store: Store;
  readonly log: Logger;
  readonly burst: BurstLog;
  readonly health: MatrixHealth;
  /** The store key of the token ({@link sinceKey}). */
  readonly key: string;
  /** The server-side long-poll `timeout`, ms (30 s). */
  readonly pollMs: number;
  /** How much longer than `pollMs` the request may take before it counts as hung. */
  readonly slackMs: number;
  /** First and largest wait between failed syncs. */
  readonly backoff: { readonly initialMs: number; readonly maxMs: number };
  /** Handles one batch; `initial`: the first of a fresh start (nothing in it is answered). Should not throw. */
  readonly onBatch: (batch: SyncResponse, initial: boolean) => Promise<void>;
}

/** The loop. */
export class SyncLoop {
  private stopped = false;
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private tokenRejected = false;

  constructor(private readonly o: SyncLoopOptions) {}

  /** Starts syncing in the background. */
  start(): void {
    this.running ??= this.run();
  }

  /**
   * Stops: the pending sync is cancelled at once; a batch being handled gets
   * `graceMs` to finish (its token is then stored). One still running after
   * that is handled again after a restart, its answers under the same
   * transaction ids (the homeserver takes each once).
   */
  async stop(graceMs = 2_000): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wake?.();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => { timer = setTimeout(resolve, graceMs); timer.unref(); });
    await Promise.race([this.running, grace]);
    clearTimeout(timer);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => { clearTimeout(t); resolve(); };
    });
  }

  private async run(): Promise<void> {
    const { client, health, log, burst, backoff, pollMs, slackMs } = this.o;
    let since = await this.loadSince();
    let delay = backoff.initialMs;
    while (!this.stopped) {
      let batch: SyncResponse;
      try {
        batch = await client.sync({ ...(since === undefined ? {} : { since }), filter: SYNC_FILTER, timeout: since === undefined ? 0 : pollMs, slackMs, signal: this.abort.signal });
      } catch (e: unknown) {
        if (this.stopped) break;
        if (isTokenRejected(e)) {
          if (!this.tokenRejected) log.error({ ...describeMatrixError(e), retryInMs: delay }, 'the homeserver rejected the access token while syncing; check MATRIX_ACCESS_TOKEN; retrying');
          this.tokenRejected = true;
          await this.sleep(delay);
          delay = Math.min(delay * 2, backoff.maxMs);
        } else if (e instanceof MatrixApiError && e.status === 429) {
          await this.sleep(retryAfterOf(e));
        } else {
          burst.note('warn', `sync:${String(describeMatrixError(e)['cause'] ?? describeMatrixError(e)['status'])}`, { ...describeMatrixError(e), retryInMs: delay }, 'matrix sync failed; retrying');
          await this.sleep(delay);
          delay = Math.min(delay * 2, backoff.maxMs);
        }
        continue;
      }
      delay = backoff.initialMs;
      if (this.tokenRejected) log.info('the homeserver accepts the access token again; syncing');
      this.tokenRejected = false;
      health.set('starting', false);
      try {
        await this.o.onBatch(batch, since === undefined);
      } catch (e: unknown) {
        burst.note('error', 'batch', describeMatrixError(e), 'matrix sync batch failed; going on with the next');
      }
      since = batch.next_batch;
      await this.saveSince(since);
    }
  }

  /** The stored token; store errors are retried (without a token the bot would answer history or skip events). */
  private async loadSince(): Promise<string | undefined> {
    let delay = this.o.backoff.initialMs;
    while (!this.stopped) {
      try {
        return await this.o.store.get<string>(MATRIX_NAMESPACE, this.o.key);
      } catch (e: unknown) {
        this.o.burst.note('warn', 'since:read', { error: e instanceof Error ? e.name : 'unknown' }, 'matrix sync token could not be read from the store; retrying');
        await this.sleep(delay);
        delay = Math.min(delay * 2, this.o.backoff.maxMs);
      }
    }
    return undefined;
  }

  private async saveSince(since: string): Promise<void> {
    try {
      await this.o.store.set(MATRIX_NAMESPACE, this.o.key, since);
    } catch (e: unknown) {
      this.o.burst.note('warn', 'since:write', { error: e instanceof Error ? e.name : 'unknown' }, 'matrix sync token could not be stored; kept in memory until the next batch');
    }
  }
}
