/**
 * What each backend supplies to the generic keyv-backed store: the keyv
 * instance for get/set/delete, plus the three things keyv cannot do well —
 * a streaming prefix scan, an atomic set-if-absent, and a health check.
 */
import { Keyv } from 'keyv';

/** One stored row as the backend holds it: full key and keyv's serialised envelope (undefined when it vanished mid-scan). */
export type RawRow = readonly [key: string, raw: string | undefined];

/** A backend behind `KeyvStore`. All keys given to a driver are already prefixed (`namespace:key`, `claim:key`). */
export interface Driver {
  /** Backend name for logs: `sqlite`, `redis`, `postgres`, `memory`. */
  readonly backend: string;
  /** The one keyv instance of this store (no keyv namespace, no keyv key prefix, `throwOnErrors`). */
  readonly keyv: Keyv<unknown>;
  /** Strings that must never appear in an error message (the URL's password). */
  readonly secrets: readonly string[];
  /** Called before every operation; connects lazily where the backend needs it. */
  ready?(): Promise<void>;
  /** Every row whose key starts with `prefix`, in batches, without loading the whole set at once. */
  scan(prefix: string): AsyncIterable<readonly RawRow[]>;
  /**
   * Writes `raw` under `key` when no row exists or the existing row's
   * envelope has expired before `now`; true when this call wrote it.
   * Must be a single atomic operation on the backend.
   */
  claim(key: string, raw: string, now: number, ttlMs: number): Promise<boolean>;
  /**
   * Like `claim`, unless a live row sits at `doneKey` (`done`, nothing
   * written); when it wins, also the raw row at `readKey`. The check and the
   * write must be one atomic operation; the read may follow in the same call.
   */
  claimUnlessDone(key: string, raw: string, now: number, ttlMs: number, doneKey: string, readKey: string | undefined): Promise<DriverWorkClaim>;
  /**
   * Replaces the claim row at `key` with `raw` (a new expiry) only while it is
   * live at `now` and its envelope's value is `owner`; true when it did. Atomic.
   */
  renewIfHeld(key: string, owner: string, raw: string, now: number, ttlMs: number): Promise<boolean>;
  /** Deletes the claim row at `key` only while it is live and held by `owner`; true when it did. Atomic. */
  releaseIfHeld(key: string, owner: string, now: number): Promise<boolean>;
  /**
   * Deletes claim rows that expired before `now`, where the backend does not
   * expire keys itself (SQL tables). Must only remove rows still expired at
   * the moment of deletion, so a claim taken over concurrently survives.
   */
  sweepClaims?(now: number): Promise<void>;
  /** One trivial round trip; also checks what `ready` checks only now and then (the SQLite file is still there). */
  ping(): Promise<void>;
  /**
   * Longest one operation may take before it fails with StoreTimeoutError
   * (network backends: a paused server keeps the socket open and never
   * answers). Undefined: no bound (SQLite has its own busy timeout).
   */
  readonly operationTimeoutMs?: number;
  /** Called after a value was deleted (SQLite: scrub the WAL of it, see sqlite.ts). */
  afterDelete?(): Promise<void>;
  /** Releases every connection and handle. */
  close(): Promise<void>;
}

/** A driver's answer to `claimUnlessDone`: the outcome and, when won, the raw row read. */
export interface DriverWorkClaim {
  readonly outcome: 'won' | 'done' | 'held';
  readonly read?: string | undefined;
}

/** Options for every keyv instance of a driver: we prefix keys ourselves and want errors thrown, not swallowed. */
export const KEYV_OPTIONS = {
  namespace: undefined,
  useKeyPrefix: false,
  throwOnErrors: true,
  emitErrors: false,
} as const;

/** A `{ key, value }` row as returned by the SQL adapters' query functions. */
export interface SqlRow {
  readonly key: string;
  readonly value: string;
}

/** Narrows the untyped result of an adapter's query function to rows with string `key` and `value`. */
export function asSqlRows(result: unknown): SqlRow[] {
  if (!Array.isArray(result)) throw new Error('query did not return rows');
  return result.filter(
    (row: unknown): row is SqlRow =>
      typeof row === 'object' && row !== null &&
      typeof (row as { key?: unknown }).key === 'string' &&
      typeof (row as { value?: unknown }).value === 'string',
  );
}

/** Number of rows of an adapter query result (e.g. from `RETURNING`). */
export function rowCount(result: unknown): number {
  if (!Array.isArray(result)) throw new Error('query did not return rows');
  return result.length;
}
