/**
 * JSON-RPC 2.0 over signal-cli's HTTP daemon (`signal-cli -a +NUMBER daemon
 * --http HOST:PORT`): one request per `POST /api/v1/rpc` with
 * `Content-Type: application/json` (anything else gets 415), answered 200
 * with `{jsonrpc, result | error, id}` (HttpServerHandler.handleRpcEndpoint).
 * Every request names the account (`params.account`), which a multi-account
 * daemon needs and a single-account one ignores.
 *
 * Failures are typed: {@link SignalRpcError} when the daemon answered with a
 * JSON-RPC error (code, message, data; see classify.ts for the codes), and
 * {@link SignalTransportError} when it did not answer as a daemon should
 * (refused, timed out, cut off, another HTTP status, not JSON). Neither
 * carries the request, whose parameters hold phone numbers and texts.
 */
import { randomUUID } from 'node:crypto';

/** The daemon answered the request with a JSON-RPC error. */
export class SignalRpcError extends Error {
  override readonly name = 'SignalRpcError';
  /** The daemon's own message (it may quote a phone number or a group's name). */
  declare readonly rpcMessage: string;
  /** The error's `data` (per-recipient results, with their numbers). */
  declare readonly data: unknown;

  constructor(readonly method: string, readonly code: number, rpcMessage: string, data: unknown) {
    super(`signal-cli ${method} failed with JSON-RPC error ${code}`);
    // Not enumerable: a logger's error serializer copies enumerable fields, and these may name people.
    Object.defineProperty(this, 'rpcMessage', { value: rpcMessage, enumerable: false });
    Object.defineProperty(this, 'data', { value: data, enumerable: false });
  }
}

/**
 * How a request failed before the daemon answered it: `unreachable` (nothing
 * was sent: refused, no such host), `timeout` and `reset` (the request may
 * have been taken), `http` (another status: `status`), `not-json`.
 */
export type TransportCause = 'unreachable' | 'timeout' | 'reset' | 'http' | 'not-json' | 'aborted';

/** The daemon did not answer as a signal-cli daemon does. */
export class SignalTransportError extends Error {
  override readonly name = 'SignalTransportError';
  constructor(readonly method: string, readonly kind: TransportCause, readonly detail: string, readonly status?: number) {
    super(`signal-cli ${method}: ${kind} (${detail})`);
  }
}

/** Network errors of a connection that never reached the daemon: the request was not sent. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ERR_INVALID_URL']);

/** The code of what `fetch` failed on underneath (undici puts it in `cause`). */
export function networkCode(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const cause: unknown = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? code : cause.name;
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}

/** What a failed fetch means: nothing sent, timed out, stopped by us, or cut off after sending. */
export function transportCause(error: unknown, signal: AbortSignal | undefined): { cause: TransportCause; detail: string } {
  if (error instanceof Error && error.name === 'TimeoutError') return { cause: 'timeout', detail: 'no answer in time' };
  if (error instanceof Error && error.name === 'AbortError') return { cause: signal?.aborted === true ? 'aborted' : 'reset', detail: 'aborted' };
  const code = networkCode(error);
  return { cause: UNREACHABLE.has(code) ? 'unreachable' : 'reset', detail: code };
}

/** Told of every call's outcome: undefined when the daemon answered (even with an error), else the failure. */
export type CallListener = (failure: SignalTransportError | undefined) => void;

/** Options of {@link SignalRpc}. */
export interface SignalRpcOptions {
  /** The daemon's base URL, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** The bot's account (its phone number). */
  readonly account: string;
  /** Default bound of one request, ms. */
  readonly timeoutMs: number;
  readonly onCall?: CallListener;
  /** Aborted when the adapter stops: requests in flight end at once. */
  readonly stop?: AbortSignal;
}

interface RpcAnswer { result?: unknown; error?: { code?: unknown; message?: unknown; data?: unknown } }

/** A JSON-RPC client of the daemon. */
export class SignalRpc {
  constructor(private readonly options: SignalRpcOptions) {}

  /** Calls `method` with `params` (plus the account); resolves with `result`, rejects with a typed error. */
  async call<T>(method: string, params: Record<string, unknown> = {}, timeoutMs = this.options.timeoutMs): Promise<T> {
    try {
      const answer = await this.post(method, params, timeoutMs);
      this.options.onCall?.(undefined);
      if (answer.error !== undefined) {
        const { code, message, data } = answer.error;
        throw new SignalRpcError(method, typeof code === 'number' ? code : 0, typeof message === 'string' ? message : '', data);
      }
      return answer.result as T;
    } catch (error: unknown) {
      if (error instanceof SignalTransportError && error.kind !== 'aborted') this.options.onCall?.(error);
      throw error;
    }
  }

  private async post(method: string, params: Record<string, unknown>, timeoutMs: number): Promise<RpcAnswer> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = this.options.stop ? AbortSignal.any([timeout, this.options.stop]) : timeout;
    const body = JSON.stringify({ jsonrpc: '2.0', method, params: { ...params, account: this.options.account }, id: randomUUID() });
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.options.url}/api/v1/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });
      text = await response.text();
    } catch (error: unknown) {
      const { cause, detail } = transportCause(error, this.options.stop);
      throw new SignalTransportError(method, timeout.aborted ? 'timeout' : cause, detail);
    }
    if (response.status !== 200) throw new SignalTransportError(method, 'http', `HTTP ${response.status}`, response.status);
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as RpcAnswer;
    } catch {
      // fall through
    }
    throw new SignalTransportError(method, 'not-json', 'the answer is not a JSON-RPC response');
  }
}
