/**
 * The REST half: `/api/v10/...` over node:http. Routing, bot-token auth,
 * per-route rate-limit buckets, injected faults, JSON and multipart bodies,
 * and the request log. The routes themselves live in `routes-*.ts`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeState } from './state.js';
import type { AttachmentRecord, Fault, RequestRecord } from './types.js';
import { FaultQueue, RateLimiter, faultError, rateLimitedResponse, type Headers } from './ratelimit.js';
import { apiError, type ApiError } from './validate.js';

/** What a route handler sees. */
export interface RestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  files: AttachmentRecord[];
}

/** What a route handler answers. */
export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Headers;
}

/** One route: `pattern` segments starting with `:` are parameters. */
export interface Route {
  method: string;
  pattern: string;
  /** Whether the bot token is required (interaction and webhook-token routes need none). */
  auth: boolean;
  /** Exempt from rate-limit buckets (interaction callbacks). */
  unlimited?: boolean;
  handle(ctx: RestContext): RestReply | Promise<RestReply>;
}

/** Turn an {@link ApiError} into a reply. */
export function errorReply(error: ApiError): RestReply {
  return { status: error.status, body: error.body };
}

const MAJOR = /^\/webhooks\/(\d+\/[^/?]+)|^\/(?:channels|guilds|webhooks)\/(\d+)/;

/** The REST request handler. */
export class RestServer {
  readonly faults = new FaultQueue();
  readonly limiter: RateLimiter;

  constructor(
    private readonly state: FakeState,
    private readonly routes: Route[],
    rateLimit: { limit: number; windowMs: number },
  ) {
    this.limiter = new RateLimiter(rateLimit);
  }

  /** node:http `request` listener. */
  handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.process(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        if (!res.headersSent) this.write(res, { status: 500, body: { message: String(error), code: 0 } });
      });
    });
  };

  private async process(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const versioned = /^\/api\/v(\d+)(\/.*)$/.exec(url.pathname);
    const path = versioned?.[2] ?? url.pathname;
    const found = versioned ? this.match(method, path) : null;
    const record: RequestRecord = {
      method,
      path,
      route: found?.route.pattern ?? null,
      query: url.search,
      status: 0,
      at: Date.now(),
    };
    const finish = (reply: RestReply): void => {
      record.status = reply.status;
      const code = (reply.body as { code?: unknown } | undefined)?.code;
      if (reply.status >= 400 && typeof code === 'number') record.code = code;
      this.write(res, reply);
      this.log(record);
    };

    if (!versioned) return finish({ status: 404, body: { message: '404: Not Found', code: 0 } });
    if (versioned[1] !== '10' && versioned[1] !== '9') return finish(errorReply(apiError(400, 50041, 'Invalid API version')));

    const fault = this.faults.take(method, path);
    if (fault) {
      record.fault = fault.kind;
      const handled = this.applyFault(fault, req, record, found);
      if (handled) return finish(handled);
      return;
    }

    let headers: Headers = {};
    if (found && !found.route.unlimited) {
      const major = MAJOR.exec(path);
      const taken = this.limiter.take(method, found.route.pattern, major?.[1] ?? major?.[2] ?? 'global');
      headers = taken.headers;
      if (taken.limitedForMs !== undefined) return finish(rateLimitedResponse(taken.limitedForMs, headers));
    }
    if (!found) return finish({ status: 404, body: { message: '404: Not Found', code: 0 }, headers });
    if (found.route.auth && req.headers.authorization !== `Bot ${this.state.token}`) {
      return finish({ status: 401, body: { message: '401: Unauthorized', code: 0 }, headers });
    }
    let parsed: { body: unknown; files: AttachmentRecord[] };
    try {
      parsed = await parseBody(req.headers['content-type'] ?? '', raw);
    } catch {
      return finish({ status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 }, headers });
    }
    const reply = await found.route.handle({ method, path, query: url.searchParams, params: found.params, ...parsed });
    finish({ ...reply, headers: { ...headers, ...reply.headers } });
  }

  private applyFault(
    fault: Fault,
    req: IncomingMessage,
    record: RequestRecord,
    found: { route: Route } | null,
  ): RestReply | null {
    if (fault.kind === 'hang') {
      // Read and never answered; the socket is freed when the fake closes (closeAllConnections).
      record.status = 0;
      this.log(record);
      return null;
    }
    if (fault.kind === 'drop' || fault.kind === 'reset') {
      record.status = 0;
      this.log(record);
      if (fault.kind === 'reset') req.socket.resetAndDestroy();
      else req.socket.destroy();
      return null;
    }
    if (fault.kind === 'rateLimit') {
      const pattern = found?.route.pattern ?? record.path;
      const base: Headers = {
        'x-ratelimit-limit': String(this.limiter.config.limit),
        'x-ratelimit-bucket': RateLimiter.hash(record.method, pattern),
      };
      return rateLimitedResponse(fault.retryAfterMs ?? 100, base, fault.global ?? false, fault.scope);
    }
    const error = faultError(fault);
    return error ? { status: error.status, body: { message: error.message, code: error.code } } : null;
  }

  private match(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    const segments = path.split('/').filter((s) => s.length > 0);
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const pattern = route.pattern.split('/').filter((s) => s.length > 0);
      if (pattern.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = pattern.every((p, i) => {
        const s = decodeURIComponent(segments[i]!);
        if (p.startsWith(':')) {
          params[p.slice(1)] = s;
          return true;
        }
        return p === s;
      });
      if (ok) return { route, params };
    }
    return null;
  }

  private write(res: ServerResponse, reply: RestReply): void {
    const headers: Headers = { ...reply.headers };
    if (reply.body === undefined || reply.status === 204) {
      res.writeHead(reply.status === 200 ? 204 : reply.status, headers).end();
      return;
    }
    const text = JSON.stringify(reply.body);
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(text));
    res.writeHead(reply.status, headers).end(text);
  }

  private log(record: RequestRecord): void {
    this.state.requests.push(record);
    this.state.changed();
  }
}

/** Parse a JSON or multipart (`payload_json` + files) request body. */
async function parseBody(contentType: string, raw: Buffer): Promise<{ body: unknown; files: AttachmentRecord[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: AttachmentRecord[] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value) as unknown;
      } else {
        files.push({ field, filename: value.name, size: value.size });
      }
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
}
