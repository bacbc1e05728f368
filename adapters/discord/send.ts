/**
 * Outbound without the gateway: the REST client the adapter uses for
 * channel posts (reminders) and command registration, and the mapping of
 * Discord's answers to the scheduler's `SendResult`.
 */
import { REST, Routes, type RateLimitData } from 'discord.js';
import type { SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import { sendResultOf } from './classify.js';
import type { DiscordMessage } from './render.js';

export { FORBIDDEN_CODES, GONE_CODES, describeError, sendResultOf } from './classify.js';

/** `allowed_mentions` that never ping anyone: sent with every message (a fresh object each time). */
export const noMentions = (): { parse: [] } => ({ parse: [] });

/** Options of {@link createDiscordRest}. */
export interface DiscordRestOptions {
  readonly token: string;
  /** REST base, e.g. a proxy or a test fake (`http://127.0.0.1:PORT/api`). */
  readonly apiUrl?: string;
  /**
   * Longest rate-limit wait (ms) the client may sit out by itself; a longer
   * one rejects with a RateLimitError, which `send` reports as `retryAfter`.
   * Default 5000.
   */
  readonly maxRateLimitWaitMs?: number;
  /** Give up one request after this many ms (the POST may still have arrived). Default 10000. */
  readonly timeoutMs?: number;
  /**
   * How often @discordjs/rest itself repeats a request after a 5xx, a reset
   * connection or a timeout. Default 0: a repeated POST after a timeout can
   * post a reminder twice, and the scheduler retries later anyway. Only
   * idempotent callers (registration's PUT, GETs) should raise it.
   */
  readonly retries?: number;
}

/** Default request timeout: well under the scheduler's claim lease (minutes), over Discord's slow answers. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A REST client for the scheduler and for registration. Every request is
 * bounded by `timeoutMs` and, by default, tried once. Short rate-limit
 * waits are queued by @discordjs/rest as usual; longer ones (a 429 with a
 * long `Retry-After`, an exhausted bucket, the global limit) are surfaced
 * instead of being hidden in a queue, so the scheduler can move on and
 * retry later.
 */
export function createDiscordRest(options: DiscordRestOptions): REST {
  const maxWait = options.maxRateLimitWaitMs ?? 5000;
  const rest = new REST({
    ...(options.apiUrl === undefined ? {} : { api: options.apiUrl }),
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: options.retries ?? 0,
    rejectOnRateLimit: (data: RateLimitData) => Math.max(data.retryAfter, data.timeToReset, data.sublimitTimeout) > maxWait,
  });
  return rest.setToken(options.token);
}

/** What the adapter's REST clients are made from. */
export interface AdapterRestOptions {
  readonly token: string;
  readonly apiUrl?: string;
  readonly maxRateLimitWaitMs?: number;
  readonly requestTimeoutMs?: number;
}

/**
 * The adapter's REST clients: `reminders` (each post tried once), `control`
 * (idempotent calls: registration's PUT, look-ups; retried), and `replies`
 * for interaction answers, set up as discord.js's own client sets up its
 * REST (interaction routes need no bot token: the interaction's is in the URL).
 */
export function adapterRests(options: AdapterRestOptions): { reminders: REST; control: REST; replies: REST } {
  const common = {
    token: options.token,
    ...(options.apiUrl === undefined ? {} : { apiUrl: options.apiUrl }),
    ...(options.maxRateLimitWaitMs === undefined ? {} : { maxRateLimitWaitMs: options.maxRateLimitWaitMs }),
    ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
  };
  return {
    reminders: createDiscordRest(common),
    control: createDiscordRest({ ...common, retries: 2 }),
    replies: new REST(options.apiUrl === undefined ? {} : { api: options.apiUrl }),
  };
}

/** Posts one message body to a channel, never pinging anyone. */
export async function postToChannel(rest: REST, channelId: string, message: DiscordMessage): Promise<void> {
  await rest.post(Routes.channelMessages(channelId), {
    body: { ...message, allowed_mentions: noMentions() },
  });
}

/** What the sender hears of each part. */
export interface PartsObserver {
  posted(): void;
  failed(index: number, error: unknown, result: SendResult): void;
}

/**
 * Posts a reminder's parts in order, as the scheduler's outcome. A later
 * part failing after the first went out is reported only when the chat is
 * gone, so a retry does not post the first part twice.
 */
export async function postParts(rest: REST, target: ChatRef, parts: readonly DiscordMessage[], seen: PartsObserver): Promise<SendResult> {
  for (const [index, part] of parts.entries()) {
    try {
      await postToChannel(rest, target.chatId, part);
      seen.posted();
    } catch (error: unknown) {
      const result = sendResultOf(error);
      seen.failed(index, error, result);
      return index === 0 || result.kind === 'gone' ? result : { kind: 'sent' };
    }
  }
  return { kind: 'sent' };
}
