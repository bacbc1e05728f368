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
import { Readiness } from '../../src/readiness.js';
import { platformFailure } from './errors.js';

/** Platform failures in a row before the adapter says it is not ready. */
export const FAILURES_BEFORE_NOT_READY = 3;

/** A condition that keeps the adapter not ready until it is cleared. */
export type Blocker = 'starting' | 'token' | 'polling' | 'conflict';

/** Each blocker's reason, in order of precedence. */
const BLOCKER_TEXT: Record<Blocker, string> = {
  token: 'Telegram rejected the bot token (401); check TELEGRAM_BOT_TOKEN (or the proxy at TELEGRAM_API_ROOT)',
  conflict: 'another instance is polling this bot token, or a webhook is set (409)',
  polling: 'long polling stopped',
  starting: 'connecting to Telegram',
};

/** Called for every platform failure a transformer sees (for the log). */
export type FailureListener = (method: string, cause: string, thrown: unknown) => void;

/** Readiness of the Telegram connection: `ready()`, `reason()`, `set()` and `has()` come from {@link Readiness}. */
export class TelegramHealth extends Readiness<Blocker> {
  constructor() {
    super({
      blockers: BLOCKER_TEXT,
      initial: ['starting'],
      threshold: FAILURES_BEFORE_NOT_READY,
      // While still starting, say what the attempts run into.
      startup: { blocker: 'starting', unreachable: (cause) => `Telegram unreachable at start-up (${cause})` },
      failedCalls: (count, cause) => `the last ${count} Bot API calls failed (${cause})`,
    });
  }

  /**
   * Records one call: `cause` undefined when Telegram answered (even with a
   * chat's error), else the platform failure. Any answer proves the token
   * good, except a 401.
   */
  override record(cause: string | undefined): void {
    super.record(cause);
    if (cause === undefined) this.set('token', false);
    else if (cause === '401') this.set('token', true);
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
