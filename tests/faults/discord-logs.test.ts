/**
 * Fault row: rate-limited Discord channels. Every subscribed channel answers
 * its first two posts with 429 and a 3 s `retry_after`, longer
 * than the adapter sits out by itself and than the claim lease allows, so
 * for many ticks every channel's reminder is deferred (the REST client
 * keeps the channel's bucket closed in between). The log must say so once per burst
 * (a first line, then one line with the count), not twice per channel per
 * tick as before; and every channel still gets its reminder once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runDiscordFanOut, startDiscordFaultRig, type DiscordFaultRig } from './discord-rig.js';
import { expectTargets, record } from './row.js';

let rig: DiscordFaultRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const RATE = /rate.?limit/i;

describe('fault: rate-limited discord channels', () => {
  it('log one line per burst (and one with the count), not two per channel per tick; nothing lost or doubled', async () => {
    const CHANNELS = 10;
    const RETRY_AFTER_MS = 3_000;
    const TICKS = 2;
    const r = (rig = await startDiscordFaultRig({
      chats: CHANNELS,
      adapter: { maxRateLimitWaitMs: 500 },
      // A short lease: a 3 s wait does not fit in it, so the reminder is left for a later tick (deferred).
      scheduler: { leaseMs: 2_500 },
    }));
    r.dc.failNext('POST /channels/:id/messages', { kind: 'rateLimit', retryAfterMs: RETRY_AFTER_MS }, CHANNELS * TICKS);
    const before = r.lines.length;

    const m = await runDiscordFanOut(r, async () => undefined, { deadlineMs: 20_000, healthy: [] });
    await r.adapter.stop(); // flushes the adapter's open bursts (the scheduler's were flushed by its stop)

    const lines = r.lines.slice(before);
    const rateLines = lines.filter((l) => RATE.test(String(l.msg)));
    const adapterLines = rateLines.filter((l) => l.component === undefined).length;
    const schedulerLines = rateLines.filter((l) => l.component === 'reminders').length;
    const deferred = r.scheduler.counters.deferred;
    const answered429 = r.dc.requests.filter((q) => q.status === 429).length;
    const row = await record('discord: rate-limited channels (log lines per burst)', m, [r.scheduler.counters], true, {
      channels: CHANNELS, retryAfterMs: RETRY_AFTER_MS, answered429, deferredSends: deferred,
      ticksWithDeferrals: Math.ceil(deferred / CHANNELS), rateLimitLogLines: rateLines.length, adapterLines, schedulerLines,
      oldBehaviourWouldLog: 2 * deferred, allLogLines: lines.length,
      repeatedCounts: rateLines.map((l) => Number(l.repeated ?? 0)).join('+'),
    });

    expectTargets(row, m);
    expect(answered429).toBe(CHANNELS * TICKS);
    // The fault really lasted several ticks for every channel.
    expect(deferred).toBeGreaterThanOrEqual(3 * CHANNELS);
    // One burst per logger: its first line and one line with the count.
    expect(adapterLines).toBeLessThanOrEqual(2);
    expect(schedulerLines).toBeLessThanOrEqual(2);
    expect(rateLines.length).toBeGreaterThanOrEqual(2);
    expect(rateLines.length).toBeLessThan(CHANNELS);
    // The counts add up: every refused send is in a line or in a line's count.
    const counted = rateLines.filter((l) => l.component === 'reminders').reduce((n, l) => n + (l.repeated === undefined ? 1 : Number(l.repeated)), 0);
    expect(counted).toBe(deferred);
  });
});
