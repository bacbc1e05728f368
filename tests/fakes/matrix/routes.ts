/**
 * The endpoints of the fake homeserver, under `/_matrix/client/v3`, with the
 * spec's shapes and Synapse's words for refusals: whoami, sync (long poll),
 * filter upload, join, leave, send (transaction ids deduplicated per access
 * token and path), room state, joined members. Unknown endpoints answer 404
 * `M_UNRECOGNIZED`, as the spec asks.
 */
import { buildSync, parseFilter, type SyncFilter } from './sync.js';
import type { World } from './state.js';

/** An answer. */
export interface Answer { readonly status: number; readonly body: Record<string, unknown>; readonly headers?: Record<string, string> }

/** A parsed request, authenticated. */
export interface Request {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly userId: string;
  readonly token: string;
}

/** What the routes need of the fake. */
export interface RouteContext {
  readonly world: World;
  readonly filters: Map<string, SyncFilter>;
  /** Answers already given per `token path` (transaction ids). */
  readonly transactions: Map<string, Answer>;
  /** Resolves when the world changes, or after `ms`. */
  waitForChange(ms: number): Promise<void>;
}

const error = (status: number, errcode: string, message: string): Answer => ({ status, body: { errcode, error: message } });
const ok = (body: Record<string, unknown>): Answer => ({ status: 200, body });

/** The endpoint name of a path (for faults and call records) and its room, if any. */
export function endpointOf(method: string, path: string): { endpoint: string; roomId?: string; txnId?: string } {
  const p = path.replace(/^\/_matrix\/client\/v3/, '');
  const room = /^\/rooms\/([^/]+)\/(send|state|joined_members|leave|join)(?:\/([^/]+)\/([^/]*))?/.exec(p);
  if (room) {
    const roomId = decodeURIComponent(room[1]!);
    if (room[2] === 'send') return { endpoint: 'send', roomId, ...(room[4] ? { txnId: decodeURIComponent(room[4]) } : {}) };
    return { endpoint: room[2]!, roomId };
  }
  const join = /^\/join\/([^/]+)$/.exec(p);
  if (join) return { endpoint: 'join', roomId: decodeURIComponent(join[1]!) };
  if (p === '/account/whoami') return { endpoint: 'whoami' };
  if (p === '/sync') return { endpoint: 'sync' };
  if (/^\/user\/[^/]+\/filter/.test(p)) return { endpoint: 'filter' };
  return { endpoint: 'unknown' };
}

function filterOf(ctx: RouteContext, raw: string | null): SyncFilter | Answer {
  if (raw === null) return parseFilter({});
  if (raw.trim().startsWith('{')) {
    try { return parseFilter(JSON.parse(raw)); } catch { return error(400, 'M_NOT_JSON', 'filter is not valid JSON'); }
  }
  return ctx.filters.get(raw) ?? error(400, 'M_INVALID_PARAM', 'unknown filter id');
}

async function sync(ctx: RouteContext, req: Request): Promise<Answer> {
  const filter = filterOf(ctx, req.query.get('filter'));
  if ('status' in filter) return filter;
  const sinceRaw = req.query.get('since');
  const since = sinceRaw === null ? undefined : /^s(\d+)$/.exec(sinceRaw)?.[1];
  if (sinceRaw !== null && since === undefined) return error(400, 'M_INVALID_PARAM', 'invalid since token');
  const timeout = Math.min(Number(req.query.get('timeout') ?? 0) || 0, 60_000);
  const deadline = Date.now() + timeout;
  for (;;) {
    const answer = buildSync(ctx.world, req.userId, since === undefined ? undefined : Number(since), filter);
    if (!answer.empty || since === undefined || Date.now() >= deadline) return ok({ next_batch: answer.next_batch, rooms: answer.rooms });
    await ctx.waitForChange(deadline - Date.now());
  }
}

function join(ctx: RouteContext, req: Request, roomId: string): Answer {
  const { world } = ctx;
  if (!world.rooms.has(roomId)) return error(404, 'M_NOT_FOUND', 'No known servers');
  const m = world.membership(roomId, req.userId);
  if (m === 'ban') return error(403, 'M_FORBIDDEN', 'You are banned from this room');
  if (m !== 'invite' && m !== 'join') return error(403, 'M_FORBIDDEN', 'You are not invited to this room.');
  if (m === 'invite') world.setMembership(roomId, req.userId, req.userId, 'join');
  return ok({ room_id: roomId });
}

function leave(ctx: RouteContext, req: Request, roomId: string): Answer {
  const { world } = ctx;
  if (!world.rooms.has(roomId)) return error(404, 'M_NOT_FOUND', 'Unknown room');
  const m = world.membership(roomId, req.userId);
  if (m === 'join' || m === 'invite') world.setMembership(roomId, req.userId, req.userId, 'leave');
  return ok({});
}

function send(ctx: RouteContext, req: Request, roomId: string, eventType: string, txnId: string): Answer {
  const key = `${req.token} ${req.path}`;
  const seen = ctx.transactions.get(key);
  if (seen) return seen;
  const { world } = ctx;
  if (!world.rooms.has(roomId) || world.membership(roomId, req.userId) !== 'join') {
    return error(403, 'M_FORBIDDEN', `User ${req.userId} not in room ${roomId}`);
  }
  if (typeof req.body !== 'object' || req.body === null) return error(400, 'M_NOT_JSON', 'Content not JSON.');
  const have = world.powerLevel(roomId, req.userId);
  const need = world.sendLevel(roomId, eventType);
  if (have < need) return error(403, 'M_FORBIDDEN', `You don't have permission to post that to the room. user_level (${have}) < send_level (${need})`);
  if (Buffer.byteLength(JSON.stringify(req.body)) > 65_536) return error(413, 'M_TOO_LARGE', 'event too large');
  const event = world.append(roomId, { type: eventType, sender: req.userId, content: req.body as Record<string, unknown>, txnId });
  const answer = ok({ event_id: event.event_id });
  ctx.transactions.set(key, answer); // only successes are kept, as Synapse does: a retry after an error runs again
  return answer;
}

function state(ctx: RouteContext, req: Request, roomId: string, type: string, key: string): Answer {
  const { world } = ctx;
  if (!world.rooms.has(roomId)) return error(403, 'M_FORBIDDEN', `User ${req.userId} not in room ${roomId}, and room previews are disabled`);
  const m = world.membership(roomId, req.userId);
  if (m !== 'join' && m !== 'leave' && m !== 'ban') return error(403, 'M_FORBIDDEN', `User ${req.userId} not in room ${roomId}, and room previews are disabled`);
  const event = world.stateEvent(roomId, type, key);
  if (event === undefined) return error(404, 'M_NOT_FOUND', 'Event not found.');
  if (req.query.get('format') === 'event') {
    return ok({ type: event.type, event_id: event.event_id, sender: event.sender, state_key: event.state_key, origin_server_ts: event.origin_server_ts, content: event.content, room_id: roomId });
  }
  return ok(event.content);
}

function joinedMembers(ctx: RouteContext, req: Request, roomId: string): Answer {
  const { world } = ctx;
  if (!world.rooms.has(roomId) || world.membership(roomId, req.userId) !== 'join') return error(403, 'M_FORBIDDEN', `User ${req.userId} not in room ${roomId}`);
  return ok({ joined: Object.fromEntries(world.joinedMembers(roomId).map((u) => [u, { display_name: u.slice(1).split(':')[0] }])) });
}

/** Routes one authenticated request. */
export async function route(ctx: RouteContext, req: Request): Promise<Answer> {
  const p = req.path.replace(/^\/_matrix\/client\/v3/, '');
  const is = (method: string, re: RegExp): RegExpExecArray | undefined => (req.method === method ? re.exec(p) ?? undefined : undefined);
  const d = decodeURIComponent;
  let m: RegExpExecArray | undefined;
  if (is('GET', /^\/account\/whoami$/)) return ok({ user_id: req.userId, device_id: 'FAKEDEVICE', is_guest: false });
  if (is('GET', /^\/sync$/)) return sync(ctx, req);
  if ((m = is('POST', /^\/user\/([^/]+)\/filter$/))) {
    if (d(m[1]!) !== req.userId) return error(403, 'M_FORBIDDEN', 'Cannot create filters for other users');
    const id = String(ctx.filters.size + 1);
    ctx.filters.set(id, parseFilter(req.body));
    return ok({ filter_id: id });
  }
  if ((m = is('POST', /^\/join\/([^/]+)$/) ?? is('POST', /^\/rooms\/([^/]+)\/join$/))) return join(ctx, req, d(m[1]!));
  if ((m = is('POST', /^\/rooms\/([^/]+)\/leave$/))) return leave(ctx, req, d(m[1]!));
  if ((m = is('PUT', /^\/rooms\/([^/]+)\/send\/([^/]+)\/([^/]+)$/))) return send(ctx, req, d(m[1]!), d(m[2]!), d(m[3]!));
  if ((m = is('GET', /^\/rooms\/([^/]+)\/state\/([^/]+)(?:\/([^/]*))?$/))) return state(ctx, req, d(m[1]!), d(m[2]!), d(m[3] ?? ''));
  if ((m = is('GET', /^\/rooms\/([^/]+)\/joined_members$/))) return joinedMembers(ctx, req, d(m[1]!));
  return error(404, 'M_UNRECOGNIZED', 'Unrecognized request');
}
