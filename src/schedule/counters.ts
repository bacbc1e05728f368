/**
 * Counters of the reminder scheduler, kept as a plain object a metrics module
 * can read at any time (and tests can assert on). Cumulative since start,
 * except `fanOut`, which describes the fan-out under way (or the last one).
 */

/** Progress of one fan-out: every (chat, reminder) considered by one tick. */
export interface FanOutProgress {
  /** True while a fan-out runs. */
  running: boolean;
  /** Deliveries this fan-out handles (chats × reminders, this instance's platforms). */
  total: number;
  sent: number;
  failed: number;
  /** Not handled yet. */
  pending: number;
}

/** Cumulative counters of the reminder scheduler. */
export interface ReminderCounters {
  /** Ticks run. */
  ticks: number;
  /** Ticks skipped because the previous one was still running. */
  overlapping: number;
  /** Ticks on a day near an anniversary (the others touch no store). */
  nearTicks: number;
  /** Ticks that failed (logged). */
  tickErrors: number;
  /** Reminders posted. */
  sent: number;
  /** Found already delivered (marker present). */
  alreadyDelivered: number;
  /** Claimed by another process or instance at the time. */
  claimedElsewhere: number;
  /** Left to the instance that drives their platform's fan-out (this one did not hold the lease). */
  standby: number;
  /** Skipped: no adapter for the chat's platform in this process. */
  noAdapter: number;
  /** Skipped: the chat unsubscribed or moved to another time since the list was read. */
  changed: number;
  /** Chats gone (kicked, blocked, deleted): forgotten. */
  gone: number;
  /** Posts refused for missing rights: subscription kept and flagged, tried again later. */
  forbidden: number;
  /** Sends answered with a whole-platform failure (configuration-shaped): the platform's gate closed. */
  paused: number;
  /** Sends that timed out after being sent: retried later, possibly doubled. */
  ambiguous: number;
  /** Delivered-marker writes that failed and were retried (the claim held meanwhile). */
  markerRetries: number;
  /** Chats migrated to a new id: moved, then sent to. */
  migrated: number;
  /** Sends retried (after retry-after or a transient failure). */
  retries: number;
  /** Left for a later tick (a retry-after longer than the claim's lease allows). */
  deferred: number;
  /** Sends that failed for good this time (transient after retries, or permanent). */
  failed: number;
  /** Reminders (chat × event) that fell due longer ago than the catch-up window: logged, not sent. */
  missed: number;
  /** Store or unexpected errors while delivering (logged; the claim expires by itself). */
  errors: number;
  readonly fanOut: FanOutProgress;
}

/** Fresh counters, all zero. */
export function newReminderCounters(): ReminderCounters {
  return {
    ticks: 0, overlapping: 0, nearTicks: 0, tickErrors: 0, sent: 0, alreadyDelivered: 0, claimedElsewhere: 0, standby: 0,
    noAdapter: 0, changed: 0, gone: 0, forbidden: 0, paused: 0, ambiguous: 0, markerRetries: 0, migrated: 0, retries: 0, deferred: 0, failed: 0, missed: 0, errors: 0,
    fanOut: { running: false, total: 0, sent: 0, failed: 0, pending: 0 },
  };
}
