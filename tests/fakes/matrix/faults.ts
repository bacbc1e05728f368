/**
 * Error injection for the fake homeserver: a queue of faults per endpoint
 * (`send`, `sync`, `whoami`, `join`, `leave`, `state`, `joined_members`,
 * `filter`, or `*`), optionally for one room, answered instead of (or, for
 * `afterProcessing`, after) the endpoint's work. Errors have the spec's
 * shape (`errcode`, `error`, and `retry_after_ms` / `Retry-After` for 429).
 */

/** A failure the fake can answer. */
export type MatrixFault =
  /** 429 `M_LIMIT_EXCEEDED`; the wait in the body (`retry_after_ms`, deprecated), the `Retry-After` header (seconds), or both. */
  | { kind: 'rateLimited'; ms: number; via: 'body' | 'header' | 'both' }
  /** Any Matrix error. */
  | { kind: 'error'; status: number; errcode: string; error: string; extra?: Record<string, unknown> }
  /** A 5xx; `html` answers a proxy's HTML page instead of Matrix JSON. */
  | { kind: 'serverError'; status: number; html?: boolean }
  /** Never answers (until `close()`); with `afterProcessing` the work is done first (a message is posted). */
  | { kind: 'hang'; afterProcessing?: boolean }
  /** Destroys the connection without answering; with `afterProcessing` after doing the work. */
  | { kind: 'drop'; afterProcessing?: boolean };

/** Constructors for the common faults. */
export const MatrixFaults = {
  rateLimited: (ms = 1000, via: 'body' | 'header' | 'both' = 'both'): MatrixFault => ({ kind: 'rateLimited', ms, via }),
  /** 403 `M_FORBIDDEN` with Synapse's words for a sender below the room's send level. */
  powerTooLow: (have = 0, need = 50): MatrixFault => ({
    kind: 'error', status: 403, errcode: 'M_FORBIDDEN', error: `You don't have permission to post that to the room. user_level (${have}) < send_level (${need})`,
  }),
  /** 401 `M_UNKNOWN_TOKEN`, `soft_logout: false`. */
  unknownToken: (): MatrixFault => ({ kind: 'error', status: 401, errcode: 'M_UNKNOWN_TOKEN', error: 'Invalid access token passed.', extra: { soft_logout: false } }),
  internal: (): MatrixFault => ({ kind: 'error', status: 500, errcode: 'M_UNKNOWN', error: 'Internal server error' }),
  badGateway: (html = true): MatrixFault => ({ kind: 'serverError', status: 502, html }),
  hang: (): MatrixFault => ({ kind: 'hang' }),
  hangAfterProcessing: (): MatrixFault => ({ kind: 'hang', afterProcessing: true }),
  drop: (): MatrixFault => ({ kind: 'drop' }),
  dropAfterProcessing: (): MatrixFault => ({ kind: 'drop', afterProcessing: true }),
  error: (status: number, errcode: string, error: string): MatrixFault => ({ kind: 'error', status, errcode, error }),
} as const;

/** Which calls a queued fault applies to. */
export interface FaultOptions {
  /** How many matching calls fail (default 1; `Infinity` for all until cleared). */
  readonly times?: number;
  /** Only calls about this room. */
  readonly roomId?: string;
}

interface Queued { endpoint: string; roomId?: string; remaining: number; fault: MatrixFault }

/** FIFO of injected faults. */
export class FaultQueue {
  private queue: Queued[] = [];

  add(endpoint: string, options: FaultOptions, fault: MatrixFault): void {
    const times = options.times ?? 1;
    if (!(times > 0)) throw new Error('failNext: times must be > 0');
    this.queue.push({ endpoint, remaining: times, fault, ...(options.roomId === undefined ? {} : { roomId: options.roomId }) });
  }

  /** Takes the first fault matching this call, if any. */
  take(endpoint: string, roomId: string | undefined): MatrixFault | undefined {
    const i = this.queue.findIndex((q) => (q.endpoint === '*' || q.endpoint === endpoint) && (q.roomId === undefined || q.roomId === roomId));
    const q = this.queue[i];
    if (!q) return undefined;
    if (--q.remaining <= 0) this.queue.splice(i, 1);
    return q.fault;
  }

  clear(): void { this.queue = []; }

  get pending(): number { return this.queue.length; }
}

/** The JSON body and headers of an error fault. */
export function faultBody(f: Extract<MatrixFault, { kind: 'rateLimited' | 'error' }>): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  if (f.kind === 'error') return { status: f.status, body: { errcode: f.errcode, error: f.error, ...f.extra }, headers: {} };
  return {
    status: 429,
    body: { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', ...(f.via === 'header' ? {} : { retry_after_ms: f.ms }) },
    headers: f.via === 'body' ? {} : { 'retry-after': String(Math.ceil(f.ms / 1000)) },
  };
}
