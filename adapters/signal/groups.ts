/**
 * Group admins and the bot's own standing in a group, from signal-cli's
 * `listGroups` (ListGroupsCommand; with `groupId` it refreshes that group
 * from Signal's servers first). Its JSON shape, by version:
 * - since 0.14.1, each `members` entry is `{number, uuid, isAdmin, …}`;
 * - before, `members` are `{number, uuid}` and the admins are listed apart
 *   in `admins` (still sent, deprecated);
 * - older still (the jsonrpc man page's example), plain strings.
 * Also `isMember` (is the bot still in it), `isBlocked`, and
 * `permissionSendMessage` (`EVERY_MEMBER` or `ONLY_ADMINS`).
 *
 * What is kept, per group and briefly (a bounded LRU, in memory only): the
 * admins' ids and the bot's standing. Never written anywhere, never logged.
 */
import type { PostingProblem } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import type { Role } from '../../src/commands/types.js';
import type { SignalSender } from './inbound.js';
import type { SignalRpc } from './rpc.js';

/** One group as listGroups reports it (the fields used here). */
export interface ListedGroup {
  readonly id?: unknown;
  readonly isMember?: unknown;
  readonly isBlocked?: unknown;
  readonly members?: readonly unknown[];
  readonly admins?: readonly unknown[];
  readonly permissionSendMessage?: unknown;
}

/** What the adapter needs to know of a group. */
export interface GroupFacts {
  /** Admins' ACIs and numbers. */
  readonly admins: ReadonlySet<string>;
  /** The bot is a member, the group is known to the account and not blocked. */
  readonly member: boolean;
  readonly blocked: boolean;
  readonly onlyAdminsSend: boolean;
}

/** The ids of a member entry in any of listGroups' shapes. */
function idsOf(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  if (typeof entry !== 'object' || entry === null) return [];
  const { number, uuid } = entry as { number?: unknown; uuid?: unknown };
  return [number, uuid].filter((v): v is string => typeof v === 'string' && v !== '');
}

/** The facts of a listed group. */
export function factsOf(group: ListedGroup | undefined): GroupFacts {
  const admins = new Set<string>();
  for (const m of group?.members ?? []) {
    if (typeof m === 'object' && m !== null && (m as { isAdmin?: unknown }).isAdmin === true) for (const id of idsOf(m)) admins.add(id);
  }
  for (const a of group?.admins ?? []) for (const id of idsOf(a)) admins.add(id);
  return {
    admins,
    member: group !== undefined && group.isMember !== false,
    blocked: group?.isBlocked === true,
    onlyAdminsSend: group?.permissionSendMessage === 'ONLY_ADMINS',
  };
}

/** Options of {@link SignalGroups}. */
export interface GroupCacheOptions {
  /** How long a group's admins are trusted. Default 60 s. */
  readonly ttlMs?: number;
  /** Most groups kept. Default 1,000. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/** Groups' admins and the bot's standing, asked of the daemon and cached briefly. */
export class SignalGroups {
  private readonly cache = new Map<string, { facts: GroupFacts; until: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly rpc: SignalRpc, private readonly account: string, options: GroupCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** A group's facts: cached, or fresh from `listGroups` (`fresh` skips the cache). Rejects when the daemon cannot be asked. */
  async facts(groupId: string, fresh = false): Promise<GroupFacts> {
    const hit = this.cache.get(groupId);
    if (!fresh && hit !== undefined && hit.until > this.now()) {
      this.cache.delete(groupId);
      this.cache.set(groupId, hit);
      return hit.facts;
    }
    const groups = await this.rpc.call<readonly ListedGroup[]>('listGroups', { groupId });
    const facts = factsOf((Array.isArray(groups) ? groups : []).find((g) => g.id === groupId));
    this.cache.delete(groupId);
    this.cache.set(groupId, { facts, until: this.now() + this.ttlMs });
    while (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    return facts;
  }

  /** The sender's role: in a private chat the person is the admin; in a group, one of its admins. */
  async roleOf(chat: ChatRef, sender: SignalSender): Promise<Role> {
    if (chat.kind === 'private') return 'admin';
    const { admins } = await this.facts(chat.chatId);
    return [sender.uuid, sender.number].some((id) => id !== undefined && admins.has(id)) ? 'admin' : 'member';
  }

  /** Forgets a group (it changed, or the bot left it). */
  forget(groupId: string): void {
    this.cache.delete(groupId);
  }

  /**
   * Whether the bot may post in `target`, asked without sending: it must be
   * a member of the group, the group not blocked, and where only admins may
   * send, an admin. A private chat has nothing to check.
   */
  async checkPosting(target: Pick<ChatRef, 'chatId' | 'kind'>): Promise<PostingProblem | undefined> {
    if (target.kind === 'private') return undefined;
    const facts = await this.facts(target.chatId, true);
    if (!facts.member) return { reason: 'the bot is not a member of this Signal group: add its number to the group again', missing: [], why: 'not-member' };
    if (facts.blocked) return { reason: 'the bot account has blocked this group: unblock it (JSON-RPC unblock with its groupId)', missing: [], why: 'blocked' };
    if (facts.onlyAdminsSend && !facts.admins.has(this.account)) {
      return { reason: 'only admins may send messages in this group: make the bot an admin, or let all members send', missing: ['Send messages'], why: 'admins-only' };
    }
    return undefined;
  }
}
