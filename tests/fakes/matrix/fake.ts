/**
 * A loopback Matrix homeserver for tests: the client-server API endpoints a
 * bot uses (routes.ts), a world of rooms and users (state.ts), error
 * injection (faults.ts), and helpers for tests to act as people — create
 * rooms, invite the bot, say something, change power levels — and to read
 * what the bot posted.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { FaultQueue, faultBody, type FaultOptions, type MatrixFault } from './faults.js';
import { visibleText } from './html.js';
import { endpointOf, route, type Answer, type RouteContext } from './routes.js';
import { World, type FakeEvent, type RoomInput } from './state.js';
import type { SyncFilter } from './sync.js';

/** One request the fake received. */
export interface CallRecord {
  readonly endpoint: string;
  readonly method: string;
  readonly roomId?: string;
  readonly txnId?: string;
  /** The status answered, or how the request ended without one. */
  readonly status: number | 'hang' | 'drop';
  /** Wall time it arrived (ms). */
  readonly at: number;
}

/** A message the bot posted. */
export interface SentNotice {
  readonly roomId: string;
  readonly eventId: string;
  readonly txnId?: string;
  readonly content: Record<string, unknown>;
  /** What a reader sees: the HTML's text when there is HTML, else the body. */
  readonly text: string;
  readonly at: number;
}

/** Options of {@link startFakeMatrix}. */
export interface FakeMatrixOptions {
  readonly serverName?: string;
  /** The bot's user id (its access token is {@link FakeMatrix.token}). */
  readonly botUserId?: string;
}

/** The running fake. */
export class FakeMatrix {
  readonly world: World;
  readonly botUserId: string;
  readonly token = 'syt_placard_fake_token_0123456789';
  readonly calls: CallRecord[] = [];
  private readonly faults = new FaultQueue();
  private readonly tokens = new Map<string, string>();
  private readonly revoked = new Set<string>();
  private readonly sockets = new Set<Socket>();
  private readonly listeners = new Set<() => void>();
  private readonly ctx: RouteContext;
  private down = false;

  constructor(private readonly server: Server, readonly port: number, options: FakeMatrixOptions) {
    const serverName = options.serverName ?? 'fake.test';
    this.world = new World(serverName);
    this.botUserId = options.botUserId ?? `@placard:${serverName}`;
    this.tokens.set(this.token, this.botUserId);
    this.ctx = {
      world: this.world, filters: new Map<string, SyncFilter>(), transactions: new Map<string, Answer>(),
      waitForChange: (ms) => new Promise<void>((resolve) => {
        const t = setTimeout(done, Math.max(0, ms));
        const off = this.world.onChange(done);
        function done(): void { clearTimeout(t); off(); resolve(); }
      }),
    };
    this.world.onChange(() => this.changed());
    server.on('connection', (s: Socket) => { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); if (this.down) s.destroy(); });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => { void this.handle(req, res); });
  }

  /** The homeserver URL (`MATRIX_HOMESERVER_URL`). */
  get url(): string { return `http://127.0.0.1:${this.port}`; }

  /** Every message the bot posted, in order. */
  get sent(): SentNotice[] {
    const events: FakeEvent[] = [];
    for (const room of this.world.rooms.values()) {
      for (const e of room.events) if (e.sender === this.botUserId && e.type === 'm.room.message') events.push(e);
    }
    return events.sort((a, b) => a.stream - b.stream).map(notice);
  }

  /** What the bot posted in one room, in order. */
  sentTo(roomId: string): SentNotice[] {
    return this.world.room(roomId).events.filter((e) => e.sender === this.botUserId && e.type === 'm.room.message').map(notice);
  }

  /** Calls of one endpoint. */
  callsOf(endpoint: string): CallRecord[] { return this.calls.filter((c) => c.endpoint === endpoint); }

  /** A user account; returns its access token. */
  addUser(userId: string): string {
    const token = `syt_user_${this.tokens.size}_${userId.replace(/\W/g, '')}`;
    this.tokens.set(token, userId);
    return token;
  }

  /** Creates a room (the creator joined, Synapse-like power levels). */
  createRoom(input: RoomInput): string { return this.world.createRoom(input); }

  /** `by` invites the bot; `isDirect` marks it a direct chat, as Element does for a DM. */
  inviteBot(roomId: string, by: string, isDirect = false): void {
    this.world.setMembership(roomId, by, this.botUserId, 'invite', isDirect ? { is_direct: true } : {});
  }

  /** A room the bot has joined, with `members` besides the creator. */
  roomWithBot(input: RoomInput): string {
    const id = this.createRoom(input);
    this.world.setMembership(id, input.creator, this.botUserId, 'join');
    return id;
  }

  /** `sender` posts a text message (msgtype m.text unless `content` says otherwise); returns its event id. */
  say(roomId: string, sender: string, body: string, content: Record<string, unknown> = {}): string {
    return this.world.append(roomId, { type: 'm.room.message', sender, content: { msgtype: 'm.text', body, ...content } }).event_id;
  }

  /** Sets one user's power level (as the room's creator would). */
  setPowerLevel(roomId: string, userId: string, level: number): void {
    this.world.changePowerLevels(roomId, this.world.stateEvent(roomId, 'm.room.create')!.sender, { users: { [userId]: level } });
  }

  /** Changes the power-levels event (e.g. `{ events_default: 50 }`). */
  setPowerLevels(roomId: string, changes: Record<string, unknown>): void {
    this.world.changePowerLevels(roomId, this.world.stateEvent(roomId, 'm.room.create')!.sender, changes);
  }

  /** Switches end-to-end encryption on in a room. */
  enableEncryption(roomId: string): void {
    this.world.append(roomId, { type: 'm.room.encryption', sender: this.world.stateEvent(roomId, 'm.room.create')!.sender, state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } });
  }

  /** Removes `userId` from the room: `leave` (kick when by someone else) or `ban`. */
  remove(roomId: string, userId: string, how: 'leave' | 'ban' = 'leave', by = userId): void {
    this.world.setMembership(roomId, by, userId, how);
  }

  /** Queues a fault for the next matching calls (`endpoint` as in {@link CallRecord}, or `*`). */
  failNext(endpoint: string, options: FaultOptions, fault: MatrixFault): void { this.faults.add(endpoint, options, fault); }

  /** Drops every queued fault. */
  clearFaults(): void { this.faults.clear(); }

  /** The bot's token is refused (401 M_UNKNOWN_TOKEN) until restored. */
  revokeToken(revoked = true): void {
    if (revoked) this.revoked.add(this.token); else this.revoked.delete(this.token);
  }

  /** While down, every connection is reset at once (the client sees a network error). */
  setDown(down: boolean): void {
    this.down = down;
    if (down) for (const s of this.sockets) s.destroy();
  }

  /** Calls `listener` on every change (an event, a call); returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with `check()`'s first defined answer, re-checked on every change and every 20 ms. */
  async waitFor<T>(check: () => T | undefined, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`fake matrix: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => { const off = this.onChange(() => { off(); resolve(); }); setTimeout(() => { off(); resolve(); }, 20); });
    }
  }

  /** Stops the server; hung requests are released. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }

  private record(call: CallRecord): void {
    this.calls.push(call);
    this.changed();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const { endpoint, roomId, txnId } = endpointOf(req.method ?? 'GET', url.pathname);
    const base = { endpoint, method: req.method ?? 'GET', at: Date.now(), ...(roomId ? { roomId } : {}), ...(txnId ? { txnId } : {}) };
    const reply = (a: Answer): void => {
      this.record({ ...base, status: a.status });
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers }).end(JSON.stringify(a.body));
    };
    if (url.pathname === '/_matrix/client/versions') { reply({ status: 200, body: { versions: ['v1.11'] } }); return; }
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (auth === undefined) { reply({ status: 401, body: { errcode: 'M_MISSING_TOKEN', error: 'Missing access token' } }); return; }
    const userId = this.tokens.get(auth);
    if (userId === undefined || this.revoked.has(auth)) { reply({ status: 401, body: { errcode: 'M_UNKNOWN_TOKEN', error: 'Invalid access token passed.', soft_logout: false } }); return; }
    let body: unknown;
    try { body = raw === '' ? undefined : JSON.parse(raw); } catch { reply({ status: 400, body: { errcode: 'M_NOT_JSON', error: 'Content not JSON.' } }); return; }
    const request = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body, userId, token: auth };
    const fault = this.faults.take(endpoint, roomId);
    if (fault === undefined) { reply(await route(this.ctx, request)); return; }
    if (fault.kind === 'rateLimited' || fault.kind === 'error') { const f = faultBody(fault); reply({ status: f.status, body: f.body, headers: f.headers }); return; }
    if (fault.kind === 'serverError') {
      this.record({ ...base, status: fault.status });
      if (fault.html) res.writeHead(fault.status, { 'content-type': 'text/html' }).end(`<html><body><h1>${fault.status} Bad Gateway</h1></body></html>`);
      else res.writeHead(fault.status, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 'M_UNKNOWN', error: 'Internal server error' }));
      return;
    }
    if (fault.afterProcessing) await route(this.ctx, request);
    this.record({ ...base, status: fault.kind });
    if (fault.kind === 'drop') req.socket.destroy();
    // hang: the socket stays open until the client gives up or close() destroys it.
  }
}

function notice(e: FakeEvent): SentNotice {
  const html = e.content['formatted_body'];
  const body = e.content['body'];
  return {
    roomId: e.room_id, eventId: e.event_id, content: e.content, at: e.origin_server_ts, ...(e.txnId ? { txnId: e.txnId } : {}),
    text: typeof html === 'string' ? visibleText(html) : typeof body === 'string' ? body : '',
  };
}

/** Starts a fake homeserver on a free loopback port. */
export async function startFakeMatrix(options: FakeMatrixOptions = {}): Promise<FakeMatrix> {
  const server = createServer();
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return new FakeMatrix(server, port, options);
}
