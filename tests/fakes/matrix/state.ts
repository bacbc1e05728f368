/**
 * The fake homeserver's world: rooms as ordered event lists (one stream
 * position per event, across rooms, as `/sync` tokens count them), the
 * current state of each room, and membership derived from it. Shapes follow
 * the client-server API (client event format; power levels as
 * `m.room.power_levels`; stripped state for invites).
 */

/** An event as the fake keeps it. */
export interface FakeEvent {
  readonly event_id: string;
  readonly room_id: string;
  readonly type: string;
  readonly sender: string;
  readonly content: Record<string, unknown>;
  readonly state_key?: string;
  readonly origin_server_ts: number;
  /** Position in the server's stream (what `since` counts). */
  readonly stream: number;
  /** The transaction id it was sent with (the bot's posts). */
  readonly txnId?: string;
}

/** A room. */
export interface FakeRoom {
  readonly id: string;
  readonly version: string;
  readonly events: FakeEvent[];
  /** Current state by `type\u0000state_key`. */
  readonly state: Map<string, FakeEvent>;
}

/** Options of a new room. */
export interface RoomInput {
  readonly creator: string;
  /** Other users joined at once. */
  readonly members?: readonly string[];
  readonly name?: string;
  /** Room version (default "10", Synapse's default). */
  readonly version?: string;
  /** Merged over the default power levels (creator 100, state_default 50, events_default 0). */
  readonly powerLevels?: Record<string, unknown>;
  /** `m.room.encryption` in the initial state. */
  readonly encrypted?: boolean;
}

const stateKeyOf = (type: string, key: string): string => `${type}\u0000${key}`;

/** The world. */
export class World {
  stream = 0;
  readonly rooms = new Map<string, FakeRoom>();
  private readonly listeners = new Set<() => void>();
  private nextRoom = 1;

  constructor(readonly serverName: string, private readonly clock: () => number = Date.now) {}

  /** Calls `listener` after every new event; returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Appends an event to a room (state events also update its state). */
  append(roomId: string, event: Omit<FakeEvent, 'event_id' | 'room_id' | 'origin_server_ts' | 'stream'>): FakeEvent {
    const room = this.room(roomId);
    this.stream++;
    const full: FakeEvent = { ...event, event_id: `$e${this.stream}:${this.serverName}`, room_id: roomId, origin_server_ts: this.clock(), stream: this.stream };
    room.events.push(full);
    if (full.state_key !== undefined) room.state.set(stateKeyOf(full.type, full.state_key), full);
    for (const l of [...this.listeners]) l();
    return full;
  }

  /** The room, or throws (a test's mistake). */
  room(roomId: string): FakeRoom {
    const room = this.rooms.get(roomId);
    if (!room) throw new Error(`fake matrix: no room ${roomId}`);
    return room;
  }

  /** Creates a room as Synapse does: create, the creator's join, power levels, join rules, then the options. */
  createRoom(input: RoomInput): string {
    const id = `!r${this.nextRoom++}:${this.serverName}`;
    const version = input.version ?? '10';
    this.rooms.set(id, { id, version, events: [], state: new Map() });
    const legacy = Number(version) < 11;
    this.append(id, { type: 'm.room.create', sender: input.creator, state_key: '', content: { room_version: version, ...(legacy ? { creator: input.creator } : {}) } });
    this.append(id, { type: 'm.room.member', sender: input.creator, state_key: input.creator, content: { membership: 'join' } });
    const supreme = Number(version) >= 12;
    this.append(id, {
      type: 'm.room.power_levels', sender: input.creator, state_key: '',
      content: {
        users: supreme ? {} : { [input.creator]: 100 }, users_default: 0, events: { 'm.room.power_levels': 100, 'm.room.encryption': 100 },
        events_default: 0, state_default: 50, ban: 50, kick: 50, redact: 50, invite: 0, ...input.powerLevels,
      },
    });
    this.append(id, { type: 'm.room.join_rules', sender: input.creator, state_key: '', content: { join_rule: 'invite' } });
    if (input.name !== undefined) this.append(id, { type: 'm.room.name', sender: input.creator, state_key: '', content: { name: input.name } });
    if (input.encrypted) this.append(id, { type: 'm.room.encryption', sender: input.creator, state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } });
    for (const m of input.members ?? []) this.append(id, { type: 'm.room.member', sender: m, state_key: m, content: { membership: 'join' } });
    return id;
  }

  /** A state event's content, if set. */
  stateContent(roomId: string, type: string, key = ''): Record<string, unknown> | undefined {
    return this.room(roomId).state.get(stateKeyOf(type, key))?.content;
  }

  /** The state event itself. */
  stateEvent(roomId: string, type: string, key = ''): FakeEvent | undefined {
    return this.room(roomId).state.get(stateKeyOf(type, key));
  }

  /** A user's membership now, or undefined when they never had one. */
  membership(roomId: string, userId: string): string | undefined {
    const m = this.stateContent(roomId, 'm.room.member', userId)?.['membership'];
    return typeof m === 'string' ? m : undefined;
  }

  /** Joined members' ids. */
  joinedMembers(roomId: string): string[] {
    return [...this.room(roomId).state.values()]
      .filter((e) => e.type === 'm.room.member' && e.content['membership'] === 'join')
      .map((e) => e.state_key!);
  }

  /** A user's power level (spec defaults; room version 12 creators are above every level). */
  powerLevel(roomId: string, userId: string): number {
    const room = this.room(roomId);
    if (Number(room.version) >= 12) {
      const create = this.stateEvent(roomId, 'm.room.create');
      const extra = (create?.content['additional_creators'] as string[] | undefined) ?? [];
      if (create?.sender === userId || extra.includes(userId)) return Number.POSITIVE_INFINITY;
    }
    const pl = this.stateContent(roomId, 'm.room.power_levels') as { users?: Record<string, number>; users_default?: number } | undefined;
    if (pl === undefined) return this.stateEvent(roomId, 'm.room.create')?.sender === userId ? 100 : 0;
    return pl.users?.[userId] ?? pl.users_default ?? 0;
  }

  /** The level needed to send a message event of `type`. */
  sendLevel(roomId: string, type: string): number {
    const pl = this.stateContent(roomId, 'm.room.power_levels') as { events?: Record<string, number>; events_default?: number } | undefined;
    return pl?.events?.[type] ?? pl?.events_default ?? 0;
  }

  /** Sets a membership (join, invite, leave, ban) as `sender`. */
  setMembership(roomId: string, sender: string, userId: string, membership: string, extra: Record<string, unknown> = {}): FakeEvent {
    return this.append(roomId, { type: 'm.room.member', sender, state_key: userId, content: { membership, ...extra } });
  }

  /** Merges `changes` into the power levels (a `users` map is merged too). */
  changePowerLevels(roomId: string, sender: string, changes: Record<string, unknown>): FakeEvent {
    const current = this.stateContent(roomId, 'm.room.power_levels') ?? {};
    const users = { ...(current['users'] as Record<string, number> | undefined), ...(changes['users'] as Record<string, number> | undefined) };
    return this.append(roomId, { type: 'm.room.power_levels', sender, state_key: '', content: { ...current, ...changes, users } });
  }

  /** The stripped state an invitee sees (spec: create, join rules, name, encryption, the invite itself). */
  strippedState(roomId: string, userId: string): Record<string, unknown>[] {
    const shared = ['m.room.create', 'm.room.join_rules', 'm.room.name', 'm.room.encryption'];
    const events = shared.map((t) => this.stateEvent(roomId, t)).filter((e): e is FakeEvent => e !== undefined);
    const own = this.stateEvent(roomId, 'm.room.member', userId);
    return [...events, ...(own ? [own] : [])].map((e) => ({ type: e.type, state_key: e.state_key, sender: e.sender, content: e.content }));
  }
}
