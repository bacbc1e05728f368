/**
 * Whether the homeserver actually answers, for /readyz. Every call of the
 * client passes its outcome here (`observe`): three platform failures in a
 * row (network, timeout, 5xx, a 404 without a Matrix error code) make the
 * adapter not ready, the next answer makes it ready again. A rejected token
 * (401) blocks until a call succeeds; start-up blocks until the first sync.
 */
import { Readiness } from '../../src/readiness.js';
import { platformFailure, isTokenRejected } from './errors.js';

/** Platform failures in a row before the adapter says it is not ready. */
export const FAILURES_BEFORE_NOT_READY = 3;

/** A condition that keeps the adapter not ready until it is cleared. */
export type Blocker = 'starting' | 'token';

/** Readiness of the Matrix connection: `ready()`, `reason()`, `set()` and `has()` come from {@link Readiness}. */
export class MatrixHealth extends Readiness<Blocker> {
  constructor() {
    super({
      // In order of precedence.
      blockers: {
        token: 'the homeserver rejected the access token (401 M_UNKNOWN_TOKEN); check MATRIX_ACCESS_TOKEN',
        starting: 'connecting to the Matrix homeserver',
      },
      initial: ['starting'],
      threshold: FAILURES_BEFORE_NOT_READY,
      startup: { blocker: 'starting', unreachable: (cause) => `Matrix homeserver unreachable at start-up (${cause})` },
      failedCalls: (count, cause) => `the last ${count} Matrix API calls failed (${cause})`,
    });
  }

  /** Records one finished call (the client's `observe`): `failure` undefined when the homeserver answered. */
  observe(failure: unknown): void {
    const cause = failure === undefined ? undefined : platformFailure(failure);
    if (failure === undefined || (cause === undefined && !isTokenRejected(failure))) {
      // Any Matrix answer (a room's 403 or 429 included) proves the homeserver up and the token good.
      this.record(undefined);
      this.set('token', false);
      return;
    }
    this.record(cause ?? '401');
    if (isTokenRejected(failure)) this.set('token', true);
  }
}
