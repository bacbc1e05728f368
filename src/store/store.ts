/**
 * The narrow storage seam. Everything Placard persists (chat settings,
 * subscriptions, the delivery ledger, registration hashes) goes through this
 * interface; keyv does the work underneath (see `open.ts`).
 *
 * Privacy: only chat ids and chat settings are ever stored, never user ids,
 * names or message texts.
 */
export interface Store {
  /** Backend name for logs and readiness: `sqlite`, `redis`, `postgres`, `memory`. */
  readonly backend: string;
  /** Value stored under `namespace`/`key`, or undefined. */
  get<T>(namespace: string, key: string): Promise<T | undefined>;
  /** Stores a JSON-serialisable value; `ttlMs` makes it expire. */
  set<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void>;
  /** Removes a value; true when something was removed. */
  delete(namespace: string, key: string): Promise<boolean>;
  /**
   * Every live `[key, value]` of a namespace (keys without the namespace
   * prefix), in no particular order; only keys starting with `keyPrefix` when given.
   */
  entries<T>(namespace: string, keyPrefix?: string): AsyncIterable<[string, T]>;
  /**
   * Atomic set-if-absent: true for exactly one caller across processes and
   * instances sharing the backend, until `ttlMs` passes or `release` is called.
   */
  claim(key: string, ttlMs: number, owner?: string): Promise<boolean>;
  /**
   * Who holds a live claim (the `owner` given to `claim`), or undefined when
   * none does: after a claim whose answer was lost (a connection killed
   * mid-request), its caller can tell whether the claim landed.
   */
  claimHolder(key: string): Promise<string | undefined>;
  /**
   * Extends a claim this caller holds by `ttlMs` from now (a send still in
   * flight, a marker still being written). Unconditional: call it only for
   * a claim you won and have not released; a lease that another instance may
   * take over is renewed with `renewIfHeld`.
   */
  renew(key: string, ttlMs: number, owner?: string): Promise<void>;
  /** Drops a claim so the work may be claimed again (a send that failed). */
  release(key: string): Promise<void>;
  /**
   * Atomic claim-unless-done, in one round trip: claims `key` (as `claim`
   * does, recording `owner`) unless a live value sits at `done` (the work's
   * "done" marker); when it wins, also returns the value at `read` (e.g. the
   * settings the work needs). `held`: someone else holds the claim.
   */
  claimUnlessDone<T>(key: string, ttlMs: number, owner: string, done: ValueRef, read?: ValueRef): Promise<WorkClaim<T>>;
  /**
   * Atomic compare-and-extend of a claim (a lease): extends `key` by `ttlMs`
   * from now only while it is live and held by `owner`. False when it lapsed
   * or another owner holds it: the caller has lost it and must stop.
   */
  renewIfHeld(key: string, ttlMs: number, owner: string): Promise<boolean>;
  /** Atomic compare-and-delete: drops `key` only while `owner` holds it; true when it did. */
  releaseIfHeld(key: string, owner: string): Promise<boolean>;
  /** Resolves when the backend answers; rejects with StoreError otherwise. */
  ping(): Promise<void>;
  /** Closes connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** Where a value lives: the namespace and key given to `get`/`set`. */
export interface ValueRef {
  readonly namespace: string;
  readonly key: string;
}

/**
 * What {@link Store.claimUnlessDone} found: `won` (claimed; `value` is what
 * was at `read`, undefined when nothing or not asked), `done` (the done
 * marker is set: nothing was claimed), `held` (another owner holds the claim).
 */
export type WorkClaim<T> =
  | { readonly outcome: 'won'; readonly value: T | undefined }
  | { readonly outcome: 'done' }
  | { readonly outcome: 'held' };
