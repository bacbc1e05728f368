/**
 * Error injection (`failNext`) and Telegram-like flood control
 * (`setRateLimit`) for the fake Bot API.
 */
import type { ApiFailure, ApiReply } from './types.js';

/** A failure the fake can answer instead of running a method. */
export type Fault =
  | { kind: 'retryAfter'; seconds: number }
  | { kind: 'kicked'; chatType?: 'group' | 'supergroup' | 'channel' }
  | { kind: 'blocked' }
  | { kind: 'migrated'; toChatId: number }
  | { kind: 'chatNotFound' }
  | { kind: 'serverError'; status: 500 | 502; html?: boolean }
  /**
   * Destroys the socket without answering (client sees a network error);
   * with `afterProcessing` the method runs first (e.g. the message is sent).
   */
  | { kind: 'drop'; afterProcessing?: boolean }
  /** Never answers; the request is released (socket destroyed) by `close()`. */
  | { kind: 'hang' }
  | { kind: 'error'; status: number; description: string; parameters?: ApiFailure['parameters'] };

/** Constructors for the common faults. */
export const Faults = {
  /** 429 `Too Many Requests: retry after N` with `parameters.retry_after`. */
  retryAfter: (seconds = 1): Fault => ({ kind: 'retryAfter', seconds }),
  /** 403 `Forbidden: bot was kicked from the group chat` (or supergroup/channel). */
  kicked: (chatType: 'group' | 'supergroup' | 'channel' = 'group'): Fault => ({ kind: 'kicked', chatType }),
  /** 403 `Forbidden: bot was blocked by the user`. */
  blocked: (): Fault => ({ kind: 'blocked' }),
  /** 400 `group chat was upgraded to a supergroup chat` with `parameters.migrate_to_chat_id`. */
  migrated: (toChatId: number): Fault => ({ kind: 'migrated', toChatId }),
  /** 400 `Bad Request: chat not found`. */
  chatNotFound: (): Fault => ({ kind: 'chatNotFound' }),
  /** 500 `Internal Server Error` as a JSON Bot API error. */
  internal: (): Fault => ({ kind: 'serverError', status: 500 }),
  /** 502; `html: true` answers an nginx HTML page instead of JSON (grammY then throws HttpError). */
  badGateway: (html = false): Fault => ({ kind: 'serverError', status: 502, html }),
  /** Connection destroyed without an answer; the method does not run. */
  drop: (): Fault => ({ kind: 'drop' }),
  /** The method runs (message recorded), then the connection is destroyed: a retry would duplicate. */
  dropAfterProcessing: (): Fault => ({ kind: 'drop', afterProcessing: true }),
  /** Request held forever (until `close()`). */
  hang: (): Fault => ({ kind: 'hang' }),
  /** Any Bot API error, e.g. `error(400, 'Bad Request: have no rights to send a message')`. */
  error: (status: number, description: string, parameters?: ApiFailure['parameters']): Fault =>
    (parameters ? { kind: 'error', status, description, parameters } : { kind: 'error', status, description }),
} as const;

/** What the server should do for a fault. */
export type FaultAction =
  | { type: 'reply'; reply: ApiReply }
  | { type: 'raw'; status: number; contentType: string; body: string }
  | { type: 'drop' }
  | { type: 'hang' };

/** Maps a fault to an HTTP action. */
export function faultAction(f: Fault): FaultAction {
  const fail = (error_code: number, description: string, parameters?: ApiFailure['parameters']): FaultAction => ({
    type: 'reply',
    reply: parameters ? { ok: false, error_code, description, parameters } : { ok: false, error_code, description },
  });
  switch (f.kind) {
    case 'retryAfter':
      return fail(429, `Too Many Requests: retry after ${f.seconds}`, { retry_after: f.seconds });
    case 'kicked':
      return fail(403, `Forbidden: bot was kicked from the ${f.chatType ?? 'group'} chat`);
    case 'blocked':
      return fail(403, 'Forbidden: bot was blocked by the user');
    case 'migrated':
      return fail(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: f.toChatId });
    case 'chatNotFound':
      return fail(400, 'Bad Request: chat not found');
    case 'serverError':
      if (f.html) {
        const body = `<html>\r\n<head><title>${f.status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${f.status} Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n`;
        return { type: 'raw', status: f.status, contentType: 'text/html', body };
      }
      return fail(f.status, f.status === 500 ? 'Internal Server Error' : 'Bad Gateway');
    case 'drop':
      return { type: 'drop' };
    case 'hang':
      return { type: 'hang' };
    case 'error':
      return fail(f.status, f.description, f.parameters);
  }
}

/** Which calls a queued fault applies to. */
export interface FailOptions {
  /** How many matching calls fail (default 1; `Infinity` for all). */
  times?: number;
  /** Only calls whose `chat_id` equals this. */
  chatId?: number | string;
}

interface QueuedFault {
  method: string;
  chatId?: string;
  remaining: number;
  fault: Fault;
}

/** FIFO of injected faults; `method` may be `*` for any method. */
export class FaultBook {
  private queue: QueuedFault[] = [];

  add(method: string, options: FailOptions, fault: Fault): void {
    const times = options.times ?? 1;
    if (!(times > 0)) throw new Error('failNext: times must be > 0');
    const q: QueuedFault = { method: method.toLowerCase(), remaining: times, fault };
    if (options.chatId !== undefined) q.chatId = String(options.chatId);
    this.queue.push(q);
  }

  /** Takes the first fault matching this call, if any. */
  take(method: string, chatId: unknown): Fault | undefined {
    const m = method.toLowerCase();
    const idx = this.queue.findIndex(
      (q) => (q.method === '*' || q.method === m) && (q.chatId === undefined || q.chatId === String(chatId)),
    );
    const q = this.queue[idx];
    if (!q) return undefined;
    if (--q.remaining <= 0) this.queue.splice(idx, 1);
    return q.fault;
  }

  /** Faults still queued. */
  get pending(): number {
    return this.queue.length;
  }

  clear(): void {
    this.queue = [];
  }
}

/** Flood-control limits, modelled on Telegram's published bot limits. */
export interface RateLimitOptions {
  /** Messages per second over all chats (Telegram: about 30). */
  perSecondTotal?: number;
  /** Messages per second in one chat (Telegram: about 1). */
  perSecondPerChat?: number;
  /** Messages per minute in one group or supergroup (Telegram: 20). */
  perMinutePerGroup?: number;
  /** Methods that count (default `sendMessage`, `editMessageText`). */
  methods?: string[];
}

/** Sliding-window limiter; a rejected call is not counted. */
export class RateLimiter {
  private opts: RateLimitOptions | undefined;
  private methods = new Set<string>();
  private total: number[] = [];
  private perChat = new Map<string, number[]>();
  private perGroup = new Map<string, number[]>();

  set(opts: RateLimitOptions | null): void {
    this.opts = opts ?? undefined;
    this.methods = new Set((opts?.methods ?? ['sendMessage', 'editMessageText']).map((m) => m.toLowerCase()));
    this.total = [];
    this.perChat.clear();
    this.perGroup.clear();
  }

  /** Returns `retry_after` seconds when the call is over a limit; otherwise records it. */
  check(method: string, chatId: unknown, isGroup: boolean, now = Date.now()): number | undefined {
    const o = this.opts;
    if (!o || !this.methods.has(method.toLowerCase())) return undefined;
    const key = String(chatId);
    const chat = this.perChat.get(key) ?? [];
    const group = this.perGroup.get(key) ?? [];
    const waits = [
      over(this.total, o.perSecondTotal, 1000, now),
      chatId === undefined ? undefined : over(chat, o.perSecondPerChat, 1000, now),
      chatId === undefined || !isGroup ? undefined : over(group, o.perMinutePerGroup, 60_000, now),
    ].filter((w): w is number => w !== undefined);
    if (waits.length > 0) return Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    this.total.push(now);
    if (chatId !== undefined) {
      chat.push(now);
      this.perChat.set(key, chat);
      if (isGroup) {
        group.push(now);
        this.perGroup.set(key, group);
      }
    }
    return undefined;
  }
}

/** Prunes a window and returns ms to wait when it is full. */
function over(hits: number[], limit: number | undefined, windowMs: number, now: number): number | undefined {
  while (hits.length > 0 && (hits[0] ?? 0) <= now - windowMs) hits.shift();
  if (limit === undefined || hits.length < limit) return undefined;
  const oldest = hits[hits.length - limit] ?? now;
  return oldest + windowMs - now;
}
