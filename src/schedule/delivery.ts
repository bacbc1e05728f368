/**
 * Exactly-once delivery of one reminder to one chat, across restarts and
 * instances. The delivery key is `platform:chatId:eventId:year`:
 *
 * 1. a permanent marker in `delivered` → nothing to do;
 * 2. `store.claim(key, leaseMs)` — a short lease, taken just before sending;
 *    only the winner goes on (and re-checks the marker, which a finished
 *    sender may have written between 1 and 2);
 * 3. the chat's settings are re-read: unsubscribed or moved to another slot
 *    since the list was loaded → release, skip;
 * 4. send; `sent` → write the marker (the claim then simply expires).
 *
 * A process killed between 4 and its marker leaves a claim that expires after
 * the lease; then the send is repeated. So at most the sends in flight at a
 * crash can be doubled, and none is lost.
 */
import type { Adapter, SendResult } from '../adapter.js';
import type { ChatRef } from '../chat.js';
import type { Logger } from '../log.js';
import type { RichMessage } from '../rich/model.js';
import { forgetChat, moveChat, readChatSettings } from '../store/chat-settings.js';
import type { Store } from '../store/store.js';
import type { ReminderCounters } from './counters.js';
import { slotKey, type DueReminder } from './due.js';
import { slotOf, type SlotDefaults, type Subscriber } from './subscriptions.js';

/** Namespace of the permanent "delivered" markers. */
export const DELIVERED = 'delivered';

/** How long a marker is kept: longer than a year, so next year's key is the only one that matters. */
export const MARKER_TTL_MS = 400 * 86_400_000;

/** Default lease of a claim: much longer than one paced send, short enough that a crash delays little. */
export const DEFAULT_LEASE_MS = 3 * 60_000;

/** Retry-after waits honoured for one send before it is left to a later tick. */
const MAX_RETRY_AFTER_WAITS = 5;

/** `platform:chatId:eventId:year`. */
export const deliveryKey = (chat: Pick<ChatRef, 'platform' | 'chatId'>, eventId: string, year: number): string =>
  `${chat.platform}:${chat.chatId}:${eventId}:${year}`;

/** What a marker records. */
export interface DeliveredMarker {
  readonly outcome: 'sent' | 'gone' | 'migrated' | 'rejected';
  /** ISO instant it was written. */
  readonly at: string;
}

/** One reminder to one chat. */
export interface DeliveryJob {
  readonly chat: Subscriber;
  readonly reminder: DueReminder;
  readonly message: RichMessage;
}

/** What delivery needs around it. */
export interface DeliveryContext {
  readonly store: Store;
  readonly log: Logger;
  readonly counters: ReminderCounters;
  readonly defaults: SlotDefaults;
  /** Milliseconds now (the scheduler's clock). */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly leaseMs: number;
  /** Sends tried for a transient failure, in all. */
  readonly maxAttempts: number;
  /** First backoff after a transient failure; doubled each time. */
  readonly backoffMs: number;
  readonly markerTtlMs: number;
  /** Told of every send's result (metrics); `lateMs` is how late a sent reminder went out. */
  readonly observe?: (event: SendObservation) => void;
}

/** One adapter send, as metrics see it. */
export interface SendObservation {
  readonly platform: ChatRef['platform'];
  readonly result: SendResult['kind'];
  /** For `sent`: ms since the reminder fell due. */
  readonly lateMs?: number;
}

/**
 * How one delivery ended: `sent`; `delivered` (already, by someone); `claimed`
 * (someone else holds it now); `changed` (settings changed, skipped); `gone`;
 * `deferred` (retry later); `failed` (transient, released: a later tick may
 * retry); `rejected` (permanent failure, marked so it is not retried).
 */
export type DeliveryOutcome = 'sent' | 'delivered' | 'claimed' | 'changed' | 'gone' | 'deferred' | 'failed' | 'rejected';

/** Delivers one reminder. Never throws: store errors are logged and counted as `failed`. */
export async function deliver(job: DeliveryJob, adapter: Adapter, ctx: DeliveryContext): Promise<DeliveryOutcome> {
  try {
    return await claimAndSend(job, adapter, ctx);
  } catch (error: unknown) {
    ctx.counters.errors++;
    ctx.log.error({ err: error, platform: job.chat.platform, chat: job.chat.chatId, event: job.reminder.event.id }, 'reminder delivery failed');
    return 'failed';
  }
}

/**
 * Claims a delivery key unless it is already delivered or held elsewhere. The
 * marker is read again after winning: another instance may have finished it
 * between the first read and the claim.
 */
async function claimFresh(key: string, ctx: DeliveryContext): Promise<'won' | 'delivered' | 'claimed'> {
  if ((await ctx.store.get(DELIVERED, key)) !== undefined) return 'delivered';
  if (!(await ctx.store.claim(key, ctx.leaseMs))) return 'claimed';
  return (await ctx.store.get(DELIVERED, key)) !== undefined ? 'delivered' : 'won';
}

async function claimAndSend(job: DeliveryJob, adapter: Adapter, ctx: DeliveryContext): Promise<DeliveryOutcome> {
  const key = deliveryKey(job.chat, job.reminder.event.id, job.reminder.year);
  const claim = await claimFresh(key, ctx);
  if (claim !== 'won') return claim;
  const claimedAt = ctx.now();
  const settings = await readChatSettings(ctx.store, job.chat);
  if (settings?.subscribed !== true || slotKey(slotOf(settings, ctx.defaults)) !== slotKey(job.reminder.slot)) {
    await ctx.store.release(key);
    return 'changed';
  }
  return new Attempt(job, adapter, ctx, key, claimedAt).run();
}

/** The send loop of one claimed delivery. */
class Attempt {
  private chat: Pick<ChatRef, 'platform' | 'chatId'>;
  private target: ChatRef;
  private failures = 0;
  private waits = 0;
  private migrations = 0;

  constructor(
    private readonly job: DeliveryJob,
    private readonly adapter: Adapter,
    private readonly ctx: DeliveryContext,
    private key: string,
    private claimedAt: number,
  ) {
    const c = job.chat;
    this.chat = { platform: c.platform, chatId: c.chatId };
    this.target = { platform: c.platform, chatId: c.targetId ?? c.chatId, kind: c.kind };
  }

  async run(): Promise<DeliveryOutcome> {
    for (;;) {
      const result = await this.adapter.send(this.target, this.job.message);
      this.ctx.observe?.({
        platform: this.target.platform, result: result.kind,
        ...(result.kind === 'sent' ? { lateMs: this.ctx.now() - this.job.reminder.dueAt.getTime() } : {}),
      });
      const next = await this.handle(result);
      if (next !== 'again') return next;
    }
  }

  private async handle(result: SendResult): Promise<DeliveryOutcome | 'again'> {
    const { ctx } = this;
    switch (result.kind) {
      case 'sent':
        await this.mark('sent');
        ctx.counters.sent++;
        return 'sent';
      case 'retryAfter':
        if (++this.waits > MAX_RETRY_AFTER_WAITS || !this.leaseAllows(result.ms)) {
          await ctx.store.release(this.key);
          ctx.counters.deferred++;
          ctx.log.warn({ ...this.where(), retryAfterMs: result.ms }, 'reminder rate-limited; left for a later tick');
          return 'deferred';
        }
        ctx.counters.retries++;
        await ctx.sleep(result.ms);
        return 'again';
      case 'failed': {
        const backoff = ctx.backoffMs * 2 ** this.failures;
        if (result.transient && ++this.failures < ctx.maxAttempts && this.leaseAllows(backoff)) {
          ctx.counters.retries++;
          await ctx.sleep(backoff);
          return 'again';
        }
        ctx.counters.failed++;
        ctx.log.warn({ ...this.where(), transient: result.transient, reason: result.reason }, 'reminder not sent');
        if (result.transient) {
          await ctx.store.release(this.key);
          return 'failed';
        }
        await this.mark('rejected');
        return 'rejected';
      }
      case 'gone':
        await forgetChat(ctx.store, this.chat);
        await this.mark('gone');
        ctx.counters.gone++;
        ctx.log.info({ ...this.where(), reason: result.reason }, 'chat gone; its settings are deleted');
        return 'gone';
      case 'migrated':
        return this.migrate(result.newChatId);
    }
  }

  /** Moves the subscription to the new id, marks the old key, and carries on under the new key. */
  private async migrate(newChatId: string): Promise<DeliveryOutcome | 'again'> {
    const { ctx } = this;
    if (++this.migrations > 1 || this.job.chat.targetId !== undefined) {
      return this.handle({ kind: 'failed', transient: false, reason: 'migrated more than once' });
    }
    await moveChat(ctx.store, this.chat, newChatId);
    await this.mark('migrated');
    ctx.counters.migrated++;
    ctx.log.info({ ...this.where(), to: newChatId }, 'chat migrated; its settings are moved');
    this.chat = { platform: this.chat.platform, chatId: newChatId };
    this.target = { ...this.target, chatId: newChatId };
    this.key = deliveryKey(this.chat, this.job.reminder.event.id, this.job.reminder.year);
    const claim = await claimFresh(this.key, ctx);
    if (claim !== 'won') return claim;
    this.claimedAt = ctx.now();
    return 'again';
  }

  /** True when waiting `ms` more still leaves a fifth of the lease for the send itself. */
  private leaseAllows(ms: number): boolean {
    return this.ctx.now() - this.claimedAt + ms <= this.ctx.leaseMs * 0.8;
  }

  private async mark(outcome: DeliveredMarker['outcome']): Promise<void> {
    const marker: DeliveredMarker = { outcome, at: new Date(this.ctx.now()).toISOString() };
    await this.ctx.store.set(DELIVERED, this.key, marker, this.ctx.markerTtlMs);
  }

  private where(): Record<string, unknown> {
    const r = this.job.reminder;
    return { platform: this.chat.platform, chat: this.chat.chatId, event: r.event.id, year: r.year };
  }
}
