import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { Metrics } from '../../src/metrics.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import { invocation, testServices } from '../helpers/core.js';

let server: HttpServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

const get = async (path: string, method = 'GET'): Promise<{ status: number; body: string; type: string | null }> => {
  const r = await fetch(`http://127.0.0.1:${server!.port}${path}`, { method });
  return { status: r.status, body: await r.text(), type: r.headers.get('content-type') };
};

describe('HTTP server', () => {
  it('is alive on /healthz and ready on /readyz when every check passes', async () => {
    server = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: { store: async () => undefined } });
    expect(await get('/healthz')).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    expect(await get('/readyz')).toMatchObject({ status: 200, body: '{"status":"ready"}' });
    expect((await get('/nope')).status).toBe(404);
    expect((await get('/healthz', 'DELETE')).status).toBe(405);
  });

  it('answers 503 with each failing check and its reason', async () => {
    server = await startHttpServer({
      port: 0, host: '127.0.0.1',
      readiness: { store: async () => undefined, telegram: async () => 'not connected to the Bot API', discord: async () => { throw new Error('gateway closed'); } },
    });
    const r = await get('/readyz');
    expect(r.status).toBe(503);
    expect(JSON.parse(r.body)).toEqual({ status: 'not ready', failures: { telegram: 'not connected to the Bot API', discord: 'gateway closed' } });
  });

  it('answers /readyz within 3 s when a check hangs, naming it "timed out", while the other checks still report', async () => {
    server = await startHttpServer({
      port: 0, host: '127.0.0.1',
      readiness: { store: () => new Promise<string | undefined>(() => undefined), telegram: async () => undefined },
    });
    const t0 = Date.now();
    const r = await get('/readyz');
    const ms = Date.now() - t0;
    expect(r.status).toBe(503);
    expect(JSON.parse(r.body)).toEqual({ status: 'not ready', failures: { store: 'timed out after 2500 ms' } });
    expect(ms).toBeGreaterThanOrEqual(2_400);
    expect(ms).toBeLessThan(3_000);
  });

  it('exposes Prometheus metrics named placard_… with commands by name, platform and outcome', async () => {
    const metrics = new Metrics();
    const services = await testServices();
    const d = new Dispatcher(services, undefined, (command, platform, outcome) => metrics.commands.inc({ command, platform, outcome }));
    await d.dispatch(invocation('demands'));
    await d.dispatch(invocation('demnads'));
    await d.dispatch(invocation('statement', 'no-such'));
    server = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: {}, metrics: () => metrics.expose() });
    const r = await get('/metrics');
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/plain');
    expect(r.body).toContain('placard_commands_total{command="demands",platform="console",outcome="ok"} 1');
    expect(r.body).toContain('placard_commands_total{command="unknown",platform="console",outcome="unknown_command"} 1');
    expect(r.body).toContain('placard_commands_total{command="statement",platform="console",outcome="bad_arguments"} 1');
    expect(r.body).not.toContain('demnads');
    expect(r.body).toContain('process_cpu_user_seconds_total');
    expect(r.body).toContain('# TYPE placard_reminder_lag_seconds histogram');
  });
});
