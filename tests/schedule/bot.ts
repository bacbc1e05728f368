/**
 * A bot process for the multi-process reminder tests: the real Scheduler on
 * the store at STORE_URL, with one adapter (`telegram`) that POSTs every send
 * to SINK_URL. It prints `ready`, waits for a line on stdin when WAIT_GO=1,
 * then ticks (clock starting at NOW) until nothing is left to it: no claim
 * held elsewhere, nothing deferred or failed. Prints its counters as JSON.
 *
 * On SIGTERM it stops the way `placard serve` does (scheduler.stop(): sends in
 * flight finish, no new ones start), closes the store and exits 0.
 *
 * Env: STORE_URL, SINK_URL, NOW (ISO), CONTENT_DIR, CONCURRENCY, LEASE_MS, WAIT_GO.
 */
import { createInterface } from 'node:readline';
import { Agent } from 'node:http';
import { request } from 'node:http';
import type { Adapter, SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import { loadCampaign } from '../../src/content/load.js';
import { createLogger } from '../../src/log.js';
import type { RichMessage } from '../../src/rich/model.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { openStore } from '../../src/store/open.js';

const env = (name: string): string => {
  const v = process.env[name];
  if (v === undefined || v === '') throw new Error(`${name} is not set`);
  return v;
};

const sink = new URL(env('SINK_URL'));
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** Sends by POSTing `{chatId, title}` to the sink; 200 → sent, anything else → transient failure. */
class SinkAdapter implements Adapter {
  readonly name = 'telegram' as const;
  async start(): Promise<void> {}
  ready(): boolean { return true; }
  async stop(): Promise<void> {}
  send(target: ChatRef, message: RichMessage): Promise<SendResult> {
    const body = JSON.stringify({ chatId: target.chatId, title: message.title, pid: process.pid });
    return new Promise((resolve) => {
      const req = request({ host: sink.hostname, port: sink.port, path: '/send', method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200 ? { kind: 'sent' } : { kind: 'failed', transient: true, reason: `HTTP ${res.statusCode}` }));
      });
      req.on('error', (e) => resolve({ kind: 'failed', transient: true, reason: e.message }));
      req.end(body);
    });
  }
}

const store = await openStore(env('STORE_URL'));
await store.ping();
const campaign = await loadCampaign(env('CONTENT_DIR'));
const start = Date.now();
const base = Date.parse(env('NOW'));
const scheduler = new Scheduler({
  campaign, store, adapters: new Map([['telegram', new SinkAdapter()]]), catchUpHours: 6,
  log: createLogger({ level: process.env.LOG_LEVEL ?? 'warn' }),
  clock: () => new Date(base + (Date.now() - start)),
  concurrency: Number(process.env.CONCURRENCY ?? 16),
  leaseMs: Number(process.env.LEASE_MS ?? 3000),
  backoffMs: 100,
});

if (process.env.WAIT_GO === '1') {
  const lines = createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.once('line', () => resolve()));
  process.stdout.write('ready\n');
  await go;
  lines.close();
} else {
  process.stdout.write('ready\n');
}

let terminated = false;
process.once('SIGTERM', () => { terminated = true; void scheduler.stop(); });

let ticks = 0;
for (;;) {
  ticks++;
  const report = await scheduler.tick();
  if (terminated) break;
  if (report && report.claimed + report.deferred + report.failed === 0) break;
  if (ticks > 600) throw new Error('gave up after 600 ticks');
  await new Promise((r) => setTimeout(r, 200));
}
await store.close();
agent.destroy();
process.stdout.write(`${JSON.stringify({ ticks, counters: scheduler.counters })}\n`);
