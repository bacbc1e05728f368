/**
 * The Telegram adapter on grammY: long polling (see polling.ts) or a webhook;
 * replies rendered to HTML and split under 4096 characters; paging with
 * inline buttons; roles from getChatMember; chat lifecycle (removed →
 * forgotten, upgraded → moved); paced, time-bounded sends for the scheduler
 * that report a SendResult instead of hiding 429s; readiness from what the
 * Bot API actually answers (health.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { Api, Bot, BotError, GrammyError, webhookCallback } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Adapter, DoctorFinding, InvocationHandler, PostingProblem, SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import type { Logger } from '../../src/log.js';
import { BurstLog } from '../../src/log-privacy.js';
import type { Action, RichMessage } from '../../src/rich/model.js';
import { Pacer, type PacerLimits } from '../../src/schedule/pacer.js';
import type { AnswerLanguages } from './context.js';
import { telegramDoctor } from './doctor.js';
import { describeTelegramError } from './errors.js';
import { TelegramHealth } from './health.js';
import { syncTelegramMenu } from './menu.js';
import { Poller } from './polling.js';
import { checkTelegramPosting } from './posting.js';
import { RoleResolver, type RoleCacheOptions } from './roles.js';
import { sendReminder } from './reminders.js';
import { ALLOWED_UPDATES, installUpdateHandlers } from './updates.js';

/** Telegram's documented broadcast limits. */
export const TELEGRAM_LIMITS: PacerLimits = {
  global: { count: 30, perMs: 1000 },
  perChat: { count: 1, perMs: 1000 },
  perGroup: { count: 20, perMs: 60_000 },
};

/**
 * Request timeouts, in seconds. `send`: a reminder's sendMessage, far under
 * the scheduler's 3-minute claim lease, so a hung request never outlives its
 * claim. `api`: replies, role lookups, polling's getUpdates. `poll`:
 * getUpdates' long-poll timeout, which must stay under `api` or every idle
 * poll would time out.
 */
export interface TelegramTimeouts {
  readonly send: number;
  readonly api: number;
  readonly poll: number;
}

/** The defaults of {@link TelegramTimeouts}. */
export const TELEGRAM_TIMEOUTS: TelegramTimeouts = { send: 10, api: 20, poll: 10 };

/** Options of the Telegram adapter. */
export interface TelegramAdapterOptions {
  readonly token: string;
  readonly apiRoot?: string;
  readonly webhook?: { readonly url: string; readonly secret: string };
  readonly services: Services;
  /**
   * The dispatcher the handler runs (its `languageOf` and `voice`), so the
   * words the adapter adds (paging buttons, notices) are in each answer's
   * language. Default: a dispatcher of its own over `services` (it may see a
   * chat's new /language up to half a minute late).
   */
  readonly languages?: AnswerLanguages;
  readonly log: Logger;
  /** Known bot identity (skips getMe; tests). */
  readonly botInfo?: UserFromGetMe;
  /**
   * First and largest wait between attempts while Telegram is unreachable at
   * start, the token is rejected (retried at the largest wait: an operator
   * may fix a proxy or the token's server-side state), or another instance
   * holds the long poll (409).
   */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly limits?: PacerLimits;
  readonly timeouts?: Partial<TelegramTimeouts>;
  /** Wait between long polls that failed on the network. Default 3 s. */
  readonly pollRetryMs?: number;
  readonly roleCache?: RoleCacheOptions;
  /** Interval over which repeats of one failure are logged as one line. Default 30 s. */
  readonly logIntervalMs?: number;
}

/** Telegram, as a Placard adapter. */
export class TelegramAdapter implements Adapter {
  readonly name = 'telegram' as const;
  readonly bot: Bot;
  /** For scheduled sends and start-up: no auto-retry, so 429s come back as retryAfter; a short timeout. */
  private readonly sendApi: Api;
  private readonly roles: RoleResolver;
  private readonly pacer: Pacer;
  private readonly health = new TelegramHealth();
  private readonly burst: BurstLog;
  private readonly botId: number;
  private readonly timeouts: TelegramTimeouts;
  private poller: Poller | undefined;
  private booting: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private webhookHandle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;

  constructor(private readonly options: TelegramAdapterOptions) {
    const timeouts = { ...TELEGRAM_TIMEOUTS, ...options.timeouts };
    const root = options.apiRoot ? { apiRoot: options.apiRoot } : {};
    this.bot = new Bot(options.token, { client: { ...root, timeoutSeconds: timeouts.api }, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
    this.burst = new BurstLog(options.log, options.logIntervalMs === undefined ? {} : { intervalMs: options.logIntervalMs });
    // Replies wait out a 429 (up to 30 s); 5xx and network errors fail fast instead of holding the chat's queue.
    this.bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowInternalServerErrors: true, rethrowHttpErrors: true }));
    // Every failed call counts for readiness and is logged, polling's included (the runner retries those
    // silently) — a burst of one failure as one line per interval, not one per request.
    const onFailure = (method: string, cause: string, failure: unknown): void => {
      this.burst.note('warn', `request:${method}:${cause}`, { method, cause, ...failureFields(failure) }, 'telegram request failed');
    };
    this.bot.api.config.use(this.health.transformer(onFailure));
    this.sendApi = new Api(options.token, { ...root, timeoutSeconds: timeouts.send });
    this.sendApi.config.use(this.health.transformer(onFailure));
    this.roles = new RoleResolver(() => this.bot.api, options.roleCache);
    this.pacer = new Pacer(options.limits ?? TELEGRAM_LIMITS);
    // A token is `<bot id>:<secret>`: the id is known without asking Telegram (checkPosting before start, doctor).
    this.botId = options.botInfo?.id ?? Number(options.token.split(':')[0]);
    this.timeouts = timeouts;
  }

  /** True while the Bot API answers and updates are taken (see health.ts). */
  ready(): boolean { return !this.stopped && this.health.ready(); }

  /** Why not ready: start-up, a rejected token, a polling conflict, or the last calls failing. */
  notReadyReason(): string | undefined { return this.stopped ? 'stopped' : this.health.reason(); }

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
          if (e instanceof BotError) await this.bot.errorHandler(e);
          else this.burst.note('error', 'webhook', describeTelegramError(e), 'telegram webhook update failed');
          if (!res.headersSent) res.writeHead(200).end();
        }
      },
    };
  }

  /** Installs the handlers and connects in the background, retrying with backoff while Telegram is unreachable. */
  async start(handler: InvocationHandler): Promise<void> {
    const { services } = this.options;
    installUpdateHandlers(this.bot, handler, {
      services, languages: this.options.languages ?? new Dispatcher(services), roles: this.roles, burst: this.burst, log: this.options.log,
      checkPosting: (target) => this.checkPosting(target),
    });
    this.booting = this.boot();
  }

  /** Stops taking updates. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.booting;
    await this.poller?.stop();
    this.burst.flush();
  }

  /**
   * Sends one message for the scheduler, its actions as an inline keyboard, into the forum topic the chat
   * subscribed from (if any); paced under Telegram's limits, each request bounded by `timeouts.send`.
   */
  send(target: ChatRef, message: RichMessage, actions?: readonly Action[]): Promise<SendResult> {
    return sendReminder({ api: this.sendApi, pacer: this.pacer, store: this.options.services.store, log: this.options.log }, target, message, actions);
  }

  /** Whether the bot may post in `target` (its own rights there); sends nothing. Rejects when Telegram cannot be asked. */
  checkPosting(target: ChatRef): Promise<PostingProblem | undefined> {
    return checkTelegramPosting(this.bot.api, this.botId, target);
  }

  /** The token (getMe) and the webhook (getWebhookInfo) as this deployment needs them; sends nothing. */
  doctor(): Promise<readonly DoctorFinding[]> {
    return telegramDoctor(this.sendApi, this.options.webhook?.url);
  }

  private async boot(): Promise<void> {
    const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 1000, maxMs: 60_000 };
    const { log } = this.options;
    let delay = initialMs;
    let tokenRejected = false;
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
          // Not final: a proxy in between may answer 401 until it is fixed. Retried slowly, said once.
          if (!tokenRejected) log.error({ retryEveryMs: maxMs }, 'telegram rejected the bot token (401); check TELEGRAM_BOT_TOKEN; retrying');
          tokenRejected = true;
          delay = maxMs;
        } else {
          this.burst.note('warn', 'boot', { ...describeTelegramError(error), retryInMs: delay }, 'telegram unreachable at start; retrying');
        }
        await new Promise<void>((resolve) => { const t = setTimeout(resolve, delay); this.wake = () => { clearTimeout(t); resolve(); }; });
        delay = Math.min(delay * 2, maxMs);
      }
    }
    const { services } = this.options;
    void syncTelegramMenu(this.bot.api, this.bot.botInfo.id, services.commands, services.store, log, {
      ...(services.translator === undefined ? {} : { translator: services.translator }), language: services.campaign.meta.language,
    });
    if (this.options.webhook) {
      this.webhookHandle = webhookCallback(this.bot, 'http', { secretToken: this.options.webhook.secret, onTimeout: 'return' });
    } else {
      this.poller = new Poller(this.bot, {
        allowedUpdates: ALLOWED_UPDATES, pollTimeoutSeconds: this.timeouts.poll, retryMs: this.options.pollRetryMs ?? 3000,
        backoff: { initialMs, maxMs }, health: this.health, log,
      });
      this.poller.start();
    }
    this.health.set('starting', false);
    log.info({ mode: this.options.webhook ? 'webhook' : 'polling' }, 'telegram adapter ready');
  }
}

/** Log fields of a failed call: a thrown error, or the Bot API's `ok: false` answer (code and description only). */
function failureFields(failure: unknown): Record<string, unknown> {
  if (typeof failure === 'object' && failure !== null && 'ok' in failure && failure.ok === false) {
    const { error_code: code, description } = failure as { error_code?: unknown; description?: unknown };
    return { code, description };
  }
  return describeTelegramError(failure);
}
