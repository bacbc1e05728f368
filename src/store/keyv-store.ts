/**
 * The one `Store` implementation: keyv for get/set/delete, the backend's
 * driver for prefix scans, claims and pings. Every backend failure leaves
 * here as a `StoreError` whose message never contains the URL's password.
 */
import { PlacardError, StoreError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Store, ValueRef, WorkClaim } from './store.js';
import type { Driver } from './driver.js';
import { redact, StoreKeyError, StoreTimeoutError } from './errors.js';
import { checkTtl, claimKey, isExpired, namespacePrefix, valueKey } from './keys.js';
import { OutageLog } from './outage-log.js';
import { parseEnvelope, type Envelope } from './envelope.js';

/**
 * How often expired claim rows are deleted from SQL tables. Claims (one per
 * delivery) are never read again once expired, so without this they would pile up.
 */
export const CLAIM_SWEEP_INTERVAL_MS = 10 * 60_000;

/** The owner of a claim taken without one. */
const ANONYMOUS = 'anonymous';

/**
 * Owners are compared as stored: keyv escapes a string that starts with ":",
 * so such an owner would never match its own claim.
 */
const checkOwner = (owner: string): void => {
  if (owner.length === 0 || owner.startsWith(':')) throw new StoreKeyError('key', 'a claim owner must be non-empty and not start with ":"');
};

/**
 * Longest a ping may take. Readiness probes give up after 3 s, and a paused
 * Redis or Postgres keeps its socket open without answering, so without a
 * bound of its own a ping would wait for ever.
 */
export const PING_TIMEOUT_MS = 2_000;

/** Options of {@link KeyvStore}. */
export interface KeyvStoreOptions {
  /** Where outages are told, one story per outage (see OutageLog); none: silent. */
  readonly log?: Logger;
}

/** A `Store` over one keyv instance and one backend driver. Build it with `openStore`. */
export class KeyvStore implements Store {
  #closed = false;
  #nextSweep = 0;
  readonly #outage: OutageLog;

  constructor(private readonly driver: Driver, options: KeyvStoreOptions = {}) {
    this.#outage = new OutageLog(options.log, driver.backend);
  }

  /** Backend name: `sqlite`, `redis`, `postgres` or `memory`. */
  get backend(): string {
    return this.driver.backend;
  }

  /** Value under `namespace`/`key`, or undefined (also once it has expired). */
  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    const full = valueKey(namespace, key);
    const value = await this.run('get', () => this.driver.keyv.get(full));
    return (value ?? undefined) as T | undefined;
  }

  /** Stores a JSON-serialisable value; `ttlMs` (positive) makes it expire. */
  async set<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void> {
    const full = valueKey(namespace, key);
    const ttl = ttlMs === undefined ? undefined : checkTtl(ttlMs);
    await this.run('set', () => this.driver.keyv.set(full, value, ttl));
  }

  /** Removes a value; true when something was removed. */
  async delete(namespace: string, key: string): Promise<boolean> {
    const full = valueKey(namespace, key);
    return this.run('delete', async () => {
      const removed = await this.driver.keyv.delete(full);
      if (removed) await this.driver.afterDelete?.();
      return removed;
    });
  }

  /** Live `[key, value]` pairs of one namespace, fetched in batches; expired rows are skipped. */
  async *entries<T>(namespace: string, keyPrefix = ''): AsyncIterable<[string, T]> {
    const namespaced = namespacePrefix(namespace);
    const prefix = namespaced + keyPrefix;
    const batches = await this.run('entries', async () => this.driver.scan(prefix)[Symbol.asyncIterator]());
    try {
      for (;;) {
        const step = await this.run('entries', () => batches.next());
        if (step.done === true) return;
        const now = Date.now();
        for (const [key, raw] of step.value) {
          if (raw === undefined || !key.startsWith(prefix)) continue;
          // Local work, not a round trip: no timeout or outage bookkeeping per row (a million rows, a million timers).
          let data: Envelope<T> | undefined;
          try {
            data = parseEnvelope<T>(raw);
          } catch (error: unknown) {
            throw this.fail('entries', error);
          }
          if (data === undefined || data === null || isExpired(data.expires, now)) continue;
          yield [key.slice(namespaced.length), data.value as T];
        }
      }
    } finally {
      // The caller stopped early (break) or a step failed: let the driver's scan finish too.
      await batches.return?.().catch(() => undefined);
    }
  }

  /**
   * Atomic set-if-absent across every process sharing the backend; the claim
   * lasts `ttlMs` or until `release`, and records `owner` (see `claimHolder`).
   */
  async claim(key: string, ttlMs: number, owner: string = ANONYMOUS): Promise<boolean> {
    const full = claimKey(key);
    const ttl = checkTtl(ttlMs);
    const won = await this.run('claim', async () => {
      const now = Date.now();
      return this.driver.claim(full, await this.envelope(owner, now + ttl), now, ttl);
    });
    await this.sweepClaims();
    return won;
  }

  /** Extends a claim held by the caller: the same envelope `claim` writes, with a new expiry. */
  async renew(key: string, ttlMs: number, owner: string = ANONYMOUS): Promise<void> {
    const full = claimKey(key);
    const ttl = checkTtl(ttlMs);
    await this.run('renew', () => this.driver.keyv.set(full, owner, ttl));
  }

  /**
   * Claims `key` unless a live value sits at `done`, and reads `read` when it
   * wins — one round trip on every backend (the delivery ledger's common case).
   */
  async claimUnlessDone<T>(key: string, ttlMs: number, owner: string, done: ValueRef, read?: ValueRef): Promise<WorkClaim<T>> {
    const full = claimKey(key);
    const ttl = checkTtl(ttlMs);
    const doneKey = valueKey(done.namespace, done.key);
    const readKey = read === undefined ? undefined : valueKey(read.namespace, read.key);
    checkOwner(owner);
    const result = await this.run('claimUnlessDone', async (): Promise<WorkClaim<T>> => {
      const now = Date.now();
      const got = await this.driver.claimUnlessDone(full, await this.envelope(owner, now + ttl), now, ttl, doneKey, readKey);
      if (got.outcome !== 'won') return { outcome: got.outcome };
      if (got.read === undefined) return { outcome: 'won', value: undefined };
      const data = await this.driver.keyv.deserializeData<T>(got.read);
      const live = data !== undefined && data !== null && !isExpired(data.expires, Date.now());
      return { outcome: 'won', value: live ? (data.value as T) : undefined };
    });
    await this.sweepClaims();
    return result;
  }

  /** Extends `key` by `ttlMs` only while `owner` holds it (atomic compare-and-extend); false when it does not. */
  async renewIfHeld(key: string, ttlMs: number, owner: string): Promise<boolean> {
    const full = claimKey(key);
    const ttl = checkTtl(ttlMs);
    checkOwner(owner);
    return this.run('renewIfHeld', async () => {
      const now = Date.now();
      return this.driver.renewIfHeld(full, owner, await this.envelope(owner, now + ttl), now, ttl);
    });
  }

  /** Drops `key` only while `owner` holds it (atomic compare-and-delete); true when it did. */
  async releaseIfHeld(key: string, owner: string): Promise<boolean> {
    const full = claimKey(key);
    checkOwner(owner);
    return this.run('releaseIfHeld', () => this.driver.releaseIfHeld(full, owner, Date.now()));
  }

  /** The owner recorded by the live claim of `key`, or undefined when there is none. */
  async claimHolder(key: string): Promise<string | undefined> {
    const full = claimKey(key);
    const value = await this.run('claimHolder', () => this.driver.keyv.get(full));
    return typeof value === 'string' ? value : undefined;
  }

  /** Drops a claim so the work may be claimed again. */
  async release(key: string): Promise<void> {
    const full = claimKey(key);
    await this.run('release', () => this.driver.keyv.delete(full));
  }

  /** Resolves when the backend answers a trivial request within PING_TIMEOUT_MS; rejects with `StoreError` otherwise. */
  async ping(): Promise<void> {
    await this.run('ping', () => this.driver.ping(), PING_TIMEOUT_MS);
  }

  /** Closes every connection; later calls reject with `StoreError`. Closing twice is harmless. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.driver.close();
    } catch (error) {
      throw this.fail('close', error);
    }
  }

  /** The claim row `claim` writes: keyv's envelope of the owner with its expiry. */
  private async envelope(owner: string, expires: number): Promise<string> {
    const raw = await this.driver.keyv.serializeData({ value: owner, expires });
    if (typeof raw !== 'string') throw new Error('keyv serializer did not return a string');
    return raw;
  }

  /** Housekeeping piggybacked on `claim`, at most every CLAIM_SWEEP_INTERVAL_MS per store. */
  private async sweepClaims(): Promise<void> {
    const now = Date.now();
    if (this.driver.sweepClaims === undefined || now < this.#nextSweep) return;
    this.#nextSweep = now + CLAIM_SWEEP_INTERVAL_MS;
    // A failed sweep must not turn a claim that was won into an error; the next sweep tries again.
    await this.driver.sweepClaims(now).catch(() => undefined);
  }

  private async run<R>(operation: string, work: () => Promise<R>, timeoutMs = this.driver.operationTimeoutMs): Promise<R> {
    if (this.#closed) throw new StoreError(this.backend, operation, { cause: new Error('the store is closed') });
    try {
      const result = await bounded(async () => {
        await this.driver.ready?.();
        return work();
      }, timeoutMs);
      this.#outage.succeeded();
      return result;
    } catch (error) {
      const failure = this.fail(operation, error);
      // A bad key is the caller's mistake, not an outage of the backend.
      if (!(failure instanceof StoreKeyError)) this.#outage.failed(operation, failure);
      throw failure;
    }
  }

  private fail(operation: string, error: unknown): PlacardError {
    // Our own timeout and file errors become the cause of a StoreError like any backend failure.
    if (error instanceof StoreError || error instanceof StoreKeyError) return error;
    return new StoreError(this.backend, operation, { cause: redact(error, this.driver.secrets) });
  }
}

/**
 * `work()`, or a StoreTimeoutError once `timeoutMs` has passed. The work is
 * not cancelled (the drivers cannot), only no longer waited for; its late
 * outcome is dropped (Promise.race keeps a late rejection handled).
 */
async function bounded<R>(work: () => Promise<R>, timeoutMs: number | undefined): Promise<R> {
  if (timeoutMs === undefined) return work();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([work(), late]);
  } finally {
    clearTimeout(timer);
  }
}
