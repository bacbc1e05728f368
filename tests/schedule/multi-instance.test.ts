/**
 * Three bot processes on one Redis, 1,000 subscribed chats on an anniversary,
 * each process sending through an adapter that POSTs to a counting loopback
 * server: every chat gets exactly one reminder.
 *
 * Runs only with REDIS_URL (e.g. redis://127.0.0.1:6379); it uses database 11
 * of that server, which it empties before and after.
 */
import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { seedSubscriptions } from './harness.js';
import { Sink, startBot } from './processes.js';

const REDIS_URL = process.env.REDIS_URL;
const CHATS = 1000;
const NOW = '2026-12-16T04:00:05Z';

/** The same server, database 11 (so other suites' keys and ours never meet). */
const dedicated = (url: string): string => {
  const u = new URL(url);
  u.pathname = '/11';
  return u.toString();
};

async function flush(url: string): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  await client.flushDb();
  await client.close();
}

describe('three instances on one Redis', () => {
  const url = REDIS_URL ? dedicated(REDIS_URL) : '';
  let sink: Sink | undefined;

  beforeAll(async () => {
    if (!REDIS_URL) return;
    await flush(url);
    const store = await openStore(url);
    const ids = Array.from({ length: CHATS }, (_, i) => String(-2_000_000 - i));
    for (let i = 0; i < ids.length; i += 200) await Promise.all(ids.slice(i, i + 200).map((id) => seedSubscriptions(store, 'telegram', [id])));
    await store.close();
    sink = await Sink.start(1);
  }, 60_000);

  afterAll(async () => {
    await sink?.close();
    if (REDIS_URL) await flush(url);
  });

  it.skipIf(!REDIS_URL)('every chat gets exactly one reminder', async () => {
    const env = { STORE_URL: url, SINK_URL: sink!.url, NOW, CONCURRENCY: '16', LEASE_MS: '5000', WAIT_GO: '1' };
    const bots = [startBot(env), startBot(env), startBot(env)];
    try {
      await Promise.all(bots.map((b) => b.ready));
      for (const b of bots) b.go();
      const results = await Promise.all(bots.map((b) => b.result));
      const sentBy = results.map((r) => r.counters.sent);
      console.log(JSON.stringify({ sentBy, claimedElsewhere: results.map((r) => r.counters.claimedElsewhere), total: sink!.total }));
      expect(sink!.counts.size).toBe(CHATS);
      expect(sink!.total).toBe(CHATS);
      expect(sink!.doubles()).toEqual({ chats: 0, extra: 0 });
      expect(sentBy.reduce((a, b) => a + b, 0)).toBe(CHATS);
    } finally {
      for (const b of bots) if (b.child.exitCode === null) b.child.kill('SIGKILL');
    }
  }, 60_000);
});
