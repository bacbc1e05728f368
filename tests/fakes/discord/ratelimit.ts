/**
 * Per-route rate-limit buckets with Discord's `X-RateLimit-*` headers, and
 * the fault queue behind `FakeDiscord.failNext`.
 */
import { createHash } from 'node:crypto';
import type { Fault, FaultName } from './types.js';

/** Headers of one response. */
export type Headers = Record<string, string>;

interface Bucket {
  count: number;
  resetAt: number;
}

/** Outcome of taking a token from a bucket. */
export interface Take {
  headers: Headers;
  /** Set when the bucket was already empty: answer 429 with this many ms to wait. */
  limitedForMs?: number;
}

const secs = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

/** Fixed-window buckets keyed by route template + major parameter, like Discord's. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(public config: { limit: number; windowMs: number }) {}

  /** The bucket hash Discord would send for a method + route template. */
  static hash(method: string, route: string): string {
    return createHash('sha1').update(`${method} ${route}`).digest('hex').slice(0, 16);
  }

  /** Count one request against its bucket and return the headers to send. */
  take(method: string, route: string, major: string, now = Date.now()): Take {
    const hash = RateLimiter.hash(method, route);
    const key = `${hash}:${major}`;
    let bucket = this.buckets.get(key);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { count: 0, resetAt: now + this.config.windowMs };
      this.buckets.set(key, bucket);
    }
    const limited = bucket.count >= this.config.limit;
    if (!limited) bucket.count += 1;
    const headers: Headers = {
      'x-ratelimit-limit': String(this.config.limit),
      'x-ratelimit-remaining': String(Math.max(0, this.config.limit - bucket.count)),
      'x-ratelimit-reset': secs(bucket.resetAt),
      'x-ratelimit-reset-after': secs(bucket.resetAt - now),
      'x-ratelimit-bucket': hash,
    };
    return limited ? { headers, limitedForMs: bucket.resetAt - now } : { headers };
  }
}

/** The headers and body of a 429. */
export function rateLimitedResponse(
  retryAfterMs: number,
  base: Headers,
  global = false,
  scope: 'user' | 'shared' | 'global' = global ? 'global' : 'user',
): { status: number; headers: Headers; body: Record<string, unknown> } {
  const headers: Headers = { ...base, 'retry-after': secs(retryAfterMs), 'x-ratelimit-scope': scope };
  if (global) {
    headers['x-ratelimit-global'] = 'true';
  } else {
    headers['x-ratelimit-remaining'] = '0';
    headers['x-ratelimit-reset-after'] = secs(retryAfterMs);
    headers['x-ratelimit-reset'] = secs(Date.now() + retryAfterMs);
  }
  return {
    status: 429,
    headers,
    body: { message: 'You are being rate limited.', retry_after: Number(secs(retryAfterMs)), global },
  };
}

/** Normalise a fault shorthand. */
export function toFault(fault: Fault | FaultName): Fault {
  return typeof fault === 'string' ? ({ kind: fault } as Fault) : fault;
}

/** Status, code and message of the error faults. */
export function faultError(fault: Fault): { status: number; code: number; message: string } | null {
  switch (fault.kind) {
    case 'missingAccess':
      return { status: 403, code: 50001, message: 'Missing Access' };
    case 'missingPermissions':
      return { status: 403, code: 50013, message: 'Missing Permissions' };
    case 'unknownChannel':
      return { status: 404, code: 10003, message: 'Unknown Channel' };
    case 'serverError':
      return { status: fault.status ?? 500, code: 0, message: '500: Internal Server Error' };
    case 'badGateway':
      return { status: 502, code: 0, message: '502: Bad Gateway' };
    case 'error':
      return { status: fault.status, code: fault.code, message: fault.message };
    default:
      return null;
  }
}

interface PendingFault {
  method: string;
  segments: string[];
  fault: Fault;
  remaining: number;
}

/**
 * Pending faults. A route is `"METHOD /path"`; METHOD may be `*`, and path
 * segments starting with `:` (or `*`) match any value, so
 * `"POST /channels/:id/messages"` matches every channel.
 */
export class FaultQueue {
  private readonly pending: PendingFault[] = [];

  /** Queue `fault` for the next `times` requests matching `route`. */
  add(route: string, fault: Fault, times: number): void {
    const [method = '*', path = '/'] = route.trim().split(/\s+/, 2);
    this.pending.push({ method: method.toUpperCase(), segments: split(path), fault, remaining: times });
  }

  /** Take the first fault matching a request, if any. */
  take(method: string, path: string): Fault | null {
    const segments = split(path);
    const index = this.pending.findIndex(
      (p) =>
        (p.method === '*' || p.method === method) &&
        p.segments.length === segments.length &&
        p.segments.every((s, i) => s.startsWith(':') || s === '*' || s === segments[i]),
    );
    const hit = this.pending[index];
    if (!hit) return null;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.pending.splice(index, 1);
    return hit.fault;
  }

  /** Faults not yet consumed. */
  get size(): number {
    return this.pending.length;
  }

  /** Drop every pending fault. */
  clear(): void {
    this.pending.length = 0;
  }
}

function split(path: string): string[] {
  return path.split('?')[0]!.split('/').filter((s) => s.length > 0);
}
