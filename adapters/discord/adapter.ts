/**
 * The Discord adapter on discord.js: a gateway client (Guilds intent only)
 * for interactions, and REST clients of its own for reminders and for
 * look-ups and registration, so a reminder can go out even while the
 * gateway reconnects.
 *
 * If Discord cannot be reached at start, `start` resolves anyway and keeps
 * trying in the background with exponential backoff; once connected,
 * discord.js resumes or re-identifies by itself.
 */
import { Events, Routes, type APIUser, type Client, type REST } from 'discord.js';
import type { Adapter, DoctorFinding, InvocationHandler, PostingProblem, SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import { BurstLog } from '../../src/log-privacy.js';
import type { Action, RichMessage } from '../../src/rich/model.js';
import { isApiFailure } from './classify.js';
import { discordDoctor } from './doctor.js';
import { createGatewayClient, isInvalidToken, loginWithin, watchGateway } from './gateway.js';
import { DiscordHealth } from './health.js';
import { handleInteraction } from './inbound.js';
import type { DiscordAdapterOptions } from './options.js';
import { fromCache, fromRest } from './permissions.js';
import { definitionWords, registerCommands, storedCommandIds, type RegisterOutcome } from './register.js';
import { renderDiscordMessage, type MarkdownContext } from './render.js';
import { noteSendFailure } from './send-log.js';
import { createDiscordRest, describeError, postToChannel, sendResultOf } from './send.js';

export type { DiscordAdapterOptions } from './options.js';

/** Discord, seen from the core. */
export class DiscordAdapter implements Adapter {
  readonly name = 'discord' as const;
  /** The REST client of reminders: each request tried once, bounded by the request timeout. */
  readonly rest: REST;
  /** The REST client of idempotent calls (registration's PUT, look-ups): retried by @discordjs/rest. */
  private readonly control: REST;
  private readonly health: DiscordHealth;
  private readonly burst: BurstLog;
  private client: Client | undefined;
  private connecting: Client | undefined;
  private handler: InvocationHandler | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private attempts = 0;
  private registration: Promise<RegisterOutcome | undefined> | undefined;
  private cancelConnect: (() => void) | undefined;
  private botId: string | undefined;
  /** Registered slash commands' ids by name (from registration, else from the store), for command mentions. */
  private commandIds: Readonly<Record<string, string>> = {};
  private idsLoading: Promise<void> | undefined;
  /** How messages are rendered: command hints as mentions once the ids are known. */
  private readonly markdown: MarkdownContext = { commandId: (name) => this.commandIds[name] };
  /** Answer languages when none were given: one dispatcher over the services, kept across reconnects. */
  private ownLanguages: Dispatcher | undefined;

  constructor(private readonly options: DiscordAdapterOptions) {
    const common = {
      token: options.token,
      ...(options.apiUrl === undefined ? {} : { apiUrl: options.apiUrl }),
      ...(options.maxRateLimitWaitMs === undefined ? {} : { maxRateLimitWaitMs: options.maxRateLimitWaitMs }),
      ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
    };
    this.rest = createDiscordRest(common);
    this.control = createDiscordRest({ ...common, retries: 2 });
    this.health = new DiscordHealth(options.failureThreshold === undefined ? {} : { failureThreshold: options.failureThreshold });
    this.burst = new BurstLog(options.log, options.logIntervalMs === undefined ? {} : { intervalMs: options.logIntervalMs });
  }

  /** True while the gateway session is up and Discord's API answers (for readiness checks). */
  ready(): boolean {
    return this.notReadyReason() === undefined;
  }

  /** Why not ready: a rejected token, the gateway down or reconnecting, or API failures in a row. */
  notReadyReason(): string | undefined {
    return this.health.reason(this.client, this.handler !== undefined);
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
    this.health.stopProbe();
    this.cancelConnect?.();
    const clients = [this.client, this.connecting].filter((c): c is Client => c !== undefined);
    this.client = undefined;
    this.connecting = undefined;
    this.handler = undefined;
    this.burst.flush();
    await Promise.all(clients.map((c) => c.destroy().catch(() => undefined)));
    await this.registration?.catch(() => undefined);
  }

  /** The registered slash commands' ids by name, as far as known (command mentions). */
  knownCommandIds(): Readonly<Record<string, string>> {
    return this.commandIds;
  }

  /** Posts a message to a channel (reminders), its actions as buttons; maps Discord's answer to a SendResult. */
  async send(target: ChatRef, message: RichMessage, actions?: readonly Action[]): Promise<SendResult> {
    if (target.platform !== 'discord') return { kind: 'failed', transient: false, reason: `not a Discord chat: ${target.platform}` }; // i18n-exempt: a reason for logs and /readyz
    // @discordjs/rest forgets its token after a 401; set it again so a recovered token is used.
    this.rest.setToken(this.options.token);
    await this.loadCommandIds(500);
    const parts = renderDiscordMessage(message, actions, this.markdown);
    for (const [index, part] of parts.entries()) {
      try {
        await postToChannel(this.rest, target.chatId, part);
        this.health.succeeded();
      } catch (error: unknown) {
        const result = sendResultOf(error);
        this.record(result);
        noteSendFailure(this.burst, target, index, error, result);
        // A later part failing after the first went out: report it only when the chat is gone,
        // so a retry does not post the first part twice.
        if (index === 0 || result.kind === 'gone') return result;
        return { kind: 'sent' };
      }
    }
    return { kind: 'sent' };
  }

  /**
   * The bot's permissions in the channel reminders go to: from the gateway
   * cache when it has the channel, else over REST. Never posts.
   *
   * @throws when Discord cannot be asked (network, 5xx, 401)
   */
  async checkPosting(target: ChatRef): Promise<PostingProblem | undefined> {
    if (target.platform !== 'discord') throw new Error(`not a Discord chat: ${target.platform}`);
    if (target.kind === 'private') return undefined; // a DM: no permissions to grant there
    const cached = fromCache(this.client, target.chatId);
    if (cached !== 'unknown') return cached;
    return fromRest(this.control, target.chatId, await this.ownId());
  }

  /** `placard doctor`: the token, the application id, the gateway, the slash commands. Only reads. */
  doctor(): Promise<readonly DoctorFinding[]> {
    this.control.setToken(this.options.token);
    return discordDoctor({
      rest: this.control,
      applicationId: this.options.applicationId,
      commands: this.options.services.commands,
      ...(this.options.guildId === undefined ? {} : { guildId: this.options.guildId }),
      ...(this.options.apiUrl === undefined ? {} : { apiUrl: this.options.apiUrl }),
    });
  }

  /** The bot's user id: from the gateway session, else asked once. */
  private async ownId(): Promise<string> {
    this.botId ??= this.client?.user?.id ?? (await this.control.get(Routes.user('@me')) as APIUser).id;
    return this.botId;
  }

  /** Feeds a send's outcome to readiness; any answer about a channel means the API answers. */
  private record(result: SendResult): void {
    if (!isApiFailure(result)) {
      if (result.kind !== 'retryAfter') this.health.succeeded();
      return;
    }
    this.health.failed(result.kind === 'failed' || result.kind === 'paused' ? result.reason : result.kind);
    if (result.kind === 'paused' && result.reason.startsWith('401')) this.health.rejectToken('401 Unauthorized on a post'); // i18n-exempt: a reason for logs and /readyz
    // Probe only for a running adapter: a send-only one (the CLI) has nobody waiting on readiness.
    if (this.handler !== undefined && this.notReadyReason() !== undefined) {
      this.health.probe(() => { this.rest.setToken(this.options.token); return this.rest.get(Routes.gatewayBot()); }, this.options.probeIntervalMs ?? 15_000);
    }
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
      const login = loginWithin(client, this.options.token, this.options.connectTimeoutMs ?? 60_000);
      this.cancelConnect = login.cancel;
      await login.done;
    } catch (error: unknown) {
      await client.destroy().catch(() => undefined);
      if (this.stopped) return true;
      if (isInvalidToken(error)) {
        this.health.rejectToken('the gateway login was refused'); // i18n-exempt: a reason for logs and /readyz
        log.error({ platform: 'discord', error: describeError(error) }, 'Discord rejected the token; not retrying (check DISCORD_TOKEN)');
        return true;
      }
      log.warn({ platform: 'discord', attempt: this.attempts, error: describeError(error) }, 'could not connect to Discord');
      return false;
    } finally {
      this.cancelConnect = undefined;
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

  private createClient(): Client {
    const client = createGatewayClient(this.options.apiUrl);
    const handler = this.handler;
    watchGateway(client, this.options.log, this.health);
    if (!handler) return client;
    const ctx = {
      services: this.options.services,
      handler,
      languages: this.options.languages ?? (this.ownLanguages ??= new Dispatcher(this.options.services)),
      log: this.options.log,
      deferAfterMs: this.options.deferAfterMs ?? 1500,
      rest: this.control,
      markdown: this.markdown,
      checkPosting: (channelId: string) => this.checkPosting({ platform: 'discord', chatId: channelId, kind: 'group' }),
      ...(this.options.observe ? { observe: this.options.observe } : {}),
    };
    client.on(Events.InteractionCreate, (interaction) => { void handleInteraction(interaction, ctx); });
    return client;
  }

  /**
   * The kept command ids, read once (a send-only adapter, e.g. the CLI, never
   * registers); waits at most `withinMs` so a slow store never holds a send.
   */
  private async loadCommandIds(withinMs?: number): Promise<void> {
    this.idsLoading ??= storedCommandIds(this.options.services.store, this.options.applicationId, this.options.guildId)
      .then((ids) => { if (Object.keys(this.commandIds).length === 0) this.commandIds = ids; })
      // Unknown ids only mean that command hints show as code.
      .catch(() => undefined);
    if (withinMs === undefined) return this.idsLoading;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, withinMs); });
    await Promise.race([this.idsLoading, late]).finally(() => clearTimeout(timer));
  }

  /** Registers the commands when they changed, keeping their ids; a failure is logged and the bot keeps serving. */
  private async register(): Promise<RegisterOutcome | undefined> {
    await this.loadCommandIds();
    try {
      const outcome = await registerCommands({
        rest: this.control,
        applicationId: this.options.applicationId,
        ...(this.options.guildId === undefined ? {} : { guildId: this.options.guildId }),
        commands: this.options.services.commands,
        store: this.options.services.store,
        log: this.options.log,
        words: definitionWords(this.options.services),
      });
      if (Object.keys(outcome.ids).length > 0) this.commandIds = outcome.ids;
      return outcome;
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
