/**
 * signal-cli's answers to `send` → SendResult.
 *
 * Error codes, as signal-cli maps its exceptions to JSON-RPC errors
 * (SignalJsonRpcCommandHandler.java, JsonRpcResponse.Error):
 * - `-1` USER_ERROR: the send was refused for this chat. SendCommand turns
 *   GroupNotFoundException ("Group not found: …"), NotAGroupMemberException
 *   ("User is not a member in group: …") and GroupSendingNotAllowedException
 *   ("User is not allowed to send message to group: …", a group where only
 *   admins may send) into it, UnregisteredRecipientException as "The user …
 *   is not registered.", and a send that reached nobody as "Failed to send
 *   message" with the per-recipient results in `data.response.results`
 *   (SendMessageResultUtils: `type` UNREGISTERED_FAILURE, NETWORK_FAILURE,
 *   IDENTITY_FAILURE, INVALID_PRE_KEY_FAILURE …).
 * - `-3` IO_ERROR; `-4` UNTRUSTED_KEY_ERROR (only untrusted identities: the
 *   person's safety number changed and signal-cli does not trust it yet).
 * - `-5` RATELIMIT_ERROR: every recipient was rate limited
 *   ("Failed to send message due to rate limiting", RateLimitErrorException);
 *   `data.response.results[]` carry `retryAfterSeconds`, and a `token` when
 *   Signal wants a captcha solved first (ProofRequiredException: the server's
 *   428 "proof required"; the account then sends nothing until an operator
 *   submits it with `signal-cli submitRateLimitChallenge`).
 * - `-32603` INTERNAL_ERROR: "Failed to send message: … (IOException)",
 *   signal-cli could not reach Signal's servers; `-32602` INVALID_PARAMS:
 *   "Specified account does not exist" (a multi-account daemon without
 *   SIGNAL_ACCOUNT); `-32601` METHOD_NOT_FOUND.
 *
 * Reasons are written here: the daemon's own messages quote phone numbers
 * and group names, and reasons reach logs and chats' settings.
 */
import type { SendResult } from '../../src/adapter.js';
import { SignalRpcError, SignalTransportError } from './rpc.js';

/** JSON-RPC error codes of signal-cli (SignalJsonRpcCommandHandler). */
export const SIGNAL_ERROR = {
  USER: -1, IO: -3, UNTRUSTED_KEY: -4, RATE_LIMIT: -5, CAPTCHA_REJECTED: -6,
  INVALID_REQUEST: -32600, METHOD_NOT_FOUND: -32601, INVALID_PARAMS: -32602, INTERNAL: -32603,
} as const;

/** One recipient's outcome in `data.response.results` (JsonSendMessageResult). */
export interface SendResultEntry {
  readonly type?: string;
  readonly retryAfterSeconds?: number | null;
  readonly token?: string | null;
}

/** When signal-cli names no wait (the server sent no Retry-After): Signal-Server refills one message a second per recipient. */
export const DEFAULT_RETRY_AFTER_MS = 30_000;

/**
 * Why sends are paused while Signal asks for a captcha, and what the
 * operator does about it: solve one and hand it to the running daemon
 * (JSON-RPC `submitRateLimitChallenge`, SubmitRateLimitChallengeCommand;
 * the daemon holds the account, so a second signal-cli cannot).
 */
export const CAPTCHA_REASON = 'Signal asks this account for a captcha before it sends more (proof required): solve one at '
  + 'https://signalcaptchas.org/challenge/generate.html and send it to the daemon with JSON-RPC submitRateLimitChallenge '
  + '{"challenge": the challengeToken in the log, "captcha": the solved token} (README, On Signal)';

/** The per-recipient results the daemon attached to an error, if any. */
export function resultsOf(error: SignalRpcError): SendResultEntry[] {
  const response = (error.data as { response?: { results?: unknown } } | null | undefined)?.response;
  return Array.isArray(response?.results) ? (response.results as SendResultEntry[]) : [];
}

/** The challenge token of a proof-required failure, if this is one. */
export function captchaToken(error: unknown): string | undefined {
  if (!(error instanceof SignalRpcError) || error.code !== SIGNAL_ERROR.RATE_LIMIT) return undefined;
  return resultsOf(error).find((r) => typeof r.token === 'string' && r.token !== '')?.token ?? undefined;
}

const GROUP_GONE = /^(Group not found|User is not a member in group)/;
const ADMINS_ONLY = /^User is not allowed to send message to group/;
const UNREGISTERED = /is not registered|^Unregistered user/;
const MALFORMED = /^(Invalid group id|Invalid phone number|Invalid PNI)/;

/** What a failed transport means for a send. */
export function classifyTransport(error: SignalTransportError): SendResult {
  switch (error.kind) {
    case 'unreachable':
      return { kind: 'paused', reason: `the signal-cli daemon does not answer at SIGNAL_CLI_URL (${error.detail})` };
    case 'timeout':
    case 'reset':
    case 'aborted':
      // The request went out: signal-cli may have sent the message.
      return { kind: 'failed', transient: true, ambiguous: true, reason: `the signal-cli daemon did not answer (${error.detail})` };
    case 'http':
      if (error.status !== undefined && error.status >= 500) return { kind: 'failed', transient: true, reason: `the signal-cli daemon answered ${error.detail}` };
      if (error.status === 421) return { kind: 'paused', reason: 'the signal-cli daemon refused the Host header (421): use the host name it listens on in SIGNAL_CLI_URL' };
      return { kind: 'paused', reason: `SIGNAL_CLI_URL answered ${error.detail}: is it a signal-cli daemon started with --http?` };
    case 'not-json':
      return { kind: 'failed', transient: true, reason: 'something other than signal-cli answered at SIGNAL_CLI_URL' };
  }
}

/** What a "Failed to send message" with per-recipient results means. */
function classifyResults(results: readonly SendResultEntry[]): SendResult {
  const types = new Set(results.map((r) => r.type));
  if (types.size > 0 && [...types].every((t) => t === 'UNREGISTERED_FAILURE')) return { kind: 'gone', reason: 'the person is no longer registered with Signal' };
  if (types.has('IDENTITY_FAILURE') && types.size === 1) return untrusted();
  return { kind: 'failed', transient: true, reason: `Signal did not take the message (${[...types].join(', ') || 'no result'})` };
}

const untrusted = (): SendResult => ({
  kind: 'forbidden',
  reason: 'the recipient\'s safety number changed and signal-cli does not trust it yet: run the daemon with --trust-new-identities always, or trust it (JSON-RPC trust)',
});

/** Classifies a failed `send` (a reminder, or a reply). */
export function classifySignalError(error: unknown): SendResult {
  if (error instanceof SignalTransportError) return classifyTransport(error);
  if (!(error instanceof SignalRpcError)) return { kind: 'failed', transient: false, reason: error instanceof Error ? error.name : 'unknown error' };
  const message = error.rpcMessage;
  switch (error.code) {
    case SIGNAL_ERROR.RATE_LIMIT: {
      if (captchaToken(error) !== undefined) return { kind: 'paused', reason: CAPTCHA_REASON };
      const waits = resultsOf(error).map((r) => r.retryAfterSeconds).filter((s): s is number => typeof s === 'number' && s > 0);
      // Signal-Server limits messages per sender and recipient (RateLimiters.MESSAGES): the wait is this chat's.
      return { kind: 'retryAfter', ms: waits.length > 0 ? Math.max(...waits) * 1000 : DEFAULT_RETRY_AFTER_MS, scope: 'chat' };
    }
    case SIGNAL_ERROR.UNTRUSTED_KEY:
      return untrusted();
    case SIGNAL_ERROR.USER:
      if (GROUP_GONE.test(message)) return { kind: 'gone', reason: 'the bot is no longer a member of this Signal group' };
      if (UNREGISTERED.test(message)) return { kind: 'gone', reason: 'the person is no longer registered with Signal' };
      if (ADMINS_ONLY.test(message)) return { kind: 'forbidden', reason: 'only admins may send messages in this group: make the bot an admin, or let all members send' };
      if (MALFORMED.test(message)) return { kind: 'failed', transient: false, reason: 'signal-cli refused the chat id as malformed' };
      if (/^Failed to send message$/.test(message)) return classifyResults(resultsOf(error));
      return { kind: 'failed', transient: false, reason: `signal-cli refused the message (${SIGNAL_ERROR.USER})` };
    case SIGNAL_ERROR.IO:
    case SIGNAL_ERROR.INTERNAL:
      return { kind: 'failed', transient: true, reason: `signal-cli could not send (JSON-RPC ${error.code}): it may not reach Signal's servers` };
    case SIGNAL_ERROR.INVALID_PARAMS:
      return { kind: 'paused', reason: 'the signal-cli daemon does not serve SIGNAL_ACCOUNT: register it there, or point SIGNAL_CLI_URL at its daemon' };
    case SIGNAL_ERROR.METHOD_NOT_FOUND:
      return { kind: 'paused', reason: 'the daemon at SIGNAL_CLI_URL has no `send` method: is it signal-cli?' };
    default:
      return { kind: 'failed', transient: false, reason: `signal-cli answered JSON-RPC error ${error.code}` };
  }
}

/** What a log line may say about a failure: the kind and code, never the daemon's words or the request. */
export function describeSignalError(error: unknown): Record<string, unknown> {
  if (error instanceof SignalRpcError) return { method: error.method, code: error.code };
  if (error instanceof SignalTransportError) return { method: error.method, kind: error.kind, detail: error.detail };
  return { error: error instanceof Error ? error.name : String(error) };
}
