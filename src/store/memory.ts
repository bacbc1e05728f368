/**
 * `memory://`: keyv over a plain Map, for tests and the console. Nothing is
 * shared between stores or processes; `claim` is atomic because it checks and
 * writes in one synchronous step on the single JS thread.
 */
import { Keyv } from 'keyv';
import { KEYV_OPTIONS, type Driver, type RawRow } from './driver.js';
import { CLAIM_NAMESPACE, isExpired, SCAN_BATCH } from './keys.js';

const expiresOf = (raw: string): unknown => {
  try {
    return (JSON.parse(raw) as { expires?: unknown }).expires;
  } catch {
    return undefined;
  }
};

/** Opens a fresh, empty in-memory driver. */
export function openMemoryDriver(): Driver {
  const map = new Map<string, string>();
  const keyv = new Keyv<unknown>(map, KEYV_OPTIONS);
  return {
    backend: 'memory',
    keyv,
    secrets: [],
    async *scan(prefix: string): AsyncIterable<readonly RawRow[]> {
      let batch: RawRow[] = [];
      for (const [key, raw] of map) {
        if (!key.startsWith(prefix)) continue;
        batch.push([key, raw]);
        if (batch.length >= SCAN_BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
    async claim(key: string, raw: string, now: number): Promise<boolean> {
      // No await between the check and the write: nothing can interleave.
      const current = map.get(key);
      if (current !== undefined && !isExpired(expiresOf(current), now)) return false;
      map.set(key, raw);
      return true;
    },
    async sweepClaims(now: number): Promise<void> {
      for (const [key, raw] of map) {
        if (key.startsWith(`${CLAIM_NAMESPACE}:`) && isExpired(expiresOf(raw), now)) map.delete(key);
      }
    },
    async ping(): Promise<void> {},
    async close(): Promise<void> {
      map.clear();
    },
  };
}
