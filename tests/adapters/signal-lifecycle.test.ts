/**
 * The event stream's life: ready only while it is connected; reopened with a
 * capped backoff when the daemon is away, restarts, or goes silent (no
 * keep-alive); messages written meanwhile answered once it is back (the
 * daemon started with --receive-mode=on-connection keeps them on Signal's
 * servers); stopped cleanly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SignalEvents, SseParser } from '../../adapters/signal/events.js';
import { freePort } from '../helpers/wait.js';
import { ANA, startSignalRig, type SignalRig } from './signal-harness.js';

let rig: SignalRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

describe('signal event stream', () => {
  it('parses the event-stream format: named events, multi-line data, comments, CRLF', () => {
    const got: [string, string][] = [];
    const p = new SseParser((name, data) => got.push([name, data]));
    p.push(':\n\nevent:receive\ndata:{"a":1}\n\n');
    p.push('event: receive\r\ndata: x\r\ndata: y\r');
    p.push('\n\r\nevent:lonely\n\ndata:plain\n\n');
    expect(got).toEqual([['receive', '{"a":1}'], ['receive', 'x\ny'], ['message', 'plain']]);
  });

  it('retries a refused stream with a doubling wait, capped', async () => {
    const port = await freePort();
    const downAt: number[] = [];
    const events = new SignalEvents({
      url: `http://127.0.0.1:${port}`, account: '+4915100000000', backoff: { initialMs: 40, maxMs: 160 },
      onEvent: () => undefined, onState: (connected) => { if (!connected) downAt.push(Date.now()); },
    });
    events.start();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await events.stop();
    const gaps = downAt.slice(1).map((t, i) => t - downAt[i]!);
    expect(gaps.length).toBeGreaterThanOrEqual(5);
    expect(gaps[0]).toBeLessThan(250);
    // Capped: no wait beyond 160 ms (plus a connection attempt and a loaded machine's slack).
    for (const g of gaps) expect(g).toBeLessThan(160 + 400);
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(150);
  });

  it('is not ready until connected; with the daemon down at start it says why, and answers what was written meanwhile once up', async () => {
    const r = (rig = await startSignalRig());
    expect(r.adapter.ready()).toBe(true);
    await r.sig.setDown(true);
    await r.sig.waitFor(() => !r.adapter.ready() || undefined, 3000, 'not ready');
    expect(r.adapter.notReadyReason()).toMatch(/event stream at SIGNAL_CLI_URL.*(closed|cut|unreachable)/);
    r.sig.say(ANA, '/about', { group: r.group });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.adapter.notReadyReason()).toMatch(/unreachable \(ECONNREFUSED\)/);
    await r.sig.setDown(false);
    await r.sig.waitFor(() => r.adapter.ready() || undefined, 3000, 'ready again');
    const [about] = await r.sig.waitForSent(1, { chatId: r.group });
    expect(about!.text).toMatch(/Kazakhstan/);
  });

  it('reopens a stream the daemon ended (a restart) and one that went silent (no keep-alive)', async () => {
    const r = (rig = await startSignalRig({ idleMs: 800, fake: { keepAliveMs: 100 } }));
    const opened = r.sig.streamOpens;
    r.sig.dropStreams();
    await r.sig.waitFor(() => (r.sig.streamOpens > opened && r.adapter.ready()) || undefined, 3000, 'reconnected after a restart');
    // Keep-alives every 100 ms keep a quiet stream open past idleMs.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(r.sig.streamOpens).toBe(opened + 1);
    r.sig.stall(true);
    await r.sig.waitFor(() => r.sig.streamOpens > opened + 1 || undefined, 3000, 'reopened after silence');
    r.sig.stall(false);
    await r.sig.waitFor(() => r.adapter.ready() || undefined, 3000, 'ready after silence');
    expect((await r.say('/next', { group: r.group })).length).toBe(1);
  });

  it('stops: closes the stream, says stopped, and finishes answers in flight', async () => {
    const r = (rig = await startSignalRig());
    r.sig.say(ANA, '/timeline', { group: r.group });
    await r.sig.waitFor(() => r.sig.state.calls.length > 0 || undefined, 3000, 'the message taken');
    await r.adapter.stop();
    expect(r.adapter.ready()).toBe(false);
    expect(r.adapter.notReadyReason()).toBe('stopped');
    await r.sig.waitFor(() => r.sig.openStreams === 0 || undefined, 2000, 'the stream closed');
    expect(r.sig.sentTo(r.group)).toHaveLength(1);
  });
});
