/**
 * Fault rows for Signal, each through the real SignalAdapter against the
 * signal-cli daemon fake during the Zhanaozen fan-out (see README.md here):
 * the daemon down mid fan-out, per-chat rate limits, a hung send, Signal
 * asking for a captcha, groups the bot was removed from and people who left
 * Signal, and the event stream dropped or silent. `/readyz`, wired as
 * src/main.ts wires it, must say why while it matters and recover.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpServer } from '../../src/http/server.js';
import { PAUSE_MS } from '../../src/schedule/delivery.js';
import { PAUSE_PROBE_MS } from '../../src/schedule/gates.js';
import { SignalFaults } from '../fakes/signal/index.js';
import { readinessServer, readyzUntil } from './discord-rig.js';
import { expectTargets, record } from './row.js';
import { runSignalFanOut, startSignalFaultRig, type SignalFaultRig } from './signal-rig.js';

let rig: SignalFaultRig | undefined;
let http: HttpServer | undefined;
afterEach(async () => { await http?.close(); await rig?.close(); rig = undefined; http = undefined; });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('fault: signal', () => {
  it('daemon down mid fan-out: /readyz 503 within 3 s and 200 after; every chat gets its reminder once', async () => {
    const OUTAGE_MS = 2_000;
    const r = (rig = await startSignalFaultRig({ groups: 20, people: 5, adapter: { limits: { global: { count: 10, perMs: 1000 }, perChat: { count: 1, perMs: 1000 } } } }));
    http = await readinessServer(r.services.store, [r.adapter]);
    const port = http.port;
    const seen = { notReadyMs: 0, reason: '', readyAgainMs: 0, slowestMs: 0, sentBeforeOutage: 0 };
    const m = await runSignalFanOut(r, async () => {
      await r.sig.waitFor(() => r.sig.sent.length >= 5 || undefined, 10_000, 'the fan-out under way');
      seen.sentBeforeOutage = r.sig.sent.length;
      await r.sig.setDown(true);
      const notReady = await readyzUntil(port, 503, 5_000);
      seen.notReadyMs = notReady.ms;
      seen.reason = notReady.last.failures.signal ?? '';
      await sleep(OUTAGE_MS);
      await r.sig.setDown(false);
      const ready = await readyzUntil(port, 200, 15_000);
      seen.readyAgainMs = ready.ms;
      seen.slowestMs = Math.max(notReady.slowestMs, ready.slowestMs);
      r.clock.advance(PAUSE_PROBE_MS);
    }, { deadlineMs: 40_000 });
    const c = r.scheduler.counters;
    const row = await record('signal: daemon down mid fan-out (connections refused)', m, [c], true, {
      outageS: OUTAGE_MS / 1000, sentBeforeOutage: seen.sentBeforeOutage, readyz503AfterMs: seen.notReadyMs, readyzReason: JSON.stringify(seen.reason),
      readyz200AfterRecoveryMs: seen.readyAgainMs, slowestReadyzMs: seen.slowestMs, pausedSends: c.paused, ambiguousSends: c.ambiguous,
      clockJumpedS: PAUSE_PROBE_MS / 1000, secondsIncludeOutage: true,
    });
    expect(m.timedOut, row.notes).toBe(false);
    expect(row.lost, row.notes).toBe(0);
    // Only a send cut off in flight may double (counted as ambiguous); the fake saw each at most once otherwise.
    expect(row.doubled, row.notes).toBeLessThanOrEqual(c.ambiguous);
    expect(seen.notReadyMs).toBeLessThanOrEqual(3_000);
    expect(seen.reason).toMatch(/signal-cli daemon/);
    expect(seen.slowestMs).toBeLessThan(3_000);
    expect(c.paused).toBeGreaterThan(0);
  }, 45_000);

  it('rate limited: chats told to retry after 1 s get their reminder once, the others on time', async () => {
    const r = (rig = await startSignalFaultRig({ groups: 20 }));
    r.sig.failNext('send', SignalFaults.rateLimit(1), 5);
    const m = await runSignalFanOut(r, async () => undefined);
    const c = r.scheduler.counters;
    const row = await record('signal: rate limited (retry after 1 s, 5 sends)', m, [c], true, { retries: c.retries, deferred: c.deferred });
    expectTargets(row, m);
    expect(c.retries + c.deferred).toBeGreaterThanOrEqual(5);
  }, 45_000);

  it('a send that hangs is cut off at the adapter\'s bound and retried later (counted as possibly doubled)', async () => {
    const r = (rig = await startSignalFaultRig({ groups: 20, adapter: { timeouts: { send: 1_000, api: 1_000 } } }));
    r.sig.failNext('send', SignalFaults.hang(), 2);
    const m = await runSignalFanOut(r, async () => undefined);
    const c = r.scheduler.counters;
    const row = await record('signal: send hangs (cut off after 1 s)', m, [c], true, { ambiguous: c.ambiguous, sendBoundS: 1 });
    expectTargets(row, m);
    expect(c.ambiguous).toBe(2);
  }, 45_000);

  it('Signal asks for a captcha: sends pause, /readyz says what to do; once solved, every chat gets its reminder once', async () => {
    const r = (rig = await startSignalFaultRig({ groups: 10 }));
    http = await readinessServer(r.services.store, [r.adapter]);
    const port = http.port;
    r.sig.failNext('send', SignalFaults.proofRequired('challenge-42'), 1_000);
    let reason = '';
    const m = await runSignalFanOut(r, async () => {
      const notReady = await readyzUntil(port, 503, 5_000);
      reason = notReady.last.failures.signal ?? '';
      await sleep(1_000);
      r.sig.clearFaults(); // the operator solved it (submitRateLimitChallenge)
      r.clock.advance(PAUSE_MS);
      await readyzUntil(port, 200, 10_000);
    }, { deadlineMs: 40_000 });
    const c = r.scheduler.counters;
    const row = await record('signal: captcha required (proof required), solved after 1 s', m, [c], true, {
      readyzReason: JSON.stringify(reason.slice(0, 80)), pausedSends: c.paused, clockJumpedS: PAUSE_MS / 1000, secondsIncludeOutage: true,
      tokenLogged: r.lines.filter((l) => l.challengeToken === 'challenge-42').length,
    });
    expect(m.timedOut, row.notes).toBe(false);
    expect(row.lost, row.notes).toBe(0);
    expect(row.doubled, row.notes).toBe(0);
    expect(reason).toMatch(/signalcaptchas\.org.*submitRateLimitChallenge/);
    expect(r.lines.filter((l) => l.challengeToken === 'challenge-42')).toHaveLength(1);
  }, 45_000);

  it('groups that removed the bot and people who left Signal: their subscriptions end, everyone else is served', async () => {
    const r = (rig = await startSignalFaultRig({ groups: 20, people: 5 }));
    const removed = r.groups.slice(0, 3);
    const left = r.people.slice(0, 2);
    for (const g of removed) r.sig.group(g).botIsMember = false;
    for (const p of left) r.sig.unregister({ uuid: p });
    const expected = r.ids.filter((id) => !removed.includes(id) && !left.includes(id));
    const m = await runSignalFanOut(r, async () => undefined, { expected });
    const c = r.scheduler.counters;
    const row = await record('signal: 3 groups removed the bot, 2 people left Signal', m, [c], true, { gone: c.gone });
    expectTargets(row, m);
    expect(c.gone).toBe(5);
    for (const id of [...removed, ...left]) expect(await r.services.store.get('chat', `signal:${id}`)).toBeUndefined();
  }, 45_000);

  it('event stream dropped, then silent: /readyz 503 and 200 again; reminders go out on time meanwhile', async () => {
    const r = (rig = await startSignalFaultRig({ groups: 20, keepAliveMs: 100, adapter: { idleMs: 400 } }));
    http = await readinessServer(r.services.store, [r.adapter]);
    const port = http.port;
    const seen = { droppedReadyAgainMs: 0, stalledNotReadyMs: 0, stalledReadyAgainMs: 0, opens: 0 };
    const opens = r.sig.streamOpens;
    const m = await runSignalFanOut(r, async () => {
      r.sig.dropStreams();
      seen.droppedReadyAgainMs = (await readyzUntil(port, 200, 5_000)).ms;
      r.sig.stall(true);
      seen.stalledNotReadyMs = (await readyzUntil(port, 503, 5_000)).ms;
      r.sig.stall(false);
      seen.stalledReadyAgainMs = (await readyzUntil(port, 200, 5_000)).ms;
      seen.opens = r.sig.streamOpens - opens;
    });
    const row = await record('signal: event stream dropped, then silent (no keep-alive)', m, [r.scheduler.counters], seen.opens, {
      readyz200AfterDropMs: seen.droppedReadyAgainMs, readyz503AfterSilenceMs: seen.stalledNotReadyMs, readyz200AfterSilenceMs: seen.stalledReadyAgainMs, idleS: 0.4,
    });
    expectTargets(row, m);
    expect(seen.opens).toBeGreaterThanOrEqual(2);
    expect(seen.stalledNotReadyMs).toBeLessThan(3_000);
  }, 45_000);
});
