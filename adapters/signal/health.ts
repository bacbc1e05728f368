/**
 * Whether the signal-cli daemon actually answers, for `/readyz`. Ready while
 * the event stream (`GET /api/v1/events`) is connected and the last JSON-RPC
 * calls did not all fail; not ready while Signal asks for a captcha, which
 * only an operator can solve. `ready()` answers at once from this state.
 */
import { Readiness } from '../../src/readiness.js';
import { CAPTCHA_REASON } from './classify.js';
import type { SignalTransportError } from './rpc.js';

/** JSON-RPC calls failing in a row (refused, timed out, not the daemon) before the adapter says it is not ready. */
export const FAILURES_BEFORE_NOT_READY = 3;

/** What keeps the adapter not ready, in order of precedence; `stopped` is never cleared. */
type Blocker = 'stopped' | 'starting' | 'captcha' | 'stream';

/** Readiness of the Signal adapter. */
export class SignalHealth {
  private streamProblem: string | undefined = 'connecting to the signal-cli daemon';
  private readonly readiness = new Readiness<Blocker>({
    blockers: {
      stopped: 'stopped',
      starting: 'the Signal adapter is not started',
      captcha: CAPTCHA_REASON,
      stream: () => `not connected to the signal-cli daemon's event stream at SIGNAL_CLI_URL: ${this.streamProblem ?? 'connecting'}`,
    },
    initial: ['starting', 'stream'],
    threshold: FAILURES_BEFORE_NOT_READY,
    failedCalls: (count, cause) => `the last ${count} calls to the signal-cli daemon failed (${cause})`,
  });

  /** The adapter started (or stopped) taking events. */
  setRunning(running: boolean): void {
    if (running) this.readiness.set('starting', false);
    else this.readiness.set('stopped', true);
  }

  /** The event stream connected, or dropped (`problem`: why, one short line). */
  setStream(connected: boolean, problem?: string): void {
    this.readiness.set('stream', !connected);
    // A stream that opens proves the daemon answers again.
    if (connected) this.record(undefined);
    this.streamProblem = connected ? undefined : problem ?? 'the event stream of the signal-cli daemon is down';
  }

  /** A JSON-RPC call's outcome: undefined when the daemon answered. */
  record(failure: SignalTransportError | undefined): void {
    this.readiness.record(failure?.detail);
  }

  /** Whether the last calls all failed (the adapter then probes the daemon until it answers). */
  get failing(): boolean { return this.readiness.failing; }

  /** Signal asks for a captcha (set) or took a message again (cleared). */
  setCaptcha(on: boolean): void { this.readiness.set('captcha', on); }

  /** Whether Signal is waiting for a captcha. */
  get captchaRequired(): boolean { return this.readiness.has('captcha'); }

  /** True while the stream is up, the calls answer and no captcha is pending. */
  ready(): boolean { return this.readiness.ready(); }

  /** Why not ready (one short line, no ids, no secrets), or undefined. */
  reason(): string | undefined { return this.readiness.reason(); }
}
