/**
 * In-memory world of the fake: chats, their messages, the update queue with
 * long-poll waiters, commands, memberships, webhook, and the call log.
 */
import type { BotCommand, Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';
import type {
  ApiCall, ApiFailure, CallbackAnswer, ChatInput, InlineAnswer, ChatType, FakeStats, MemberStatus, SentMessage, UserInput, WebhookState,
} from './types.js';

/** Per-chat record. */
export interface ChatRecord {
  chat: Chat;
  nextMessageId: number;
  messages: Map<number, Message>;
  /** Set after a group → supergroup migration. */
  migratedTo?: number;
  /** The bot's own status in the chat; `kicked`/`left` make sends fail with 403. */
  botStatus: MemberStatus;
  members: Map<number, MemberStatus>;
  /** Overrides of the bot's own ChatMember fields (e.g. `can_post_messages: false`), set by `setBotRights`. */
  botRights?: Record<string, boolean>;
  /** The chat's default member permissions (`getChat`'s `permissions`), set by `setChatPermissions`. */
  permissions?: Record<string, boolean>;
}

/** Update types Telegram delivers when `allowed_updates` is empty/unset. */
const DEFAULT_EXCLUDED = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/** Telegram's fake sender for anonymous group admins. */
export const GROUP_ANONYMOUS_BOT: User = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };

/** Builds the API `Chat` object for an input description. */
export function toChat(c: ChatInput): Chat {
  switch (c.type) {
    case 'private': {
      const chat: Chat.PrivateChat = { id: c.id, type: 'private', first_name: c.first_name ?? `User ${c.id}` };
      if (c.username !== undefined) chat.username = c.username;
      return chat;
    }
    case 'group':
      return { id: c.id, type: 'group', title: c.title ?? `Group ${c.id}` };
    case 'supergroup':
    case 'channel': {
      const chat: Chat.SupergroupChat | Chat.ChannelChat = c.type === 'supergroup'
        ? { id: c.id, type: 'supergroup', title: c.title ?? `Supergroup ${c.id}` }
        : { id: c.id, type: 'channel', title: c.title ?? `Channel ${c.id}` };
      if (c.username !== undefined) chat.username = c.username;
      return chat;
    }
  }
}

/** Guesses a chat type from a Bot API chat id. */
export function typeFromId(id: number): ChatType {
  if (id > 0) return 'private';
  return String(id).startsWith('-100') ? 'supergroup' : 'group';
}

/** The fake's mutable state. */
export class FakeState {
  readonly chats = new Map<number, ChatRecord>();
  readonly users = new Map<number, User>();
  readonly updates: Update[] = [];
  readonly calls: ApiCall[] = [];
  readonly sent: SentMessage[] = [];
  readonly callbackAnswers: CallbackAnswer[] = [];
  readonly openCallbackQueries = new Set<string>();
  readonly inlineAnswers: InlineAnswer[] = [];
  /** Inline queries not answered yet (each can be answered once). */
  readonly openInlineQueries = new Set<string>();
  readonly commands = new Map<string, BotCommand[]>();
  readonly stats: FakeStats = { requests: 0, byMethod: {}, rateLimited: 0, injectedFaults: 0, tooManyRequests: 0, unauthorized: 0 };
  webhook: WebhookState | undefined;
  allowedUpdates: string[] = [];
  /** Set while the server shuts down: long polls answer at once. */
  closing = false;
  nextUpdateId: number;
  private callbackSeq = 0;
  private poller: { wake: (conflict?: ApiFailure) => void } | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly token: string,
    readonly botInfo: UserFromGetMe,
    readonly strictChats: boolean,
    firstUpdateId: number,
  ) {
    this.nextUpdateId = firstUpdateId;
  }

  /** The bot as a plain `User` (as it appears in `from`). */
  get botUser(): User {
    const { id, first_name, username } = this.botInfo;
    return { id, is_bot: true, first_name, username };
  }

  /** Registers (or updates) a chat; returns its record. */
  addChat(input: ChatInput): ChatRecord {
    const existing = this.chats.get(input.id);
    if (existing) {
      if (existing.chat.type !== input.type || input.title !== undefined) existing.chat = toChat({ ...input });
      return existing;
    }
    const rec: ChatRecord = { chat: toChat(input), nextMessageId: 1, messages: new Map(), botStatus: 'member', members: new Map() };
    this.chats.set(input.id, rec);
    return rec;
  }

  /** Remembers a user; returns the API `User`. */
  addUser(u: UserInput): User {
    const user: User = { id: u.id, is_bot: u.is_bot ?? false, first_name: u.first_name };
    if (u.last_name !== undefined) user.last_name = u.last_name;
    if (u.username !== undefined) user.username = u.username;
    if (u.language_code !== undefined) user.language_code = u.language_code;
    this.users.set(u.id, user);
    return user;
  }

  /** A known user, or a placeholder for an id never seen. */
  userById(id: number): User {
    if (id === this.botInfo.id) return this.botUser;
    return this.users.get(id) ?? { id, is_bot: false, first_name: `User ${id}` };
  }

  /** Resolves a `chat_id` parameter to a chat record, creating unknown ones unless strict. */
  resolveChat(chatId: number | string | undefined): ChatRecord | undefined {
    if (chatId === undefined) return undefined;
    if (typeof chatId === 'string') {
      const name = chatId.slice(1).toLowerCase();
      for (const rec of this.chats.values()) if (rec.chat.username?.toLowerCase() === name) return rec;
      return undefined;
    }
    return this.chats.get(chatId) ?? (this.strictChats || chatId === 0 ? undefined : this.addChat({ id: chatId, type: typeFromId(chatId) }));
  }

  /** Allocates the next message id of a chat. */
  nextMessageId(rec: ChatRecord): number {
    return rec.nextMessageId++;
  }

  /** Queues an update (assigning its `update_id`) and wakes a pending long poll. */
  enqueue(update: Omit<Update, 'update_id'>): Update {
    const full = { update_id: this.nextUpdateId++, ...update } as Update;
    this.updates.push(full);
    this.poller?.wake();
    this.notify();
    return full;
  }

  /** A fresh callback query id. */
  newCallbackId(): string {
    return `${this.botInfo.id}${String(++this.callbackSeq).padStart(6, '0')}`;
  }

  /** Drops updates confirmed by `offset` (negative: keep only the last -offset). */
  confirm(offset: number): void {
    if (offset > 0) {
      let drop = 0;
      while (drop < this.updates.length && (this.updates[drop]?.update_id ?? 0) < offset) drop++;
      this.updates.splice(0, drop);
    } else if (offset < 0) {
      this.updates.splice(0, Math.max(0, this.updates.length + offset));
    }
  }

  /** Up to `limit` deliverable updates; updates excluded by `allowed_updates` are discarded. */
  take(limit: number): Update[] {
    const allowed = this.allowedUpdates;
    const ok = (u: Update): boolean => {
      const type = Object.keys(u).find((k) => k !== 'update_id') ?? '';
      return allowed.length > 0 ? allowed.includes(type) : !DEFAULT_EXCLUDED.has(type);
    };
    for (let i = this.updates.length - 1; i >= 0; i--) {
      const u = this.updates[i];
      if (u && !ok(u)) this.updates.splice(i, 1);
    }
    return this.updates.slice(0, limit);
  }

  /**
   * Waits until an update is queued, `ms` pass, `signal` aborts, or another
   * poll supersedes this one (then resolves with the 409 to answer).
   */
  waitForUpdate(ms: number, signal: AbortSignal): Promise<ApiFailure | undefined> {
    if (this.closing) return Promise.resolve(undefined);
    this.poller?.wake({
      ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    return new Promise((resolve) => {
      const done = (conflict?: ApiFailure): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        if (this.poller === me) this.poller = undefined;
        resolve(conflict);
      };
      const onAbort = (): void => done();
      const me = { wake: done };
      const timer = setTimeout(done, ms);
      this.poller = me;
      if (signal.aborted) done();
      else signal.addEventListener('abort', onAbort);
    });
  }

  /** Releases a pending long poll (it answers with what is queued, usually `[]`). */
  releasePoll(): void {
    this.poller?.wake();
  }

  /** Subscribes to state changes; returns the unsubscribe function. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Tells subscribers that something changed. */
  notify(): void {
    for (const fn of [...this.listeners]) fn();
  }
}
