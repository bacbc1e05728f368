/**
 * The Discord adapter on discord.js: interactions from a gateway client
 * (Guilds intent only, sharded at size) or, with a public key, from HTTP
 * requests (`POST /discord/interactions`, no gateway at all); both reach the
 * same inbound code as API JSON. REST clients of its own post reminders,
 * answer interactions, look up and register, so a reminder can go out even
 * while the gateway reconnects, and with no gateway at all.
 *
 * If Discord cannot be reached at start, `start` resolves anyway and keeps
 * trying in the background with exponential backoff; once connected,
 * discord.js resumes or re-identifies by itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Events, Routes, type APIUser, type Client, type REST } from 'discord.js';
import type { Adapter, DoctorFinding, InvocationHandler, PostingProblem, SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import { BurstLog } from '../../src/log-privacy.js';
import type { Action, RichMessage } from '../../src/rich/model.js';
import { guildOfChannel } from './channel-option.js';
import { isApiFailure } from './classify.js';
import { CommandIds } from './command-ids.js';
import { discordDoctor } from './doctor.js';
import { createGatewayClient, isInvalidToken, loginWithin, watchGateway } from './gateway.js';
import { DiscordHealth } from './health.js';
import { handleInteraction, type InboundContext } from './inbound.js';
import { interactionOf } from './interaction.js';
import { INTERACTIONS_PATH, interactionsEndpoint, type InteractionSink } from './interactions.js';
import type { DiscordAdapterOptions } from './options.js';
import { fromCache, fromRest } from './permissions.js';
import type { RegisterOutcome } from './register.js';
import { renderDiscordMessage, type MarkdownContext } from './render.js';
import { restResponder } from './responder.js';
import { ScheduledEventsSync } from './scheduled-events.js';
import { noteSendFailure } from './send-log.js';
import { adapterRests, describeError, postParts } from './send.js';
import { publicKeyFromHex } from './verify.js';

export type { DiscordAdapterOptions } from './options.js';

/** Discord, seen from the core. */
export class DiscordAdapter implements Adapter {
  readonly name = 'discord' as const;
  /** The REST client of reminders: each request tried once, bounded by the request timeout. */
  readonly rest: REST;
  /** The REST client of idempotent calls (registration's PUT, look-ups): retried by @discordjs/rest. */
  private readonly control: REST;
  /** The REST client of interaction answers (callbacks and the interaction webhook: no bot token), as discord.js's own client sets it up. */
  private readonly replies: REST;
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
  private readonly commandIds: CommandIds;
  /** How messages are rendered: command hints as mentions once the ids are known. */
  private readonly markdown: MarkdownContext;
  /** What the inbound side needs, while started (both paths share it). */
  private inbound: InboundContext | undefined;
  /** HTTP interactions mode: no gateway. */
  private readonly http: boolean;
  /** The servers' scheduled events for the coming anniversaries (`/subscribe events:true`), kept in step while started. */
  readonly scheduledEvents: ScheduledEventsSync;

  constructor(private readonly options: DiscordAdapterOptions) {
    ({ reminders: this.rest, control: this.control, replies: this.replies } = adapterRests(options));
    const ids = this.commandIds = new CommandIds(options);
    this.markdown = { get commandId() { return ids.lookup; } };
    this.http = options.publicKey !== undefined;
    this.health = new DiscordHealth(options.failureThreshold === undefined ? {} : { failureThreshold: options.failureThreshold });
    this.burst = new BurstLog(options.log, options.logIntervalMs === undefined ? {} : { intervalMs: options.logIntervalMs });
    this.scheduledEvents = new ScheduledEventsSync({ rest: this.rest, token: options.token, services: options.services, log: options.log, botId: () => this.ownId(), client: () => this.client });
  }

  /** True while the gateway session is up (in HTTP interactions mode: since start) and Discord's API answers (for readiness checks). */
  ready(): boolean {
    return this.notReadyReason() === undefined;
  }

  /** Why not ready: a rejected token, the gateway down or reconnecting, or API failures in a row. */
  notReadyReason(): string | undefined {
    return this.health.reason(this.http ? 'http' : this.client, this.handler !== undefined);
  }

  /** The outcome of the last start-up registration (undefined when it failed or has not run). */
  registered(): Promise<RegisterOutcome | undefined> {
    return this.registration ?? Promise.resolve(undefined);
  }

  /** The route of HTTP interactions (`POST /discord/interactions`, 503 until started); @throws InvalidPublicKeyError for a bad key. */
  interactionsRoute(): { path: string; handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> } | undefined {
    if (this.options.publicKey === undefined) return undefined;
    const sink = (): InteractionSink | undefined => { const ctx = this.inbound; return ctx && ((raw, io) => handleInteraction(raw, io, ctx)); };
    return { path: INTERACTIONS_PATH, handler: interactionsEndpoint({ publicKey: publicKeyFromHex(this.options.publicKey), rest: this.replies, burst: this.burst, sink }) };
  }

  /**
   * Logs in (in HTTP interactions mode: asks the API once, with no gateway)
   * and registers the slash commands when they changed. Resolves once
   * connected — or, when Discord is unreachable, at once, retrying in the
   * background. A rejected token is logged and not retried.
   */
  async start(handler: InvocationHandler): Promise<void> {
    if (this.handler) throw new Error('the Discord adapter is already started');
    this.handler = handler;
    this.inbound = this.inboundContext(handler);
    this.stopped = false;
    this.scheduledEvents.start();
    this.attempts = 0;
    if (!(await this.connect())) this.scheduleRetry();
  }

  /** Disconnects and stops retrying. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.health.stopProbe();
    await this.scheduledEvents.stop();
    this.cancelConnect?.();
    const clients = [this.client, this.connecting].filter((c): c is Client => c !== undefined);
    this.client = undefined;
    this.connecting = undefined;
    this.handler = undefined;
    this.inbound = undefined;
    this.burst.flush();
    await Promise.all(clients.map((c) => c.destroy().catch(() => undefined)));
    await this.registration?.catch(() => undefined);
  }

  /** The registered slash commands' ids by name, as far as known (command mentions). */
  knownCommandIds(): Readonly<Record<string, string>> {
    return this.commandIds.all();
  }

  /** Posts a message to a channel (reminders), its actions as buttons; maps Discord's answer to a SendResult. */
  async send(target: ChatRef, message: RichMessage, actions?: readonly Action[]): Promise<SendResult> {
    if (target.platform !== 'discord') return { kind: 'failed', transient: false, reason: `not a Discord chat: ${target.platform}` }; // i18n-exempt: a reason for logs and /readyz
    // @discordjs/rest forgets its token after a 401; set it again so a recovered token is used.
    this.rest.setToken(this.options.token);
    await this.commandIds.load(500);
    return postParts(this.rest, target, renderDiscordMessage(message, actions, this.markdown), {
      posted: () => this.health.succeeded(),
      failed: (index, error, result) => { this.record(result); noteSendFailure(this.burst, target, index, error, result); },
    });
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
    const { applicationId, guildId, apiUrl, services } = this.options;
    return discordDoctor({
      rest: this.control, applicationId, commands: services.commands, mode: this.http ? 'http' : 'gateway', ...(guildId === undefined ? {} : { guildId }), ...(apiUrl === undefined ? {} : { apiUrl }),
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
      // A cheap GET: the gateway's address (in HTTP interactions mode, which has no gateway: the bot's own user).
      const route = this.http ? Routes.user('@me') : Routes.gatewayBot();
      this.health.probe(() => { this.rest.setToken(this.options.token); return this.rest.get(route); }, this.options.probeIntervalMs ?? 15_000);
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
    if (this.http) return this.reachApi();
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
      if (isInvalidToken(error)) return this.refused('the gateway login was refused', error); // i18n-exempt: a reason for logs and /readyz
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
    this.registration = this.commandIds.register(this.control);
    await this.registration;
    return true;
  }

  /** Discord refused the token: not ready, and no retry (true: done trying). */
  private refused(reason: string, error: unknown): true {
    this.health.rejectToken(reason);
    this.options.log.error({ platform: 'discord', error: describeError(error) }, 'Discord rejected the token; not retrying (check DISCORD_TOKEN)');
    return true;
  }

  /** HTTP interactions mode's "login": Discord's API answers for this token (who the bot is), then registration. */
  private async reachApi(): Promise<boolean> {
    try {
      this.control.setToken(this.options.token);
      await this.ownId();
      this.health.succeeded();
    } catch (error: unknown) {
      if (this.stopped) return true;
      if (isInvalidToken(error)) return this.refused('401 Unauthorized from the API', error); // i18n-exempt: a reason for logs and /readyz
      this.options.log.warn({ platform: 'discord', attempt: this.attempts, error: describeError(error) }, 'could not reach Discord\'s API');
      return false;
    }
    this.options.log.info({ platform: 'discord', mode: 'http-interactions', attempt: this.attempts }, 'Discord API reached; taking interactions over HTTP');
    this.registration = this.commandIds.register(this.control);
    await this.registration;
    return true;
  }

  /** The inbound side of both paths. */
  private inboundContext(handler: InvocationHandler): InboundContext {
    const { services, languages, log, deferAfterMs, observe } = this.options;
    return {
      services, handler: this.scheduledEvents.wrap(handler), languages: languages ?? new Dispatcher(services), log, deferAfterMs: deferAfterMs ?? 1500,
      guildOf: guildOfChannel(this.control, () => this.client), markdown: this.markdown, ...(observe ? { observe } : {}),
      checkPosting: (channelId: string) => this.checkPosting({ platform: 'discord', chatId: channelId, kind: 'group' }),
    };
  }

  private createClient(): Client {
    const client = createGatewayClient(this.options.apiUrl, this.options.shards);
    watchGateway(client, this.options.log, this.health);
    // The interaction as the API JSON (the dispatch's `d`), as an HTTP interaction arrives; answered over REST.
    client.on(Events.Raw, (packet: { t?: unknown; d?: unknown }) => {
      if (packet.t !== 'INTERACTION_CREATE' || this.inbound === undefined) return;
      const interaction = interactionOf(packet.d);
      if (interaction !== undefined) void handleInteraction(interaction, restResponder(this.replies, interaction), this.inbound);
    });
    return client;
  }
}

/** Creates the Discord adapter (not yet started). */
export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  return new DiscordAdapter(options);
}
