/**
 * Whether Discord actually answers, for `/readyz`: the gateway session, the
 * REST API as reminders see it, and the token. `ready()` must answer at
 * once, so this only keeps state that events and request outcomes update.
 *
 * i18n-exempt-file: readiness reasons for /readyz and the operator.
 */
import { Status, type Client } from 'discord.js';
import { describeError } from './classify.js';

/** Options of {@link DiscordHealth}. */
export interface DiscordHealthOptions {
  /** Not ready after this many API failures in a row (network, 5xx, timeouts, 401, paused). Default 3. */
  readonly failureThreshold?: number;
}

/** Readiness state of the Discord adapter. */
export class DiscordHealth {
  private failures = 0;
  private lastFailure: string | undefined;
  private tokenRejected: string | undefined;
  private readonly threshold: number;
  private probeTimer: NodeJS.Timeout | undefined;
  private probing = false;
  /** Whether Discord's API has answered since start (what HTTP interactions mode waits for instead of a gateway session). */
  private answered = false;

  constructor(options: DiscordHealthOptions = {}) {
    this.threshold = options.failureThreshold ?? 3;
  }

  /** A REST call reached Discord and it answered (any answer about a channel counts): clears the failure streak. */
  succeeded(): void {
    this.answered = true;
    this.failures = 0;
    this.lastFailure = undefined;
    this.tokenRejected = undefined;
  }

  /** A REST call failed in a way that says the API, not one channel, is failing. */
  failed(reason: string): void {
    this.failures += 1;
    this.lastFailure = reason;
  }

  /** Discord rejected the token (gateway 4004 / TokenInvalid, REST 401): not ready until a call succeeds. */
  rejectToken(reason: string): void {
    this.tokenRejected = reason;
  }

  /**
   * While the API fails, ask it every `intervalMs` (a cheap GET, `check`)
   * whether it answers again, so readiness comes back without waiting for
   * the next reminder (the core pauses sends meanwhile). One probe at a time.
   */
  probe(check: () => Promise<unknown>, intervalMs: number): void {
    if (this.probing) return;
    this.probing = true;
    this.probeTimer = setTimeout(() => {
      check()
        .then(() => { this.probing = false; this.succeeded(); })
        .catch((error: unknown) => {
          const seen = describeError(error);
          this.failed(`probe: ${String(seen.cause ?? seen.status ?? seen.name)}`);
          if (!this.probing) return; // stopped meanwhile
          this.probing = false;
          this.probe(check, intervalMs);
        });
    }, intervalMs);
    this.probeTimer.unref();
  }

  /** Stops probing (the adapter stops). */
  stopProbe(): void {
    clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
    this.probing = false;
  }

  /** API failures in a row so far. */
  get failureStreak(): number {
    return this.failures;
  }

  /**
   * Why the adapter is not ready, or undefined when it is. `client` is the
   * connected gateway client (undefined while connecting or retrying), or
   * 'http' in HTTP interactions mode, which has no gateway: there it is
   * ready once Discord's API answered and while it keeps answering.
   */
  reason(client: Client | 'http' | undefined, started: boolean): string | undefined {
    if (this.tokenRejected !== undefined) return `Discord rejected the token: ${this.tokenRejected} (check DISCORD_TOKEN)`;
    if (!started) return 'the Discord adapter is not started';
    if (client === 'http') {
      if (!this.answered) return 'Discord\'s API has not answered yet';
      return this.failures >= this.threshold ? `Discord's API failed ${this.failures} times in a row (last: ${this.lastFailure ?? 'unknown'})` : undefined;
    }
    if (client === undefined || !client.isReady()) return 'not connected to the Discord gateway';
    // discord.js keeps `isReady()` true while a shard reconnects; the shard's own status tells
    // (a lost socket, unanswered heartbeats → a zombie connection being resumed).
    if (client.ws.shards.size === 0 || client.ws.shards.some((shard) => shard.status !== Status.Ready)) {
      return 'the Discord gateway connection was lost; reconnecting';
    }
    if (this.failures >= this.threshold) return `Discord's API failed ${this.failures} times in a row (last: ${this.lastFailure ?? 'unknown'})`;
    return undefined;
  }
}
