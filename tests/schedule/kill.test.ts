/**
 * SIGKILL in the middle of a 10,000-chat fan-out, then a restart: every chat
 * gets its reminder; the only doubles are sends that had reached the platform
 * but whose "delivered" marker was not written yet — at most the sends in
 * flight at the kill. On a SQLite file always; on Redis too when REDIS_URL is set.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELIVERED, deliveryKey } from '../../src/schedule/delivery.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { seedSubscriptions } from './harness.js';
import { Sink, startBot } from './processes.js';

const CHATS = 10_000;
const CONCURRENCY = 16;
const LEASE_MS = 2000;
const NOW = '2026-12-16T04:00:30Z';
const ids = Array.from({ length: CHATS }, (_, i) => String(-1_000_000 - i));

async function inChunks<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** Chats the sink heard from but whose marker is missing: sends in flight when the process died. */
async function unmarked(store: Store, sink: Sink): Promise<number> {
  let n = 0;
  await inChunks([...sink.counts.keys()], 200, async (id) => {
    if ((await store.get(DELIVERED, deliveryKey({ platform: 'telegram', chatId: id }, 'zhanaozen-massacre-2011', 2026))) === undefined) n++;
  });
  return n;
}

/** Where a scenario keeps its store. */
interface Backend {
  readonly name: string;
  readonly enabled: boolean;
  /** Prepares an empty store; returns its URL. */
  setUp(): Promise<string>;
  tearDown(): Promise<void>;
}

let dir = '';
const sqlite: Backend = {
  name: 'SQLite file',
  enabled: true,
  async setUp() {
    dir = await mkdtemp(join(tmpdir(), 'placard-kill-'));
    return `sqlite://${join(dir, 'placard.sqlite')}`;
  },
  async tearDown() { if (dir) await rm(dir, { recursive: true, force: true }); },
};

const REDIS_URL = process.env.REDIS_URL;
const redisUrl = (): string => {
  const u = new URL(REDIS_URL ?? 'redis://127.0.0.1:6379');
  u.pathname = '/12'; // a database of our own on the shared server
  return u.toString();
};
const flushRedis = async (): Promise<void> => {
  const client = createClient({ url: redisUrl() });
  await client.connect();
  await client.flushDb();
  await client.close();
};
const redis: Backend = {
  name: 'Redis',
  enabled: Boolean(REDIS_URL),
  async setUp() { await flushRedis(); return redisUrl(); },
  async tearDown() { if (REDIS_URL) await flushRedis(); },
};

for (const backend of [sqlite, redis]) {
  describe(`reminders survive a SIGKILL mid fan-out (${backend.name})`, () => {
    let url = '';
    let sink: Sink | undefined;

    beforeAll(async () => {
      if (!backend.enabled) return;
      url = await backend.setUp();
      const store = await openStore(url);
      await inChunks(ids, 500, (id) => seedSubscriptions(store, 'telegram', [id]));
      await store.close();
      sink = await Sink.start(1);
    }, 60_000);
    afterAll(async () => {
      await sink?.close();
      await backend.tearDown();
    });

    it.skipIf(!backend.enabled)('no chat is left without its reminder; doubles are exactly the unmarked sends in flight at the kill', async () => {
      const env = { STORE_URL: url, SINK_URL: sink!.url, NOW, CONCURRENCY: String(CONCURRENCY), LEASE_MS: String(LEASE_MS) };
      const first = startBot(env);
      const killAt = 2000 + Math.floor(Math.random() * 3000);
      const killed = new Promise<void>((resolve) => {
        sink!.onSend = (total) => {
          if (total >= killAt && first.child.exitCode === null && !first.child.killed) {
            first.child.kill('SIGKILL');
            resolve();
          }
        };
      });
      await killed;
      await expect(first.result).rejects.toThrow(/SIGKILL/);
      sink!.onSend = undefined;
      const heard = sink!.total;
      expect(heard).toBeGreaterThanOrEqual(killAt);
      expect(heard).toBeLessThan(CHATS);

      const store = await openStore(url);
      const inFlight = await unmarked(store, sink!);
      await store.close();
      expect(inFlight).toBeLessThanOrEqual(CONCURRENCY);

      const result = await startBot(env).result;
      const missing = ids.filter((id) => !sink!.counts.has(id));
      const doubles = sink!.doubles();
      console.log(JSON.stringify({ backend: backend.name, killedAfter: heard, inFlightAtKill: inFlight, doubles, restartSent: result.counters.sent, ticks: result.ticks }));
      expect(missing).toEqual([]);
      expect(sink!.counts.size).toBe(CHATS);
      expect(doubles.extra).toBe(inFlight);
      expect(doubles.extra).toBeLessThanOrEqual(CONCURRENCY);
      expect(result.counters.sent).toBe(CHATS - heard + inFlight);
    }, 90_000);
  });
}
