/** A Store decorator that reports each failed operation (for the store-errors metric). */
import type { Store } from './store.js';

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
    ping: () => watch('ping', store.ping()),
    close: () => store.close(),
  };
}
