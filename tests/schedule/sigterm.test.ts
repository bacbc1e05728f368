/**
 * SIGTERM in the middle of a fan-out: the process stops the way `placard
 * serve` does, exits 0 well within the 10 s bound, and loses nothing — what
 * was not sent goes out after the restart, and nothing is sent twice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { seedSubscriptions } from './harness.js';
import { Sink, startBot } from './processes.js';

const CHATS = 2000;
const ids = Array.from({ length: CHATS }, (_, i) => String(-2_000_000 - i));

describe('reminders through a SIGTERM mid fan-out', () => {
  let dir = '';
  let url = '';
  let sink: Sink | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'placard-sigterm-'));
    url = `sqlite://${join(dir, 'store.sqlite')}`;
    const store = await openStore(url);
    for (let i = 0; i < ids.length; i += 500) await Promise.all(ids.slice(i, i + 500).map((id) => seedSubscriptions(store, 'telegram', [id])));
    await store.close();
    sink = await Sink.start(1);
  }, 60_000);
  afterAll(async () => { await sink?.close(); await rm(dir, { recursive: true, force: true }); });

  it('exits 0 within the bound, then the restart sends the rest, each chat exactly once', async () => {
    const env = { STORE_URL: url, SINK_URL: sink!.url, NOW: '2026-12-16T04:00:30Z', CONCURRENCY: '16', LEASE_MS: '2000' };
    const first = startBot(env);
    let signalledAt = 0;
    await new Promise<void>((resolve) => {
      sink!.onSend = (total) => {
        if (total >= 400 && signalledAt === 0) { signalledAt = Date.now(); first.child.kill('SIGTERM'); resolve(); }
      };
    });
    const stopped = await first.result;
    expect(first.child.exitCode).toBe(0);
    const stopMs = Date.now() - signalledAt;
    sink!.onSend = undefined;
    expect(stopMs).toBeLessThan(10_000);
    const heard = sink!.total;
    expect(heard).toBeLessThan(CHATS);
    expect(stopped.counters.sent).toBe(heard);

    const second = await startBot(env).result;
    expect(ids.filter((id) => !sink!.counts.has(id))).toEqual([]);
    expect(sink!.doubles().extra).toBe(0);
    expect(second.counters.sent).toBe(CHATS - heard);
  }, 90_000);
});
