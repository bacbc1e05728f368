/**
 * The fake daemon's HTTP side, as signal-cli's HttpServerHandler serves it
 * with `daemon --http`:
 * - `POST /api/v1/rpc`: one JSON-RPC 2.0 request (405 for another method,
 *   415 without `Content-Type: application/json`, 421 for a Host it does not
 *   listen on; 200 with the response; 201 and no body for a notification);
 * - `GET /api/v1/events`: Server-Sent Events, `event:receive` with one
 *   `data:` line of `{"envelope":…,"account":…}` per message, a `:` comment
 *   every `keepAliveMs` (15 s in signal-cli); `?account=` of another
 *   account → 400;
 * - `GET /api/v1/check`: 200.
 * Faults: refuse connections (`setDown`), drop the open streams, stall them
 * (no keep-alives, no events: a half-open connection), hang a request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { SignalState } from './methods.js';

/** Options of {@link SignalHttp}. */
export interface SignalHttpOptions {
  readonly keepAliveMs: number;
  /** `on-connection`: events wait while no stream is open (the daemon receives only then); `on-start`: they are lost. */
  readonly receiveMode: 'on-connection' | 'on-start';
}

const ALLOWED_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The HTTP server of the fake daemon. */
export class SignalHttp {
  readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly streams = new Set<ServerResponse>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly pending: string[] = [];
  private keepAlive: NodeJS.Timeout | undefined;
  private stalled = false;
  port = 0;
  /** Streams opened so far. */
  streamOpens = 0;

  constructor(private readonly state: SignalState, private readonly options: SignalHttpOptions) {
    this.server = createServer((req, res) => { this.route(req, res); });
    this.server.on('connection', (s) => { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); });
  }

  /** Listens on `port` (0: any free one) on 127.0.0.1. */
  async listen(port = this.port): Promise<void> {
    await new Promise<void>((resolve, reject) => { this.server.once('error', reject).listen(port, '127.0.0.1', () => resolve()); });
    this.port = (this.server.address() as { port: number }).port;
    this.keepAlive = setInterval(() => { if (!this.stalled) for (const s of this.streams) s.write(':\n'); }, this.options.keepAliveMs);
  }

  /** Stops listening and cuts every connection (the daemon is down: connections are refused). */
  async shut(): Promise<void> {
    clearInterval(this.keepAlive);
    for (const r of [...this.hanging, ...this.streams]) r.destroy();
    this.hanging.clear();
    this.streams.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  /** Streams open now. */
  get openStreams(): number { return this.streams.size; }

  /** Ends every open stream (as a daemon restart does). */
  dropStreams(): void {
    for (const s of this.streams) s.end();
    this.streams.clear();
  }

  /** Stalls the streams: nothing, not even keep-alives, until unstalled (events wait). */
  stall(on: boolean): void {
    this.stalled = on;
    if (!on) this.flush();
  }

  /** Delivers one `receive` event to the open streams (or keeps it, see `receiveMode`). */
  emit(data: unknown): void {
    const frame = `event:receive\ndata:${JSON.stringify(data)}\n\n`;
    if (this.streams.size === 0 || this.stalled) {
      if (this.options.receiveMode === 'on-connection' || this.stalled) this.pending.push(frame);
      return;
    }
    for (const s of this.streams) s.write(frame);
  }

  private flush(): void {
    if (this.streams.size === 0 || this.stalled) return;
    for (const frame of this.pending.splice(0)) for (const s of this.streams) s.write(frame);
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!ALLOWED_HOSTS.has(host)) { res.writeHead(421).end(); return; }
    if (url.pathname === '/api/v1/check') { res.writeHead(req.method === 'GET' ? 200 : 405).end(); return; }
    if (url.pathname === '/api/v1/events') { this.events(req, res, url); return; }
    if (url.pathname === '/api/v1/rpc') { void this.rpc(req, res); return; }
    res.writeHead(404).end();
  }

  private events(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET') { res.writeHead(405).end(); return; }
    const account = url.searchParams.get('account');
    if (account !== null && account !== '' && account !== this.state.account) { res.writeHead(400).end(); return; }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    this.streams.add(res);
    this.streamOpens++;
    res.on('close', () => this.streams.delete(res));
    this.flush();
  }

  private async rpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') { res.writeHead(405).end(); return; }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) { res.writeHead(415).end(); return; }
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const answer = (body: unknown): void => {
      const bytes = Buffer.from(JSON.stringify(body));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length }).end(bytes);
    };
    let request: { jsonrpc?: unknown; method?: unknown; params?: unknown; id?: unknown };
    try {
      request = JSON.parse(raw) as typeof request;
    } catch {
      answer({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error', data: null }, id: null });
      return;
    }
    const id = request.id ?? null;
    if (typeof request.method !== 'string') { answer({ jsonrpc: '2.0', error: { code: -32600, message: 'method field must be set', data: null }, id }); return; }
    const params = typeof request.params === 'object' && request.params !== null ? request.params as Record<string, unknown> : {};
    const outcome = this.state.handle(request.method, params);
    if ('hang' in outcome) { this.hanging.add(res); res.on('close', () => this.hanging.delete(res)); return; }
    if ('http' in outcome) { res.writeHead(outcome.http).end(); return; }
    if (request.id === undefined) { res.writeHead(201).end(); return; }
    answer('error' in outcome ? { jsonrpc: '2.0', error: outcome.error, id } : { jsonrpc: '2.0', result: outcome.result, id });
  }
}
