/** The scheduler and the delivery ledger, with a controlled clock and a scripted adapter. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Adapter } from '../../src/adapter.js';
import type { Platform } from '../../src/chat.js';
import type { Campaign } from '../../src/content/campaign.js';
import { DELIVERED, deliveryKey, type DeliveredMarker, type SendObservation } from '../../src/schedule/delivery.js';
import { Scheduler, type SchedulerOptions } from '../../src/schedule/scheduler.js';
import { CHAT_SETTINGS, readChatSettings, updateChatSettings } from '../../src/store/chat-settings.js';
import { countStoreOperations } from '../../src/store/instrumented.js';
import type { Store } from '../../src/store/store.js';
import { countingStore, memoryLogger, ScriptedAdapter, seedSubscriptions, TestClock, rigScheduler, schedulerRig } from '../schedule/harness.js';

const ZHANAOZEN = 'zhanaozen-massacre-2011';
const key = (chatId: string, platform: Platform = 'telegram'): string => deliveryKey({ platform, chatId }, ZHANAOZEN, 2026);

describe('reminder scheduler', () => {
  let campaign: Campaign;
  let store: Store;
  let clock: TestClock;
  let adapter: ScriptedAdapter;
  let logged: ReturnType<typeof memoryLogger>;

  const scheduler = (extra: Partial<SchedulerOptions> = {}, adapters?: ReadonlyMap<Platform, Adapter>): Scheduler =>
    rigScheduler({ campaign, store, clock, adapter, logged }, extra, adapters);

  beforeEach(async () => {
    ({ campaign, store, clock, adapter, logged } = await schedulerRig(['-1001', '-1002', '42']));
  });

  it('sends each subscribed chat its reminder once at 09:00 Almaty, and not again on later ticks or after a restart', async () => {
    clock.set('2026-12-16T03:59:00Z');
    const s = scheduler();
    expect((await s.tick())?.sent).toBe(0);
    clock.set('2026-12-16T04:00:00Z');
    const send = vi.spyOn(adapter as Adapter, 'send');
    const first = await s.tick();
    expect(first).toMatchObject({ near: true, dueSlots: 1, sent: 3 });
    expect([...adapter.counts().values()]).toEqual([1, 1, 1]);
    expect(adapter.sent[0]!.message.title).toBe('15 years ago today: Striking oil workers killed in Zhanaozen');
    // The buttons go with the message: the related demands, the notes.
    expect(send.mock.calls.map((call) => call[2])).toEqual(Array(3).fill([
      { label: 'The demands', command: 'demands', args: 'nationalisation' },
      { label: 'Notes and sources', command: 'timeline', args: ZHANAOZEN },
    ]));
    expect(await store.get<DeliveredMarker>(DELIVERED, key('-1001'))).toMatchObject({ outcome: 'sent' });
    clock.ms += 60_000;
    expect((await s.tick())?.sent).toBe(0);
    const restarted = scheduler();
    expect(await restarted.tick()).toMatchObject({ sent: 0, delivered: 3 });
    expect(adapter.sent).toHaveLength(3);
    expect(s.counters).toMatchObject({ sent: 3, fanOut: { running: false, total: 3, sent: 3, pending: 0, failed: 0 } });
    expect(logged.lines.some((l) => l.msg === 'reminder fan-out finished' && l.sent === 3)).toBe(true);
  });

  it('a restart inside the catch-up window still sends what fell due while it was down', async () => {
    clock.set('2026-12-16T09:59:00Z'); // 5 h 59 min late
    const seen: SendObservation[] = [];
    const report = await scheduler({ observe: (o) => seen.push(o) }).tick();
    expect(report).toMatchObject({ sent: 3, missed: 0 });
    expect(seen).toEqual(Array(3).fill({ platform: 'telegram', result: 'sent', lateMs: (5 * 60 + 59) * 60_000 }));
  });

  it('a restart after the catch-up window logs the miss and sends nothing', async () => {
    clock.set('2026-12-16T10:01:00Z'); // 6 h 1 min late
    const s = scheduler();
    expect(await s.tick()).toMatchObject({ sent: 0, missed: 3 });
    expect(adapter.attempts).toHaveLength(0);
    expect(s.counters.missed).toBe(3);
    const line = logged.lines.find((l) => l.msg === 'reminders missed beyond the catch-up window; not sent');
    expect(line).toMatchObject({ event: ZHANAOZEN, year: 2026, timeZone: 'Asia/Almaty', chats: 3, lateMinutes: 361 });
    clock.ms += 60_000;
    expect(await s.tick()).toMatchObject({ missed: 0 }); // logged once
  });

  it('a day without anniversaries costs a comparison: no store call at all', async () => {
    const counted = countingStore(store);
    const s = new Scheduler({ campaign, store: counted.store, adapters: new Map([['telegram', adapter]]), catchUpHours: 6, log: logged.log, clock: clock.now });
    for (const day of ['2026-06-15T04:00Z', '2026-12-14T12:00Z', '2026-12-18T12:00Z']) {
      clock.set(day);
      expect(await s.tick()).toMatchObject({ near: false });
    }
    expect(counted.calls.size).toBe(0);
    clock.set('2026-12-15T12:00Z'); // near, nothing due yet in Almaty: reads the list only
    expect(await s.tick()).toMatchObject({ near: true, dueSlots: 0 });
    expect([...counted.calls.keys()]).toEqual(['entries']);
  });

  it('a delivered reminder costs two store round trips: the claim (with the settings) and the marker', async () => {
    const many = Array.from({ length: 200 }, (_, i) => String(-1_003_000 - i));
    await seedSubscriptions(store, 'telegram', many);
    const counted = countStoreOperations(store);
    const s = scheduler({ store: counted.store });
    const report = await s.tick();
    expect(report).toMatchObject({ sent: 203 });
    const ops = Object.fromEntries(counted.counts.byOperation);
    // Per reminder: claimUnlessDone and the marker's set; per fan-out: the list (one page), the lease, the shared flood wait, the completion note.
    expect(ops).toEqual({ entries: 1, claim: 1, get: 1, claimUnlessDone: 203, set: 204 });
    expect(counted.counts.total() / 203).toBeLessThanOrEqual(3);
    await s.stop();
    expect(counted.counts.byOperation.get('releaseIfHeld')).toBe(1); // stopping hands the lease back
  });

  it('gone: the chat is forgotten, leaves no key with its id, and is not tried again', async () => {
    const lastYear = deliveryKey({ platform: 'telegram', chatId: '-1002' }, 'uprising-2022', 2026);
    await store.set(DELIVERED, lastYear, { outcome: 'sent', at: '2026-01-02T04:00:00.000Z' });
    await store.set(DELIVERED, deliveryKey({ platform: 'telegram', chatId: '-10021' }, 'uprising-2022', 2026), { outcome: 'sent', at: '2026-01-02T04:00:00.000Z' });
    adapter.script('-1002', { kind: 'gone', reason: 'Forbidden: bot was kicked from the group chat' });
    const s = scheduler();
    expect(await s.tick()).toMatchObject({ sent: 2, gone: 1 });
    expect(await readChatSettings(store, { platform: 'telegram', chatId: '-1002' })).toBeUndefined();
    expect(await store.get<DeliveredMarker>(DELIVERED, key('-1002'))).toBeUndefined();
    expect(await store.get(DELIVERED, lastYear)).toBeUndefined(); // earlier reminders' markers go too
    expect(await store.get(DELIVERED, deliveryKey({ platform: 'telegram', chatId: '-10021' }, 'uprising-2022', 2026))).toBeDefined();
    expect(await store.claim(key('-1002'), 1000)).toBe(true); // the claim was dropped, not left to lapse
    await store.release(key('-1002'));
    clock.ms += 60_000;
    await scheduler().tick();
    expect(adapter.attempts.filter((a) => a.chatId === '-1002')).toHaveLength(1);
  });

  it('migrated: the subscription moves to the new id, which gets the reminder once', async () => {
    adapter.script('-1001', { kind: 'migrated', newChatId: '-1009001' });
    const s = scheduler();
    expect(await s.tick()).toMatchObject({ sent: 3 });
    expect(adapter.counts().get('-1009001')).toBe(1);
    expect(adapter.counts().has('-1001')).toBe(false);
    expect(await readChatSettings(store, { platform: 'telegram', chatId: '-1001' })).toBeUndefined();
    expect(await readChatSettings(store, { platform: 'telegram', chatId: '-1009001' })).toMatchObject({ subscribed: true, timeZone: 'Asia/Almaty' });
    expect(s.counters.migrated).toBe(1);
    clock.ms += 60_000;
    const fresh = scheduler(); // reads the moved subscription
    expect(await fresh.tick()).toMatchObject({ sent: 0, delivered: 3 });
    expect(adapter.sent).toHaveLength(3);
  });

  it('transient failures are retried with backoff, then recorded and released for a later tick', async () => {
    const fail = { kind: 'failed', transient: true, reason: '502 Bad Gateway' } as const;
    adapter.script('42', fail, fail, fail);
    const s = scheduler();
    expect(await s.tick()).toMatchObject({ sent: 2, failed: 1 });
    expect(clock.sleeps).toEqual([2000, 4000]);
    expect(adapter.attempts.filter((a) => a.chatId === '42')).toHaveLength(3);
    expect(s.counters).toMatchObject({ failed: 1, retries: 2, fanOut: { failed: 1 } });
    expect(logged.lines.some((l) => l.msg === 'reminder not sent' && l.chat === '42' && l.reason === '502 Bad Gateway')).toBe(true);
    expect(await store.get(DELIVERED, key('42'))).toBeUndefined();
    clock.ms += 60_000; // still inside the window: tried again, and now it goes through
    expect(await s.tick()).toMatchObject({ sent: 1 });
    expect(adapter.counts().get('42')).toBe(1);
  });

  it('retry-after is waited out; one longer than the lease leaves the send to a later tick', async () => {
    adapter.script('42', { kind: 'retryAfter', ms: 3000 });
    adapter.script('-1001', { kind: 'retryAfter', ms: 600_000 });
    const s = scheduler({ concurrency: 1 });
    expect(await s.tick()).toMatchObject({ sent: 2, deferred: 1 });
    expect(clock.sleeps).toEqual([3000]);
    expect(await s.tick()).toMatchObject({ sent: 1 }); // released, so claimable again
    expect([...adapter.counts().values()]).toEqual([1, 1, 1]);
  });

  it('a permanent failure is recorded and not retried', async () => {
    adapter.script('42', { kind: 'failed', transient: false, reason: '400 Bad Request: message is too long' });
    const s = scheduler();
    expect(await s.tick()).toMatchObject({ sent: 2, rejected: 1 });
    clock.ms += 60_000;
    await scheduler().tick();
    expect(adapter.attempts.filter((a) => a.chatId === '42')).toHaveLength(1);
  });

  it('leaves chats of a platform it has no adapter for unclaimed, for another instance', async () => {
    await seedSubscriptions(store, 'discord', ['123456789012345678']);
    const s = scheduler();
    expect(await s.tick()).toMatchObject({ sent: 3, noAdapter: 1 });
    expect(await store.claim(key('123456789012345678', 'discord'), 1000)).toBe(true);
  });

  it('skips a chat that unsubscribed or changed its time after the list was read', async () => {
    clock.set('2026-12-16T03:59:00Z');
    const s = scheduler();
    await s.tick(); // loads the list
    await updateChatSettings(store, { platform: 'telegram', chatId: '42' }, { subscribed: false });
    await updateChatSettings(store, { platform: 'telegram', chatId: '-1002' }, { reminderTime: '11:00' });
    clock.set('2026-12-16T04:00:00Z');
    expect(await s.tick()).toMatchObject({ sent: 1, changed: 2 });
    clock.set('2026-12-16T06:00:00Z'); // the list is re-read (older than 5 minutes): 11:00 Almaty is due
    expect(await s.tick()).toMatchObject({ sent: 1 });
    expect([...adapter.counts().keys()].sort()).toEqual(['-1001', '-1002']);
  });

  it('never overlaps itself, bounds sends in flight, and sends to the configured target', async () => {
    await seedSubscriptions(store, 'telegram', Array.from({ length: 40 }, (_, i) => `-2${i}`));
    await updateChatSettings(store, { platform: 'telegram', chatId: '42' }, { targetId: '4242' });
    const slow = new ScriptedAdapter('telegram', () => new Promise((r) => setImmediate(r)));
    const s = scheduler({ concurrency: 4 }, new Map([['telegram', slow]]));
    const [a, b] = await Promise.all([s.tick(), s.tick()]);
    expect(a).toMatchObject({ sent: 43 });
    expect(b).toBeUndefined();
    expect(s.counters.overlapping).toBe(1);
    expect(logged.lines.some((l) => l.msg === 'reminder tick skipped: the previous fan-out is still running')).toBe(true);
    expect(slow.maxInFlight).toBe(4);
    expect(slow.counts().get('4242')).toBe(1);
    expect(await store.get(DELIVERED, key('42'))).toBeDefined();
  });

  it('logs no message text and keeps only chat ids and settings in the store', async () => {
    await scheduler().tick();
    const text = JSON.stringify(logged.lines);
    expect(text).not.toContain('Security forces');
    const keys: string[] = [];
    for await (const [k] of store.entries(CHAT_SETTINGS)) keys.push(k);
    expect(keys.sort()).toEqual(['telegram:-1001', 'telegram:-1002', 'telegram:42']);
  });

  it('start() schedules a cron task and stop() ends it', async () => {
    const s = scheduler();
    s.start();
    await s.stop();
    expect(logged.lines.some((l) => l.msg === 'reminder scheduler started')).toBe(true);
  });
});
