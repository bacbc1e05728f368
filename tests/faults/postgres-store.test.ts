/**
 * Store faults on PostgreSQL during an anniversary fan-out: the real
 * Scheduler on a database of the suite's own (`placard_faults_<random>`, see
 * postgres-db.ts, dropped afterwards), sending through a counting adapter,
 * while every connection to that database is terminated five times
 * (`pg_terminate_backend`). Asserts lost = 0, doubled = 0, every chat within
 * 30 s and every delivered marker in the table; records the row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { shippedCampaign } from '../helpers/core.js';
import { memoryLogger } from '../schedule/harness.js';
import { chatIds, CountingAdapter, FaultClock, instance, logCounts, missingMarkers, runFanOut, seed } from './fanout.js';
import { PostgresDatabase, postgresUnavailable } from './postgres-db.js';
import { expectTargets, record } from './row.js';

const CHATS = 1_000;

describe.skipIf(postgresUnavailable !== undefined)(`store faults on Postgres${postgresUnavailable ? ` — SKIPPED: ${postgresUnavailable}` : ''}`, () => {
  let db: PostgresDatabase | undefined;
  let store: Store | undefined;

  beforeAll(async () => { db = await PostgresDatabase.create(); });
  afterAll(async () => {
    await store?.close().catch(() => undefined);
    await db?.drop();
  });

  it('pg_terminate_backend ×5 mid fan-out: every marker sticks', async () => {
    const ids = chatIds(CHATS);
    const seeding = await openStore(db!.url);
    await seed(seeding, ids);
    await seeding.close();

    const { log, lines } = memoryLogger();
    const clock = new FaultClock();
    const adapter = new CountingAdapter(clock);
    store = await openStore(db!.url, { log });
    const a = instance(await shippedCampaign(), store, adapter, clock, log);
    const terminated: number[] = [];
    const m = await runFanOut({ ids, adapter, clock, instances: [a], fault: async () => {
      for (let i = 1; i <= 5; i++) {
        await adapter.whenSent((CHATS * i) / 6);
        terminated.push(await db!.terminateConnections());
      }
    } });
    const lostMarkers = await missingMarkers(store, ids);
    const row = await record('postgres pg_terminate_backend x5 mid fan-out', m, [a.scheduler.counters], terminated.length, {
      backendsTerminated: terminated.join('+'), markersMissing: lostMarkers, logLines: logCounts(lines).total,
    });
    expectTargets(row, m);
    // Each of the five struck while the store had connections open.
    expect(terminated.every((n) => n >= 1), row.notes).toBe(true);
    expect(lostMarkers, row.notes).toBe(0);
  }, 120_000);
});
