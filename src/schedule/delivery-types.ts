/**
 * The types of one delivery (delivery.ts): the job, what it needs around it,
 * and how it ended.
 */
import type { SendResult } from '../adapter.js';
import type { ChatRef, Platform } from '../chat.js';
import type { Language } from '../i18n/languages.js';
import type { Logger } from '../log.js';
import type { Action, RichMessage } from '../rich/model.js';
import type { ReminderCounters } from './counters.js';
import type { DueReminder } from './due.js';
import type { PlatformGates } from './gates.js';
import type { LedgerContext } from './ledger.js';
import type { SlotDefaults, Subscriber } from './subscriptions.js';

/** One reminder to one chat. */
export interface DeliveryJob {
  readonly chat: Subscriber;
  readonly reminder: DueReminder;
  readonly message: RichMessage;
  /** Buttons under the reminder (the related demands, the editors' notes). */
  readonly actions?: readonly Action[];
  /** The same reminder in another language: sent instead when the chat's language changed since the list was read. */
  readonly reminderIn?: (language: Language) => Pick<DeliveryJob, 'message' | 'actions'>;
}

/** What delivery needs around it. */
export interface DeliveryContext extends LedgerContext {
  readonly log: Logger;
  readonly counters: ReminderCounters;
  readonly defaults: SlotDefaults;
  readonly gates: PlatformGates;
  /** Sends tried for a transient failure, in all. */
  readonly maxAttempts: number;
  /** First backoff after a transient failure; doubled each time. */
  readonly backoffMs: number;
  /** Bound of one adapter send. */
  readonly sendTimeoutMs: number;
  /** Asks for the delivery `key` not to be tried again before `atMs` (a refused post). */
  readonly retryLater: (key: string, atMs: number) => void;
  /** How long after a `forbidden` answer the same reminder is tried again. */
  readonly forbiddenRetryMs: number;
  /** Told of every send's result (metrics); `lateMs` is how late a sent reminder went out. */
  readonly observe?: (event: SendObservation) => void;
  /**
   * Asked just before every send: false when this instance may not send on
   * `platform` now (it does not hold, or lost, the platform's fan-out lease).
   * Absent: always true.
   */
  readonly mayStart?: (platform: Platform) => boolean;
  /** Told of a whole-bot flood wait, to share it with every instance (store). */
  readonly shareFlood?: (platform: Platform, ms: number) => Promise<void>;
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
 * `forbidden` (kept, flagged, tried later); `paused` (the platform's gate
 * closed); `deferred` (rate limited, retry later); `failed` (transient,
 * released: a later tick retries); `rejected` (permanent, marked);
 * `storeError` (the store failed before anything was sent: nothing happened);
 * `standby` (not sent: another instance drives the platform's fan-out, or
 * this one lost its lease just before the send; the claim was released).
 */
export type DeliveryOutcome =
  | 'sent' | 'delivered' | 'claimed' | 'changed' | 'gone' | 'forbidden' | 'paused' | 'deferred' | 'failed' | 'rejected' | 'storeError' | 'standby';

