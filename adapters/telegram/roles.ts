/**
 * Roles from getChatMember, cached briefly in a bounded LRU. A `chat_member`
 * update (a member promoted, demoted, restricted, removed) drops that
 * member's cached role at once, so a demoted admin loses admin commands
 * with the next message rather than a minute later; the TTL remains for
 * chats where the bot is no admin and Telegram sends no such updates.
 * User ids live only in this in-memory cache: never stored, never logged.
 */
import type { Api } from 'grammy';
import type { Chat } from 'grammy/types';
import type { Role } from '../../src/commands/types.js';

const ADMIN_STATUSES = new Set(['creator', 'administrator']);

/** Options of {@link RoleResolver}. */
export interface RoleCacheOptions {
  /** How long a looked-up role is trusted without a `chat_member` update. Default 60 s. */
  readonly ttlMs?: number;
  /** Most entries kept; the least recently used go first. Default 10,000. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/** Resolves invokers' roles, cached. */
export class RoleResolver {
  /** Insertion order is recency: a hit is moved to the end, the first key is the least recently used. */
  private readonly cache = new Map<string, { role: Role; until: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly api: () => Api, options: RoleCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Entries cached now (for tests and metrics). */
  get size(): number {
    return this.cache.size;
  }

  /** The role of the sender of a message (or of a button press) in its chat. */
  async roleOf(chat: Pick<Chat, 'id' | 'type'>, fromId: number | undefined, senderChatId?: number): Promise<Role> {
    if (chat.type === 'private') return 'admin';
    // An anonymous admin posts as the group itself.
    if (senderChatId !== undefined && senderChatId === chat.id) return 'admin';
    // A channel post has no user behind it, only the channel: and only a channel's admins can post in it.
    if (chat.type === 'channel' && fromId === undefined) return 'admin';
    if (fromId === undefined) return 'member';
    const key = `${chat.id}:${fromId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit.role;
    }
    const member = await this.api().getChatMember(chat.id, fromId);
    const role: Role = ADMIN_STATUSES.has(member.status) ? 'admin' : 'member';
    this.cache.delete(key);
    this.cache.set(key, { role, until: this.now() + this.ttlMs });
    while (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return role;
  }

  /** Forgets a member's cached role in a chat (their status changed). */
  forget(chatId: number, userId: number): void {
    this.cache.delete(`${chatId}:${userId}`);
  }
}
