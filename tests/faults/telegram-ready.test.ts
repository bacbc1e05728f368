/**
 * Telegram in trouble during an anniversary fan-out (issue 11): the Bot API
 * answering 500, and refusing connections. `/readyz` is served by the real
 * HTTP server (src/http/server.ts) with the readiness checks wired as
 * `serve` wires them (src/main.ts), polled every 100 ms; the reminders go
 * through the real Scheduler and TelegramAdapter. Rows recorded before they
 * are asserted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer, type ReadinessCheck } from '../../src/http/server.js';
import { PAUSE_PROBE_MS } from '../../src/schedule/gates.js';
import { Faults } from '../fakes/telegram/index.js';
import { MAX_DELAY_S } from './fanout.js';
import { recordFault } from './report.js';
import { drive, eventually, groupIds, notesOf, received, sleep, startFanOutRig, type TelegramFanOutRig } from './telegram-rig.js';

let rig: TelegramFanOutRig | undefined;
let http: HttpServer | undefined;
afterEach(async () => {
  await http?.close();
  await rig?.close();
  http = undefined;
  rig = undefined;
});

/** The readiness checks as src/main.ts builds them for a store and one adapter. */
function readinessOf(r: TelegramFanOutRig): Record<string, ReadinessCheck> {
  const { adapter } = r;
  return {
    store: async () => r.services.store.ping().then(() => undefined, (e: unknown) => (e instanceof Error ? e.message : 'unreachable')),
    [adapter.name]: async () => (adapter.ready() ? undefined : adapter.notReadyReason() ?? 'not connected to the Bot API'),
  };
}

/** One answer of /readyz. */
interface Probe { readonly wall: number; readonly status: number; readonly ms: number; readonly body: string }

/** Polls /readyz every 100 ms until stopped. */
function prober(port: number): { probes: Probe[]; stop: () => Promise<void> } {
  const probes: Probe[] = [];
  let on = true;
  const loop = (async () => {
    while (on) {
      const t = Date.now();
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(5_000) });
        probes.push({ wall: t, status: res.status, ms: Date.now() - t, body: await res.text() });
      } catch {
        probes.push({ wall: t, status: 0, ms: Date.now() - t, body: '' });
      }
      await sleep(100);
    }
  })();
  return { probes, stop: async () => { on = false; await loop; } };
}

/** 300 chats; at the 100th send Telegram fails as `breakIt` says for 3 s, then `fixIt`; /readyz watched throughout. */
async function outage(fault: string, breakIt: (r: TelegramFanOutRig) => Promise<void>, fixIt: (r: TelegramFanOutRig) => Promise<void>, paused: boolean): Promise<void> {
  const ids = groupIds(300);
  rig = await startFanOutRig({ ids });
  const r0 = rig;
  http = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: readinessOf(r0) });
  const watch = prober(http.port);
  await eventually(() => watch.probes.some((p) => p.status === 200), 3_000);
  const t = { broke: 0, fixed: 0 };
  let over = false;
  r0.clock.start();
  const operator = (async () => {
    await eventually(() => r0.tg.sent.length >= 100, 10_000);
    t.broke = Date.now();
    await breakIt(r0);
    await sleep(3_000);
    await fixIt(r0);
    t.fixed = Date.now();
    await eventually(() => watch.probes.some((p) => p.wall > t.fixed && p.status === 200), 10_000);
    if (paused) r0.clock.jump(PAUSE_PROBE_MS); // the least a paused platform stays closed; it reopens once the adapter answers again
    over = true;
  })();
  const stats = await drive(r0, () => over && received(r0, ids).lost === 0);
  await operator;
  await watch.stop();
  const got = received(r0, ids);
  const firstDown = watch.probes.find((p) => p.wall >= t.broke && p.status === 503);
  const firstUp = watch.probes.find((p) => p.wall >= t.fixed && p.status === 200);
  const notReadyAfterMs = firstDown ? firstDown.wall + firstDown.ms - t.broke : -1;
  const readyAgainAfterMs = firstUp ? firstUp.wall + firstUp.ms - t.fixed : -1;
  const slowest = Math.max(...watch.probes.map((p) => p.ms));
  const doneBefore = ids.filter((id) => (got.firstAt.get(id) ?? Infinity) <= r0.clock.at(t.broke));
  const row = {
    fault, chats: ids.length, lost: got.lost, doubled: got.doubled, recovered: readyAgainAfterMs >= 0, seconds: got.seconds,
    notes: notesOf({
      readyzNotReadyAfterMs: notReadyAfterMs, readyzReadyAgainAfterFixMs: readyAgainAfterMs, readyzSlowestMs: slowest,
      readyzProbes: watch.probes.length, reason: firstDown ? JSON.stringify(JSON.parse(firstDown.body).failures) : 'none',
      sentBeforeFault: doneBefore.length, outageS: 3, ...(paused ? { pause: `at least ${PAUSE_PROBE_MS / 1000} s, until the adapter answers again (scheduler clock moved on after recovery)` } : {}),
      ticks: stats.ticks,
    }),
  };
  await recordFault(row);
  expect(stats.timedOut, row.notes).toBe(false);
  expect(firstDown, row.notes).toBeDefined();
  expect(notReadyAfterMs, row.notes).toBeLessThanOrEqual(3_000);
  expect(readyAgainAfterMs, row.notes).toBeGreaterThanOrEqual(0);
  expect(readyAgainAfterMs, row.notes).toBeLessThanOrEqual(3_000);
  expect(slowest, row.notes).toBeLessThan(3_000);
  expect(got.lost, row.notes).toBe(0);
  expect(got.doubled, row.notes).toBe(0);
  expect(got.seconds, row.notes).toBeLessThanOrEqual(MAX_DELAY_S);
}

describe('Telegram down mid fan-out, /readyz watched', () => {
  it('the Bot API answers 500: /readyz 503 within 3 s, 200 again after, nothing lost', () =>
    outage('telegram: Bot API answering 500 for 3 s mid fan-out',
      async (r) => { r.tg.failNext('*', { times: Number.POSITIVE_INFINITY }, Faults.internal()); },
      async (r) => { r.tg.clearFaults(); }, false), 40_000);

  it('the Bot API refuses connections: /readyz 503 within 3 s, 200 again after, reminders after the pause', () =>
    outage('telegram: Bot API refusing connections for 3 s mid fan-out',
      (r) => r.tg.setDown(true), (r) => r.tg.setDown(false), true), 40_000);
});
