/**
 * Fault rows: Discord down (REST and gateway refusing connections) and a
 * gateway whose heartbeats go unanswered (a zombie connection). `/readyz`,
 * wired as src/main.ts wires it, must say 503 within 3 s and 200 again after
 * recovery, always answering within 3 s; no reminder is lost. While Discord
 * is down its fan-out pauses until the adapter answers again (at least
 * PAUSE_PROBE_MS: the test's
 * clock jumps it); with heartbeats unanswered REST still works and the
 * reminders go out on time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpServer } from '../../src/http/server.js';
import { PAUSE_PROBE_MS } from '../../src/schedule/gates.js';
import { readinessServer, readyzUntil, runDiscordFanOut, startDiscordFaultRig, type DiscordFaultRig } from './discord-rig.js';
import { expectTargets, record } from './row.js';

let rig: DiscordFaultRig | undefined;
let http: HttpServer | undefined;
afterEach(async () => { await http?.close(); await rig?.close(); rig = undefined; http = undefined; });

/** What readiness did during one fault. */
interface Readiness { notReadyMs: number; reason: string; readyAgainMs: number; slowestMs: number }

describe('fault: discord down', () => {
  it('REST and gateway refusing connections: /readyz 503 within 3 s, 200 after recovery, 20/20 delivered after the pause', async () => {
    const OUTAGE_MS = 2_000;
    const r = (rig = await startDiscordFaultRig({ chats: 20 }));
    http = await readinessServer(r.services.store, [r.adapter]);
    const port = http.port;
    expect((await readyzUntil(port, 200, 3_000)).ms).toBeLessThan(3_000);
    const seen: Readiness = { notReadyMs: 0, reason: '', readyAgainMs: 0, slowestMs: 0 };
    let postsWhileDown = 0;

    const m = await runDiscordFanOut(r, async () => {
      const down = Date.now();
      await r.dc.setDown(true);
      const notReady = await readyzUntil(port, 503, 5_000);
      seen.notReadyMs = notReady.ms;
      seen.reason = notReady.last.failures.discord ?? '';
      while (Date.now() - down < OUTAGE_MS) await new Promise((resolve) => setTimeout(resolve, 50));
      postsWhileDown = r.ids.filter((id) => r.posts(id) > 0).length;
      await r.dc.setDown(false);
      const ready = await readyzUntil(port, 200, 15_000);
      seen.readyAgainMs = ready.ms;
      seen.slowestMs = Math.max(notReady.slowestMs, ready.slowestMs);
      r.clock.advance(PAUSE_PROBE_MS);
    }, { deadlineMs: 40_000 });

    const row = await record('discord: down (REST and gateway refuse connections)', m, [r.scheduler.counters], true, {
      outageS: OUTAGE_MS / 1000, readyz503AfterMs: seen.notReadyMs, readyzReason: JSON.stringify(seen.reason),
      readyz200AfterRecoveryMs: seen.readyAgainMs, slowestReadyzMs: seen.slowestMs, pausedSends: r.scheduler.counters.paused,
      postedWhileDown: postsWhileDown, gatewayResumes: r.dc.gatewayStats().resumes, gatewayIdentifies: r.dc.gatewayStats().identifies,
      clockJumpedS: PAUSE_PROBE_MS / 1000, secondsIncludeOutage: true,
    });

    expect(m.timedOut, row.notes).toBe(false);
    expect(row.lost, row.notes).toBe(0);
    expect(row.doubled, row.notes).toBe(0);
    expect(seen.notReadyMs).toBeLessThanOrEqual(3_000);
    expect(seen.reason).toMatch(/gateway|failed \d+ times/);
    expect(seen.readyAgainMs).toBeLessThan(15_000);
    expect(seen.slowestMs).toBeLessThan(3_000);
    expect(r.scheduler.counters.paused).toBeGreaterThan(0);
    expect(row.seconds).toBeLessThanOrEqual((OUTAGE_MS + PAUSE_PROBE_MS) / 1000 + 20);
  }, 45_000);

  it('heartbeats unanswered: /readyz 503 within 3 s and 200 once resumed; reminders go out meanwhile over REST', async () => {
    const r = (rig = await startDiscordFaultRig({ chats: 20, heartbeatIntervalMs: 150 }));
    http = await readinessServer(r.services.store, [r.adapter]);
    const port = http.port;
    expect((await readyzUntil(port, 200, 3_000)).ms).toBeLessThan(3_000);
    const seen: Readiness = { notReadyMs: 0, reason: '', readyAgainMs: 0, slowestMs: 0 };
    const resumesBefore = r.dc.gatewayStats().resumes;

    const m = await runDiscordFanOut(r, async () => {
      r.dc.setHeartbeatAcks(false);
      const notReady = await readyzUntil(port, 503, 5_000);
      seen.notReadyMs = notReady.ms;
      seen.reason = notReady.last.failures.discord ?? '';
      r.dc.setHeartbeatAcks(true);
      const ready = await readyzUntil(port, 200, 15_000);
      seen.readyAgainMs = ready.ms;
      seen.slowestMs = Math.max(notReady.slowestMs, ready.slowestMs);
    }, { deadlineMs: 30_000, healthy: r.ids });

    const resumes = r.dc.gatewayStats().resumes - resumesBefore;
    const row = await record('discord: heartbeats unanswered (zombie gateway)', m, [r.scheduler.counters], resumes, {
      heartbeatIntervalMs: 150, readyz503AfterMs: seen.notReadyMs, readyzReason: JSON.stringify(seen.reason),
      readyz200AfterAcksMs: seen.readyAgainMs, slowestReadyzMs: seen.slowestMs, gatewayResumes: resumes,
    });

    expectTargets(row, m);
    expect(seen.notReadyMs).toBeLessThanOrEqual(3_000);
    expect(seen.reason).toMatch(/gateway/);
    expect(seen.readyAgainMs).toBeLessThan(15_000);
    expect(seen.slowestMs).toBeLessThan(3_000);
    expect(resumes).toBeGreaterThanOrEqual(1);
  }, 45_000);
});
