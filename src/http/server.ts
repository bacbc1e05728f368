/**
 * The HTTP side of `placard serve`: liveness and readiness for orchestrators.
 * Metrics and the Telegram webhook route attach here later (see the issues).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One readiness check: resolves with a reason when not ready, undefined when ready. */
export type ReadinessCheck = () => Promise<string | undefined>;

/** Options of the HTTP server. */
export interface HttpServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly readiness: Readonly<Record<string, ReadinessCheck>>;
  /** Prometheus exposition for GET /metrics. */
  readonly metrics?: () => Promise<{ contentType: string; body: string }>;
  /** POST routes by exact path (the Telegram webhook). */
  readonly routes?: Readonly<Record<string, RouteHandler>>;
}

/** A POST route's handler; it owns the response. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** A started HTTP server. */
export interface HttpServer {
  readonly port: number;
  close(): Promise<void>;
}

async function readiness(checks: HttpServerOptions['readiness']): Promise<{ ok: boolean; failures: Record<string, string> }> {
  const failures: Record<string, string> = {};
  await Promise.all(Object.entries(checks).map(async ([name, check]) => {
    try {
      const reason = await check();
      if (reason) failures[name] = reason;
    } catch (error: unknown) {
      failures[name] = error instanceof Error ? error.message : 'check failed';
    }
  }));
  return { ok: Object.keys(failures).length === 0, failures };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Starts listening; resolves once the port is bound. */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = options.routes?.[path];
    if (route && req.method === 'POST') { void Promise.resolve(route(req, res)); return; }
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' });
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      void readiness(options.readiness).then(({ ok, failures }) =>
        json(res, ok ? 200 : 503, ok ? { status: 'ready' } : { status: 'not ready', failures }));
      return;
    }
    if (path === '/metrics' && options.metrics) {
      void options.metrics().then(({ contentType, body }) => { res.writeHead(200, { 'content-type': contentType }); res.end(body); },
        () => json(res, 500, { error: 'metrics unavailable' }));
      return;
    }
    json(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => { server.off('error', reject); resolve(); });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
