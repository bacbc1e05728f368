/**
 * Store decorators: one reports each failed operation (for the store-errors
 * metric), the other counts round trips (for the benchmarks).
 */
import { SCAN_BATCH } from './keys.js';
import type { Store, ValueRef } from './store.js';

/** Wraps `store` so every rejected operation calls `onError(operation)` before rejecting as before. */
export function instrumentStore(store: Store, onError: (operation: string) => void): Store {
  const watch = <T>(operation: string, p: Promise<T>): Promise<T> =>
    p.catch((e: unknown) => { onError(operation); throw e; });
  return {
    backend: store.backend,
    get: (ns, key) => watch('get', store.get(ns, key)),
    set: (ns, key, value, ttlMs) => watch('set', store.set(ns, key, value, ttlMs)),
    delete: (ns, key) => watch('delete', store.delete(ns, key)),
    entries: <T>(ns: string, keyPrefix?: string) => ({
      async *[Symbol.asyncIterator]() {
        try { yield* store.entries<T>(ns, keyPrefix); } catch (e: unknown) { onError('entries'); throw e; }
      },
    }),
    claim: (key, ttlMs, owner) => watch('claim', store.claim(key, ttlMs, owner)),
    claimHolder: (key) => watch('claimHolder', store.claimHolder(key)),
    renew: (key, ttlMs, owner) => watch('renew', store.renew(key, ttlMs, owner)),
    release: (key) => watch('release', store.release(key)),
    claimUnlessDone: <T>(key: string, ttlMs: number, owner: string, done: ValueRef, read?: ValueRef) =>
      watch('claimUnlessDone', store.claimUnlessDone<T>(key, ttlMs, owner, done, read)),
    renewIfHeld: (key, ttlMs, owner) => watch('renewIfHeld', store.renewIfHeld(key, ttlMs, owner)),
    releaseIfHeld: (key, owner) => watch('releaseIfHeld', store.releaseIfHeld(key, owner)),
    ping: () => watch('ping', store.ping()),
    close: () => store.close(),
  };
}

/** Store operations counted by {@link countStoreOperations}: per method, and in all. */
export interface OperationCounts {
  readonly byOperation: Map<string, number>;
  /** Every round trip so far. */
  total(): number;
}

/**
 * Wraps `store` so every operation is counted as the round trips it costs a
 * network backend: one per call, except `entries`, which fetches a page of
 * SCAN_BATCH rows per round trip (at least one). `ping` and `close` are not counted.
 */
export function countStoreOperations(store: Store): { store: Store; counts: OperationCounts } {
  const byOperation = new Map<string, number>();
  const add = (operation: string, n = 1): void => { byOperation.set(operation, (byOperation.get(operation) ?? 0) + n); };
  const counted = <T>(operation: string, p: () => Promise<T>): Promise<T> => { add(operation); return p(); };
  const wrapped: Store = {
    backend: store.backend,
    get: (ns, key) => counted('get', () => store.get(ns, key)),
    set: (ns, key, value, ttlMs) => counted('set', () => store.set(ns, key, value, ttlMs)),
    delete: (ns, key) => counted('delete', () => store.delete(ns, key)),
    entries: <T>(ns: string, keyPrefix?: string) => ({
      async *[Symbol.asyncIterator]() {
        let rows = 0;
        add('entries');
        for await (const entry of store.entries<T>(ns, keyPrefix)) {
          if (++rows % SCAN_BATCH === 0) add('entries');
          yield entry;
        }
      },
    }),
    claim: (key, ttlMs, owner) => counted('claim', () => store.claim(key, ttlMs, owner)),
    claimHolder: (key) => counted('claimHolder', () => store.claimHolder(key)),
    renew: (key, ttlMs, owner) => counted('renew', () => store.renew(key, ttlMs, owner)),
    release: (key) => counted('release', () => store.release(key)),
    claimUnlessDone: <T>(key: string, ttlMs: number, owner: string, done: ValueRef, read?: ValueRef) =>
      counted('claimUnlessDone', () => store.claimUnlessDone<T>(key, ttlMs, owner, done, read)),
    renewIfHeld: (key, ttlMs, owner) => counted('renewIfHeld', () => store.renewIfHeld(key, ttlMs, owner)),
    releaseIfHeld: (key, owner) => counted('releaseIfHeld', () => store.releaseIfHeld(key, owner)),
    ping: () => store.ping(),
    close: () => store.close(),
  };
  return { store: wrapped, counts: { byOperation, total: () => [...byOperation.values()].reduce((a, b) => a + b, 0) } };
}
