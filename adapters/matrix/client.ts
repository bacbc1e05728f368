/**
 * A thin client of the Matrix client-server API v3 over `fetch`: the eight
 * endpoints Placard uses, each with a timeout, answers and failures typed.
 *
 * Why not an SDK (npm registry, checked when this adapter was written):
 * `matrix-bot-sdk` 0.8.0 and `matrix-js-sdk` from 37.7 declare
 * `engines.node >= 22`, and Placard runs on Node 20.19; `matrix-js-sdk` 37.0
 * (Node 20) is a whole client (room models, its own sync store) a year out of
 * date; `@vector-im/matrix-bot-sdk` 0.7.0 (Node 18) pulls in the deprecated
 * `request` HTTP client, express and a native end-to-end-encryption binding
 * Placard has no use for (encrypted rooms are declined), and keeps the sync
 * token in its own storage — Placard keeps it in its Store and writes it only
 * after a batch is handled, so a restart neither answers an event twice nor
 * skips one.
 *
 * The token goes in the `Authorization: Bearer` header (the spec deprecated
 * query-string tokens and dropped them in v1.20), so it never appears in a
 * URL a log could quote.
 */
import type { NoticeContent, SyncResponse } from './types.js';

/** The homeserver answered with an error (`errcode`, HTTP status), or with something that is not the Matrix API. */
export class MatrixApiError extends Error {
  constructor(
    /** What was asked: `sync`, `send`, `state`, … (never a path: it may hold a room id). */
    readonly endpoint: string,
    readonly status: number,
    /** `M_FORBIDDEN`, `M_LIMIT_EXCEEDED`, …; undefined when the answer was not Matrix JSON (a proxy's HTML page). */
    readonly errcode: string | undefined,
    /** The homeserver's own words (`error`); may name a room or user: not for logs at info level. */
    readonly description: string,
    /** How long to wait, from `retry_after_ms` in the body or the `Retry-After` header (spec v1.10). */
    readonly retryAfterMs?: number,
  ) {
    super(`${endpoint}: ${status} ${errcode ?? 'not the Matrix API'}`);
    this.name = 'MatrixApiError';
  }
}

/** The request got no answer: `cause` is `timeout`, or the network error code (`ECONNREFUSED`, `UND_ERR_SOCKET`, …). */
export class MatrixNetworkError extends Error {
  constructor(readonly endpoint: string, override readonly cause: string) {
    super(`${endpoint}: no answer (${cause})`);
    this.name = 'MatrixNetworkError';
  }
}

/** Told of every finished call: `failure` undefined when the homeserver answered (even with a room's error). */
export type CallObserver = (endpoint: string, failure: unknown) => void;

/** Options of {@link MatrixClient}. */
export interface MatrixClientOptions {
  /** The homeserver's base URL, without `/_matrix/…`. */
  readonly baseUrl: string;
  readonly accessToken: string;
  /** Default request timeout, ms. */
  readonly timeoutMs: number;
  readonly observe?: CallObserver;
  readonly fetch?: typeof fetch;
}

interface CallOptions {
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
  readonly timeoutMs?: number;
  /** Aborting it cancels the request (stop); an abort is neither a failure nor observed. */
  readonly signal?: AbortSignal;
}

const enc = encodeURIComponent;

/** `Retry-After` as seconds or an HTTP date (RFC 9110), in ms. */
function retryAfterHeader(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The network error code under fetch's `TypeError('fetch failed')`. */
function networkCode(e: unknown): string {
  let inner: unknown = e;
  for (let i = 0; i < 4 && inner instanceof Error; i++) {
    const code = (inner as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    inner = inner.cause;
  }
  return e instanceof Error ? e.name : 'unknown';
}

/** The client. */
export class MatrixClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: MatrixClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** `GET /account/whoami`: the token's user. */
  whoami(signal?: AbortSignal): Promise<{ user_id: string; device_id?: string }> {
    return this.call('whoami', 'GET', '/account/whoami', signal ? { signal } : {});
  }

  /** `GET /sync`, long-polling `timeout` ms on the server; the request itself times out `slackMs` later. */
  sync(args: { since?: string; filter: string; timeout: number; slackMs: number; signal?: AbortSignal }): Promise<SyncResponse> {
    return this.call('sync', 'GET', '/sync', {
      query: { filter: args.filter, timeout: String(args.timeout), since: args.since, set_presence: 'offline' },
      timeoutMs: args.timeout + args.slackMs, ...(args.signal ? { signal: args.signal } : {}),
    });
  }

  /** `POST /join/{roomId}`: accepts an invite. */
  join(roomId: string): Promise<{ room_id: string }> {
    return this.call('join', 'POST', `/join/${enc(roomId)}`, { body: {} });
  }

  /** `POST /rooms/{roomId}/leave`: leaves a room, or rejects an invite. */
  leave(roomId: string): Promise<unknown> {
    return this.call('leave', 'POST', `/rooms/${enc(roomId)}/leave`, { body: {} });
  }

  /** `PUT /rooms/{roomId}/send/m.room.message/{txnId}`: the homeserver takes one `txnId` once per access token. */
  send(roomId: string, txnId: string, content: NoticeContent, timeoutMs?: number): Promise<{ event_id: string }> {
    return this.call('send', 'PUT', `/rooms/${enc(roomId)}/send/m.room.message/${enc(txnId)}`, {
      body: content, ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
  }

  /**
   * `GET /rooms/{roomId}/state/{type}/{stateKey}`: the content, or with
   * `event` the whole event (spec v1.16; older servers answer the content).
   * Undefined when the room has no such state (404 `M_NOT_FOUND`).
   */
  async state<T>(roomId: string, type: string, stateKey = '', event = false): Promise<T | undefined> {
    try {
      return await this.call<T>('state', 'GET', `/rooms/${enc(roomId)}/state/${enc(type)}/${enc(stateKey)}`, event ? { query: { format: 'event' } } : {});
    } catch (e: unknown) {
      if (e instanceof MatrixApiError && e.status === 404 && e.errcode === 'M_NOT_FOUND') return undefined;
      throw e;
    }
  }

  /** `GET /rooms/{roomId}/joined_members`: the ids of the joined members. */
  async joinedMembers(roomId: string): Promise<string[]> {
    const answer = await this.call<{ joined?: Record<string, unknown> }>('joined_members', 'GET', `/rooms/${enc(roomId)}/joined_members`, {});
    return Object.keys(answer.joined ?? {});
  }

  private async call<T>(endpoint: string, method: string, path: string, options: CallOptions): Promise<T> {
    const url = new URL(`${this.options.baseUrl}/_matrix/client/v3${path}`);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), options.timeoutMs ?? this.options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timer.signal, options.signal]) : timer.signal;
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(url, {
        method, signal,
        headers: { authorization: `Bearer ${this.options.accessToken}`, ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      text = await response.text();
    } catch (e: unknown) {
      if (options.signal?.aborted) throw e;
      const failure = new MatrixNetworkError(endpoint, timer.signal.aborted ? 'timeout' : networkCode(e));
      this.options.observe?.(endpoint, failure);
      throw failure;
    } finally {
      clearTimeout(timeout);
    }
    let json: unknown;
    try { json = JSON.parse(text); } catch { json = undefined; }
    const body = typeof json === 'object' && json !== null ? json as Record<string, unknown> : undefined;
    if (response.ok && body !== undefined) {
      this.options.observe?.(endpoint, undefined);
      return body as T;
    }
    const retryMs = typeof body?.['retry_after_ms'] === 'number' ? body['retry_after_ms'] : retryAfterHeader(response.headers.get('retry-after'));
    const failure = new MatrixApiError(endpoint, response.status, typeof body?.['errcode'] === 'string' ? body['errcode'] : undefined,
      typeof body?.['error'] === 'string' ? body['error'] : '', retryMs);
    this.options.observe?.(endpoint, failure);
    throw failure;
  }
}
