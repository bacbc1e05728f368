/**
 * Fault row: every Discord request answered by a 404 page without a Discord
 * error code (a wrong DISCORD_API_URL, a proxy in the way). That is
 * configuration, never a reason to give up a reminder: Discord's fan-out
 * pauses, nothing is marked final, the adapter is not ready meanwhile, and
 * 20/20 go out once the API answers again (after
 * the pause: at least PAUSE_PROBE_MS, until the adapter answers again; the
 * test's clock jumps it instead of waiting).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DELIVERED, deliveryKey } from '../../src/schedule/delivery.js';
import { PAUSE_PROBE_MS } from '../../src/schedule/gates.js';
import { readChatSettings } from '../../src/store/chat-settings.js';
import { until } from '../helpers/wait.js';
import { EVENT } from './fanout.js';
import { readinessServer, readyz, runDiscordFanOut, startDiscordFaultRig, type DiscordFaultRig } from './discord-rig.js';
import { record } from './row.js';
import type { HttpServer } from '../../src/http/server.js';

let rig: DiscordFaultRig | undefined;
let http: HttpServer | undefined;
afterEach(async () => { await http?.close(); await rig?.close(); rig = undefined; http = undefined; });

describe('fault: discord API answering 404 without an error code', () => {
  it('pauses without marking anything final, is not ready meanwhile, and delivers 20/20 once it answers again', async () => {
    const OUTAGE_MS = 2_000;
    const r = (rig = await startDiscordFaultRig({ chats: 20, proxy: true }));
    const proxy = r.proxy!;
    http = await readinessServer(r.services.store, [r.adapter]);
    const port = http.port;
    expect((await readyz(port)).status).toBe(200);
    proxy.misrouted = true;

    const seen = { notReadyAfterMs: -1, finalMarkers: -1, subscribed: -1, readyDuring: [] as boolean[], readyz: 0, readyzReason: '', readyAgainMs: 0, pausedTicks: 0 };
    const m = await runDiscordFanOut(r, async () => {
      // Waits are not thrown on: a case that fails should still record its row.
      await until(() => r.scheduler.counters.paused > 0, 3_000, 'Discord paused').catch(() => undefined);
      // Not ready after repeated failures (three in a row), not at the very first one: give the sends in flight time to fail.
      const pausedAt = Date.now();
      await until(() => !r.adapter.ready(), 3_000, 'not ready').catch(() => undefined);
      seen.notReadyAfterMs = Date.now() - pausedAt;
      const t0 = Date.now();
      while (Date.now() - t0 < OUTAGE_MS) {
        seen.readyDuring.push(r.adapter.ready());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const answer = await readyz(port);
      seen.readyz = answer.status;
      seen.readyzReason = answer.failures.discord ?? '';
      // Nothing final while paused: no delivered marker (sent, rejected…) and every subscription still there.
      const keys = r.ids.map((chatId) => deliveryKey({ platform: 'discord', chatId }, EVENT.id, EVENT.year));
      seen.finalMarkers = (await Promise.all(keys.map((k) => r.services.store.get(DELIVERED, k)))).filter((v) => v !== undefined).length;
      seen.subscribed = (await Promise.all(r.ids.map((chatId) => readChatSettings(r.services.store, { platform: 'discord', chatId }))))
        .filter((s) => s?.subscribed === true).length;
      seen.pausedTicks = r.scheduler.counters.nearTicks;
      proxy.misrouted = false;
      const back = Date.now();
      // The adapter's own probe finds the API answering again.
      await until(() => r.adapter.ready(), 5_000, 'ready again').catch(() => undefined);
      seen.readyAgainMs = Date.now() - back;
      r.clock.advance(PAUSE_PROBE_MS);
    }, { deadlineMs: 12_000 });

    const posted = r.ids.filter((id) => r.posts(id) > 0).length;
    const row = await record('discord: 404 without an error code (wrong DISCORD_API_URL)', m, [r.scheduler.counters], posted, {
      outageS: OUTAGE_MS / 1000, pausedSends: r.scheduler.counters.paused, ticksWhilePaused: seen.pausedTicks,
      proxy404s: proxy.answered.misrouted, finalMarkersWhilePaused: seen.finalMarkers, subscribedWhilePaused: seen.subscribed,
      notReadyAfterFirstPausedMs: seen.notReadyAfterMs, readyWhilePaused: seen.readyDuring.filter(Boolean).length, readinessSamples: seen.readyDuring.length,
      readyzWhilePaused: seen.readyz, readyAgainAfterMs: seen.readyAgainMs, clockJumpedS: PAUSE_PROBE_MS / 1000,
      secondsIncludePause: true,
    });

    expect(m.timedOut, row.notes).toBe(false);
    expect(row.lost, row.notes).toBe(0);
    expect(row.doubled, row.notes).toBe(0);
    expect(posted).toBe(20);
    expect(seen.finalMarkers).toBe(0);
    expect(seen.subscribed).toBe(20);
    expect(seen.readyDuring.length).toBeGreaterThan(5);
    expect(seen.notReadyAfterMs).toBeLessThan(3_000);
    expect(seen.readyDuring.every((ready) => !ready)).toBe(true);
    expect(seen.readyz).toBe(503);
    expect(seen.readyzReason).toMatch(/404 without a Discord error code|failed \d+ times/);
    // Out within one tick of the pause ending: the outage, the pause, and a few seconds.
    expect(row.seconds).toBeLessThanOrEqual((OUTAGE_MS + PAUSE_PROBE_MS) / 1000 + 10);
  });
});
