/**
 * The Telegram adapter on grammY: long polling through @grammyjs/runner (one
 * chat's updates in order) or a webhook; replies rendered to HTML and split
 * under 4096 characters; paging with inline buttons; roles from getChatMember;
 * chat lifecycle (removed → forgotten, upgraded → moved); paced sends for the
 * scheduler that report a SendResult instead of hiding 429s.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Api, Bot, BotError, GrammyError, webhookCallback, type Context } from 'grammy';
import type { CallbackQuery, ChatMemberUpdated, Message, UserFromGetMe } from 'grammy/types';
import type { Adapter, InvocationHandler, SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import type { Invocation, Services } from '../../src/commands/types.js';
import type { Logger } from '../../src/log.js';
import type { Reply, RichMessage } from '../../src/rich/model.js';
import { Pacer, type PacerLimits } from '../../src/schedule/pacer.js';
import { forgetChat, moveChat } from '../../src/store/chat-settings.js';
import { classifyTelegramError } from './errors.js';
import { chatRefOf, commandOf, RoleResolver } from './inbound.js';
import { inOrderPer } from './in-order.js';
import { syncTelegramMenu } from './menu.js';
import { decodePage, pagingKeyboard } from './paging.js';
import { renderTelegramReply } from './render.js';

/** Telegram's documented broadcast limits. */
export const TELEGRAM_LIMITS: PacerLimits = {
  global: { count: 30, perMs: 1000 },
  perChat: { count: 1, perMs: 1000 },
  perGroup: { count: 20, perMs: 60_000 },
};

/** Options of the Telegram adapter. */
export interface TelegramAdapterOptions {
  readonly token: string;
  readonly apiRoot?: string;
  readonly webhook?: { readonly url: string; readonly secret: string };
  readonly services: Services;
  readonly log: Logger;
  /** Known bot identity (skips getMe; tests). */
  readonly botInfo?: UserFromGetMe;
  /** First and largest wait between start-up attempts while Telegram is unreachable. */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly limits?: PacerLimits;
}

const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;
const STALE = 'This list has changed. Please send the command again.';
const SEND_OPTIONS = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;
/** sendMessage's optional parameters. */
type SendExtra = NonNullable<Parameters<Api['sendMessage']>[2]>;

/** What a log line may say about a failure: codes, never payloads (they may quote what someone typed). */
const describe = (e: unknown): Record<string, unknown> => e instanceof GrammyError
  ? { code: e.error_code, description: e.description, method: e.method }
  : { error: e instanceof Error ? e.message : String(e) };

/** Telegram, as a Placard adapter. */
export class TelegramAdapter implements Adapter {
  readonly name = 'telegram' as const;
  readonly bot: Bot;
  /** For scheduled sends: no auto-retry, so 429s come back as retryAfter. */
  private readonly sendApi: Api;
  private readonly roles: RoleResolver;
  private readonly pacer: Pacer;
  private runner: RunnerHandle | undefined;
  private booting: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private isReady = false;
  private webhookHandle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;

  constructor(private readonly options: TelegramAdapterOptions) {
    const client = options.apiRoot ? { apiRoot: options.apiRoot } : {};
    this.bot = new Bot(options.token, { client, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
    // Replies wait out a 429 (up to 30 s); 5xx and network errors fail fast instead of holding the chat's queue.
    this.bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowInternalServerErrors: true, rethrowHttpErrors: true }));
    // Every failed request is logged once, polling's included (the runner retries those silently).
    this.bot.api.config.use((prev, method, payload, signal) => prev(method, payload, signal).catch((e: unknown) => {
      if (!signal?.aborted) options.log.warn({ ...describe(e), method }, 'telegram request failed');
      throw e;
    }));
    this.sendApi = new Api(options.token, client);
    this.roles = new RoleResolver(() => this.bot.api);
    this.pacer = new Pacer(options.limits ?? TELEGRAM_LIMITS);
  }

  /** True once connected and taking updates. */
  ready(): boolean { return this.isReady; }

  /** Webhook mode only: the path and handler to mount on the HTTP server. */
  webhookRoute(): { path: string; handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> } | undefined {
    const hook = this.options.webhook;
    if (!hook) return undefined;
    return {
      path: new URL(hook.url).pathname,
      handler: async (req, res) => {
        if (!this.webhookHandle) { res.writeHead(503).end(); return; }
        try { await this.webhookHandle(req, res); } catch (e: unknown) {
          // A failed update is handled as in polling mode; Telegram still gets its 200, or it would resend it forever.
          if (e instanceof BotError) await this.onError(e);
          else this.options.log.error(describe(e), 'telegram webhook update failed');
          if (!res.headersSent) res.writeHead(200).end();
        }
      },
    };
  }

  /** Installs the handlers and connects in the background, retrying with backoff while Telegram is unreachable. */
  async start(handler: InvocationHandler): Promise<void> {
    this.install(handler);
    this.booting = this.boot();
  }

  /** Stops taking updates. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.booting;
    if (this.runner?.isRunning()) await this.runner.stop().catch(() => undefined);
    this.isReady = false;
  }

  /** Sends one message for the scheduler, paced under Telegram's limits. */
  async send(target: ChatRef, message: RichMessage): Promise<SendResult> {
    const texts = renderTelegramReply({ messages: [message] });
    try {
      for (const t of texts) {
        await this.pacer.wait(target.chatId, target.kind !== 'private');
        await this.sendApi.sendMessage(target.chatId, t.html, SEND_OPTIONS);
      }
      return { kind: 'sent' };
    } catch (error: unknown) {
      return classifyTelegramError(error);
    }
  }

  private async boot(): Promise<void> {
    const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 1000, maxMs: 60_000 };
    let delay = initialMs;
    for (;;) {
      if (this.stopped) return;
      try {
        // getMe ourselves: grammY's init() would retry on its own with waits growing to an hour.
        // Through the plain API: start-up has its own backoff, auto-retry's would only add waits.
        if (!this.bot.isInited()) this.bot.botInfo = await this.sendApi.getMe();
        const hook = this.options.webhook;
        if (hook) await this.sendApi.setWebhook(hook.url, { secret_token: hook.secret, allowed_updates: [...ALLOWED_UPDATES] });
        else await this.sendApi.deleteWebhook();
        break;
      } catch (error: unknown) {
        if (error instanceof GrammyError && error.error_code === 401) {
          this.options.log.error('telegram rejected the bot token (401); check TELEGRAM_BOT_TOKEN');
          return;
        }
        this.options.log.warn({ ...describe(error), retryInMs: delay }, 'telegram unreachable at start; retrying');
        await new Promise<void>((resolve) => { const t = setTimeout(resolve, delay); this.wake = () => { clearTimeout(t); resolve(); }; });
        delay = Math.min(delay * 2, maxMs);
      }
    }
    const { services, log } = this.options;
    void syncTelegramMenu(this.bot.api, this.bot.botInfo.id, services.commands, services.store, log);
    if (this.options.webhook) {
      this.webhookHandle = webhookCallback(this.bot, 'http', { secretToken: this.options.webhook.secret, onTimeout: 'return' });
    } else {
      this.runner = run(this.bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true, retryInterval: 3000, maxRetryTime: Number.POSITIVE_INFINITY } });
      void this.runner.task()?.catch((e: unknown) => { this.isReady = false; log.error(describe(e), 'telegram polling stopped'); });
    }
    this.isReady = true;
    log.info({ mode: this.options.webhook ? 'webhook' : 'polling' }, 'telegram adapter ready');
  }

  /**
   * One chat's updates in order (`inOrderPer`, see there why not the runner's
   * `sequentialize`), then one router for the three kinds of update the bot
   * asks for. A single middleware rather than three `bot.on` filters: each
   * grammY layer is an async frame held for as long as the reply is in flight.
   * Failures go to `bot.catch` (the runner calls it; the webhook route does the same).
   */
  private install(handler: InvocationHandler): void {
    this.bot.catch((err: BotError) => this.onError(err));
    const inOrder = inOrderPer((ctx: Context) => ctx.chat?.id);
    const route = async (ctx: Context): Promise<unknown> => {
      if (ctx.message) return this.onMessage(ctx, ctx.message, handler);
      if (ctx.callbackQuery?.data !== undefined) return this.onButton(ctx, ctx.callbackQuery, handler);
      if (ctx.myChatMember) return this.onMembership(ctx.myChatMember);
    };
    // The router is the ordering's `next`: one installed middleware, so grammY adds no layer between them.
    this.bot.use((ctx) => inOrder(ctx, () => route(ctx)));
  }

  private onMessage(ctx: Context, msg: Message, handler: InvocationHandler): Promise<unknown> | undefined {
    const chat = chatRefOf(msg.chat);
    if (msg.migrate_to_chat_id !== undefined) return moveChat(this.options.services.store, chat, String(msg.migrate_to_chat_id));
    const cmd = commandOf(msg, ctx.me.username);
    if (!cmd) return undefined;
    const invocation: Invocation = {
      command: cmd.command, text: cmd.text, chat, now: new Date(), locale: msg.from?.language_code,
      role: () => this.roleOr('member', () => this.roles.roleOf(msg.chat, msg.from?.id, msg.sender_chat?.id)),
    };
    // In a group the answer quotes the command, so it is clear what it answers; a private chat needs no quote.
    const quote = msg.chat.type === 'private' ? undefined : msg.message_id;
    return handler(invocation).then((reply) => this.deliver(ctx, reply, quote, msg.is_topic_message ? msg.message_thread_id : undefined));
  }

  private async onButton(ctx: Context, query: CallbackQuery, handler: InvocationHandler): Promise<void> {
    const request = decodePage(query.data ?? '');
    const message = query.message;
    if (!request || !message) { await ctx.answerCallbackQuery(query.data === 'noop' ? {} : { text: STALE }); return; }
    const reply = await handler({
      command: request.command, text: `${request.args} ${request.page}`.trim(), chat: chatRefOf(message.chat), now: new Date(),
      role: () => this.roleOr('member', () => this.roles.roleOf(message.chat, query.from.id)),
    });
    const texts = renderTelegramReply(reply);
    if (reply.ephemeral || texts.length !== 1) { await ctx.answerCallbackQuery({ text: STALE }); return; }
    const markup = reply.paging ? pagingKeyboard(reply.paging) : undefined;
    await ctx.editMessageText(texts[0]!.html, { ...SEND_OPTIONS, ...(markup ? { reply_markup: markup } : {}) })
      .catch((e: unknown) => { if (!(e instanceof GrammyError && /not modified/.test(e.description))) throw e; });
    await ctx.answerCallbackQuery();
  }

  private async onMembership(update: ChatMemberUpdated): Promise<void> {
    const status = update.new_chat_member.status;
    if (status === 'kicked' || status === 'left') {
      await forgetChat(this.options.services.store, chatRefOf(update.chat));
      this.options.log.info({ chat: update.chat.id, status }, 'telegram chat left; its settings are deleted');
    }
  }

  /** Sends a reply: HTML pieces under the limit, the first quoting `replyTo` when given, buttons on the last. */
  private deliver(ctx: Context, reply: Reply, replyTo: number | undefined, threadId: number | undefined): Promise<unknown> {
    const texts = renderTelegramReply(reply);
    const markup = reply.paging ? pagingKeyboard(reply.paging) : undefined;
    const chatId = ctx.chat!.id;
    const extraFor = (i: number): SendExtra => {
      const extra: SendExtra = { ...SEND_OPTIONS };
      if (threadId !== undefined) extra.message_thread_id = threadId;
      if (i === 0 && replyTo !== undefined) extra.reply_parameters = { message_id: replyTo, allow_sending_without_reply: true };
      if (i === texts.length - 1 && markup) extra.reply_markup = markup;
      return extra;
    };
    // Most replies are one message: sent at once. Longer ones one after another, as a promise chain
    // rather than an awaiting loop, so no frame is held while a piece is in flight.
    if (texts.length === 1) return ctx.api.sendMessage(chatId, texts[0]!.html, extraFor(0));
    let sent: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < texts.length; i++) sent = sent.then(() => ctx.api.sendMessage(chatId, texts[i]!.html, extraFor(i)));
    return sent;
  }

  private async roleOr<T>(fallback: T, get: () => Promise<T>): Promise<T> {
    try { return await get(); } catch (e: unknown) {
      this.options.log.warn(describe(e), 'telegram role lookup failed; treating as member');
      return fallback;
    }
  }

  private async onError(err: BotError): Promise<void> {
    const chat = err.ctx.chat;
    const result = classifyTelegramError(err.error);
    this.options.log.warn({ ...describe(err.error), chat: chat?.id, result: result.kind }, 'telegram update failed');
    if (!chat) return;
    const ref = chatRefOf(chat);
    if (result.kind === 'gone') await forgetChat(this.options.services.store, ref);
    if (result.kind === 'migrated') await moveChat(this.options.services.store, ref, result.newChatId);
  }
}
