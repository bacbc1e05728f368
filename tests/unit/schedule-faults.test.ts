/**
 * The delivery ledger under faults, with a controlled clock and a scripted
 * adapter: markers that fail to write, refused posts, whole-platform pauses
 * and flood waits, timeouts, store errors before a send. Each case checks
 * that nothing is lost and nothing doubled.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Adapter, SendResult } from '../../src/adapter.js';
import type { ChatRef, Platform } from '../../src/chat.js';
import type { Campaign } from '../../src/content/campaign.js';
import type { RichMessage } from '../../src/rich/model.js';
import { DELIVERED, deliveryKey } from '../../src/schedule/delivery.js';
import { Scheduler, type SchedulerOptions } from '../../src/schedule/scheduler.js';
import { readChatSettings } from '../../src/store/chat-settings.js';
import type { Store } from '../../src/store/store.js';
import { memoryLogger, ScriptedAdapter, seedSubscriptions, TestClock, rigScheduler, schedulerRig } from '../schedule/harness.js';

const ZHANAOZEN = 'zhanaozen-massacre-2011';
const key = (chatId: string): string => deliveryKey({ platform: 'telegram', chatId }, ZHANAOZEN, 2026);
const CHATS = ['-1001', '-1002', '-1003', '-1004', '-1005'];

/** A store whose chosen operations throw while `failing(op, args)` says so. */
function faultyStore(inner: Store, failing: (op: string, args: unknown[]) => boolean): Store {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (failing(String(prop), args)) return Promise.reject(new Error(`injected ${String(prop)} failure`));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('reminder delivery under faults', () => {
  let campaign: Campaign;
  let store: Store;
  let clock: TestClock;
  let adapter: ScriptedAdapter;
  let logged: ReturnType<typeof memoryLogger>;

  const scheduler = (extra: Partial<SchedulerOptions> = {}, adapters?: ReadonlyMap<Platform, Adapter>): Scheduler =>
    rigScheduler({ campaign, store, clock, adapter, logged }, extra, adapters);

  beforeEach(async () => {
    ({ campaign, store, clock, adapter, logged } = await schedulerRig(CHATS));
  });

  it('a marker that fails to write after a send is retried until it sticks; nothing is sent twice', async () => {
    let markerFailures = 4;
    const flaky = faultyStore(store, (op, args) => op === 'set' && args[0] === DELIVERED && markerFailures-- > 0);
    const s = scheduler({ store: flaky, concurrency: 1 });
    expect(await s.tick()).toMatchObject({ sent: 5, failed: 0 });
    expect(s.counters.markerRetries).toBe(4);
    for (const chat of CHATS) expect(await store.get(DELIVERED, key(chat))).toMatchObject({ outcome: 'sent' });
    clock.ms += 5 * 60_000; // well past the claim's lease
    expect(await s.tick()).toMatchObject({ sent: 0 });
    expect(await scheduler().tick()).toMatchObject({ sent: 0, delivered: 5 });
    expect([...adapter.counts().values()]).toEqual([1, 1, 1, 1, 1]);
    // A burst of the same failure is one line (plus one summary once its interval ends).
    expect(logged.lines.filter((l) => String(l.msg).startsWith('delivered marker not written')).length).toBeLessThanOrEqual(2);
  });

  it('a refused post keeps the subscription, flags it, tries again later, and clears the flag once it goes through', async () => {
    const reason = 'Bad Request: not enough rights to send text messages to the chat';
    adapter.script('-1003', { kind: 'forbidden', reason });
    const s = scheduler();
    expect(await s.tick()).toMatchObject({ sent: 4, forbidden: 1 });
    const flagged = await readChatSettings(store, { platform: 'telegram', chatId: '-1003' });
    expect(flagged).toMatchObject({ subscribed: true, postingProblem: { reason, since: '2026-12-16T04:00:00.000Z' } });
    expect(await store.get(DELIVERED, key('-1003'))).toBeUndefined();
    clock.ms += 5 * 60_000;
    expect(await s.tick()).toMatchObject({ sent: 0, forbidden: 0 }); // not hammered every minute
    expect(adapter.attempts.filter((a) => a.chatId === '-1003')).toHaveLength(1);
    clock.ms += 11 * 60_000;
    expect(await s.tick()).toMatchObject({ sent: 1 });
    expect((await readChatSettings(store, { platform: 'telegram', chatId: '-1003' }))?.postingProblem).toBeUndefined();
    expect([...adapter.counts().values()]).toEqual([1, 1, 1, 1, 1]);
    expect(logged.lines.some((l) => l.level === 40 && String(l.msg).startsWith('reminder refused'))).toBe(true);
  });

  it('a configuration-shaped failure pauses the platform: nothing is final, everything goes out once the adapter answers again', async () => {
    let broken = true;
    const paused = new (class extends ScriptedAdapter {
      override ready(): boolean { return !broken; }
      override async send(target: ChatRef, message: RichMessage): Promise<SendResult> {
        if (broken) { this.attempts.push(target); return { kind: 'paused', reason: '401 Unauthorized' }; }
        return super.send(target, message);
      }
    })();
    const s = scheduler({ concurrency: 1 }, new Map([['telegram', paused]]));
    expect(await s.tick()).toMatchObject({ sent: 0, paused: 1 });
    expect(paused.attempts).toHaveLength(1); // the others were not tried into a broken platform
    expect(s.gates.closedAt('telegram', clock.ms)).toMatchObject({ reason: 'paused' });
    clock.ms += 30_000;
    expect(await s.tick()).toMatchObject({ sent: 0 });
    expect(paused.attempts).toHaveLength(1);
    broken = false; // the operator fixed the token; the adapter's own calls succeed again
    clock.ms += 10_000; // well before the pause would end by itself
    expect(await s.tick()).toMatchObject({ sent: 5, rejected: 0 });
    expect([...paused.counts().values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('a flood wait for the whole bot holds every send of the platform, then all go out once', async () => {
    adapter.script('-1002', { kind: 'retryAfter', ms: 600_000, scope: 'bot' });
    const s = scheduler({ concurrency: 1 });
    const first = await s.tick();
    expect(first).toMatchObject({ deferred: 1 });
    const attemptsDuringWait = adapter.attempts.length;
    for (let i = 0; i < 9; i++) { clock.ms += 60_000; await s.tick(); }
    expect(adapter.attempts.length).toBe(attemptsDuringWait); // nothing sent into the flood wait
    clock.ms += 60_001;
    await s.tick();
    expect([...adapter.counts().values()].sort()).toEqual([1, 1, 1, 1, 1]);
  });

  it('a short flood wait is waited out by the workers', async () => {
    adapter.script('-1002', { kind: 'retryAfter', ms: 3_000, scope: 'bot' });
    const s = scheduler({ concurrency: 2 });
    expect(await s.tick()).toMatchObject({ sent: 5, deferred: 0 });
  });

  it('a send that hangs is cut off, counted as ambiguous, and retried at a later tick', async () => {
    let hang = true;
    const hanging = new (class extends ScriptedAdapter {
      override async send(target: ChatRef, message: RichMessage): Promise<SendResult> {
        if (hang && target.chatId === '-1004') { hang = false; return new Promise<SendResult>(() => undefined); }
        return super.send(target, message);
      }
    })();
    const s = scheduler({ sendTimeoutMs: 50, concurrency: 2 }, new Map([['telegram', hanging]]));
    expect(await s.tick()).toMatchObject({ sent: 4, failed: 1 });
    expect(s.counters.ambiguous).toBe(1);
    expect(await store.claim(key('-1004'), 1000)).toBe(true); // released, not held for the lease
    await store.release(key('-1004'));
    clock.ms += 60_000;
    expect(await s.tick()).toMatchObject({ sent: 1 });
    expect([...hanging.counts().values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('a store blip before sending delays the chats but loses none', async () => {
    let claimFailures = 6;
    const flaky = faultyStore(store, (op) => op === 'claimUnlessDone' && claimFailures-- > 0);
    const s = scheduler({ store: flaky, concurrency: 1 });
    expect(await s.tick()).toMatchObject({ sent: 5, storeError: 0 });
    expect(s.counters.errors).toBe(6);
    expect([...adapter.counts().values()]).toEqual([1, 1, 1, 1, 1]);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(30_000);
    expect(logged.lines.filter((l) => String(l.msg).startsWith('reminder delivery failed on a store error')).length).toBeLessThanOrEqual(2);
  });

  /** `store`, except that the first claim of `lostKey` lands but its answer is lost (a connection killed mid-request). */
  const losingFirstAnswer = (lostKey: string, lost = { n: 1 }): Store => new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'claimUnlessDone') {
        return async (...args: Parameters<Store['claimUnlessDone']>) => {
          const result = await target.claimUnlessDone(...args);
          if (args[0] === lostKey && lost.n-- > 0) throw new Error('Socket closed unexpectedly'); // it landed; the answer did not
          return result;
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

  it('a claim that landed but whose answer was lost (connection killed mid-request) is recognised as its own on retry', async () => {
    const s = scheduler({ store: losingFirstAnswer(key('-1004')), concurrency: 1 });
    expect(await s.tick()).toMatchObject({ sent: 5, claimed: 0 });
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(5_000);
    expect([...adapter.counts().values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('a store error while retrying its own claim still sends once, without waiting out the lease', async () => {
    let markerFailures = 1;
    const lossy = losingFirstAnswer(key('-1003'));
    // On the retry, the renewed claim's marker check fails once too.
    const flaky = faultyStore(lossy, (op, args) => op === 'get' && args[0] === DELIVERED && args[1] === key('-1003') && markerFailures-- > 0);
    const s = scheduler({ store: flaky, concurrency: 1 });
    expect(await s.tick()).toMatchObject({ sent: 5, claimed: 0 });
    expect(markerFailures).toBe(0); // the injected failure struck
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(5_000);
    expect([...adapter.counts().values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('never logs a private chat id', async () => {
    await seedSubscriptions(store, 'telegram', ['987654321'], { kind: 'private' });
    adapter.script('987654321', { kind: 'failed', transient: false, reason: 'Bad Request: message is too long' });
    await scheduler().tick();
    expect(logged.lines.some((l) => typeof l.chat === 'string' && l.chat.startsWith('private:'))).toBe(true);
    expect(JSON.stringify(logged.lines)).not.toContain('987654321');
  });
});
