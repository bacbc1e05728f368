/**
 * Store faults on Redis during an anniversary fan-out: the real Scheduler on
 * a redis-server of the suite's own (see redis-server.ts), sending through a
 * counting adapter. Each case asserts lost = 0, doubled = 0, every chat
 * within 30 s, and records its row (see README.md).
 *
 * Before each case the subscriptions are written and snapshotted (`SAVE`), so
 * a restarted server comes back with them, as a server with RDB persistence
 * would, but without the claims and markers written since. Such markers are
 * honestly lost: this instance still knows those reminders went out (its
 * in-memory done set) and does not send them again, but another instance, or
 * this one after a restart, would. The rows report how many (`markersLost`).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/content/campaign.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { shippedCampaign } from '../helpers/core.js';
import { memoryLogger } from '../schedule/harness.js';
import { chatIds, CountingAdapter, FaultClock, instance, logCounts, missingMarkers, runFanOut, seed } from './fanout.js';
import { TroubleProxy } from './proxy.js';
import { redisUnavailable, RedisServer } from './redis-server.js';
import { expectTargets, record } from './row.js';

const CHATS = 3_000;
/** Log lines (scheduler and store together) a 5-second outage may cost; main wrote 4,080. */
const OUTAGE_LOG_BOUND = 50;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.skipIf(redisUnavailable !== undefined)(`store faults on Redis${redisUnavailable ? ` — SKIPPED: ${redisUnavailable}` : ''}`, () => {
  let redis: RedisServer | undefined;
  let campaign: Campaign;
  const opened: Store[] = [];
  const closers: (() => Promise<void>)[] = [];
  const ids = chatIds(CHATS);

  /** A store on `url` whose outage lines go to `log`; closed after the case. */
  const open = async (url: string, log: ReturnType<typeof memoryLogger>['log']): Promise<Store> => {
    const store = await openStore(url, { log });
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    campaign = await shippedCampaign();
    redis = await RedisServer.start();
  });
  afterAll(async () => { await redis?.dispose(); });

  beforeEach(async () => {
    redis!.resume();
    if (!redis!.running) await redis!.startAgain();
    await redis!.cli('FLUSHALL');
    const store = await openStore(redis!.url);
    await seed(store, ids);
    await store.close();
    await redis!.snapshot();
  }, 60_000);

  afterEach(async () => {
    redis?.resume();
    for (const close of closers.splice(0)) await close().catch(() => undefined);
    for (const s of opened.splice(0)) await s.close().catch(() => undefined);
  });

  it('restarted mid fan-out (claims and markers since the snapshot lost): no reminder sent twice by this instance', async () => {
    const { log, lines } = memoryLogger();
    const clock = new FaultClock();
    const adapter = new CountingAdapter(clock);
    const a = instance(campaign, await open(redis!.url, log), adapter, clock, log);
    let sentBefore = 0;
    const m = await runFanOut({ ids, adapter, clock, instances: [a], fault: async () => {
      await adapter.whenSent(CHATS / 3);
      await redis!.stop();
      sentBefore = adapter.total;
      await redis!.startAgain();
    } });
    const lostMarkers = await missingMarkers(a.store, ids);
    const logs = logCounts(lines);
    const row = await record('redis restarted mid fan-out', m, [a.scheduler.counters], true, {
      sentBeforeDown: sentBefore, markersLost: lostMarkers, logLines: logs.total,
    });
    expectTargets(row, m);
    // The restart did hit the fan-out: deliveries failed on the store and were carried through.
    expect(a.scheduler.counters.errors + a.scheduler.counters.markerRetries, row.notes).toBeGreaterThan(0);
    // Markers lost are at most those of the sends made before the server went down: every later one stuck.
    expect(lostMarkers, row.notes).toBeLessThanOrEqual(sentBefore);
  }, 120_000);

  it('CLIENT KILL ×3 mid fan-out: every marker sticks', async () => {
    const { log, lines } = memoryLogger();
    const clock = new FaultClock();
    const adapter = new CountingAdapter(clock);
    const a = instance(campaign, await open(redis!.url, log), adapter, clock, log);
    const killed: number[] = [];
    const m = await runFanOut({ ids, adapter, clock, instances: [a], fault: async () => {
      for (const at of [0.25, 0.5, 0.75]) {
        await adapter.whenSent(CHATS * at);
        killed.push(await redis!.killClients());
      }
    } });
    const lostMarkers = await missingMarkers(a.store, ids);
    const row = await record('redis CLIENT KILL x3 mid fan-out', m, [a.scheduler.counters], killed.length, {
      clientsKilled: killed.join('+'), markersMissing: lostMarkers, logLines: logCounts(lines).total,
    });
    expectTargets(row, m);
    expect(killed.every((n) => n >= 1), row.notes).toBe(true);
    expect(lostMarkers, row.notes).toBe(0);
  }, 120_000);

  it('stopped for 5 s mid fan-out, then started again: nothing lost or doubled, a few log lines', async () => {
    const { log, lines } = memoryLogger();
    const clock = new FaultClock();
    const adapter = new CountingAdapter(clock);
    const a = instance(campaign, await open(redis!.url, log), adapter, clock, log);
    let sentBefore = 0;
    const m = await runFanOut({ ids, adapter, clock, instances: [a], fault: async () => {
      await adapter.whenSent(CHATS / 3);
      await redis!.stop();
      sentBefore = adapter.total;
      await sleep(5_000);
      await redis!.startAgain();
    } });
    const lostMarkers = await missingMarkers(a.store, ids);
    const logs = logCounts(lines);
    const row = await record('redis outage 5 s (stopped, started again)', m, [a.scheduler.counters], true, {
      sentBeforeDown: sentBefore, markersLost: lostMarkers, logLines: logs.total, warnLines: logs.warn, errorLines: logs.error,
    });
    expectTargets(row, m);
    expect(m.seconds, row.notes).toBeGreaterThanOrEqual(5); // the outage did stall the fan-out
    expect(logs.total, row.notes).toBeLessThan(OUTAGE_LOG_BOUND);
    expect(lostMarkers, row.notes).toBeLessThanOrEqual(sentBefore);
  }, 120_000);

  it('paused 5 s mid fan-out (SIGSTOP, SIGCONT): nothing lost or doubled, a few log lines', async () => {
    const { log, lines } = memoryLogger();
    const clock = new FaultClock();
    const adapter = new CountingAdapter(clock);
    const a = instance(campaign, await open(redis!.url, log), adapter, clock, log);
    const m = await runFanOut({ ids, adapter, clock, instances: [a], fault: async () => {
      await adapter.whenSent(CHATS / 3);
      redis!.pause();
      await sleep(5_000);
      redis!.resume();
    } });
    const lostMarkers = await missingMarkers(a.store, ids);
    const logs = logCounts(lines);
    const row = await record('redis outage 5 s (paused, SIGSTOP)', m, [a.scheduler.counters], true, {
      markersMissing: lostMarkers, logLines: logs.total, warnLines: logs.warn, errorLines: logs.error,
    });
    expectTargets(row, m);
    expect(m.seconds, row.notes).toBeGreaterThanOrEqual(5);
    expect(logs.total, row.notes).toBeLessThan(OUTAGE_LOG_BOUND);
    expect(lostMarkers, row.notes).toBe(0);
  }, 120_000);

  it('two instances on one Redis, one with store trouble (its commands held 2 s then dropped unsent, reconnects refused 2 s): once each', async () => {
    const { log, lines } = memoryLogger();
    const clock = new FaultClock();
    const adapter = new CountingAdapter(clock, 20);
    const proxy = await TroubleProxy.start(redis!.port);
    closers.push(() => proxy.close());
    const healthy = instance(campaign, await open(redis!.url, log), adapter, clock, log);
    const troubled = instance(campaign, await open(`redis://127.0.0.1:${proxy.port}`, log), adapter, clock, log);
    let sentDuringTrouble = 0;
    const m = await runFanOut({ ids, adapter, clock, instances: [healthy, troubled], fault: async () => {
      await adapter.whenSent(CHATS * 0.15);
      const before = adapter.total;
      // Commands held back, then the connections dropped with them: those never reach Redis.
      await proxy.blackhole(2_000, 2_000);
      sentDuringTrouble = adapter.total - before;
    } });
    const lostMarkers = await missingMarkers(healthy.store, ids);
    const counters = [healthy.scheduler.counters, troubled.scheduler.counters];
    const row = await record('redis, two instances, one with store trouble', m, counters, proxy.dropped, {
      connectionsCut: proxy.dropped, sentDuringTrouble, markersMissing: lostMarkers, logLines: logCounts(lines).total,
    });
    expectTargets(row, m);
    expect(proxy.dropped, row.notes).toBeGreaterThan(0);
    // Both instances took part; the troubled one did hit its trouble; the healthy one went on meanwhile.
    expect(counters.every((c) => c.sent > 0), row.notes).toBe(true);
    expect(troubled.scheduler.counters.errors + troubled.scheduler.counters.markerRetries, row.notes).toBeGreaterThan(0);
    expect(sentDuringTrouble, row.notes).toBeGreaterThan(100);
    expect(lostMarkers, row.notes).toBe(0);
  }, 120_000);
});
