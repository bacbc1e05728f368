/**
 * Matrix failures → SendResult, readiness causes and log fields.
 *
 * Error codes are the spec's (client-server API, "Standard error response"
 * and "Rate limiting"): 429 `M_LIMIT_EXCEEDED` with `retry_after_ms` or a
 * `Retry-After` header; 401 `M_UNKNOWN_TOKEN` / `M_MISSING_TOKEN`; 403
 * `M_FORBIDDEN` for both "not in the room" and "power level too low" (which
 * one is told apart by asking for the bot's membership, see send.ts); 404
 * `M_UNRECOGNIZED` when the endpoint does not exist (a wrong
 * `MATRIX_HOMESERVER_URL`).
 */
import type { SendResult } from '../../src/adapter.js';
import { MatrixApiError, MatrixNetworkError } from './client.js';

/** Connections that never reached the homeserver: nothing was sent; the URL is wrong or the server is down. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ERR_INVALID_URL']);

/** Synapse's and Conduit's words for a sender that is not (or no longer) in the room. */
const NOT_IN_ROOM = /not in (the )?room|not (a )?member|not joined|are not in|is banned|been banned/i;

/** The wait a 429 asks for; a second when the homeserver names none. */
export const retryAfterOf = (e: MatrixApiError): number => Math.max(1, e.retryAfterMs ?? 1000);

/** True for a rejected access token (rotated, logged out, deactivated bot). */
export const isTokenRejected = (e: unknown): boolean =>
  e instanceof MatrixApiError && (e.status === 401 || e.errcode === 'M_UNKNOWN_TOKEN' || e.errcode === 'M_MISSING_TOKEN');

/** What a 403 from `send` says without asking: `gone` when its words say the bot is not in the room. */
export function forbiddenHint(e: MatrixApiError): 'gone' | 'unknown' {
  return NOT_IN_ROOM.test(e.description) ? 'gone' : 'unknown';
}

/**
 * Classifies a failed send. A 403 comes back as `forbidden`; send.ts turns
 * it into `gone` when the bot's membership says it was kicked, banned or left.
 */
export function classifyMatrixError(e: unknown): SendResult {
  if (e instanceof MatrixNetworkError) {
    if (e.cause === 'timeout') return { kind: 'failed', transient: true, ambiguous: true, reason: 'request timed out (a retry reuses its transaction id)' };
    if (UNREACHABLE.has(e.cause)) return { kind: 'paused', reason: `the homeserver does not answer (${e.cause})` };
    return { kind: 'failed', transient: true, ambiguous: true, reason: `network error (${e.cause})` };
  }
  if (!(e instanceof MatrixApiError)) return { kind: 'failed', transient: false, reason: e instanceof Error ? e.name : 'unknown error' };
  const code = e.errcode ?? 'not the Matrix API';
  // Synapse's rc_message limits the bot's account as a whole, not one room (per_second 0.2, burst_count 10 by default).
  if (e.status === 429 || e.errcode === 'M_LIMIT_EXCEEDED') return { kind: 'retryAfter', ms: retryAfterOf(e), scope: 'bot' };
  if (isTokenRejected(e)) return { kind: 'paused', reason: `the homeserver rejected the access token (${e.status} ${code})` };
  if (e.errcode === 'M_RESOURCE_LIMIT_EXCEEDED' || e.errcode === 'M_USER_DEACTIVATED' || e.errcode === 'M_USER_LOCKED') {
    return { kind: 'paused', reason: `the homeserver refuses the bot's account (${code})` };
  }
  if (e.status === 404 && e.errcode !== 'M_NOT_FOUND') {
    return { kind: 'paused', reason: `the homeserver answered 404 ${code}: check MATRIX_HOMESERVER_URL` };
  }
  if (e.status === 404) return { kind: 'gone', reason: 'the room is unknown to the homeserver (404 M_NOT_FOUND)' };
  if (e.status === 403) return { kind: 'forbidden', reason: `the room refuses the bot's messages (403 ${code})` };
  if (e.status >= 500 || e.errcode === undefined) return { kind: 'failed', transient: true, reason: `${e.status} ${code}` };
  return { kind: 'failed', transient: false, reason: `${e.status} ${code}` };
}

/**
 * A failed call that says the homeserver itself is in trouble (counted for
 * readiness), as a short cause: `timeout`, `ECONNREFUSED`, `502`, `401`.
 * Undefined for the homeserver's answers about one room (403, 404
 * `M_NOT_FOUND`, 429).
 */
export function platformFailure(e: unknown): string | undefined {
  if (e instanceof MatrixNetworkError) return e.cause;
  if (!(e instanceof MatrixApiError)) return undefined;
  if (isTokenRejected(e)) return '401';
  if (e.status >= 500 || e.errcode === undefined) return String(e.status);
  if (e.status === 404 && e.errcode !== 'M_NOT_FOUND') return '404';
  return undefined;
}

/** What a log line may say about a failure: endpoint, status and code — never the homeserver's words (they name rooms and users). */
export function describeMatrixError(e: unknown): Record<string, unknown> {
  if (e instanceof MatrixApiError) return { endpoint: e.endpoint, status: e.status, errcode: e.errcode ?? 'not-matrix' };
  if (e instanceof MatrixNetworkError) return { endpoint: e.endpoint, error: 'network', cause: e.cause };
  return { error: e instanceof Error ? e.name : String(e) };
}
