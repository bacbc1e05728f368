/**
 * Whether the homeserver actually answers, for /readyz. Every call of the
 * client passes its outcome here (`observe`): three platform failures in a
 * row (network, timeout, 5xx, a 404 without a Matrix error code) make the
 * adapter not ready, the next answer makes it ready again. A rejected token
 * (401) blocks until a call succeeds; start-up blocks until the first sync.
 */
import { platformFailure, isTokenRejected } from './errors.js';

/** Platform failures in a row before the adapter says it is not ready. */
export const FAILURES_BEFORE_NOT_READY = 3;

/** A condition that keeps the adapter not ready until it is cleared. */
export type Blocker = 'starting' | 'token';

/** Readiness of the Matrix connection. */
export class MatrixHealth {
  private readonly blockers = new Set<Blocker>(['starting']);
  private failuresInARow = 0;
  private lastFailure = '';

  /** True while nothing blocks and the last calls did not all fail. */
  ready(): boolean {
    return this.blockers.size === 0 && this.failuresInARow < FAILURES_BEFORE_NOT_READY;
  }

  /** Why not ready (one short line; no ids, no secrets), or undefined when ready. */
  reason(): string | undefined {
    if (this.blockers.has('token')) return 'the homeserver rejected the access token (401 M_UNKNOWN_TOKEN); check MATRIX_ACCESS_TOKEN';
    if (this.blockers.has('starting')) {
      return this.lastFailure === '' ? 'connecting to the Matrix homeserver' : `Matrix homeserver unreachable at start-up (${this.lastFailure})`;
    }
    if (this.failuresInARow >= FAILURES_BEFORE_NOT_READY) return `the last ${this.failuresInARow} Matrix API calls failed (${this.lastFailure})`;
    return undefined;
  }

  /** Sets or clears a blocker. */
  set(blocker: Blocker, on: boolean): void {
    if (on) this.blockers.add(blocker);
    else this.blockers.delete(blocker);
  }

  /** Records one finished call (the client's `observe`): `failure` undefined when the homeserver answered. */
  observe(failure: unknown): void {
    const cause = failure === undefined ? undefined : platformFailure(failure);
    if (failure === undefined || (cause === undefined && !isTokenRejected(failure))) {
      // Any Matrix answer (a room's 403 or 429 included) proves the homeserver up and the token good.
      this.failuresInARow = 0;
      this.lastFailure = '';
      this.blockers.delete('token');
      return;
    }
    this.failuresInARow++;
    this.lastFailure = cause ?? '401';
    if (isTokenRejected(failure)) this.blockers.add('token');
  }
}
