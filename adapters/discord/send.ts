/**
 * Outbound without the gateway: the REST client the adapter uses for
 * channel posts (reminders) and command registration, and the mapping of
 * Discord's answers to the scheduler's `SendResult`.
 */
import { DiscordAPIError, HTTPError, RateLimitError, REST, Routes, type RateLimitData } from 'discord.js';
import type { SendResult } from '../../src/adapter.js';
import type { DiscordMessage } from './render.js';

/** `allowed_mentions` that never ping anyone: sent with every message (a fresh object each time). */
export const noMentions = (): { parse: [] } => ({ parse: [] });

/**
 * Discord error codes that mean "this channel is gone for us": Unknown
 * Channel, Unknown Guild, Missing Access, Missing Permissions, Cannot send
 * messages to this user. (10008 Unknown Message is not one: a post to a
 * channel never refers to a message, and it says nothing about the channel.)
 */
export const GONE_CODES: ReadonlySet<number> = new Set([10003, 10004, 50001, 50013, 50007]);

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
}

/**
 * A REST client for the scheduler and for registration. Short rate-limit
 * waits are queued by @discordjs/rest as usual; longer ones (a 429 with a
 * long `Retry-After`, an exhausted bucket) are surfaced instead of being
 * hidden in a queue, so the scheduler can move on and retry later.
 */
export function createDiscordRest(options: DiscordRestOptions): REST {
  const maxWait = options.maxRateLimitWaitMs ?? 5000;
  const rest = new REST({
    ...(options.apiUrl === undefined ? {} : { api: options.apiUrl }),
    rejectOnRateLimit: (data: RateLimitData) => Math.max(data.retryAfter, data.timeToReset, data.sublimitTimeout) > maxWait,
  });
  return rest.setToken(options.token);
}

/** Discord's own message of an API error, first line only. */
const apiMessage = (error: DiscordAPIError): string => (error.message.split('\n')[0] ?? '').slice(0, 120);

/** A short description of a failure for logs: no URL (interaction URLs carry tokens), no request body (user text). */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) return { name: 'DiscordAPIError', status: error.status, code: error.code, message: apiMessage(error) };
  if (error instanceof HTTPError) return { name: 'HTTPError', status: error.status };
  if (error instanceof RateLimitError) return { name: 'RateLimitError', retryAfterMs: Math.round(error.retryAfter), global: error.global };
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    return { name: error.name, message: error.message.slice(0, 200), ...(typeof cause?.code === 'string' ? { cause: cause.code } : {}) };
  }
  return { name: typeof error };
}

/** Maps an error from posting to a channel to the scheduler's outcome. */
export function sendResultOf(error: unknown): SendResult {
  if (error instanceof RateLimitError) return { kind: 'retryAfter', ms: Math.max(1, Math.ceil(error.retryAfter)) };
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : 0;
    const reason = `${error.status} ${code} ${apiMessage(error)}`.slice(0, 200);
    if (GONE_CODES.has(code)) return { kind: 'gone', reason };
    // A 403/404 that Discord explains (a non-zero code) is about the channel; a bare 404 is more
    // likely a wrong API URL or proxy, which must not unsubscribe every chat.
    if ((error.status === 403 || error.status === 404) && code !== 0) return { kind: 'gone', reason };
    if (error.status === 429) return { kind: 'retryAfter', ms: 1000 };
    return { kind: 'failed', transient: error.status >= 500 || error.status === 408, reason };
  }
  if (error instanceof HTTPError) {
    return { kind: 'failed', transient: error.status >= 500 || error.status === 408 || error.status === 429, reason: `${error.status}` };
  }
  // Network errors, timeouts, a missing token after a 401: nothing says the chat is gone.
  const reason = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'unknown error';
  return { kind: 'failed', transient: true, reason };
}

/** Posts one message body to a channel, never pinging anyone. */
export async function postToChannel(rest: REST, channelId: string, message: DiscordMessage): Promise<void> {
  await rest.post(Routes.channelMessages(channelId), {
    body: { ...message, allowed_mentions: noMentions() },
  });
}
