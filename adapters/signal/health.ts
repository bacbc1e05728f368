/**
 * Whether the signal-cli daemon actually answers, for `/readyz`. Ready while
 * the event stream (`GET /api/v1/events`) is connected and the last JSON-RPC
 * calls did not all fail; not ready while Signal asks for a captcha, which
 * only an operator can solve. `ready()` answers at once from this state.
 */
import { CAPTCHA_REASON } from './classify.js';
import type { SignalTransportError } from './rpc.js';

/** JSON-RPC calls failing in a row (refused, timed out, not the daemon) before the adapter says it is not ready. */
export const FAILURES_BEFORE_NOT_READY = 3;

/** Readiness of the Signal adapter. */
export class SignalHealth {
  private connected = false;
  private started = false;
  private stopped = false;
  private streamProblem: string | undefined = 'connecting to the signal-cli daemon';
  private failuresInARow = 0;
  private lastFailure = '';
  private captcha = false;

  /** The adapter started (or stopped) taking events. */
  setRunning(running: boolean): void {
    if (running) this.started = true;
    else this.stopped = true;
  }

  /** The event stream connected, or dropped (`problem`: why, one short line). */
  setStream(connected: boolean, problem?: string): void {
    this.connected = connected;
    // A stream that opens proves the daemon answers again.
    if (connected) this.record(undefined);
    this.streamProblem = connected ? undefined : problem ?? 'the event stream of the signal-cli daemon is down';
  }

  /** A JSON-RPC call's outcome: undefined when the daemon answered. */
  record(failure: SignalTransportError | undefined): void {
    if (failure === undefined) { this.failuresInARow = 0; this.lastFailure = ''; return; }
    this.failuresInARow++;
    this.lastFailure = failure.detail;
  }

  /** Whether the last calls all failed (the adapter then probes the daemon until it answers). */
  get failing(): boolean { return this.failuresInARow >= FAILURES_BEFORE_NOT_READY; }

  /** Signal asks for a captcha (set) or took a message again (cleared). */
  setCaptcha(on: boolean): void { this.captcha = on; }

  /** Whether Signal is waiting for a captcha. */
  get captchaRequired(): boolean { return this.captcha; }

  /** True while the stream is up, the calls answer and no captcha is pending. */
  ready(): boolean { return this.reason() === undefined; }

  /** Why not ready (one short line, no ids, no secrets), or undefined. */
  reason(): string | undefined {
    if (this.stopped) return 'stopped';
    if (!this.started) return 'the Signal adapter is not started';
    if (this.captcha) return CAPTCHA_REASON;
    if (!this.connected) return `not connected to the signal-cli daemon's event stream at SIGNAL_CLI_URL: ${this.streamProblem ?? 'connecting'}`;
    if (this.failuresInARow >= FAILURES_BEFORE_NOT_READY) {
      return `the last ${this.failuresInARow} calls to the signal-cli daemon failed (${this.lastFailure})`;
    }
    return undefined;
  }
}
