/**
 * What reminders cost at scale (`npm run bench -- costs`, and part of `npm run bench`):
 *
 * - `storeRoundTripsBench`: store operations per delivered reminder in the
 *   common case, counted through an instrumented store (one per call; a
 *   page of 1,000 rows per round trip for scans) over a 10,000-chat anniversary.
 * - `subscriptionsMillionBench`: 1,000,000 subscriptions seeded into a
 *   redis-server of the bench's own (server-side Lua, 100,000 per call) and
 *   into a Postgres database created for the run (one INSERT … SELECT from
 *   generate_series); a fresh Node process loads the scheduler's list from
 *   each and reports its RSS before and after (and its peak). Both are removed after.
 * - `anniversaryScaleBench`: a scaled anniversary — 12,000 chats, three
 *   instances on one Redis, each with its own Telegram adapter (its own
 *   pacer), against the Telegram fake enforcing 200 messages/s for the whole
 *   bot — and from its achieved share of the limit, the hours a
 *   1,000,000-chat anniversary takes at Telegram's 30/s and Discord's 50/s.
 */
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createClient } from '@keyv/redis';
import { TelegramAdapter } from '../adapters/telegram/adapter.js';
import type { Adapter, SendResult } from '../src/adapter.js';
import { commands } from '../src/commands/index.js';
import { loadCampaign } from '../src/content/load.js';
import { createLogger } from '../src/log.js';
import { Scheduler, type TickReport } from '../src/schedule/scheduler.js';
import { loadSubscriptions } from '../src/schedule/subscriptions.js';
import { countStoreOperations } from '../src/store/instrumented.js';
import { openStore } from '../src/store/open.js';
import { PostgresDatabase, postgresUnavailable } from '../tests/faults/postgres-db.js';
import { RedisServer, redisUnavailable } from '../tests/faults/redis-server.js';
import { fakeInWorker } from './telegram-thread.js';

const run = promisify(execFile);
const CONTENT_DIR = new URL('../content', import.meta.url).pathname;
const ANNIVERSARY = new Date('2026-12-16T04:00:30Z');
const ZONES = ['Asia/Almaty', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Africa/Lagos'];
const DEFAULTS = { timeZone: 'Asia/Almaty', reminderTime: '09:00' };
const silent = createLogger({ level: 'silent' });
const MB = 1024 * 1024;
const round = (n: number, digits = 3): number => Number(n.toFixed(digits));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The stored row of chat `i`'s settings, as keyv writes it (Telegram supergroup-like ids, 14 characters). */
const SEED_LUA = `
local zones = cjson.decode(ARGV[3])
for i = tonumber(ARGV[1]), tonumber(ARGV[1]) + tonumber(ARGV[2]) - 1 do
  redis.call('SET', 'chat:telegram:-100' .. (1000000000 + i),
    '{"value":{"subscribed":true,"timeZone":"' .. zones[(i % #zones) + 1] .. '","reminderTime":"09:00","kind":"group"}}')
end
return 1`;

/** Subscribes `count` chats in the Redis at `url`, 100,000 per script call, spread over `zones`. */
async function seedRedis(url: string, count: number, zones: readonly string[]): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  for (let i = 0; i < count; i += 100_000) {
    await client.eval(SEED_LUA, { keys: [], arguments: [String(i), String(Math.min(100_000, count - i)), JSON.stringify(zones)] });
  }
  await client.close();
}

/** Subscribes `count` chats in the Postgres database `db` in one statement. */
async function seedPostgres(db: PostgresDatabase, count: number): Promise<void> {
  const store = await openStore(db.url); // creates the table and its index
  await store.set('seed', 'x', 1);
  await store.close();
  const zones = `ARRAY[${ZONES.map((z) => `'${z}'`).join(',')}]`;
  const sql = `INSERT INTO keyv (key, value) SELECT 'chat:telegram:-100' || (1000000000 + g),
    '{"value":{"subscribed":true,"timeZone":"' || (${zones})[1 + g % ${ZONES.length}] || '","reminderTime":"09:00","kind":"group"}}'
    FROM generate_series(0, ${count - 1}) AS g; ANALYZE keyv;`;
  await run('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', db.name, '-w', '-v', 'ON_ERROR_STOP=1', '-qc', sql], { timeout: 300_000 });
}

/** RSS figures of a fresh process loading the list, in bytes. */
interface ListMemory { readonly count: number; readonly rssBefore: number; readonly rssAfter: number; readonly peakRss: number; readonly heapGrowth: number; readonly loadMs: number }

/** Runs this file as a child that loads the subscription list from `url` and reports its memory. */
async function listMemoryInChild(url: string): Promise<ListMemory> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', fileURLToPath(import.meta.url), 'list-memory', url], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`list-memory child exited with ${code}`);
  return JSON.parse(out) as ListMemory;
}

/** In the child: the scheduler's list of every subscription at `url`, and what holding it costs. */
async function listMemory(url: string): Promise<ListMemory> {
  const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);
  const store = await openStore(url);
  await store.ping();
  gc();
  const before = process.memoryUsage();
  const started = performance.now();
  const list = await loadSubscriptions(store, DEFAULTS);
  const loadMs = performance.now() - started;
  gc();
  const after = process.memoryUsage();
  const count = list.reduce((n, g) => n + g.chats.length, 0);
  await store.close();
  return { count, rssBefore: before.rss, rssAfter: after.rss, peakRss: process.resourceUsage().maxRSS * 1024, heapGrowth: after.heapUsed - before.heapUsed, loadMs };
}

const memoryFigures = (name: string, m: ListMemory): Record<string, number> => ({
  [`subscriptions_1m_count_${name}`]: m.count,
  [`subscriptions_1m_rss_mb_${name}`]: round(m.rssAfter / MB, 1),
  [`subscriptions_1m_rss_growth_mb_${name}`]: round((m.rssAfter - m.rssBefore) / MB, 1),
  [`subscriptions_1m_rss_growth_mb_per_100k_${name}`]: round((m.rssAfter - m.rssBefore) / MB / (m.count / 100_000), 2),
  [`subscriptions_1m_peak_rss_mb_${name}`]: round(m.peakRss / MB, 1),
  [`subscriptions_1m_list_heap_mb_${name}`]: round(m.heapGrowth / MB, 1),
  [`subscriptions_1m_load_s_${name}`]: round(m.loadMs / 1000, 1),
});

/** 1,000,000 subscriptions on Redis and on Postgres: the memory of the process holding their list. */
export async function subscriptionsMillionBench(count = 1_000_000): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  if (redisUnavailable === undefined) {
    const redis = await RedisServer.start();
    try {
      await seedRedis(redis.url, count, ZONES);
      Object.assign(figures, memoryFigures('redis', await listMemoryInChild(redis.url)));
    } finally {
      await redis.dispose();
    }
  }
  if (postgresUnavailable === undefined) {
    const db = await PostgresDatabase.create();
    try {
      await seedPostgres(db, count);
      Object.assign(figures, memoryFigures('postgres', await listMemoryInChild(db.url)));
    } finally {
      await db.drop();
    }
  }
  return figures;
}

/** Takes every message at once. */
class InstantAdapter implements Adapter {
  readonly name = 'telegram' as const;
  async start(): Promise<void> {}
  ready(): boolean { return true; }
  async stop(): Promise<void> {}
  async send(): Promise<SendResult> { return { kind: 'sent' }; }
}

/** Store operations per delivered reminder over a `chats`-chat anniversary (one instance, every operation counted). */
export async function storeRoundTripsBench(chats = 10_000): Promise<Record<string, number>> {
  const inner = await openStore('memory://');
  try {
    const campaign = await loadCampaign(CONTENT_DIR);
    for (let i = 0; i < chats; i++) {
      await inner.set('chat', `telegram:-100${1_000_000_000 + i}`, { subscribed: true, timeZone: 'Asia/Almaty', reminderTime: '09:00', kind: 'group' });
    }
    const { store, counts } = countStoreOperations(inner);
    const scheduler = new Scheduler({ campaign, store, adapters: new Map([['telegram', new InstantAdapter()]]), catchUpHours: 6, log: silent, clock: () => ANNIVERSARY });
    const report = await scheduler.tick();
    const total = counts.total();
    await scheduler.stop();
    const sent = Math.max(1, report?.sent ?? 0);
    const per = (op: string): number => round((counts.byOperation.get(op) ?? 0) / sent, 4);
    return {
      store_round_trips_chats: report?.sent ?? 0,
      store_round_trips_per_reminder: round(total / sent, 3),
      store_round_trips_claim_per_reminder: per('claimUnlessDone'),
      store_round_trips_write_per_reminder: per('set'),
      store_round_trips_read_per_reminder: round(per('get') + per('entries'), 4),
    };
  } finally {
    await inner.close();
  }
}

/** A scaled anniversary on one Redis with three instances, and what it says of 1,000,000 chats at the platforms' limits. */
export async function anniversaryScaleBench(chats = 12_000, limit = 200, instances = 3): Promise<Record<string, number>> {
  if (redisUnavailable !== undefined) return {};
  const redis = await RedisServer.start();
  const tg = await fakeInWorker({ perSecondTotal: limit, perSecondPerChat: 1 });
  const campaign = await loadCampaign(CONTENT_DIR);
  const counted = await Promise.all(Array.from({ length: instances }, async () => countStoreOperations(await openStore(redis.url))));
  try {
    await seedRedis(redis.url, chats, ['Asia/Almaty']);
    const schedulers = counted.map(({ store }, i) => new Scheduler({
      campaign, store, catchUpHours: 6, log: silent, clock: () => ANNIVERSARY, instanceId: `bench-${i}`,
      adapters: new Map([['telegram', new TelegramAdapter({
        token: tg.token, apiRoot: tg.apiRoot, botInfo: tg.botInfo, log: silent, services: { campaign, store, commands },
        limits: { global: { count: limit, perMs: 1000 }, perChat: { count: 1, perMs: 1000 } },
      })]]),
    }));
    const started = performance.now();
    await Promise.all(schedulers.map(async (s) => {
      // Ticks every second (production: every minute); a standby's tick counts its list in memory, which is not free.
      for (let r: TickReport | undefined; ; await sleep(1000)) {
        r = await s.tick();
        if ((r && r.claimed + r.deferred + r.failed === 0) || performance.now() - started > 10 * chats / limit * 1000) return;
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(schedulers.map((s) => s.stop()));
    const stats = await tg.stats();
    const ok = [...stats.okAt].sort((a, b) => a - b);
    const span = ok.length > 1 ? (ok.at(-1)! - ok[0]!) / 1000 : 0;
    const share = (ok.length - 1) / Math.max(span, 1e-9) / limit;
    let duplicate = 0;
    for (const [, n] of stats.perChat) duplicate += n - 1;
    const sent = schedulers.reduce((n, s) => n + s.counters.sent, 0);
    return {
      anniversary_scaled_chats: chats,
      anniversary_scaled_instances: instances,
      anniversary_scaled_limit_per_s: limit,
      anniversary_scaled_seconds: round(seconds, 1),
      anniversary_scaled_share: round(share),
      anniversary_scaled_429s: stats.tooManyRequests,
      anniversary_scaled_lost: chats - stats.perChat.length,
      anniversary_scaled_duplicate: duplicate,
      anniversary_scaled_drivers: schedulers.filter((s) => s.counters.sent > 0).length,
      anniversary_scaled_store_ops_per_reminder: round(counted.reduce((n, c) => n + c.counts.total(), 0) / Math.max(1, sent)),
      anniversary_1m_hours_telegram_30_per_s: round(1_000_000 / (30 * share) / 3600, 2),
      anniversary_1m_hours_discord_50_per_s: round(1_000_000 / (50 * share) / 3600, 2),
    };
  } finally {
    await Promise.all(counted.map((c) => c.store.close().catch(() => undefined)));
    await tg.close();
    await redis.dispose();
  }
}

/** Every cost figure, merged. */
export async function reminderCostBenchmarks(): Promise<Record<string, number>> {
  return { ...(await storeRoundTripsBench()), ...(await anniversaryScaleBench()), ...(await subscriptionsMillionBench()) };
}

if (process.argv[2] === 'list-memory' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(JSON.stringify(await listMemory(process.argv[3] ?? '')));
  process.exit(0);
}
