/**
 * `memory://`: keyv over a plain Map, for tests and the console. Nothing is
 * shared between stores or processes; `claim` is atomic because it checks and
 * writes in one synchronous step on the single JS thread.
 */
import { Keyv } from 'keyv';
import { KEYV_OPTIONS, type Driver, type DriverWorkClaim, type RawRow } from './driver.js';
import { CLAIM_NAMESPACE, isExpired, SCAN_BATCH } from './keys.js';

const envelopeOf = (raw: string): { value?: unknown; expires?: unknown } => {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
};
const expiresOf = (raw: string): unknown => envelopeOf(raw).expires;

/** Opens a fresh, empty in-memory driver. */
export function openMemoryDriver(): Driver {
  const map = new Map<string, string>();
  const keyv = new Keyv<unknown>(map, KEYV_OPTIONS);
  /** The raw row at `key` while it is live. */
  const live = (key: string, now: number): string | undefined => {
    const raw = map.get(key);
    return raw === undefined || isExpired(expiresOf(raw), now) ? undefined : raw;
  };
  const heldBy = (key: string, owner: string, now: number): boolean => {
    const raw = live(key, now);
    return raw !== undefined && envelopeOf(raw).value === owner;
  };
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
    async claimUnlessDone(key: string, raw: string, now: number, _ttlMs: number, doneKey: string, readKey: string | undefined): Promise<DriverWorkClaim> {
      // Synchronous from the check to the write, like `claim`.
      if (live(doneKey, now) !== undefined) return { outcome: 'done' };
      if (live(key, now) !== undefined) return { outcome: 'held' };
      map.set(key, raw);
      return { outcome: 'won', read: readKey === undefined ? undefined : live(readKey, now) };
    },
    async renewIfHeld(key: string, owner: string, raw: string, now: number): Promise<boolean> {
      if (!heldBy(key, owner, now)) return false;
      map.set(key, raw);
      return true;
    },
    async releaseIfHeld(key: string, owner: string, now: number): Promise<boolean> {
      return heldBy(key, owner, now) && map.delete(key);
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
