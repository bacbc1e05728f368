/**
 * The gateway half: a `ws` server on the fake's HTTP port. HELLO (op 10) →
 * IDENTIFY (op 2) → READY + GUILD_CREATE, heartbeats (op 1 → op 11),
 * RESUME (op 6) with replay of missed dispatches, INVALID_SESSION (op 9),
 * RECONNECT (op 7) and Discord's close codes. JSON encoding only, no compression.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import type { FakeState } from './state.js';
import type { GatewayStats } from './types.js';
import { apiGuildCreate, botUser } from './objects.js';

const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
const GUILDS_INTENT = 1 << 0;

interface Dispatch {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  history: Dispatch[];
  socket: WebSocket | null;
  resumable: boolean;
}

/** Gateway settings. */
export interface GatewayOptions {
  heartbeatIntervalMs: number;
  privilegedIntents: boolean;
  applicationFlags: number;
  /** URL given as `resume_gateway_url` in READY. */
  resumeUrl(): string;
}

/** Which shard a guild belongs to: `(guild_id >> 22) % num_shards`. */
export function shardOf(guildId: string, shardCount: number): number {
  try {
    return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
  } catch {
    return 0;
  }
}

/** The fake gateway. */
export class FakeGateway {
  readonly stats: GatewayStats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0, closeCodes: [], open: 0, urls: [] };
  /** Answer heartbeats with op 11 (turn off to make the client see a zombie connection). */
  ackHeartbeats = true;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly state: FakeState,
    private readonly options: GatewayOptions,
  ) {}

  /** node:http `upgrade` listener. */
  handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req));
  };

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    this.stats.connections += 1;
    this.stats.open += 1;
    this.stats.urls.push(req.url ?? '/');
    const query = new URL(req.url ?? '/', 'ws://fake.invalid').searchParams;
    let session: Session | null = null;
    const send = (payload: unknown): void => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
    };
    const close = (code: number, reason: string): void => ws.close(code, reason);
    ws.on('close', (code) => {
      this.stats.open -= 1;
      this.stats.closeCodes.push(code);
      if (session && session.socket === ws) {
        session.socket = null;
        // A client closing with 1000/1001 ends its session; other codes leave it resumable.
        if (code === 1000 || code === 1001) session.resumable = false;
      }
      this.state.changed();
    });
    if (query.get('v') !== '10' && query.get('v') !== '9') return close(4012, 'Invalid API version.');
    if ((query.get('encoding') ?? 'json') !== 'json') return close(4002, 'Error while decoding payload.');
    if (query.has('compress')) return close(4000, 'The fake gateway does not support transport compression.');
    send({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
    this.state.changed();

    ws.on('message', (data: RawData) => {
      let payload: { op?: unknown; d?: unknown };
      try {
        payload = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data)) as typeof payload;
      } catch {
        return close(4002, 'Error while decoding payload.');
      }
      const d = (typeof payload.d === 'object' && payload.d !== null ? payload.d : {}) as Record<string, unknown>;
      switch (payload.op) {
        case 1:
          this.stats.heartbeats += 1;
          if (this.ackHeartbeats) send({ op: 11, d: null, s: null, t: null });
          this.state.changed();
          return;
        case 2: {
          if (session) return close(4005, 'Already authenticated.');
          if (d.token !== this.state.token) return close(4004, 'Authentication failed.');
          const intents = d.intents;
          if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0) return close(4013, 'Invalid intent(s).');
          if ((intents & PRIVILEGED_INTENTS) !== 0 && !this.options.privilegedIntents) {
            return close(4014, 'Disallowed intent(s).');
          }
          const shard = Array.isArray(d.shard) ? (d.shard as number[]) : [0, 1];
          const [id = 0, count = 1] = shard;
          if (!(id >= 0 && id < count)) return close(4010, 'Invalid shard.');
          session = this.identify(ws, [id, count], intents);
          return;
        }
        case 6: {
          if (session) return close(4005, 'Already authenticated.');
          const found = this.sessions.get(String(d.session_id));
          if (!found || !found.resumable || d.token !== this.state.token) {
            send({ op: 9, d: false, s: null, t: null });
            return;
          }
          session = found;
          this.resume(ws, found, typeof d.seq === 'number' ? d.seq : 0);
          return;
        }
        case 3:
        case 4:
        case 8:
        case 31:
          if (!session) return close(4003, 'Not authenticated.');
          return;
        default:
          return close(4001, 'Unknown opcode.');
      }
    });
  }

  private identify(ws: WebSocket, shard: [number, number], intents: number): Session {
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      shard,
      intents,
      seq: 0,
      history: [],
      socket: ws,
      resumable: true,
    };
    this.sessions.set(session.id, session);
    this.stats.identifies += 1;
    const guilds = [...this.state.guilds.values()].filter((g) => shardOf(g.id, shard[1]) === shard[0]);
    this.push(session, 'READY', {
      v: 10,
      user: botUser(this.state),
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.options.resumeUrl(),
      shard,
      application: { id: this.state.applicationId, flags: this.options.applicationFlags },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      _trace: ['["fake-discord-gateway",{"micros":0}]'],
    });
    if ((intents & GUILDS_INTENT) !== 0) {
      for (const guild of guilds) this.push(session, 'GUILD_CREATE', apiGuildCreate(this.state, guild));
    }
    this.state.changed();
    return session;
  }

  private resume(ws: WebSocket, session: Session, seq: number): void {
    if (session.socket && session.socket !== ws) session.socket.terminate();
    session.socket = ws;
    this.stats.resumes += 1;
    for (const missed of session.history.filter((h) => h.s > seq)) ws.send(JSON.stringify(missed));
    this.push(session, 'RESUMED', null);
    this.state.changed();
  }

  private push(session: Session, t: string, d: unknown): number {
    session.seq += 1;
    const dispatch: Dispatch = { op: 0, t, s: session.seq, d };
    session.history.push(dispatch);
    if (session.history.length > 1000) session.history.shift();
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(dispatch));
    return session.seq;
  }

  /**
   * Dispatch an event to the session of the guild's shard (DMs: shard 0).
   * When the session's socket is down the event waits for a RESUME replay.
   */
  dispatch(t: string, d: unknown, guildId: string | null): number {
    const candidates = [...this.sessions.values()].filter(
      (s) => s.resumable && s.shard[0] === (guildId ? shardOf(guildId, s.shard[1]) : 0),
    );
    const session = candidates.find((s) => s.socket !== null) ?? candidates.at(-1);
    if (!session) throw new Error(`fake Discord: no gateway session to dispatch ${t} to (log a client in first)`);
    return this.push(session, t, d);
  }

  /** Whether some session is connected and identified or resumed. */
  get ready(): boolean {
    return [...this.sessions.values()].some((s) => s.socket?.readyState === WebSocket.OPEN);
  }

  /**
   * Close every gateway socket. Without `code` the TCP connection is cut
   * (the client sees 1006 and resumes); with one, a close frame is sent.
   * `resumable: false` also forgets the sessions, so a RESUME gets op 9.
   */
  drop(options: { code?: number; resumable?: boolean } = {}): void {
    for (const session of this.sessions.values()) {
      if (options.resumable === false) session.resumable = false;
    }
    for (const ws of this.wss.clients) {
      if (options.code === undefined) {
        ws.terminate();
      } else {
        ws.close(options.code, 'fake Discord closed the gateway');
      }
    }
  }

  /** Send op 7 RECONNECT: the client closes and resumes. */
  requestReconnect(): void {
    for (const ws of this.wss.clients) ws.send(JSON.stringify({ op: 7, d: null, s: null, t: null }));
  }

  /** Terminate every socket and stop. */
  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
