/**
 * The HTTP side of the fake: `/bot<token>/<method>` routing, fault injection,
 * flood control, latency, and a listener that can go down and come back on
 * the same port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { faultAction, type FaultAction, type FaultBook, type RateLimiter } from './faults.js';
import { parseRequest, readBody, type ParsedRequest } from './http-body.js';
import { methods } from './methods-bot.js';
import type { FakeState } from './state.js';
import type { ApiCall, ApiReply } from './types.js';

const json = (error_code: number, description: string): ApiReply => ({ ok: false, error_code, description });

/** Owns the node:http server and turns requests into method calls. */
export class FakeServer {
  private readonly server: Server;
  private readonly inflight = new Set<Promise<void>>();
  private readonly hanging = new Set<ServerResponse>();
  private closing = false;
  private listening = false;
  /** Port in use (kept while down, so the fake comes back on the same one). */
  port = 0;
  /** Added before every answer. */
  latencyMs = 0;

  constructor(
    private readonly state: FakeState,
    private readonly faults: FaultBook,
    private readonly limiter: RateLimiter,
    private readonly html: 'strict' | 'telegram',
  ) {
    this.server = createServer((req, res) => {
      const task = this.handle(req, res).catch(() => {
        if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
      });
      this.inflight.add(task);
      void task.finally(() => this.inflight.delete(task));
    });
    this.server.keepAliveTimeout = 30_000;
  }

  /** Whether the listener accepts connections. */
  get isUp(): boolean {
    return this.listening;
  }

  /** Starts listening on 127.0.0.1 (the remembered port when `port` is omitted). */
  async listen(port = this.port): Promise<void> {
    if (this.listening) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.listening = true;
    this.closing = false;
  }

  /**
   * Stops listening: pending long polls answer (`[]`), hanging requests are
   * destroyed, in-flight answers are flushed, then every socket is closed.
   */
  async shutdown(): Promise<void> {
    if (!this.listening) return;
    this.closing = true;
    this.state.closing = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.state.releasePoll();
    for (const res of this.hanging) res.socket?.destroy();
    this.hanging.clear();
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
    this.server.closeAllConnections();
    await closed;
    this.listening = false;
    this.state.closing = false;
  }

  private send(res: ServerResponse, status: number, contentType: string, body: string): void {
    if (res.destroyed || res.headersSent) return;
    const headers: Record<string, string | number> = { 'content-type': contentType, 'content-length': Buffer.byteLength(body) };
    if (this.closing) headers['connection'] = 'close';
    res.writeHead(status, headers).end(body);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const route = /^\/bot([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
    const body = await readBody(req);
    if (!route) return this.send(res, 404, 'application/json', JSON.stringify(json(404, 'Not Found')));
    this.state.stats.requests++;
    if (decodeURIComponent(route[1] ?? '') !== this.state.token) {
      this.state.stats.unauthorized++;
      return this.send(res, 401, 'application/json', JSON.stringify(json(401, 'Unauthorized')));
    }
    let parsed: ParsedRequest;
    try {
      parsed = parseRequest(req.headers['content-type'], body, url.searchParams);
    } catch {
      return this.send(res, 400, 'application/json', JSON.stringify(json(400, "Bad Request: can't parse JSON")));
    }
    const abort = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) abort.abort(); // the client went away (e.g. grammY aborted a long poll)
    });
    const action = await this.call(decodeURIComponent(route[2] ?? ''), parsed, abort.signal);
    if (action.type === 'drop') {
      req.socket.destroy();
    } else if (action.type === 'hang') {
      if (this.closing) req.socket.destroy();
      else this.hanging.add(res);
      res.once('close', () => this.hanging.delete(res));
    } else if (action.type === 'raw') {
      this.send(res, action.status, action.contentType, action.body);
    } else {
      this.send(res, action.reply.ok ? 200 : action.reply.error_code, 'application/json', JSON.stringify(action.reply));
    }
    this.state.notify();
  }

  /**
   * Runs one API call through faults, flood control and the method table,
   * and records it. Also used for webhook replies.
   */
  async call(method: string, parsed: ParsedRequest, signal: AbortSignal): Promise<FaultAction> {
    const s = this.state;
    const call: ApiCall = { method, params: parsed.params, transport: parsed.transport, files: parsed.files, at: Date.now(), status: 0 };
    s.calls.push(call);
    s.stats.byMethod[method] = (s.stats.byMethod[method] ?? 0) + 1;
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const chatId = parsed.params['chat_id'];
    const fault = this.faults.take(method, chatId);
    let action: FaultAction;
    if (fault) {
      s.stats.injectedFaults++;
      call.injected = 'fault';
      if (fault.kind === 'drop' && fault.afterProcessing) await this.run(method, parsed.params, chatId, call, signal);
      action = faultAction(fault);
    } else {
      action = { type: 'reply', reply: await this.run(method, parsed.params, chatId, call, signal) };
    }
    if (action.type === 'reply') {
      call.reply = action.reply;
      call.status = action.reply.ok ? 200 : action.reply.error_code;
      if (call.status === 429) s.stats.tooManyRequests++;
    } else if (action.type === 'raw') {
      call.status = action.status;
    }
    return action;
  }

  private async run(method: string, params: Record<string, unknown>, chatId: unknown, call: ApiCall, signal: AbortSignal): Promise<ApiReply> {
    const handler = methods.get(method.toLowerCase());
    if (!handler) return json(404, 'Not Found');
    const numeric = typeof chatId === 'number' ? chatId : Number(chatId);
    const type = this.state.chats.get(numeric)?.chat.type;
    const isGroup = type === 'group' || type === 'supergroup' || (type === undefined && numeric < 0);
    const wait = this.limiter.check(method, chatId === undefined ? undefined : String(chatId), isGroup);
    if (wait !== undefined) {
      this.state.stats.rateLimited++;
      call.injected = 'rate-limit';
      return { ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } };
    }
    return handler({ state: this.state, html: this.html, signal }, params);
  }
}
