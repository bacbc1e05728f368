/**
 * What the adapter needs to know of a room, asked of the homeserver and
 * cached briefly (bounded LRU): how many joined members (2: a private chat,
 * whose other member is its admin), who is an admin (power levels), whether
 * it is encrypted, and whether the bot may post there. `/sync` tells of
 * changes (a member, power-levels or encryption event) and the cached entry
 * is dropped at once, so a demoted moderator loses admin commands with their
 * next message; the TTL covers what a sync gap could hide.
 *
 * Who is an admin (spec, "Permissions"; suggested names: 0 to
 * `state_default`−1 "User", from `state_default` "Moderator", from the level
 * of `m.room.power_levels` "Administrator", room version 12 creators
 * "Creator"): Placard counts moderators and above — whoever the room lets
 * change its state by default (name, topic: `state_default`, 50 unless the
 * room says otherwise) may also configure its reminders — and never a plain
 * level of 0. In room version 12 and later the creators (the `m.room.create`
 * sender and `additional_creators`) outrank everyone.
 *
 * User ids live only in this in-memory cache: never stored, never logged.
 */
import type { PostingProblem } from '../../src/adapter.js';
import type { Role } from '../../src/commands/types.js';
import { MatrixApiError, type MatrixClient } from './client.js';
import { TtlCache } from './lru.js';
import type { PowerLevels } from './types.js';

/** Options of {@link Rooms}. */
export interface RoomCacheOptions {
  /** How long a looked-up member count or power levels are trusted without a sync event. Default 60 s. */
  readonly ttlMs?: number;
  /** Rooms kept at most per cache. Default 10,000. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/** Power levels and creators of a room. */
interface Authority {
  readonly levels: PowerLevels | undefined;
  readonly creators: ReadonlySet<string>;
  /** Room version 12+: creators have an infinite level. */
  readonly creatorsSupreme: boolean;
}

const LEGACY_VERSIONS = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);

/** The room's version-dependent creators, from `m.room.create` as a whole event (or only its content, from older servers). */
function creatorsOf(create: Record<string, unknown> | undefined): Pick<Authority, 'creators' | 'creatorsSupreme'> {
  if (create === undefined) return { creators: new Set(), creatorsSupreme: false };
  const whole = typeof create['content'] === 'object' && create['content'] !== null;
  const content = (whole ? create['content'] : create) as Record<string, unknown>;
  const sender = whole && typeof create['sender'] === 'string' ? create['sender'] : undefined;
  const version = typeof content['room_version'] === 'string' ? content['room_version'] : '1';
  if (LEGACY_VERSIONS.has(version) || !/^\d+$/.test(version)) {
    const creator = typeof content['creator'] === 'string' ? content['creator'] : sender;
    return { creators: new Set(creator === undefined ? [] : [creator]), creatorsSupreme: false };
  }
  const extra = Array.isArray(content['additional_creators']) ? content['additional_creators'].filter((c): c is string => typeof c === 'string') : [];
  return { creators: new Set([...(sender === undefined ? [] : [sender]), ...extra]), creatorsSupreme: true };
}

/** A user's power level (spec defaults: `users_default` 0; without a power-levels event the creator has 100). */
function levelOf(a: Authority, userId: string): number {
  if (a.creatorsSupreme && a.creators.has(userId)) return Number.POSITIVE_INFINITY;
  if (a.levels === undefined) return a.creators.has(userId) ? 100 : 0;
  return a.levels.users?.[userId] ?? a.levels.users_default ?? 0;
}

/** The level from which a user counts as an admin: `state_default` (50 when unset), at least 1. */
const adminLevel = (a: Authority): number => Math.max(1, a.levels?.state_default ?? 50);

/** The level needed to send `m.room.message` (`events_default`, 0 when unset). */
const sendLevel = (a: Authority): number => a.levels?.events?.['m.room.message'] ?? a.levels?.events_default ?? 0;

/** Element's name for the permission, so an admin finds the switch (Room settings → Roles & Permissions). */
const SEND_MESSAGES = 'Send messages';

/** Room facts, cached. */
export class Rooms {
  private readonly members: TtlCache<number>;
  private readonly authority: TtlCache<Authority>;
  private readonly encryption: TtlCache<boolean>;

  constructor(private readonly client: MatrixClient, options: RoomCacheOptions = {}) {
    const base = { ttlMs: options.ttlMs ?? 60_000, maxEntries: options.maxEntries ?? 10_000, ...(options.now ? { now: options.now } : {}) };
    this.members = new TtlCache(base);
    this.authority = new TtlCache(base);
    // Encryption is switched on by a state event the sync reports (and can never be switched off): a "no" lasts.
    this.encryption = new TtlCache({ ...base, ttlMs: 6 * 3_600_000 });
  }

  /** `private` when the room has exactly two joined members (the bot and one person), else `group`. */
  async kind(roomId: string): Promise<'private' | 'group'> {
    const count = await this.members.getOr(roomId, async () => (await this.client.joinedMembers(roomId)).length);
    return count === 2 ? 'private' : 'group';
  }

  /** A sender's role in a group room, by power level (see the module comment). */
  async roleOf(roomId: string, userId: string): Promise<Role> {
    const a = await this.authorityOf(roomId);
    return levelOf(a, userId) >= adminLevel(a) ? 'admin' : 'member';
  }

  /** Whether the room is end-to-end encrypted (`m.room.encryption` state); once seen, for good (it cannot be switched off). */
  isEncrypted(roomId: string): Promise<boolean> {
    return this.encryption.getOr(roomId, async () => {
      const on = (await this.client.state(roomId, 'm.room.encryption')) !== undefined;
      if (on) this.markEncrypted(roomId);
      return on;
    });
  }

  /** The room is encrypted (seen in a sync); remembered for a year, which is for good in a process's life. */
  markEncrypted(roomId: string): void {
    this.encryption.set(roomId, true, 365 * 24 * 3_600_000);
  }

  /** A state event of `type` changed in the room (seen in a sync): drop what it makes stale. */
  changed(roomId: string, type: string): void {
    if (type === 'm.room.member') this.members.delete(roomId);
    if (type === 'm.room.power_levels' || type === 'm.room.create') this.authority.delete(roomId);
    if (type === 'm.room.encryption') this.markEncrypted(roomId);
  }

  /** The bot left the room: forget all of it. */
  forget(roomId: string): void {
    this.members.delete(roomId);
    this.authority.delete(roomId);
    this.encryption.delete(roomId);
  }

  /**
   * Why the bot may not post reminders in the room, or undefined when it may:
   * encrypted, not joined, or a power level below what sending messages needs.
   * Rejects when the homeserver could not be asked.
   */
  async postingProblem(roomId: string, botUserId: string): Promise<PostingProblem | undefined> {
    let membership: unknown;
    try {
      membership = (await this.client.state<{ membership?: unknown }>(roomId, 'm.room.member', botUserId))?.membership;
    } catch (e: unknown) {
      if (e instanceof MatrixApiError && e.status === 403) membership = undefined;
      else throw e;
    }
    if (membership !== 'join') return { reason: 'the bot is not a member of this room: invite it again', missing: [], why: 'not-member' };
    if (await this.isEncrypted(roomId)) {
      return { reason: 'the room is end-to-end encrypted, and Placard does not post in encrypted rooms: use an unencrypted room', missing: [], why: 'encrypted' };
    }
    const a = await this.authorityOf(roomId);
    const have = levelOf(a, botUserId);
    const need = sendLevel(a);
    if (have < need) return { reason: `the bot's power level (${have}) is below the ${need} this room needs to send messages`, missing: [SEND_MESSAGES], why: 'power-level' };
    return undefined;
  }

  /** Whether the bot is still joined to the room (after a 403): undefined when the homeserver could not say. */
  async joined(roomId: string, botUserId: string): Promise<boolean | undefined> {
    try {
      return (await this.client.state<{ membership?: unknown }>(roomId, 'm.room.member', botUserId))?.membership === 'join';
    } catch (e: unknown) {
      // 403: the bot never was in the room, or may not see it any more.
      return e instanceof MatrixApiError && e.status === 403 ? false : undefined;
    }
  }

  private authorityOf(roomId: string): Promise<Authority> {
    return this.authority.getOr(roomId, async () => {
      const [levels, create] = await Promise.all([
        this.client.state<PowerLevels>(roomId, 'm.room.power_levels'),
        this.client.state<Record<string, unknown>>(roomId, 'm.room.create', '', true),
      ]);
      return { levels, ...creatorsOf(create) };
    });
  }
}
