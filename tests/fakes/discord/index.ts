/**
 * A loopback fake of Discord's REST API (v10) and gateway that drives the
 * real discord.js `Client` end to end:
 *
 * ```ts
 * const dc = await startFakeDiscord({ guilds: [{ id: G, name: 'g', channels: [{ id: C, name: 'general' }] }] });
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: dc.restApi } });
 * await client.login(dc.token);
 * const it = dc.slashCommand({ guildId: G, name: 'demands' });
 * const reply = await it.waitForResponse();
 * ```
 *
 * Built from Discord's documented behaviour with node:http and ws only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeState, type RegisteredCommand } from './state.js';
import { FakeGateway } from './gateway.js';
import { RestServer } from './rest.js';
import { channelRoutes } from './routes-channels.js';
import { FakeScheduledEvents } from './routes-scheduled-events.js';
import { interactionCallbacks, interactionRoutes } from './routes-interactions.js';
import { ApplicationKeys, HttpInteractions, type EndpointCheck, type SignedHeaders } from './http-interactions.js';
import { toFault } from './ratelimit.js';
import { pressOn, pressablesOf, type PressInput, type Pressable } from './components.js';
import {
  InteractionDriver,
  type AutocompleteInput,
  type ComponentInput,
  type InteractionHandle,
  type SlashCommandInput,
} from './interactions.js';
import type {
  CommandRegistration,
  Fault,
  FaultName,
  FakeDiscordOptions,
  GatewayStats,
  InteractionResponseRecord,
  MessageRecord,
  RequestRecord,
  WaitOptions,
} from './types.js';

export * from './types.js';
export type { AutocompleteInput, CommandOptionInput, ComponentInput, InteractionHandle, InvocationInput, SlashCommandInput } from './interactions.js';
export { DEFAULT_USER } from './interactions.js';
export { pressablesOf, type PressInput, type Pressable } from './components.js';
export type { RegisteredCommand } from './state.js';
export type { FakeScheduledEvents } from './routes-scheduled-events.js';
export { EventStatus, type ScheduledEventState } from './scheduled-events.js';
export type { EndpointCheck, SignedHeaders } from './http-interactions.js';

/** A running fake. */
export interface FakeDiscord {
  /** Value for discord.js `rest.api` (`http://127.0.0.1:PORT/api`; the client appends `/v10/...`). */
  readonly restApi: string;
  /** The gateway URL `GET /gateway/bot` hands out. */
  readonly gatewayUrl: string;
  readonly port: number;
  readonly token: string;
  readonly applicationId: string;
  /** Every bulk overwrite (`PUT …/commands`), in order, including rejected ones. */
  readonly commandRegistrations: readonly CommandRegistration[];
  /** Every REST request, in order. */
  readonly requests: readonly RequestRecord[];
  /** The application's Ed25519 public key, hex (the Developer Portal's "Public Key"): `DISCORD_PUBLIC_KEY`. */
  readonly publicKey: string;
  /**
   * Save an Interactions Endpoint URL, checked as Discord checks it (a signed
   * PING must get `{type: 1}`, a badly signed request 401). Once saved,
   * interactions are POSTed there instead of going over the gateway.
   */
  setInteractionsEndpoint(url: string): Promise<EndpointCheck>;
  /** Requests sent to the interactions endpoint so far (the URL checks too): interaction type and the status answered. */
  readonly endpointRequests: readonly { readonly type: number; readonly status: number }[];
  /** Signing headers for a body, as Discord would send them (`timestamp` in unix seconds, default now). */
  signInteraction(body: string, timestamp?: string): SignedHeaders;
  /** Commands currently registered (global, or for one guild). */
  commands(guildId?: string): RegisteredCommand[];
  /** Dispatch a slash command; the returned handle collects its answers. */
  slashCommand(input: SlashCommandInput): InteractionHandle;
  /** Dispatch an autocomplete interaction. */
  autocomplete(input: AutocompleteInput): InteractionHandle;
  /** Dispatch a component press on a message the fake knows (any custom id: stale buttons too). */
  pressButton(input: ComponentInput): InteractionHandle;
  /** The buttons and select options shown under a message, in reading order. */
  pressables(messageId: string): Pressable[];
  /**
   * Press a button or choose a select option shown under a message (by label,
   * or as listed by `pressables`), as a person would: throws when there is no
   * such component or it is disabled.
   */
  press(messageId: string, target: Pressable | string, who?: PressInput): InteractionHandle;
  /** Answers to an interaction so far. */
  interactionResponses(interactionId: string): InteractionResponseRecord[];
  /** Current, not deleted messages of a channel (channel posts and interaction messages), oldest first. */
  channelMessages(channelId: string): MessageRecord[];
  /** One message by id (deleted ones too). */
  message(id: string): MessageRecord | undefined;
  /** Forget a channel: later requests to it get 404 Unknown Channel (10003). */
  removeChannel(channelId: string): void;
  /**
   * Fail the next `times` (default 1) requests matching `route`, e.g.
   * `'POST /channels/:id/messages'`, `'* /interactions/:id/:token/callback'`.
   */
  failNext(route: string, fault: Fault | FaultName, times?: number): void;
  /** Change the per-bucket rate limit. */
  setRateLimit(config: { limit: number; windowMs: number }): void;
  gatewayStats(): GatewayStats;
  /** Cut every gateway socket (default: no close frame, so the client resumes). */
  dropGateway(options?: { code?: number; resumable?: boolean }): void;
  /** Send op 7 RECONNECT to every gateway socket. */
  requestReconnect(): void;
  /** Answer heartbeats (op 11) or not. */
  setHeartbeatAcks(on: boolean): void;
  /** Stop listening (REST and gateway refuse connections) or listen again on the same port. */
  setDown(down: boolean): Promise<void>;
  /** Resolve with the first truthy value of `probe`, re-checked whenever the fake's state changes. */
  waitFor<T>(probe: () => T | undefined | null | false, options?: WaitOptions): Promise<T>;
  /** The first message in a channel matching `predicate` (default: any). */
  waitForMessage(channelId: string, predicate?: (m: MessageRecord) => boolean, options?: WaitOptions): Promise<MessageRecord>;
  /** Resolve once a gateway session is connected (identified or resumed). */
  waitForGateway(options?: WaitOptions): Promise<void>;
  /** The guilds' scheduled events (`/guilds/:id/scheduled-events`) and the clock their statuses follow. */
  readonly scheduledEvents: FakeScheduledEvents;
  /** Give the bot a role with these guild-level permissions (decimal bitfield), replacing the one given before. */
  setBotPermissions(guildId: string, permissions: string): void;
  close(): Promise<void>;
}

/** Start the fake on an ephemeral loopback port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const state = new FakeState(
    options.token ?? 'MTAwMDAwMDAwMDAwMDAwMDAx.fake.discord-token',
    options.applicationId ?? '100000000000000001',
    options.botUsername ?? 'placard-test',
  );
  for (const guild of options.guilds ?? []) state.addGuild(guild);
  let port = 0;
  const gatewayUrl = (): string => `ws://127.0.0.1:${port}/gateway`;
  const gateway = new FakeGateway(state, {
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    privilegedIntents: options.privilegedIntents ?? false,
    applicationFlags: options.applicationFlags ?? 0,
    resumeUrl: () => `ws://127.0.0.1:${port}/gateway-resume`,
  });
  const timing = { state, interactionTimeoutMs: options.interactionTimeoutMs ?? 3000, tokenLifetimeMs: options.tokenLifetimeMs ?? 15 * 60_000 };
  const callbacks = interactionCallbacks(timing);
  const keys = new ApplicationKeys();
  const http = new HttpInteractions(state, keys, callbacks, timing.interactionTimeoutMs);
  const scheduledEvents = new FakeScheduledEvents(state);
  const rest = new RestServer(
    state,
    [
      ...channelRoutes({
        state, gatewayUrl, applicationFlags: options.applicationFlags ?? 0,
        ...(options.recommendedShards === undefined ? {} : { recommendedShards: options.recommendedShards }),
        ...(options.maxConcurrency === undefined ? {} : { maxConcurrency: options.maxConcurrency }),
        publicKey: keys.publicKeyHex, interactionsEndpoint: () => http.url,
      }),
      ...interactionRoutes(timing, callbacks),
      ...scheduledEvents.routes(),
    ],
    options.rateLimit ?? { limit: 50, windowMs: 1000 },
  );
  const driver = new InteractionDriver(state, gateway, http);
  const server: Server = createServer(rest.handle);
  server.on('upgrade', gateway.handleUpgrade);
  let listening = false;

  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        listening = true;
        resolve();
      });
    });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      gateway.drop();
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
      server.closeAllConnections();
    });
  await listen();

  return {
    restApi: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    port,
    token: state.token,
    applicationId: state.applicationId,
    commandRegistrations: state.registrations,
    requests: state.requests,
    publicKey: keys.publicKeyHex,
    setInteractionsEndpoint: (url) => http.setEndpoint(url),
    endpointRequests: http.sent,
    signInteraction: (body, timestamp) => keys.sign(body, timestamp),
    commands: (guildId) => [...state.commandsFor(guildId ?? null)],
    slashCommand: (input) => driver.slashCommand(input),
    autocomplete: (input) => driver.autocomplete(input),
    pressButton: (input) => driver.pressButton(input),
    pressables: (messageId) => pressablesOf(state.messages.get(messageId)?.components ?? []),
    press: (messageId, target, who) => pressOn(state, driver, messageId, target, who),
    interactionResponses: (id) => [...(state.interactions.get(id)?.responses ?? [])],
    channelMessages: (channelId) =>
      [...state.messages.values()].filter((m) => m.channelId === channelId && !m.deleted),
    message: (id) => state.messages.get(id),
    removeChannel: (channelId) => {
      const channel = state.channels.get(channelId);
      state.channels.delete(channelId);
      const guild = channel?.guildId ? state.guilds.get(channel.guildId) : undefined;
      if (guild) guild.channelIds = guild.channelIds.filter((id) => id !== channelId);
    },
    failNext: (route, fault, times = 1) => rest.faults.add(route, toFault(fault), times),
    setRateLimit: (config) => {
      rest.limiter.config = config;
    },
    gatewayStats: () => ({ ...gateway.stats, closeCodes: [...gateway.stats.closeCodes], urls: [...gateway.stats.urls] }),
    dropGateway: (dropOptions) => gateway.drop(dropOptions),
    requestReconnect: () => gateway.requestReconnect(),
    setHeartbeatAcks: (on) => {
      gateway.ackHeartbeats = on;
    },
    setDown: async (down) => {
      if (down) await stop();
      else if (!listening) await listen();
    },
    waitFor: (probe, waitOptions) => state.waitFor(probe, waitOptions),
    waitForMessage: (channelId, predicate = () => true, waitOptions) =>
      state.waitFor(
        () => [...state.messages.values()].find((m) => m.channelId === channelId && !m.deleted && predicate(m)),
        { what: `a message in channel ${channelId}`, ...waitOptions },
      ),
    waitForGateway: async (waitOptions) => {
      await state.waitFor(() => gateway.ready, { what: 'a connected gateway session', ...waitOptions });
    },
    scheduledEvents,
    setBotPermissions: (guildId, permissions) => scheduledEvents.setBotPermissions(guildId, permissions),
    close: async () => {
      await stop();
      gateway.close();
      state.events.removeAllListeners();
    },
  };
}
