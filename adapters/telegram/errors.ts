/**
 * Telegram errors → SendResult, and what a log line may say about them.
 *
 * grammY raises GrammyError when the Bot API answered (error_code,
 * description, parameters) and HttpError when it did not: `error` then holds
 * what failed underneath — node-fetch's FetchError (`type: 'system'` with a
 * `code` such as ECONNREFUSED, or `type: 'invalid-json'` when something that
 * is not the Bot API answered, e.g. a proxy's HTML error page), or grammY's
 * own `Error("Request to 'm' timed out after N seconds")` from
 * `client.timeoutSeconds`.
 *
 * i18n-exempt-file: failure reasons for logs, metrics and the ledger, never shown to a chat.
 */
import { GrammyError, HttpError } from 'grammy';
import type { SendResult } from '../../src/adapter.js';

/**
 * The chat is gone for the bot: it was removed or blocked, the user deleted
 * their account, the chat was deleted. Telegram's words (403 and 400):
 * "bot was kicked from the group chat", "bot was blocked by the user",
 * "user is deactivated", "bot is not a member of the channel chat",
 * "chat not found" (deleted, or the bot lost access to a private
 * supergroup/channel), "group chat was deactivated" (a deleted basic group;
 * a migrated one carries `migrate_to_chat_id` and is handled first),
 * "CHANNEL_PRIVATE" (the bot was banned from a private channel), "bot can't
 * initiate conversation with a user" (the user never started, or reset, the bot).
 */
const GONE = /bot was kicked|bot was blocked|user is deactivated|bot is not a member|chat not found|group chat was deactivated|CHANNEL_PRIVATE|channel is private|can't initiate conversation|bot can't send messages to bots/i;

/**
 * The bot is still in the chat but may not post there now: its rights were
 * taken or never given. The subscription must survive these, so an admin can
 * fix the rights: "have no rights to send a message", "need administrator
 * rights in the channel chat", "not enough rights to send text messages to
 * the chat", CHAT_WRITE_FORBIDDEN, CHAT_RESTRICTED, CHAT_SEND_PLAIN_FORBIDDEN,
 * CHAT_ADMIN_REQUIRED, TOPIC_CLOSED.
 */
const FORBIDDEN = /no rights to send|need administrator rights|not enough rights|CHAT_WRITE_FORBIDDEN|CHAT_RESTRICTED|CHAT_SEND_\w+_FORBIDDEN|CHAT_ADMIN_REQUIRED|TOPIC_CLOSED/i;

/** Errors of a connection that never reached the server: nothing was sent, the API root does not answer. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ERR_INVALID_URL']);

/** What an HttpError says went wrong underneath, in one word a log line and a reason can carry. */
export function networkCause(error: HttpError): string {
  const inner: unknown = error.error;
  if (inner instanceof Error) {
    if (/timed out after/.test(inner.message)) return 'timeout';
    const { code, type } = inner as Error & { code?: unknown; type?: unknown };
    if (typeof code === 'string') return code;
    if (type === 'invalid-json') return 'not-bot-api';
    if (typeof type === 'string') return type;
    return inner.name;
  }
  return 'unknown';
}

/** Classifies a failed Bot API call (a reminder's sendMessage, or a reply's). */
export function classifyTelegramError(error: unknown): SendResult {
  if (error instanceof GrammyError) return classifyApiError(error);
  if (error instanceof HttpError) return classifyNetworkError(networkCause(error));
  return { kind: 'failed', transient: false, reason: error instanceof Error ? error.name : 'unknown error' };
}

function classifyApiError(error: GrammyError): SendResult {
  const p = error.parameters;
  const code = error.error_code;
  const reason = `${code} ${error.description}`;
  if (p?.migrate_to_chat_id !== undefined) return { kind: 'migrated', newChatId: String(p.migrate_to_chat_id) };
  // Telegram's flood wait is the bot's, not the chat's: sending on to other chats only extends it.
  if (code === 429) return { kind: 'retryAfter', ms: Math.max(1, p?.retry_after ?? 1) * 1000, scope: 'bot' };
  // 401: the token was rejected (rotated, or a proxy in between). 404: the Bot API never answers
  // a chat's problem with 404; it means a malformed token or an API root that is not the Bot API.
  if (code === 401) return { kind: 'paused', reason: 'Telegram rejected the bot token (401)' };
  if (code === 404) return { kind: 'paused', reason: 'the Bot API answered 404 Not Found: check TELEGRAM_API_ROOT and the token' };
  if (FORBIDDEN.test(error.description)) return { kind: 'forbidden', reason: error.description };
  if ((code === 400 || code === 403) && GONE.test(error.description)) return { kind: 'gone', reason: error.description };
  // Any other 403 is a refusal we do not know: keep the subscription (an admin is told) rather than delete it.
  if (code === 403) return { kind: 'forbidden', reason: error.description };
  if (code >= 500) return { kind: 'failed', transient: true, reason };
  return { kind: 'failed', transient: false, reason };
}

function classifyNetworkError(cause: string): SendResult {
  if (cause === 'timeout') return { kind: 'failed', transient: true, ambiguous: true, reason: 'request timed out' };
  if (UNREACHABLE.has(cause)) return { kind: 'paused', reason: `the Bot API does not answer (${cause})` };
  // Something other than the Bot API answered (an HTML error page): Telegram's own front end
  // answers a passing 502 this way, so it is a transient failure, not a pause that would hold
  // every chat for a minute. A wrong API root answering HTML is never final either: it is retried
  // each tick, and three in a row make the adapter not ready with this reason.
  if (cause === 'not-bot-api') return { kind: 'failed', transient: true, reason: 'the API root answered something that is not the Bot API (an HTML page)' };
  // The connection broke after the request went out (reset, hang-up): Telegram may have taken it.
  return { kind: 'failed', transient: true, ambiguous: true, reason: `network error (${cause})` };
}

/** What a log line may say about a failure: codes, never payloads (they may quote what someone typed, or a chat id). */
export function describeTelegramError(e: unknown): Record<string, unknown> {
  if (e instanceof GrammyError) return { code: e.error_code, description: e.description, method: e.method };
  if (e instanceof HttpError) return { error: 'network', cause: networkCause(e) };
  return { error: e instanceof Error ? e.message : String(e) };
}

/**
 * A failed call that says the Bot API itself is in trouble (counted for
 * readiness, logged), as a short cause: 'ECONNREFUSED', 'timeout', '502', '401'.
 * Undefined for Telegram's answers about one chat (400, 403, 429, 409).
 * Takes what a grammY transformer sees: a thrown HttpError, or an API answer
 * with `ok: false` (grammY turns those into GrammyError only after the transformers).
 */
export function platformFailure(outcome: unknown): string | undefined {
  if (outcome instanceof HttpError) return networkCause(outcome);
  const code = outcome instanceof GrammyError ? outcome.error_code : errorCodeOf(outcome);
  if (code === undefined) return undefined;
  return code === 401 || code === 404 || code >= 500 ? String(code) : undefined;
}

function errorCodeOf(answer: unknown): number | undefined {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer) || answer.ok !== false) return undefined;
  return 'error_code' in answer && typeof answer.error_code === 'number' ? answer.error_code : undefined;
}
