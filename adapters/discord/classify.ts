/**
 * What Discord's answer to a channel post means for a reminder: the mapping
 * of @discordjs/rest's errors to the scheduler's `SendResult`, and their
 * short descriptions for logs.
 *
 * What @discordjs/rest throws (2.x, with `retries: 0`):
 * - `DiscordAPIError` for a 4xx with a body (`code` is Discord's error code, 0 or absent when
 *   the body is not Discord's, e.g. a proxy's 404 page);
 * - `HTTPError` for a 5xx;
 * - `RateLimitError` when `rejectOnRateLimit` says a wait is too long (`global` for the bot-wide limit);
 * - a `DOMException` named `AbortError` when the request `timeout` fired (the POST may have arrived);
 * - undici's errors with a `code` for the network: `ECONNREFUSED`, `ENOTFOUND`… (nothing was sent)
 *   or `UND_ERR_SOCKET`, `ECONNRESET` (the connection broke after the request went out);
 * - a plain Error "Expected token to be set…" after a 401, because the client then forgets its token.
 *
 * i18n-exempt-file: failure reasons for logs, metrics and the ledger, never shown to a chat.
 */
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { SendResult } from '../../src/adapter.js';

/**
 * Discord error codes that mean "this channel is gone for us": Unknown
 * Channel, Unknown Guild, Cannot send messages to this user. (10008 Unknown
 * Message is not one: a post never refers to a message.)
 */
export const GONE_CODES: ReadonlySet<number> = new Set([10003, 10004, 50007]);

/**
 * Codes that mean "the bot may not post there now": Missing Access, Missing
 * Permissions. An admin can fix these, so the subscription is kept.
 */
export const FORBIDDEN_CODES: ReadonlySet<number> = new Set([50001, 50013]);

/** Network error codes where the request never reached an API that answers: nothing was posted. */
const UNREACHABLE: ReadonlySet<string> = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT',
]);

/** Network error codes where the connection broke after the request went out: it may have been posted. */
const BROKEN: ReadonlySet<string> = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

/** Discord's own message of an API error, first line only. */
const apiMessage = (error: DiscordAPIError): string => (error.message.split('\n')[0] ?? '').slice(0, 120);

/** The string `code` of a network error, or of its `cause` (fetch wraps them). */
export function networkCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

/** True for the timeout of @discordjs/rest (its AbortController fired): the request may have arrived. */
export const isTimeout = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';

/** A short description of a failure for logs: no URL (interaction URLs carry tokens), no request body (user text). */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) return { name: 'DiscordAPIError', status: error.status, code: error.code, message: apiMessage(error) };
  if (error instanceof HTTPError) return { name: 'HTTPError', status: error.status };
  if (error instanceof RateLimitError) return { name: 'RateLimitError', retryAfterMs: Math.round(error.retryAfter), global: error.global };
  if (error instanceof Error) {
    const code = networkCode(error);
    return { name: error.name, message: error.message.slice(0, 200), ...(code === undefined ? {} : { cause: code }) };
  }
  return { name: typeof error };
}

function fromApiError(error: DiscordAPIError): SendResult {
  const code = typeof error.code === 'number' ? error.code : 0;
  const reason = `${error.status} ${code} ${apiMessage(error)}`.slice(0, 200);
  if (GONE_CODES.has(code)) return { kind: 'gone', reason };
  if (FORBIDDEN_CODES.has(code)) return { kind: 'forbidden', reason };
  // 401 is the token (rotated, revoked): the whole bot, not this channel.
  if (error.status === 401) return { kind: 'paused', reason: `401 Unauthorized: Discord rejected the token` };
  if (error.status === 403 || error.status === 404) {
    // No Discord code: not Discord talking (a wrong DISCORD_API_URL, a proxy, a ban page) —
    // configuration, never a reason to drop every chat.
    if (code === 0) return { kind: 'paused', reason: `${error.status} without a Discord error code (check DISCORD_API_URL)` };
    // A code we do not know (a locked or archived thread, a paused server…): Discord refused
    // this channel for a reason an admin can see. `gone` would delete the subscription on a
    // guess; `forbidden` keeps it, tells the admins and tries again next time.
    return { kind: 'forbidden', reason };
  }
  if (error.status === 429) return { kind: 'retryAfter', ms: 1000, scope: 'chat' };
  return { kind: 'failed', transient: error.status === 408, reason };
}

/** Maps an error from posting to a channel to the scheduler's outcome. */
export function sendResultOf(error: unknown): SendResult {
  if (error instanceof RateLimitError) {
    return { kind: 'retryAfter', ms: Math.max(1, Math.ceil(error.retryAfter)), scope: error.global ? 'bot' : 'chat' };
  }
  if (error instanceof DiscordAPIError) return fromApiError(error);
  if (error instanceof HTTPError) {
    return { kind: 'failed', transient: error.status >= 500 || error.status === 408 || error.status === 429, reason: `${error.status} from Discord` };
  }
  if (isTimeout(error)) return { kind: 'failed', transient: true, ambiguous: true, reason: 'no answer from Discord within the request timeout' };
  const code = networkCode(error);
  if (code !== undefined && UNREACHABLE.has(code)) return { kind: 'paused', reason: `Discord's API does not answer (${code})` };
  if (code !== undefined && BROKEN.has(code)) {
    return { kind: 'failed', transient: true, ambiguous: true, reason: `the connection broke after the request was sent (${code})` };
  }
  if (error instanceof Error && /Expected token to be set/.test(error.message)) {
    // @discordjs/rest drops its token after a 401; the adapter sets it again before each post.
    return { kind: 'paused', reason: 'no token: Discord rejected it earlier' };
  }
  const reason = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'unknown error';
  return { kind: 'failed', transient: true, reason };
}

/** Results that say Discord's API itself is failing (for readiness), as opposed to one channel's answer. */
export const isApiFailure = (result: SendResult): boolean =>
  result.kind === 'paused' || (result.kind === 'failed' && result.transient);
