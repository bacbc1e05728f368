/**
 * `GET /sync` of the fake, as the spec describes it ("Syncing"): tokens are
 * stream positions (`s<n>`); an initial sync (no `since`) returns each
 * joined room's current state and its latest timeline events, and pending
 * invites with their stripped state; an incremental one returns only what
 * happened after `since` — new timeline events (limited to the filter's
 * `limit`, with `limited: true` when more happened), rooms newly joined with
 * their state, new invites, rooms left. Filters: inline JSON or a filter id,
 * honouring `room.rooms`, `room.timeline.types` / `limit` and
 * `room.state.types`.
 */
import type { FakeEvent, World } from './state.js';

/** The parts of a filter the fake honours. */
export interface SyncFilter {
  readonly rooms?: readonly string[];
  readonly timelineTypes?: readonly string[];
  readonly timelineLimit: number;
  readonly stateTypes?: readonly string[];
}

/** Reads a filter definition (spec "Filtering"); Synapse caps `limit` at 100 (`filter_timeline_limit`). */
export function parseFilter(definition: unknown): SyncFilter {
  const def = (typeof definition === 'object' && definition !== null ? definition : {}) as Record<string, unknown>;
  const room = (def['room'] ?? {}) as Record<string, unknown>;
  const timeline = (room['timeline'] ?? {}) as Record<string, unknown>;
  const state = (room['state'] ?? {}) as Record<string, unknown>;
  const list = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
  const limit = typeof timeline['limit'] === 'number' ? timeline['limit'] : 10;
  const rooms = list(room['rooms']);
  const timelineTypes = list(timeline['types']);
  const stateTypes = list(state['types']);
  return {
    timelineLimit: Math.max(0, Math.min(100, limit)),
    ...(rooms ? { rooms } : {}), ...(timelineTypes ? { timelineTypes } : {}), ...(stateTypes ? { stateTypes } : {}),
  };
}

/** Client format of an event (no `stream`, `txnId` only as `unsigned.transaction_id` to its own sender). */
function clientEvent(e: FakeEvent, viewer: string): Record<string, unknown> {
  return {
    type: e.type, event_id: e.event_id, sender: e.sender, origin_server_ts: e.origin_server_ts, content: e.content,
    ...(e.state_key === undefined ? {} : { state_key: e.state_key }),
    ...(e.txnId !== undefined && e.sender === viewer ? { unsigned: { transaction_id: e.txnId } } : {}),
  };
}

const matches = (types: readonly string[] | undefined, type: string): boolean => types === undefined || types.includes(type);

/** The sync answer for `userId` from position `since` (undefined: initial); `rooms` is empty when nothing happened. */
export function buildSync(world: World, userId: string, since: number | undefined, filter: SyncFilter): { next_batch: string; rooms: Record<string, Record<string, unknown>>; empty: boolean } {
  const join: Record<string, unknown> = {};
  const invite: Record<string, unknown> = {};
  const leave: Record<string, unknown> = {};
  const from = since ?? 0;
  for (const room of world.rooms.values()) {
    if (filter.rooms !== undefined && !filter.rooms.includes(room.id)) continue;
    const mine = room.events.filter((e) => e.type === 'm.room.member' && e.state_key === userId);
    const current = mine.at(-1);
    if (current === undefined) continue;
    const membership = current.content['membership'];
    const changedNow = current.stream > from;
    if (membership === 'invite') {
      if (since === undefined || changedNow) invite[room.id] = { invite_state: { events: world.strippedState(room.id, userId) } };
      continue;
    }
    if (membership === 'leave' || membership === 'ban') {
      if (since !== undefined && changedNow) leave[room.id] = { timeline: { events: [clientEvent(current, userId)] } };
      continue;
    }
    if (membership !== 'join') continue;
    // Events the user may see: from the start of their latest run of joins (a profile change is join → join).
    let joinedAt = current;
    for (let i = 0; i < mine.length; i++) {
      const m = mine[i]!;
      if (m.content['membership'] === 'join' && (i === 0 || mine[i - 1]!.content['membership'] !== 'join')) joinedAt = m;
    }
    const fresh = since === undefined || joinedAt.stream > from;
    const candidates = room.events.filter((e) => e.stream > (fresh ? 0 : from) && matches(filter.timelineTypes, e.type));
    const visible = fresh && since !== undefined ? candidates.filter((e) => e.stream >= joinedAt.stream) : candidates;
    if (!fresh && visible.length === 0) continue;
    const timeline = filter.timelineLimit === 0 ? [] : visible.slice(-filter.timelineLimit);
    const limited = timeline.length < visible.length;
    const inTimeline = new Set(timeline.map((e) => e.event_id));
    const state = fresh || limited
      ? [...room.state.values()].filter((e) => matches(filter.stateTypes, e.type) && !inTimeline.has(e.event_id) && e.stream <= (timeline[0]?.stream ?? world.stream))
      : [];
    join[room.id] = {
      state: { events: state.map((e) => clientEvent(e, userId)) },
      timeline: { events: timeline.map((e) => clientEvent(e, userId)), limited, prev_batch: `s${timeline[0] ? timeline[0].stream - 1 : world.stream}` },
    };
  }
  const rooms: Record<string, Record<string, unknown>> = {};
  if (Object.keys(join).length > 0) rooms['join'] = join;
  if (Object.keys(invite).length > 0) rooms['invite'] = invite;
  if (Object.keys(leave).length > 0) rooms['leave'] = leave;
  return { next_batch: `s${world.stream}`, rooms, empty: Object.keys(rooms).length === 0 };
}
