/**
 * `startFakeTelegram()`: a loopback Telegram Bot API that the real grammY
 * client talks to over HTTP (`client: { apiRoot: tg.apiRoot }`,
 * `botInfo: tg.botInfo`). Tests drive it (inject updates, faults) and inspect
 * it (sent messages, calls) without sleeps.
 */
import { FaultBook, RateLimiter, type FailOptions, type Fault, type RateLimitOptions } from './faults.js';
import { commandKey } from './methods-bot.js';
import { FakeServer } from './server.js';
import { FakeState } from './state.js';
import type {
  ApiCall, BotCommand, CallbackAnswer, ChatInput, InlineAnswer, FakeStats, FakeTelegramOptions, MemberStatus, SentMessage, Update,
  UserFromGetMe, WebhookState,
} from './types.js';
import {
  UpdateFactory, type ButtonPressInput, type InlineQueryInput, type MemberUpdateInput, type MigrationInput, type MigrationResult, type UserMessageInput,
} from './updates.js';
import { deliverUpdate, type DeliveryOptions, type WebhookDelivery } from './webhook.js';

/** Default token; its prefix 1234567890 is the bot's user id. */
export const DEFAULT_TOKEN = '1234567890:AAFakeTokenForPlacardTests-0123456789';

/** A running fake Bot API. Create it with {@link startFakeTelegram}. */
export class FakeTelegram {
  /** The token the fake accepts. */
  readonly token: string;
  /** What `getMe` answers; pass it to `new Bot(token, { botInfo })` to skip `getMe`. */
  readonly botInfo: UserFromGetMe;
  /** Every webhook delivery made by `deliverToWebhook`, in order. */
  readonly webhookDeliveries: WebhookDelivery[] = [];
  private readonly state: FakeState;
  private readonly faults = new FaultBook();
  private readonly limiter = new RateLimiter();
  private readonly server: FakeServer;
  private readonly factory: UpdateFactory;

  /** @internal use {@link startFakeTelegram}. */
  constructor(options: FakeTelegramOptions = {}) {
    this.token = options.token ?? DEFAULT_TOKEN;
    const id = Number(/^(\d+):/.exec(this.token)?.[1] ?? '1234567890');
    this.botInfo = {
      id, is_bot: true, first_name: options.botName ?? 'Test Bot', username: options.botUsername ?? 'testbot',
      can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false,
      can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false,
      allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false,
    };
    this.state = new FakeState(this.token, this.botInfo, options.strictChats ?? false, options.firstUpdateId ?? 100_000);
    this.server = new FakeServer(this.state, this.faults, this.limiter, options.html ?? 'strict');
    this.factory = new UpdateFactory(this.state);
  }

  /** `http://127.0.0.1:<port>`: grammY's `client.apiRoot`. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.server.port}`;
  }

  /** The port, stable across `setDown(true)` / `setDown(false)`. */
  get port(): number {
    return this.server.port;
  }

  // ── inspection ──────────────────────────────────────────────────────────

  /** All sent and edited messages, in order. */
  get sent(): readonly SentMessage[] {
    return this.state.sent;
  }

  /** Calls `listener` after every API call and injected update; returns a function that removes it. */
  onChange(listener: () => void): () => void {
    return this.state.onChange(listener);
  }

  /** All API calls received (with a valid token), in order. */
  get calls(): readonly ApiCall[] {
    return this.state.calls;
  }

  /** Calls of one method (case-insensitive). */
  callsOf(method: string): ApiCall[] {
    const m = method.toLowerCase();
    return this.state.calls.filter((c) => c.method.toLowerCase() === m);
  }

  /** Messages sent or edited in one chat. */
  sentTo(chatId: number): SentMessage[] {
    return this.state.sent.filter((s) => s.chatId === chatId);
  }

  /** `answerCallbackQuery` calls that succeeded. */
  get callbackAnswers(): readonly CallbackAnswer[] {
    return this.state.callbackAnswers;
  }

  /** `answerInlineQuery` calls that succeeded. */
  get inlineAnswers(): readonly InlineAnswer[] {
    return this.state.inlineAnswers;
  }

  /** Request counters (429s served, faults, per method). */
  get stats(): Readonly<FakeStats> {
    return this.state.stats;
  }

  /** The registered webhook, if any. */
  get webhook(): Readonly<WebhookState> | undefined {
    return this.state.webhook;
  }

  /** Updates queued and not yet confirmed. */
  get pendingUpdates(): readonly Update[] {
    return this.state.updates;
  }

  /** Commands set for a scope (default `{type:'default'}`) and language (default none). */
  commands(scope?: Record<string, unknown>, languageCode?: string): BotCommand[] {
    const key = commandKey(scope, languageCode);
    return typeof key === 'string' ? this.state.commands.get(key) ?? [] : [];
  }

  /**
   * Resolves with the predicate's first truthy value, re-checked after every
   * API call and injected update (and every 10 ms, for predicates over the
   * bot's own state); rejects after `timeoutMs` (default 5000).
   */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const v = predicate();
        if (v === undefined || v === null || v === false) return false;
        cleanup();
        resolve(v);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake telegram: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const unsubscribe = this.state.onChange(() => void check());
      const ticker = setInterval(() => void check(), 10);
      const cleanup = (): void => {
        clearTimeout(timer);
        clearInterval(ticker);
        unsubscribe();
      };
      check();
    });
  }

  /** Waits until at least `n` messages were sent (optionally to one chat); resolves with them. */
  waitForMessages(n: number, opts: { chatId?: number; timeoutMs?: number } = {}): Promise<SentMessage[]> {
    const { chatId } = opts;
    const pick = chatId === undefined
      ? () => (this.state.sent.length >= n ? [...this.state.sent] : undefined)
      : () => {
        const list = this.sentTo(chatId);
        return list.length >= n ? list : undefined;
      };
    return this.waitFor(pick, opts.timeoutMs, `${n} sent message(s)`);
  }

  /** Waits for the `n`-th call (1-based, default 1) of a method; resolves with it. */
  waitForCall(method: string, n = 1, timeoutMs?: number): Promise<ApiCall> {
    return this.waitFor(() => this.callsOf(method)[n - 1], timeoutMs, `call #${n} of ${method}`);
  }

  /** Empties `calls`, `sent`, `callbackAnswers`, `inlineAnswers` and `webhookDeliveries` (e.g. between benchmark rounds). */
  clearLog(): void {
    this.state.calls.length = 0;
    this.state.sent.length = 0;
    this.state.callbackAnswers.length = 0;
    this.state.inlineAnswers.length = 0;
    this.webhookDeliveries.length = 0;
  }

  // ── driving ─────────────────────────────────────────────────────────────

  /** Registers a chat (sending to unknown chats creates them unless `strictChats`). */
  addChat(chat: ChatInput): void {
    this.state.addChat(chat);
  }

  /** Queues a user's text message; `/cmd` and `/cmd@bot` get `bot_command` entities. */
  sendUserMessage(input: UserMessageInput): Update {
    return this.factory.sendUserMessage(input);
  }

  /** Queues a `callback_query` for an inline button of a message. */
  pressButton(input: ButtonPressInput): Update {
    return this.factory.pressButton(input);
  }

  /** Queues an `inline_query` (a user typing `@bot <query>`); answer it once with `answerInlineQuery`. */
  inlineQuery(input: InlineQueryInput): Update {
    return this.factory.inlineQuery(input);
  }

  /** Queues `my_chat_member` (bot added/kicked/blocked) or `chat_member` (with `user`). */
  chatMemberUpdate(input: MemberUpdateInput): Update {
    return this.factory.chatMemberUpdate(input);
  }

  /** Upgrades a basic group: queues both migration messages; sending to the old id then fails. */
  migrateChat(input: MigrationInput): MigrationResult {
    return this.factory.migrateChat(input);
  }

  /** Queues any raw update (its `update_id` is assigned). */
  enqueue(update: Omit<Update, 'update_id'>): Update {
    return this.state.enqueue(update);
  }

  /** Sets what `getChatMember` answers for a user in a chat (the bot's own id too). */
  setMemberStatus(chatId: number, userId: number, status: MemberStatus): void {
    const rec = this.state.chats.get(chatId) ?? this.state.resolveChat(chatId);
    if (!rec) throw new Error(`fake telegram: unknown chat ${chatId}`);
    if (userId === this.botInfo.id) rec.botStatus = status;
    else rec.members.set(userId, status);
  }

  /**
   * Overrides fields of the bot's own ChatMember in a chat, e.g.
   * `{ can_post_messages: false }` for a channel admin without the right to post.
   */
  setBotRights(chatId: number, rights: Record<string, boolean>): void {
    const rec = this.state.chats.get(chatId) ?? this.state.resolveChat(chatId);
    if (!rec) throw new Error(`fake telegram: unknown chat ${chatId}`);
    rec.botRights = { ...rec.botRights, ...rights };
  }

  /** Sets a chat's default member permissions, as `getChat` reports them (e.g. `{ can_send_messages: false }`). */
  setChatPermissions(chatId: number, permissions: Record<string, boolean>): void {
    const rec = this.state.chats.get(chatId) ?? this.state.resolveChat(chatId);
    if (!rec) throw new Error(`fake telegram: unknown chat ${chatId}`);
    rec.permissions = { ...rec.permissions, ...permissions };
  }

  /**
   * POSTs an update to the registered webhook with the registered secret (or
   * `opts.secretToken`; `null` omits the header). Resolves with the HTTP status
   * (0 if unreachable). A 2xx removes the update from the queue.
   */
  async deliverToWebhook(update: Update, opts?: DeliveryOptions): Promise<number> {
    const d = await deliverUpdate(this.state, this.server, update, opts);
    this.webhookDeliveries.push(d);
    this.state.notify();
    return d.status;
  }

  // ── faults ──────────────────────────────────────────────────────────────

  /** Makes the next matching call(s) of `method` (`*` = any) fail with `fault`. */
  failNext(method: string, options: FailOptions, fault: Fault): void {
    this.faults.add(method, options, fault);
  }

  /** Forgets queued faults. */
  clearFaults(): void {
    this.faults.clear();
  }

  /** Enables flood control (429 with `retry_after` past the limits); `null` disables it. */
  setRateLimit(options: RateLimitOptions | null): void {
    this.limiter.set(options);
  }

  /** Adds a fixed delay before every answer. */
  setLatency(ms: number): void {
    this.server.latencyMs = ms;
  }

  // ── lifecycle ───────────────────────────────────────────────────────────

  /** `true`: close the listener (connections refused); `false`: listen again on the same port. */
  async setDown(down: boolean): Promise<void> {
    if (down) await this.server.shutdown();
    else await this.server.listen();
  }

  /** Stops the server: releases long polls and hanging requests, closes every socket. Idempotent. */
  async close(): Promise<void> {
    await this.server.shutdown();
  }

  /** @internal */
  async start(options: FakeTelegramOptions): Promise<void> {
    await this.server.listen(options.port ?? 0);
    if (options.down) await this.server.shutdown();
  }
}

/** Starts a fake Bot API on 127.0.0.1 (an ephemeral port unless `port` is given). */
export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const tg = new FakeTelegram(options);
  await tg.start(options);
  return tg;
}
