/**
 * The delivery ledger's writes that must not fail quietly: the permanent
 * "delivered" marker after a successful send, and the renewal of a claim
 * while its send is in flight.
 *
 * Why: a send that went out but whose marker was lost (a store restart, a
 * killed connection) used to look undone once its claim lapsed, and was sent
 * again — 16 to 48 doubles per 3,000 in the fault runs. Now the instance that
 * sent holds the claim and keeps writing the marker with backoff until the
 * store takes it; the delivery key also stays in the instance's memory as
 * done, so it never sends it again itself.
 */
import type { Store } from '../store/store.js';
import type { BurstLog } from '../log-privacy.js';

import { randomUUID } from 'node:crypto';
import { chatKey, type ChatRef } from '../chat.js';
import { CHAT_SETTINGS, DELIVERED, readChatSettings, type ChatSettings } from '../store/chat-settings.js';

/** Namespace of the permanent "delivered" markers. */
export { DELIVERED };

/** The key of one reminder to one chat, in the ledger and in claims: `platform:chatId:eventId:year`. */
export const deliveryKey = (chat: Pick<ChatRef, 'platform' | 'chatId'>, eventId: string, year: number): string =>
  `${chat.platform}:${chat.chatId}:${eventId}:${year}`;

/** How long a marker is kept: longer than a year, so next year's key is the only one that matters. */
export const MARKER_TTL_MS = 400 * 86_400_000;

/** Default lease of a claim: much longer than one bounded send, short enough that a crash delays little. */
export const DEFAULT_LEASE_MS = 3 * 60_000;

/** What a marker records. */
export interface DeliveredMarker {
  readonly outcome: 'sent' | 'gone' | 'migrated' | 'rejected';
  /** ISO instant it was written. */
  readonly at: string;
}

/** What the ledger's writes need. */
export interface LedgerContext {
  readonly store: Store;
  readonly burst: BurstLog;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly leaseMs: number;
  readonly markerTtlMs: number;
  /** True once the process is shutting down: a marker still unwritten is then given up (logged). */
  readonly stopping: () => boolean;
  /** Counts one failed marker write (metrics, tests). */
  readonly onMarkerRetry?: () => void;
}

/** First wait after a failed marker write; doubled up to {@link MARKER_BACKOFF_MAX_MS}. */
export const MARKER_BACKOFF_MS = 200;
/** Longest wait between two marker writes. */
export const MARKER_BACKOFF_MAX_MS = 5_000;

/**
 * Writes the marker of `key`, retrying with backoff until the store takes
 * it, renewing the claim meanwhile so no other instance can take the
 * delivery over. Returns false only when the process stopped first.
 */
export async function writeMarkerUntilStuck(ctx: LedgerContext, key: string, outcome: DeliveredMarker['outcome'], owner?: string): Promise<boolean> {
  let wait = MARKER_BACKOFF_MS;
  for (let attempt = 1; ; attempt++) {
    const marker: DeliveredMarker = { outcome, at: new Date(ctx.now()).toISOString() };
    try {
      await ctx.store.set(DELIVERED, key, marker, ctx.markerTtlMs);
      return true;
    } catch (error: unknown) {
      ctx.onMarkerRetry?.();
      ctx.burst.note('warn', 'marker', { err: error, attempt }, 'delivered marker not written; holding the claim and retrying');
      if (ctx.stopping() && attempt >= 3) {
        ctx.burst.note('error', 'marker-abandoned', { outcome }, 'shutting down with a delivered marker unwritten; a restart may send that reminder again');
        return false;
      }
      await renewOwn(ctx.store, key, ctx.leaseMs, owner).catch(() => undefined);
      await ctx.sleep(wait);
      wait = Math.min(wait * 2, MARKER_BACKOFF_MAX_MS);
    }
  }
}

/** Extends this caller's claim of `key`, never another's (unconditionally only for a caller without an owner token). */
async function renewOwn(store: Store, key: string, ttlMs: number, owner: string | undefined): Promise<void> {
  if (owner === undefined) await store.renew(key, ttlMs);
  else await store.renewIfHeld(key, ttlMs, owner);
}

/**
 * Runs `send` while renewing the claim of `key` every third of the lease, so
 * a send slower than expected never lets the claim lapse under it. A renewal
 * that fails is retried at the next interval; the send is not disturbed.
 */
export async function whileRenewing<T>(ctx: Pick<LedgerContext, 'store' | 'leaseMs'>, key: string, send: () => Promise<T>, owner?: string): Promise<T> {
  const timer = setInterval(() => { void renewOwn(ctx.store, key, ctx.leaseMs, owner).catch(() => undefined); }, Math.max(1_000, ctx.leaseMs / 3));
  timer.unref();
  try {
    return await send();
  } finally {
    clearInterval(timer);
  }
}

/**
 * Resolves with what `send` resolves with, or with `onTimeout()` after `ms`.
 * A guard around an adapter's send: adapters bound their own requests, and
 * this bounds an adapter that does not. The late send is left to finish.
 */
export function withTimeout<T>(ms: number, send: Promise<T>, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => { timer = setTimeout(() => resolve(onTimeout()), ms); });
  return Promise.race([send, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A claim an earlier try of the same job won but could not release (the
 * store failed in between). The next try renews it instead of claiming
 * again — otherwise it would find its own claim taken and wait out the lease.
 */
export interface HeldClaim {
  claim?: { readonly key: string; readonly wonAt: number };
  /** A claim asked for whose answer never came (the connection died mid-request): it may have landed. */
  asked?: { readonly key: string; readonly at: number };
  /** This job's owner token, recorded in its claims so a retry can recognise its own. */
  owner?: string;
}

/** The claim of `key` this job asked for before an error, when the store says it did land. */
async function landedBeforeError(
  ctx: Pick<LedgerContext, 'store' | 'now' | 'leaseMs'>, key: string, held: HeldClaim,
): Promise<{ readonly key: string; readonly wonAt: number } | undefined> {
  const asked = held.asked;
  held.asked = undefined;
  if (asked?.key !== key || ctx.now() - asked.at >= ctx.leaseMs * 0.8) return undefined;
  return (await ctx.store.claimHolder(key)) === held.owner ? { key, wonAt: asked.at } : undefined;
}

/** A claim won, with the chat's settings read in the same round trip. */
export interface WonClaim {
  readonly outcome: 'won';
  readonly wonAt: number;
  /** The chat's settings as they are now (undefined: it has none any more). */
  readonly settings: ChatSettings | undefined;
}

/**
 * Claims a delivery key unless it is already delivered or held elsewhere,
 * reading the chat's settings in the same round trip
 * (`Store.claimUnlessDone`); or renews it when an earlier try of the same job
 * still holds it (`held`), then checks the marker and reads the settings.
 */
export async function claimDelivery(
  ctx: Pick<LedgerContext, 'store' | 'now' | 'leaseMs'>, key: string, held: HeldClaim, chat: Pick<ChatRef, 'platform' | 'chatId'>,
): Promise<WonClaim | { outcome: 'delivered' | 'claimed' }> {
  held.owner ??= randomUUID();
  const own = held.claim ?? (held.claim = await landedBeforeError(ctx, key, held));
  // Renewed only while still ours: a claim that lapsed meanwhile may be another instance's now.
  if (own !== undefined && own.key === key && ctx.now() - own.wonAt < ctx.leaseMs * 0.8 && await ctx.store.renewIfHeld(key, ctx.leaseMs, held.owner)) {
    if ((await ctx.store.get(DELIVERED, key)) !== undefined) {
      await ctx.store.release(key);
      held.claim = undefined;
      return { outcome: 'delivered' };
    }
    return { outcome: 'won', wonAt: own.wonAt, settings: await readChatSettings(ctx.store, chat) };
  }
  held.claim = undefined;
  const at = ctx.now();
  held.asked = { key, at };
  const result = await ctx.store.claimUnlessDone<ChatSettings>(
    key, ctx.leaseMs, held.owner, { namespace: DELIVERED, key }, { namespace: CHAT_SETTINGS, key: chatKey(chat) },
  );
  held.asked = undefined;
  if (result.outcome === 'done') return { outcome: 'delivered' };
  if (result.outcome === 'held') return { outcome: 'claimed' };
  held.claim = { key, wonAt: at };
  return { outcome: 'won', wonAt: at, settings: result.value };
}
