/**
 * A small bounded cache whose entries expire: insertion order is recency
 * (a hit moves to the end), so the first key is the least recently used.
 */

/** Options of {@link TtlCache}. */
export interface TtlCacheOptions {
  /** How long an entry is trusted. */
  readonly ttlMs: number;
  /** Most entries kept; the least recently used go first. */
  readonly maxEntries: number;
  readonly now?: () => number;
}

/** The cache. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private readonly now: () => number;

  constructor(private readonly options: TtlCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Entries held now. */
  get size(): number { return this.entries.size; }

  /** The live value of `key`, if any. */
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    this.entries.delete(key);
    if (hit.until <= this.now()) return undefined;
    this.entries.set(key, hit);
    return hit.value;
  }

  /** Keeps `value` for `ttlMs` (default: the cache's). */
  set(key: string, value: V, ttlMs = this.options.ttlMs): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until: this.now() + ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets `key`; a load under way for it is not kept. */
  delete(key: string): void {
    this.entries.delete(key);
    this.loading.delete(key);
  }

  /** The value of `key`, computed by `load` when absent or expired (concurrent misses share one load). */
  async getOr(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    let pending = this.loading.get(key);
    if (pending === undefined) {
      const mine: Promise<V> = load().then((v) => {
        // Kept only if nothing invalidated the key while it loaded.
        if (this.loading.get(key) === mine) { this.loading.delete(key); this.set(key, v); }
        return v;
      }, (e: unknown) => {
        if (this.loading.get(key) === mine) this.loading.delete(key);
        throw e;
      });
      pending = mine;
      this.loading.set(key, mine);
    }
    return pending;
  }

  private readonly loading = new Map<string, Promise<V>>();
}
