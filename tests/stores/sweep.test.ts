/**
 * Expired claim rows are deleted from SQL tables (Redis expires keys itself),
 * at most every CLAIM_SWEEP_INTERVAL_MS, piggybacked on claim(). Checked on
 * the raw rows through the driver, with the clock moved forward.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Driver } from '../../src/store/driver.js';
import { CLAIM_SWEEP_INTERVAL_MS, KeyvStore } from '../../src/store/keyv-store.js';
import { openMemoryDriver } from '../../src/store/memory.js';
import { openPostgresDriver } from '../../src/store/postgres.js';
import { openSqliteDriver } from '../../src/store/sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'placard-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const databaseUrl = process.env.DATABASE_URL;
const backends: Array<[string, (() => Promise<Driver>) | undefined]> = [
  ['memory', async () => openMemoryDriver()],
  ['sqlite', () => openSqliteDriver(join(dir, 'sweep.sqlite'))],
  ['postgres', databaseUrl ? async () => openPostgresDriver(databaseUrl, []) : undefined],
];

async function claimRows(driver: Driver, run: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of driver.scan(`claim:${run}`)) for (const [key] of batch) keys.push(key.slice(`claim:${run}`.length));
  return keys.sort();
}

describe.each(backends)('claim sweep: %s', (_name, open) => {
  it.skipIf(open === undefined)('deletes expired claims and keeps live ones', async () => {
    const driver = await open!();
    const store = new KeyvStore(driver);
    const run = `sweep-${randomUUID().slice(0, 8)}-`;
    try {
      // Long enough to be alive still when listed on a loaded machine; long expired at `later`.
      expect(await store.claim(`${run}short`, 5_000)).toBe(true);
      expect(await store.claim(`${run}long`, 2 * CLAIM_SWEEP_INTERVAL_MS)).toBe(true);
      expect(await claimRows(driver, run)).toEqual(['long', 'short']);

      const later = Date.now() + CLAIM_SWEEP_INTERVAL_MS + 1_000;
      vi.spyOn(Date, 'now').mockReturnValue(later);
      expect(await store.claim(`${run}next`, 60_000)).toBe(true);
      expect(await claimRows(driver, run)).toEqual(['long', 'next']);
      expect(await store.claim(`${run}long`, 60_000)).toBe(false);
    } finally {
      vi.restoreAllMocks();
      for (const key of ['short', 'long', 'next']) await store.release(`${run}${key}`);
      await store.close();
    }
  });
});
