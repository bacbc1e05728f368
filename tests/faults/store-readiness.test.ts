/**
 * Fault rows of the store itself, as an orchestrator and a privacy review see
 * it: a paused Redis (SIGSTOP: sockets open, nothing answered) must not make
 * /readyz hang — 503 within 3 s, 200 again after SIGCONT — and a chat that
 * is forgotten leaves none of its bytes (settings, delivered markers) in the
 * SQLite file or its WAL.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src/http/server.js';
import { deliveryKey } from '../../src/schedule/delivery.js';
import { DELIVERED, forgetChat } from '../../src/store/chat-settings.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { seedSubscriptions } from '../schedule/harness.js';
import { RedisServer, redisUnavailable } from './redis-server.js';
import { recordFault } from './report.js';

const storeCheck = (s: Store) => (): Promise<string | undefined> =>
  s.ping().then(() => undefined, (e: unknown) => (e instanceof Error ? e.message : 'unreachable'));

async function readyz(port: number): Promise<{ status: number; ms: number }> {
  const t0 = Date.now();
  const r = await fetch(`http://127.0.0.1:${port}/readyz`);
  await r.text();
  return { status: r.status, ms: Date.now() - t0 };
}

describe.skipIf(redisUnavailable !== undefined)(`store readiness${redisUnavailable ? ` (SKIPPED: ${redisUnavailable})` : ''}`, () => {
  let redis: RedisServer | undefined;
  afterAll(async () => { redis?.resume(); await redis?.stop(); });

  it('redis paused: /readyz answers 503 within 3 s while paused, 200 again after', async () => {
    redis = await RedisServer.start();
    const store = await openStore(redis.url);
    const http = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: { store: storeCheck(store) } });
    try {
      const before = await readyz(http.port);
      redis.pause();
      const probes: { status: number; ms: number }[] = [];
      for (let i = 0; i < 3; i++) probes.push(await readyz(http.port));
      redis.resume();
      const t0 = Date.now();
      let after = await readyz(http.port);
      while (after.status !== 200 && Date.now() - t0 < 10_000) after = await readyz(http.port);
      const slowest = Math.max(...probes.map((p) => p.ms));
      const row = {
        fault: 'redis paused (SIGSTOP): /readyz', chats: 0, lost: 0, doubled: 0, recovered: after.status === 200,
        seconds: +((Date.now() - t0) / 1000).toFixed(1),
        notes: `before=${before.status}; whilePaused=${probes.map((p) => p.status).join('+')}; slowestWhilePausedMs=${slowest}; afterResume=${after.status}`,
      };
      await recordFault(row);
      expect(before.status).toBe(200);
      expect(probes.every((p) => p.status === 503), row.notes).toBe(true);
      expect(slowest, row.notes).toBeLessThan(3_000);
      expect(after.status, row.notes).toBe(200);
    } finally {
      redis.resume();
      await http.close();
      await store.close().catch(() => undefined);
    }
  }, 40_000);
});

describe('sqlite privacy', () => {
  it('a forgotten chat leaves none of its bytes (settings, markers) in the file or its WAL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-faults-sqlite-'));
    try {
      const file = join(dir, 'placard.sqlite');
      const store = await openStore(`sqlite://${file}`);
      const ids = Array.from({ length: 20 }, (_, i) => String(7_000_000_100 + i)); // private chats: a person's id
      await seedSubscriptions(store, 'telegram', ids, { kind: 'private', timeZone: 'Europe/Vilnius' });
      // Last year's reminders were delivered: their markers carry the chat id in their keys.
      for (const id of ids) await store.set(DELIVERED, deliveryKey({ platform: 'telegram', chatId: id }, 'zhanaozen-massacre-2011', 2025), { outcome: 'sent', at: '2025-12-16T04:00:00.000Z' });
      const bytes = (): string => [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('');
      const seenBefore = ids.filter((id) => bytes().includes(id)).length;
      for (const id of ids.slice(0, 10)) await forgetChat(store, { platform: 'telegram', chatId: id });
      const after = bytes();
      const forgottenLeft = ids.slice(0, 10).filter((id) => after.includes(id)).length;
      const keptFound = ids.slice(10).filter((id) => after.includes(id)).length;
      await store.close();
      const row = {
        fault: 'sqlite: forgotten chats leave no trace in the file', chats: ids.length, lost: 0, doubled: 0, recovered: forgottenLeft === 0,
        seconds: 0, notes: `idsInFileBefore=${seenBefore}/20; forgottenStillInFile=${forgottenLeft}/10; keptInFile=${keptFound}/10`,
      };
      await recordFault(row);
      expect(seenBefore, row.notes).toBe(20);
      expect(forgottenLeft, row.notes).toBe(0);
      expect(keptFound, row.notes).toBe(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
