/**
 * The Discord adapter on discord.js: a gateway client (Guilds intent only)
 * for interactions, and a REST client of its own for reminders and command
 * registration, so a reminder can go out even while the gateway reconnects.
 *
 * If Discord cannot be reached at start, `start` resolves anyway and keeps
 * trying in the background with exponential backoff; once connected,
 * discord.js resumes or re-identifies by itself.
 */
import { Client, DiscordjsErrorCodes, Events, GatewayIntentBits, Options, type REST } from 'discord.js';
import type { Adapter, InvocationHandler, SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import type { Services } from '../../src/commands/types.js';
import type { Logger } from '../../src/log.js';
import type { RichMessage } from '../../src/rich/model.js';
import { handleInteraction, type InteractionOutcome } from './inbound.js';
import { registerCommands, type RegisterOutcome } from './register.js';
import { renderDiscordMessage } from './render.js';
import { createDiscordRest, describeError, noMentions, postToChannel, sendResultOf } from './send.js';

/** Options of the Discord adapter. */
export interface DiscordAdapterOptions {
  readonly token: string;
  readonly applicationId: string;
  /** Register the slash commands in this guild only (instant); global otherwise. */
  readonly guildId?: string;
  /** REST base for discord.js `rest.api` (a proxy or a test fake). */
  readonly apiUrl?: string;
  readonly services: Services;
  readonly log: Logger;
  /** Defer an interaction when its answer is not ready within this many ms. Default 1500. */
  readonly deferAfterMs?: number;
  /** Backoff while Discord is unreachable at start: first wait and longest wait, ms. Default 1000 and 60000. */
  readonly retry?: { readonly initialMs?: number; readonly maxMs?: number };
  /** Give up a login attempt (and retry) when not ready within this many ms. Default 60000. */
  readonly connectTimeoutMs?: number;
  /** Longest rate-limit wait `send` sits out before answering `retryAfter`. Default 5000. */
  readonly maxRateLimitWaitMs?: number;
  /** Called once per interaction after it was answered (metrics, benchmarks, tests). */
  readonly observe?: (outcome: InteractionOutcome) => void;
}

const isInvalidToken = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === DiscordjsErrorCodes.TokenInvalid
  || (error as { status?: unknown } | null)?.status === 401;

/** Discord, seen from the core. */
export class DiscordAdapter implements Adapter {
  readonly name = 'discord' as const;
  /** The REST client of reminders and registration (not of interactions). */
  readonly rest: REST;
  private client: Client | undefined;
  private connecting: Client | undefined;
  private handler: InvocationHandler | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private attempts = 0;
  private registration: Promise<RegisterOutcome | undefined> | undefined;
  private cancelConnect: (() => void) | undefined;

  constructor(private readonly options: DiscordAdapterOptions) {
    this.rest = createDiscordRest({
      token: options.token,
      ...(options.apiUrl === undefined ? {} : { apiUrl: options.apiUrl }),
      ...(options.maxRateLimitWaitMs === undefined ? {} : { maxRateLimitWaitMs: options.maxRateLimitWaitMs }),
    });
  }

  /** True while the gateway session is up (for readiness checks). */
  ready(): boolean {
    return this.client?.isReady() ?? false;
  }

  /** The outcome of the last start-up registration (undefined when it failed or has not run). */
  registered(): Promise<RegisterOutcome | undefined> {
    return this.registration ?? Promise.resolve(undefined);
  }

  /**
   * Logs in and registers the slash commands when they changed. Resolves
   * once connected — or, when Discord is unreachable, at once, retrying in
   * the background. A rejected token is logged and not retried.
   */
  async start(handler: InvocationHandler): Promise<void> {
    if (this.handler) throw new Error('the Discord adapter is already started');
    this.handler = handler;
    this.stopped = false;
    this.attempts = 0;
    if (!(await this.connect())) this.scheduleRetry();
  }

  /** Disconnects and stops retrying. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.cancelConnect?.();
    const clients = [this.client, this.connecting].filter((c): c is Client => c !== undefined);
    this.client = undefined;
    this.connecting = undefined;
    this.handler = undefined;
    await Promise.all(clients.map((c) => c.destroy().catch(() => undefined)));
    await this.registration?.catch(() => undefined);
  }

  /** Posts a message to a channel (reminders); maps Discord's answer to a SendResult. */
  async send(target: ChatRef, message: RichMessage): Promise<SendResult> {
    if (target.platform !== 'discord') return { kind: 'failed', transient: false, reason: `not a Discord chat: ${target.platform}` };
    const parts = renderDiscordMessage(message);
    for (const [index, part] of parts.entries()) {
      try {
        await postToChannel(this.rest, target.chatId, part);
      } catch (error: unknown) {
        const result = sendResultOf(error);
        const fields = { platform: 'discord', chat: target.chatId, part: index, result: result.kind, error: describeError(error) };
        if (result.kind === 'failed') this.options.log.warn(fields, 'send failed');
        else this.options.log.info(fields, result.kind === 'gone' ? 'send failed: the channel is gone for us' : 'send failed: rate limited');
        // A later part failing after the first went out: report it only when the chat is gone,
        // so a retry does not post the first part twice.
        if (index === 0 || result.kind === 'gone') return result;
        return { kind: 'sent' };
      }
    }
    return { kind: 'sent' };
  }

  private scheduleRetry(): void {
    if (this.stopped || !this.handler) return;
    const initial = this.options.retry?.initialMs ?? 1000;
    const max = this.options.retry?.maxMs ?? 60_000;
    const delay = Math.min(max, initial * 2 ** Math.min(this.attempts - 1, 20)) * (1 + Math.random() * 0.1);
    this.options.log.warn({ platform: 'discord', attempt: this.attempts, retryInMs: Math.round(delay) }, 'Discord unreachable; retrying');
    this.retryTimer = setTimeout(() => {
      void this.connect().then((ok) => { if (!ok) this.scheduleRetry(); });
    }, delay);
  }

  /** One login attempt; true when connected (or when retrying makes no sense). */
  private async connect(): Promise<boolean> {
    if (this.stopped) return true;
    this.attempts += 1;
    const { log } = this.options;
    const client = this.createClient();
    this.connecting = client;
    try {
      await this.login(client);
    } catch (error: unknown) {
      await client.destroy().catch(() => undefined);
      if (this.stopped) return true;
      if (isInvalidToken(error)) {
        log.error({ platform: 'discord', error: describeError(error) }, 'Discord rejected the token; not retrying (check DISCORD_TOKEN)');
        return true;
      }
      log.warn({ platform: 'discord', attempt: this.attempts, error: describeError(error) }, 'could not connect to Discord');
      return false;
    } finally {
      if (this.connecting === client) this.connecting = undefined;
    }
    if (this.stopped) {
      await client.destroy().catch(() => undefined);
      return true;
    }
    this.client = client;
    log.info({ platform: 'discord', guilds: client.guilds.cache.size, attempt: this.attempts }, 'connected to Discord');
    this.registration = this.register();
    await this.registration;
    return true;
  }

  /**
   * A gateway client: Guilds intent only, nothing pinged by default, and no
   * cache of users, members or messages beyond the bot's own (Placard needs
   * none, and people's data is better not kept, even in memory).
   */
  private createClient(): Client {
    const own = (value: { id: string; client: Client }): boolean => value.id === value.client.user?.id;
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: noMentions(),
      makeCache: Options.cacheWithLimits({
        ...Options.DefaultMakeCacheSettings,
        MessageManager: 0,
        UserManager: { maxSize: 0, keepOverLimit: own },
        GuildMemberManager: { maxSize: 0, keepOverLimit: own },
      }),
      ...(this.options.apiUrl === undefined ? {} : { rest: { api: this.options.apiUrl } }),
    });
    this.listen(client);
    return client;
  }

  /** Logs in and waits for READY, at most `connectTimeoutMs`; `stop` cancels it. */
  private login(client: Client): Promise<void> {
    const timeoutMs = this.options.connectTimeoutMs ?? 60_000;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => settle(new Error(`not ready after ${timeoutMs} ms`)), timeoutMs);
      const settle = (error?: unknown): void => {
        clearTimeout(timer);
        this.cancelConnect = undefined;
        if (error === undefined) resolve();
        else reject(error instanceof Error ? error : new Error(String(error)));
      };
      this.cancelConnect = () => settle(new Error('stopped while connecting'));
      client.once(Events.ClientReady, () => settle());
      client.login(this.options.token).catch((error: unknown) => settle(error));
    });
  }

  private listen(client: Client): void {
    const { log } = this.options;
    const handler = this.handler;
    if (!handler) return;
    const ctx = {
      services: this.options.services,
      handler,
      log,
      deferAfterMs: this.options.deferAfterMs ?? 1500,
      ...(this.options.observe ? { observe: this.options.observe } : {}),
    };
    client.on(Events.InteractionCreate, (interaction) => { void handleInteraction(interaction, ctx); });
    client.on(Events.Error, (error) => log.warn({ platform: 'discord', error: describeError(error) }, 'discord.js error'));
    client.on(Events.ShardDisconnect, (event, shard) => log.warn({ platform: 'discord', shard, code: event.code }, 'gateway disconnected'));
    client.on(Events.ShardReconnecting, (shard) => log.info({ platform: 'discord', shard }, 'gateway reconnecting'));
    client.on(Events.ShardResume, (shard) => log.info({ platform: 'discord', shard }, 'gateway resumed'));
  }

  /** Registers the commands when they changed; a failure is logged and the bot keeps serving. */
  private async register(): Promise<RegisterOutcome | undefined> {
    try {
      return await registerCommands({
        rest: this.rest,
        applicationId: this.options.applicationId,
        ...(this.options.guildId === undefined ? {} : { guildId: this.options.guildId }),
        commands: this.options.services.commands,
        store: this.options.services.store,
        log: this.options.log,
      });
    } catch (error: unknown) {
      this.options.log.error({ platform: 'discord', error: describeError(error) }, 'slash command registration failed; serving anyway (retry with `placard register`)');
      return undefined;
    }
  }
}

/** Creates the Discord adapter (not yet started). */
export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  return new DiscordAdapter(options);
}
