/**
 * Whether the Bot API actually answers, for /readyz. Every call of the
 * adapter's APIs (replies, roles, polling, reminders) passes through
 * `transformer()`: a few platform failures in a row (network, timeout, 5xx,
 * 401, 404 — not a chat's own 400/403) make the adapter not ready, the next
 * answer makes it ready again. Start-up, polling and the token add their own
 * reasons, which only they clear.
 *
 * i18n-exempt-file: readiness reasons for /readyz and the operator.
 */
import type { Transformer } from 'grammy';
import { platformFailure } from './errors.js';

/** Platform failures in a row before the adapter says it is not ready. */
export const FAILURES_BEFORE_NOT_READY = 3;

/** A condition that keeps the adapter not ready until it is cleared. */
export type Blocker = 'starting' | 'token' | 'polling' | 'conflict';

const BLOCKER_TEXT: Record<Blocker, string> = {
  starting: 'connecting to Telegram',
  token: 'Telegram rejected the bot token (401); check TELEGRAM_BOT_TOKEN (or the proxy at TELEGRAM_API_ROOT)',
  polling: 'long polling stopped',
  conflict: 'another instance is polling this bot token, or a webhook is set (409)',
};

/** Called for every platform failure a transformer sees (for the log). */
export type FailureListener = (method: string, cause: string, thrown: unknown) => void;

/** Readiness of the Telegram connection. */
export class TelegramHealth {
  private readonly blockers = new Set<Blocker>(['starting']);
  private failuresInARow = 0;
  private lastFailure = '';

  /** True while nothing blocks and the last calls did not all fail. */
  ready(): boolean {
    return this.blockers.size === 0 && this.failuresInARow < FAILURES_BEFORE_NOT_READY;
  }

  /** Why not ready (one short line; no ids, no secrets), or undefined when ready. */
  reason(): string | undefined {
    for (const b of ['token', 'conflict', 'polling', 'starting'] as const) {
      if (!this.blockers.has(b)) continue;
      // While still starting, say what the attempts run into.
      if (b === 'starting' && this.lastFailure !== '') return `Telegram unreachable at start-up (${this.lastFailure})`;
      return BLOCKER_TEXT[b];
    }
    if (this.failuresInARow >= FAILURES_BEFORE_NOT_READY) return `the last ${this.failuresInARow} Bot API calls failed (${this.lastFailure})`;
    return undefined;
  }

  /** Sets or clears a blocker. */
  set(blocker: Blocker, on: boolean): void {
    if (on) this.blockers.add(blocker);
    else this.blockers.delete(blocker);
  }

  /** Whether a blocker is set. */
  has(blocker: Blocker): boolean {
    return this.blockers.has(blocker);
  }

  /**
   * Records one call: `cause` undefined when Telegram answered (even with a
   * chat's error), else the platform failure. Any answer proves the token
   * good, except a 401.
   */
  record(cause: string | undefined): void {
    if (cause === undefined) {
      this.failuresInARow = 0;
      this.lastFailure = '';
      this.blockers.delete('token');
      return;
    }
    this.failuresInARow++;
    this.lastFailure = cause;
    if (cause === '401') this.blockers.add('token');
  }

  /** A grammY API transformer recording every call's outcome; calls aborted by us (stop) are not counted. */
  transformer(onFailure?: FailureListener): Transformer {
    // A promise chain, not an async function: every API call passes here, and an async frame held
    // for as long as the request is in flight costs measurably under load (see bench/README.md).
    return (prev, method, payload, signal) => prev(method, payload, signal).then((answer) => {
      const cause = platformFailure(answer);
      if (cause === undefined) this.record(undefined);
      else this.failed(method, cause, answer, onFailure);
      return answer;
    }, (e: unknown) => {
      if (!signal?.aborted) this.failed(method, platformFailure(e) ?? 'error', e, onFailure);
      throw e;
    });
  }

  private failed(method: string, cause: string, thrown: unknown, onFailure: FailureListener | undefined): void {
    this.record(cause);
    onFailure?.(method, cause, thrown);
  }
}
