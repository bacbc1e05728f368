/**
 * Fault row: the SQLite data folder deleted while Placard runs (Discord
 * configured, 20 channels subscribed). The store must notice: its ping fails,
 * `/readyz` (wired as src/main.ts wires it) answers 503 with the reason, a
 * write is refused rather than going into the deleted file, and no reminder
 * is sent without a working ledger. Restored from the operator's backup and
 * restarted, every channel gets its reminder once.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpServer } from '../../src/http/server.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { readinessServer, readyz, readyzUntil, runDiscordFanOut, startDiscordFaultRig, type DiscordFaultRig } from './discord-rig.js';
import { expectTargets, record } from './row.js';

let rigs: DiscordFaultRig[] = [];
let stores: Store[] = [];
let http: HttpServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await http?.close();
  for (const r of rigs) await r.close();
  for (const s of stores) await s.close().catch(() => undefined);
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  rigs = [];
  stores = [];
  http = undefined;
  dir = undefined;
});

describe('fault: SQLite data folder deleted while running', () => {
  it('ping fails, /readyz 503 with the reason, nothing written or sent; restored and restarted: 20/20 once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'placard-faults-sqlite-'));
    const data = join(dir, 'data');
    const file = join(data, 'placard.sqlite');
    const store = await openStore(`sqlite://${file}`);
    stores.push(store);
    const first = await startDiscordFaultRig({ chats: 20, store });
    rigs.push(first);
    http = await readinessServer(store, [first.adapter]);
    expect((await readyzUntil(http.port, 200, 3_000)).last.status).toBe(200);
    // The operator's backup, taken while the store is idle (the database and its WAL).
    const backup = join(dir, 'backup');
    mkdirSync(backup);
    for (const f of [file, `${file}-wal`]) if (existsSync(f)) copyFileSync(f, join(backup, f.slice(data.length + 1)));

    const deletedAt = Date.now();
    rmSync(data, { recursive: true, force: true });
    const pingError = await store.ping().then(() => '', (e: unknown) => (e instanceof Error ? e.message : String(e)));
    const notReady = await readyzUntil(http.port, 503, 3_000);
    const to503Ms = Date.now() - deletedAt;
    const writeError = await store.set('chat', 'discord:1', { subscribed: true }).then(() => '', (e: unknown) => (e instanceof Error ? e.message : String(e)));
    // The reminders fall due while the store is gone: the scheduler must send nothing it cannot record.
    first.clock.start();
    const ticking = first.scheduler.tick();
    await Promise.race([ticking, new Promise((resolve) => setTimeout(resolve, 1_500))]);
    await first.scheduler.stop();
    const report = await ticking;
    const postedWhileDeleted = first.ids.reduce((n, id) => n + first.posts(id), 0);
    const recreated = existsSync(file);
    const stillNotReady = await readyz(http.port);

    // Restore the backup and restart (a new store, adapter and scheduler on the same path).
    mkdirSync(data);
    for (const f of ['placard.sqlite', 'placard.sqlite-wal']) if (existsSync(join(backup, f))) copyFileSync(join(backup, f), join(data, f));
    const restored = await openStore(`sqlite://${file}`);
    stores.push(restored);
    const second = await startDiscordFaultRig({ chats: 20, store: restored, seed: false });
    rigs.push(second);
    const m = await runDiscordFanOut(second, async () => undefined, { healthy: second.ids });
    const downS = Math.round((Date.now() - deletedAt) / 100) / 10;

    const row = await record('sqlite: data folder deleted while running (restored, restarted)', m, [first.scheduler.counters, second.scheduler.counters], second.scheduler.counters.sent, {
      pingFailed: JSON.stringify(pingError.replace(file, '<file>')), readyz503AfterMs: to503Ms, readyzStatus: notReady.last.status,
      readyzReason: JSON.stringify((notReady.last.failures.store ?? '').replace(file, '<file>').slice(0, 80)), writeRefused: writeError !== '',
      fileRecreated: recreated, postedWhileDeleted, tickWhileDeleted: report === undefined ? 'failed (logged)' : `storeError=${report.storeError}`,
      readyzStillAfterTick: stillNotReady.status, downS, secondsAre: 'from due, after the restart',
    });

    expect(pingError).toMatch(/was deleted/);
    expect(notReady.last.status).toBe(503);
    expect(notReady.last.failures.store).toMatch(/was deleted/);
    expect(to503Ms).toBeLessThan(3_000);
    expect(writeError).toMatch(/was deleted/);
    expect(recreated).toBe(false);
    expect(postedWhileDeleted).toBe(0);
    expect(stillNotReady.status).toBe(503);
    expectTargets(row, m);
  }, 30_000);
});
