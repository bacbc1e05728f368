/**
 * The HTTP side of `placard serve`: liveness, readiness, metrics and the POST
 * routes (the Telegram webhook). It faces the internet in webhook mode, so a
 * client can neither send it an endless body (capped, see body-limit.ts) nor
 * hold its sockets by sending slowly (header and request timeouts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { limitBody, MAX_BODY_BYTES } from './body-limit.js';
import { checkReadiness, READINESS_CHECK_TIMEOUT_MS, type ReadinessCheck } from './readiness.js';
import type { SiteHandler } from '../site/serve.js';

export type { ReadinessCheck } from './readiness.js';
export { MAX_BODY_BYTES } from './body-limit.js';

/** Longest a client may take to send a request's headers. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** Longest a client may take to send a whole request (headers and body). */
export const REQUEST_TIMEOUT_MS = 30_000;
/**
 * How often Node looks for requests past those timeouts. Its default (30 s)
 * would let a slow client outlive the header timeout threefold.
 */
const CONNECTIONS_CHECK_INTERVAL_MS = 1_000;

/** Options of the HTTP server. */
export interface HttpServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly readiness: Readonly<Record<string, ReadinessCheck>>;
  /** Prometheus exposition for GET /metrics. */
  readonly metrics?: () => Promise<{ contentType: string; body: string }>;
  /** POST routes by exact path (the Telegram webhook). */
  readonly routes?: Readonly<Record<string, RouteHandler>>;
  /** Largest POST body in bytes; larger ones get 413. Default {@link MAX_BODY_BYTES} (1 MB). */
  readonly maxBodyBytes?: number;
  /** Default {@link HEADERS_TIMEOUT_MS}; tests shorten it. */
  readonly headersTimeoutMs?: number;
  /** Default {@link REQUEST_TIMEOUT_MS}; tests shorten it. */
  readonly requestTimeoutMs?: number;
  /** How long one readiness check may take. Default {@link READINESS_CHECK_TIMEOUT_MS}. */
  readonly readinessTimeoutMs?: number;
  /** The campaign's site (GET and HEAD), asked for any path the server does not answer itself. */
  readonly site?: SiteHandler;
}

/** A POST route's handler; it owns the response. Its body is capped (413) before and while it reads. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** A started HTTP server. */
export interface HttpServer {
  readonly port: number;
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function runRoute(route: RouteHandler, req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): void {
  if (!limitBody(req, res, maxBodyBytes)) return;
  void Promise.resolve().then(() => route(req, res)).catch(() => {
    // A route owns its errors (the Telegram route logs them); this only keeps the client from waiting forever.
    if (!res.headersSent) json(res, 500, { error: 'internal error' });
  });
}

/** Starts listening; resolves once the port is bound. */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const server: Server = createServer({
    headersTimeout: options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
    requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    connectionsCheckingInterval: CONNECTIONS_CHECK_INTERVAL_MS,
  }, (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = options.routes?.[path];
    if (route && req.method === 'POST') return runRoute(route, req, res, maxBodyBytes);
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' });
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      void checkReadiness(options.readiness, options.readinessTimeoutMs ?? READINESS_CHECK_TIMEOUT_MS).then(({ ok, failures }) =>
        json(res, ok ? 200 : 503, ok ? { status: 'ready' } : { status: 'not ready', failures }));
      return;
    }
    if (path === '/metrics' && options.metrics) {
      void options.metrics().then(({ contentType, body }) => { res.writeHead(200, { 'content-type': contentType }); res.end(body); },
        () => json(res, 500, { error: 'metrics unavailable' }));
      return;
    }
    if (options.site?.(req, res, path)) return;
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
