/**
 * Exactly-once delivery of one reminder to one chat, across restarts,
 * instances and ordinary faults. The delivery key is `platform:chatId:eventId:year`:
 *
 * 1. `store.claimUnlessDone` — in one round trip: nothing to do when the
 *    permanent marker in `delivered` is there; else a claim with a short
 *    lease, taken just before sending (only the winner goes on), and the
 *    chat's settings as they are now;
 * 2. unsubscribed or moved to another slot since the list was loaded →
 *    release, skip;
 * 3. send, bounded in time, the claim renewed while it is in flight — only
 *    while this instance drives the platform (`mayStart`, the fan-out lease);
 *    `sent` → the marker is written until it sticks (ledger.ts).
 *
 * So the common case costs two store operations: the claim and the marker.
 *
 * What each SendResult does (see src/adapter.ts):
 * - `gone` ends the subscription; `migrated` moves it and sends under the new id;
 * - `forbidden` keeps it, flags it with the reason, releases the claim and
 *   tries again later (the caller's `retryLaterMs`);
 * - `paused` and a whole-bot `retryAfter` close the platform's gate: no send
 *   of that platform starts until it opens; the claim is released;
 * - `failed`: transient ones are retried with backoff within the lease, then
 *   released for a later tick; `ambiguous` ones (timed out after sending)
 *   are released at once and counted, since a retry may double them;
 *   permanent ones are marked `rejected`.
 *
 * A crash between send and marker leaves a claim that lapses after the lease;
 * the send is then repeated: at most the sends in flight at a crash double.
 * i18n-exempt-file: the reasons here are for logs and metrics, never shown to a chat.
 */
import type { Adapter, SendResult } from '../adapter.js';
import type { ChatRef } from '../chat.js';
import { chatForLog } from '../log-privacy.js';
import { flagPostingProblem, forgetChat, moveChat, type ChatSettings } from '../store/chat-settings.js';
import type { DeliveryContext, DeliveryJob, DeliveryOutcome } from './delivery-types.js';
import { slotKey } from './due.js';
import { claimDelivery, DELIVERED, deliveryKey, whileRenewing, withTimeout, writeMarkerUntilStuck, type DeliveredMarker, type HeldClaim } from './ledger.js';
import { chatLanguage, slotOf } from './subscriptions.js';

export { DEFAULT_LEASE_MS, DELIVERED, deliveryKey, MARKER_TTL_MS, type DeliveredMarker, type HeldClaim } from './ledger.js';
export type { DeliveryContext, DeliveryJob, DeliveryOutcome, SendObservation } from './delivery-types.js';

/** Default bound of one adapter send, when the adapter's own request timeout did not answer first. */
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;

/** How long a paused platform (configuration-shaped failure) waits before it is tried again. */
export const PAUSE_MS = 60_000;

/** Retry-after waits honoured for one send before it is left to a later tick. */
const MAX_RETRY_AFTER_WAITS = 5;

/**
 * Delivers one reminder. Never throws: store errors are logged (collapsed per
 * burst) and reported as `storeError` (nothing was sent; `held` then says
 * whether this caller still holds the claim, for its retry) or `failed`.
 */
export async function deliver(job: DeliveryJob, adapter: Adapter, ctx: DeliveryContext, held: HeldClaim = {}): Promise<DeliveryOutcome> {
  const attempt = new Attempt(job, adapter, ctx, held);
  try {
    const outcome = await attempt.start();
    held.claim = undefined;
    return outcome;
  } catch (error: unknown) {
    ctx.counters.errors++;
    ctx.burst.note('error', 'delivery-store', { err: error, platform: job.chat.platform }, 'reminder delivery failed on a store error; retried');
    // Give back what can be given back; a claim that cannot be released stays in `held` for the retry.
    if (held.claim !== undefined && (await ctx.store.release(held.claim.key).then(() => true, () => false))) held.claim = undefined;
    if (!attempt.sending) return 'storeError';
    held.claim = undefined;
    return 'failed';
  }
}

/** One claimed delivery, from claim to marker. */
class Attempt {
  /** True once a send was started: a store error after that is not a plain "nothing happened". */
  sending = false;
  key: string;
  private chat: Pick<ChatRef, 'platform' | 'chatId' | 'kind'>;
  private target: ChatRef;
  private claimedAt = 0;
  /** The chat's settings, read with the claim. */
  private settings: ChatSettings | undefined;
  private flagged = false;
  private failures = 0;
  private waits = 0;
  private migrations = 0;

  constructor(
    private job: DeliveryJob, private readonly adapter: Adapter, private readonly ctx: DeliveryContext, private readonly held: HeldClaim,
  ) {
    const c = job.chat;
    this.chat = { platform: c.platform, chatId: c.chatId, kind: c.kind };
    this.target = { platform: c.platform, chatId: c.targetId ?? c.chatId, kind: c.kind, ...(c.threadId === undefined ? {} : { threadId: c.threadId }) };
    this.key = deliveryKey(c, job.reminder.event.id, job.reminder.year);
  }

  async start(): Promise<DeliveryOutcome> {
    const { ctx } = this;
    const claim = await this.claim();
    if (claim !== 'won') return claim;
    const settings = this.settings;
    if (settings?.subscribed !== true || slotKey(slotOf(settings, ctx.defaults)) !== slotKey(this.job.reminder.slot)) {
      await ctx.store.release(this.key);
      return 'changed';
    }
    this.flagged = settings.postingProblem !== undefined;
    const language = chatLanguage(settings, ctx.defaults); // changed since the list was read: the reminder in the new one
    if (language !== this.job.chat.language && this.job.reminderIn) this.job = { ...this.job, ...this.job.reminderIn(language) };
    return this.run();
  }

  private async run(): Promise<DeliveryOutcome> {
    for (;;) {
      if (this.ctx.mayStart?.(this.chat.platform) === false) {
        await this.ctx.store.release(this.key);
        return 'standby';
      }
      this.sending = true;
      const result = await whileRenewing(this.ctx, this.key, () => withTimeout(this.ctx.sendTimeoutMs,
        this.adapter.send(this.target, this.job.message, this.job.actions),
        (): SendResult => ({ kind: 'failed', transient: true, ambiguous: true, reason: `no answer within ${this.ctx.sendTimeoutMs} ms` })), this.held.owner);
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
        ctx.gates.open(this.chat.platform);
        ctx.counters.sent++;
        await writeMarkerUntilStuck(ctx, this.key, 'sent', this.held.owner);
        if (this.flagged) await flagPostingProblem(ctx.store, this.chat, undefined).catch(() => undefined);
        return 'sent';
      case 'retryAfter':
        return this.rateLimited(result.ms, result.scope ?? 'chat');
      case 'paused':
        ctx.gates.close(this.chat.platform, ctx.now() + PAUSE_MS, 'paused', result.reason, ctx.now());
        ctx.counters.paused++;
        ctx.burst.note('warn', `paused:${this.chat.platform}`, { platform: this.chat.platform, reason: result.reason, pauseMs: PAUSE_MS },
          'platform refused the bot as a whole (configuration or outage); its reminders wait and are tried again');
        await ctx.store.release(this.key);
        return 'paused';
      case 'forbidden':
        ctx.counters.forbidden++;
        ctx.burst.note('warn', `forbidden:${this.chat.platform}`, { ...this.where(), reason: result.reason },
          'reminder refused: the bot may not post there; subscription kept and flagged, tried again later');
        await flagPostingProblem(ctx.store, this.chat, { reason: result.reason, at: new Date(ctx.now()) });
        await ctx.store.release(this.key);
        ctx.retryLater(this.key, ctx.now() + ctx.forbiddenRetryMs);
        return 'forbidden';
      case 'failed':
        return this.failed(result);
      case 'gone':
        // No marker: the settings are gone, so no instance will try again, and a forgotten
        // chat should leave no key with its id behind (the claim is dropped too).
        await forgetChat(ctx.store, this.chat);
        await ctx.store.release(this.key);
        ctx.counters.gone++;
        ctx.log.info({ ...this.where(), reason: result.reason }, 'chat gone; its settings are deleted');
        return 'gone';
      case 'migrated':
        return this.migrate(result.newChatId);
    }
  }

  private async rateLimited(ms: number, scope: 'chat' | 'bot'): Promise<DeliveryOutcome | 'again'> {
    const { ctx } = this;
    if (scope === 'bot') {
      ctx.gates.close(this.chat.platform, ctx.now() + ms, 'flood', `flood wait ${Math.ceil(ms / 1000)} s`, ctx.now());
      await ctx.shareFlood?.(this.chat.platform, ms).catch(() => undefined);
    }
    if (++this.waits > MAX_RETRY_AFTER_WAITS || !this.leaseAllows(ms)) {
      await ctx.store.release(this.key);
      ctx.counters.deferred++;
      ctx.burst.note('warn', `deferred:${this.chat.platform}:${scope}`, { platform: this.chat.platform, scope, retryAfterMs: ms },
        'reminder rate-limited; left for a later tick');
      return 'deferred';
    }
    ctx.counters.retries++;
    await ctx.sleep(ms);
    return 'again';
  }

  private async failed(result: Extract<SendResult, { kind: 'failed' }>): Promise<DeliveryOutcome | 'again'> {
    const { ctx } = this;
    if (result.ambiguous === true) {
      // The platform may have taken it: retried at a later tick, never at once, and counted as a possible double.
      ctx.counters.ambiguous++;
      ctx.counters.failed++;
      ctx.burst.note('warn', `ambiguous:${this.chat.platform}`, { ...this.where(), reason: result.reason }, 'reminder send timed out; retried later (may double)');
      await ctx.store.release(this.key);
      return 'failed';
    }
    const backoff = ctx.backoffMs * 2 ** this.failures;
    if (result.transient && ++this.failures < ctx.maxAttempts && this.leaseAllows(backoff)) {
      ctx.counters.retries++;
      await ctx.sleep(backoff);
      return 'again';
    }
    ctx.counters.failed++;
    ctx.burst.note('warn', `failed:${this.chat.platform}:${String(result.transient)}`, { ...this.where(), transient: result.transient, reason: result.reason },
      'reminder not sent');
    if (result.transient) {
      await ctx.store.release(this.key);
      return 'failed';
    }
    await this.mark('rejected');
    return 'rejected';
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
    ctx.log.info({ ...this.where(), to: chatForLog({ chatId: newChatId, kind: this.chat.kind }) }, 'chat migrated; its settings are moved');
    this.chat = { ...this.chat, chatId: newChatId };
    this.target = { ...this.target, chatId: newChatId };
    this.key = deliveryKey(this.chat, this.job.reminder.event.id, this.job.reminder.year);
    this.sending = false;
    const claim = await this.claim();
    if (claim !== 'won') return claim;
    return 'again';
  }

  /** Claims (or renews) this delivery's key; see {@link claimDelivery}. */
  private async claim(): Promise<'won' | 'delivered' | 'claimed'> {
    const result = await claimDelivery(this.ctx, this.key, this.held, this.chat);
    if (result.outcome !== 'won') return result.outcome;
    this.claimedAt = result.wonAt;
    this.settings = result.settings;
    return 'won';
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
    return { platform: this.chat.platform, chat: chatForLog(this.chat), event: this.job.reminder.event.id, year: this.job.reminder.year };
  }
}
