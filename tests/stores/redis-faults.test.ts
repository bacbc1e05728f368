/**
 * Redis faults against a redis-server of the suite's own (another port; the
 * shared one on 6379 is never touched): paused with SIGSTOP, the store's ping
 * gives up within 2 s and /readyz answers 503 within 3 s, then both recover
 * after SIGCONT; stopped for a while, every operation fails as StoreError but
 * the log tells the outage in a few lines, not one per failure.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { freePort, until } from '../helpers/wait.js';

const haveRedis = spawnSync('redis-server', ['--version']).status === 0;

let port = 0;
let redis: ChildProcess | undefined;

async function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await until(() => spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().includes('PONG') ?? false, 10_000, 'redis-server up');
}

async function stopRedis(): Promise<void> {
  const r = redis;
  redis = undefined;
  if (r === undefined || r.exitCode !== null) return;
  r.kill('SIGCONT');
  r.kill('SIGKILL');
  await new Promise((res) => r.once('exit', res));
}

let store: Store | undefined;
let server: HttpServer | undefined;
beforeAll(async () => { if (haveRedis) { port = await freePort(); await startRedis(); } });
afterEach(async () => { redis?.kill('SIGCONT'); await server?.close(); await store?.close().catch(() => undefined); server = undefined; store = undefined; });
afterAll(stopRedis);

const readyz = async (): Promise<{ status: number; ms: number; body: { failures?: Record<string, string> } }> => {
  const t0 = Date.now();
  const r = await fetch(`http://127.0.0.1:${server!.port}/readyz`);
  return { status: r.status, ms: Date.now() - t0, body: (await r.json()) as { failures?: Record<string, string> } };
};

describe.skipIf(!haveRedis)('Redis store faults (own redis-server)', () => {
  it('paused (SIGSTOP): ping rejects within ~2 s, /readyz is 503 within 3 s; after SIGCONT both are fine again', async () => {
    store = await openStore(`redis://127.0.0.1:${port}`);
    const s = store;
    await s.ping();
    server = await startHttpServer({
      port: 0, host: '127.0.0.1',
      readiness: { store: () => s.ping().then(() => undefined, (e: unknown) => (e instanceof Error ? e.message : 'unreachable')) },
    });
    expect((await readyz()).status).toBe(200);

    redis!.kill('SIGSTOP');
    const t0 = Date.now();
    const failure = await s.ping().catch((e: unknown) => e);
    const ms = Date.now() - t0;
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as Error).message).toBe('redis store: ping failed: no answer within 2000 ms');
    expect(ms).toBeGreaterThanOrEqual(1_900);
    expect(ms).toBeLessThan(2_500);
    const paused = await readyz();
    expect(paused.status).toBe(503);
    expect(paused.ms).toBeLessThan(3_000);
    expect(paused.body.failures).toEqual({ store: 'redis store: ping failed: no answer within 2000 ms' });

    redis!.kill('SIGCONT');
    await until(async () => (await readyz()).status === 200, 5_000, 'ready again after SIGCONT');
    await expect(s.ping()).resolves.toBeUndefined();
  });

  it('stopped for 2 s under load: every failure is a StoreError, the log has one line to open, one sum and one to close the outage', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _e, done) { lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)); done(); } });
    store = await openStore(`redis://127.0.0.1:${port}`, { log: createLogger({ level: 'debug', destination: sink }) });
    const s = store;
    await s.set('t-fault', 'k', 1);

    let failures = 0;
    let others = 0;
    let running = true;
    const load = (async () => {
      while (running) {
        await Promise.all(Array.from({ length: 10 }, async (_, i) => {
          try { await s.set('t-fault', `k${i}`, i); } catch (e) { if (e instanceof StoreError) failures++; else others++; }
        }));
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    await stopRedis();
    await new Promise((r) => setTimeout(r, 2_000));
    await startRedis();
    await until(async () => s.ping().then(() => true, () => false), 10_000, 'store answers again');
    await new Promise((r) => setTimeout(r, 200));
    running = false;
    await load;

    expect(failures).toBeGreaterThan(100);
    expect(others).toBe(0);
    const msgs = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(msgs).toEqual(['store not answering', 'store not answering (repeated)', 'store answers again']);
    const sum = JSON.parse(lines[1]!) as { repeated: number };
    const end = JSON.parse(lines[2]!) as { failures: number; downMs: number; backend: string };
    expect(sum.repeated + 1).toBe(end.failures);
    expect(end.failures).toBeGreaterThanOrEqual(failures);
    expect(end).toMatchObject({ backend: 'redis' });
    expect(end.downMs).toBeGreaterThanOrEqual(1_900);
  }, 30_000);
});
