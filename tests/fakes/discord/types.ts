/**
 * Public types of the loopback Discord fake (REST v10 + gateway).
 *
 * Everything here describes what a test passes in or reads back; the wire
 * objects the fake sends to discord.js are built in `objects.ts`.
 */

/** A channel of a fake guild. `type` follows Discord's channel types (0 = GUILD_TEXT, the default). */
export interface FakeChannelInit {
  id: string;
  name: string;
  type?: number;
  /** Permission overwrites of the channel, as Discord sends them (`type` 0 role, 1 member). Default none. */
  overwrites?: FakeOverwrite[];
}

/** One permission overwrite of a channel (allow/deny as decimal bitfields). */
export interface FakeOverwrite {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}

/** A role of a fake guild besides @everyone. */
export interface FakeRoleInit {
  id: string;
  name: string;
  /** Permission bitfield (decimal string). */
  permissions: string;
}

/** A guild the fake bot is a member of; announced as unavailable in READY, then by GUILD_CREATE. */
export interface FakeGuildInit {
  id: string;
  name: string;
  ownerId?: string;
  channels?: FakeChannelInit[];
  /** Guild `preferred_locale`, also sent as `guild_locale` on interactions. Default `en-US`. */
  locale?: string;
  /** Permission bitfield (decimal string) of the @everyone role. Default {@link DEFAULT_MEMBER_PERMISSIONS}. */
  everyonePermissions?: string;
  /** Roles besides @everyone. Default none. */
  roles?: FakeRoleInit[];
  /** Ids of the roles the bot's member has (besides @everyone). Default none. */
  botRoleIds?: string[];
}

/** Options of {@link startFakeDiscord}. Every field has a sensible default. */
export interface FakeDiscordOptions {
  /** Bot token the REST `Authorization: Bot …` header and IDENTIFY must carry. */
  token?: string;
  /** Application id; also the bot user's id, as on Discord. */
  applicationId?: string;
  /** Bot user name in READY. */
  botUsername?: string;
  /** Application flags sent in READY (`application.flags`). Default 0. */
  applicationFlags?: number;
  guilds?: FakeGuildInit[];
  /** Time allowed for the initial interaction callback. Default 3000 ms, as on Discord. */
  interactionTimeoutMs?: number;
  /** How long an interaction token works for follow-ups and edits. Default 15 minutes. */
  tokenLifetimeMs?: number;
  /** `heartbeat_interval` sent in HELLO. Default 41250 ms. */
  heartbeatIntervalMs?: number;
  /** Per-bucket rate limit, announced in `X-RateLimit-*` headers and enforced with 429. Default 50 per 1000 ms. */
  rateLimit?: { limit: number; windowMs: number };
  /** `shards` that `GET /gateway/bot` recommends (what discord.js's `shards: 'auto'` runs). Default 1. */
  recommendedShards?: number;
  /** `session_start_limit.max_concurrency` of `GET /gateway/bot`: shards that may IDENTIFY together (discord.js waits 5 s between buckets). Default 1. */
  maxConcurrency?: number;
  /** Accept privileged intents (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT). Default false: IDENTIFY with them closes 4014. */
  privilegedIntents?: boolean;
}

/** A user invoking an interaction. */
export interface FakeUser {
  id: string;
  username: string;
  globalName?: string;
}

/**
 * A fault to inject on the next matching REST request(s), see `FakeDiscord.failNext`.
 * - `rateLimit`: 429 with `retry_after` body, `Retry-After` header (seconds, fractional) and `X-RateLimit-*`.
 * - `missingAccess` 403/50001, `missingPermissions` 403/50013, `unknownChannel` 404/10003.
 * - `serverError` 500 (or `status`), `badGateway` 502 — @discordjs/rest retries 5xx up to 3 times.
 * - `drop`: the socket is closed without a response (undici: "other side closed", not retried).
 * - `reset`: the socket is reset (ECONNRESET, which @discordjs/rest retries).
 * - `error`: any status/code/message.
 * - `hang`: the request is read but never answered (until the fake closes): a hung API.
 */
export type Fault =
  | { kind: 'rateLimit'; retryAfterMs?: number; global?: boolean; scope?: 'user' | 'shared' | 'global' }
  | { kind: 'missingAccess' }
  | { kind: 'missingPermissions' }
  | { kind: 'unknownChannel' }
  | { kind: 'serverError'; status?: number }
  | { kind: 'badGateway' }
  | { kind: 'drop' }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'error'; status: number; code: number; message: string };

/** Shorthand fault names accepted by `failNext`. */
export type FaultName = Exclude<Fault['kind'], 'error'>;

/** One REST request as the fake saw it. */
export interface RequestRecord {
  method: string;
  /** Path after `/api/v10`, without the query. */
  path: string;
  /** Matched route template, e.g. `/channels/:channel/messages`, or null when unknown. */
  route: string | null;
  query: string;
  status: number;
  /** Discord error code when the answer was an error with a body. */
  code?: number;
  fault?: Fault['kind'];
  at: number;
}

/** Attachment uploaded with a multipart message. */
export interface AttachmentRecord {
  field: string;
  filename: string;
  size: number;
}

/** A message as the fake stores it (current state; edits update it in place). */
export interface MessageRecord {
  id: string;
  channelId: string;
  guildId: string | null;
  source: 'channel' | 'interaction' | 'followup';
  interactionId?: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  ephemeral: boolean;
  /** `allowed_mentions` exactly as last sent (undefined when the request had none). */
  allowedMentions: unknown;
  attachments: AttachmentRecord[];
  /** True while a deferred reply has not been edited yet. */
  loading: boolean;
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
}

/** One answer to an interaction: the callback, a follow-up, an edit or a delete, in arrival order. */
export interface InteractionResponseRecord {
  interactionId: string;
  kind: 'callback' | 'followup' | 'edit' | 'delete';
  /** Interaction callback type (4, 5, 6, 7, 8, 9) for `callback`. */
  callbackType?: number;
  /** The message created or targeted, when there is one. */
  messageId?: string;
  /** HTTP status the fake answered with; `ok` is true for 2xx. */
  status: number;
  ok: boolean;
  error?: { code: number; message: string };
  /** Milliseconds since the interaction was dispatched. */
  elapsedMs: number;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  flags: number;
  ephemeral: boolean;
  allowedMentions: unknown;
  /** Autocomplete choices (callback type 8). */
  choices?: unknown[];
  /** `http-response`: the callback was the body of the bot's answer to an HTTP interaction (not `POST …/callback`). */
  via?: 'http-response';
  /** Raw request body (JSON, or `payload_json` of a multipart body). */
  body: unknown;
}

/** One bulk overwrite of application commands (`PUT …/commands`). */
export interface CommandRegistration {
  scope: 'global' | 'guild';
  guildId: string | null;
  body: unknown;
  status: number;
  at: number;
}

/** Gateway counters, for waiting on reconnects. */
export interface GatewayStats {
  connections: number;
  identifies: number;
  resumes: number;
  heartbeats: number;
  /** Close codes of closed gateway sockets, in order (1006 = cut without a close frame). */
  closeCodes: number[];
  /** Sockets currently open. */
  open: number;
  /** Path and query of every gateway connection, e.g. `/gateway?v=10&encoding=json`; resumes use `/gateway-resume`. */
  urls: string[];
}

/** Options of `FakeDiscord.waitFor` and the handle helpers. */
export interface WaitOptions {
  timeoutMs?: number;
  /** Shown in the timeout error. */
  what?: string;
}

/** @everyone permissions by default: view, send, embed, attach, history, reactions, use application commands. */
export const DEFAULT_MEMBER_PERMISSIONS = String(
  (1n << 6n) | (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 31n),
);

/** ADMINISTRATOR (1 << 3) plus the defaults: what a guild admin's `member.permissions` looks like. */
export const ADMIN_PERMISSIONS = String(BigInt(DEFAULT_MEMBER_PERMISSIONS) | (1n << 3n) | (1n << 5n));
