/**
 * One send budget per bot: a platform's reminder fan-out is driven by one
 * instance at a time, under a renewable lease in the store
 * (`claim:lease:fanout:<platform>`). The holder paces and sends; the others
 * stand by (they still answer commands) and keep trying to take the lease,
 * so one of them drives within about a lease of the holder dying.
 *
 * Never two drivers: the holder counts its lease as valid only until
 * `leaseMs − marginMs` after the start of its last successful claim or
 * renewal (a monotonic clock), and starts no send after that. Renewal is an
 * atomic compare-and-extend (`Store.renewIfHeld`): a holder that finds the
 * lease lapsed or taken stops at once; one whose renewals fail (the store
 * does not answer) stops when its validity runs out, before the stored lease
 * lapses and another instance may take it. The margin covers what may still
 * leave after the last check — an adapter's pacing wait (well under a second
 * at the platforms' rates) — and clock skew between instances, which SQL
 * backends judge expiry by (Redis expires keys on its own clock).
 *
 * Why 15 s, renewed every 5 s: two renewals in a row may fail (a store blip,
 * a slow reply) before the holder stops; a killed holder is replaced within
 * 15–20 s (the lease plus one standby interval), well inside the catch-up
 * window and short next to a fan-out that lasts minutes to hours; and the
 * cost is two store operations per 5 s per instance and platform.
 */
import type { Platform } from '../chat.js';
import type { Logger } from '../log.js';
import type { BurstLog } from '../log-privacy.js';
import type { Store } from '../store/store.js';
import { readSharedFlood } from './gates.js';

/** Default length of the fan-out lease. */
export const FANOUT_LEASE_MS = 15_000;
/** Default interval of the holder's renewals and of the standbys' attempts (a third of the lease). */
export const FANOUT_RENEW_MS = 5_000;
/** How long the heartbeat goes on after the last tick that wanted the lease (ticks come every minute). */
export const FANOUT_IDLE_MS = 3 * 60_000;

/** The store key of a platform's fan-out lease (a claim key). */
export const fanOutLeaseKey = (platform: Platform): string => `lease:fanout:${platform}`;

/** Options of one platform's lease. */
export interface FanOutLeaseOptions {
  readonly store: Store;
  readonly platform: Platform;
  /** This instance, as recorded in the lease (see Scheduler's `instanceId`). */
  readonly owner: string;
  readonly leaseMs: number;
  readonly renewEveryMs: number;
  /** Validity kept short of the stored expiry (default: a fifth of the lease). */
  readonly marginMs?: number;
  /** How long after the last `want()` the heartbeat stops and the lease is handed back. */
  readonly idleMs?: number;
  readonly log: Logger;
  readonly burst: BurstLog;
  /** A whole-bot flood wait with `remainingMs` to go was read from the store. */
  readonly onFlood: (remainingMs: number) => void;
  /** The schedulers' clock, which shared flood waits are written in (ms). */
  readonly now: () => number;
  /** The heartbeat took the lease (a standby taking over): drive now rather than at the next tick. */
  readonly onGained: () => void;
}

const monotonic = (): number => performance.now();

/** One platform's fan-out lease, as this instance sees it. */
export class FanOutLease {
  /** Monotonic deadline of the validity; 0 when not held. */
  private validUntil = 0;
  private believed = false;
  private wantedUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private beating = false;
  private readonly key: string;
  private readonly marginMs: number;

  constructor(private readonly o: FanOutLeaseOptions) {
    this.key = fanOutLeaseKey(o.platform);
    this.marginMs = o.marginMs ?? o.leaseMs / 5;
  }

  /** True while this instance may start a send: it holds the lease, with the margin to spare. */
  holds(): boolean {
    return monotonic() < this.validUntil;
  }

  /** Keeps the heartbeat (renewing, or trying to take over) going for a while yet. */
  want(): void {
    this.wantedUntil = monotonic() + (this.o.idleMs ?? FANOUT_IDLE_MS);
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => { void this.beat(); }, this.o.renewEveryMs);
    this.timer.unref();
  }

  /**
   * True when this instance drives: at once while it holds the lease, else
   * after one attempt to take it (which also reads the shared flood wait, so
   * a new driver honours what the last one was told). Rejects when the store fails.
   */
  async acquire(): Promise<boolean> {
    this.want();
    if (this.holds()) return true;
    await this.attempt();
    return this.holds();
  }

  /** Stops the heartbeat and hands the lease back if held (never someone else's). */
  async release(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    const held = this.believed;
    this.believed = false;
    this.validUntil = 0;
    if (!held) return;
    await this.o.store.releaseIfHeld(this.key, this.o.owner).catch((error: unknown) => {
      this.o.burst.note('warn', `lease-release:${this.o.platform}`, { err: error, platform: this.o.platform }, 'fan-out lease not handed back; it lapses by itself');
    });
    this.o.log.info({ platform: this.o.platform }, 'reminder fan-out lease handed back');
  }

  /** Claims the lease, or confirms it is ours (another scheduler of this process, a lost reply): true when held. */
  private async attempt(): Promise<boolean> {
    const { store, leaseMs, owner, platform } = this.o;
    const started = monotonic();
    const won = (await store.claim(this.key, leaseMs, owner)) || (await store.renewIfHeld(this.key, leaseMs, owner));
    if (!won) return false;
    this.validUntil = started + leaseMs - this.marginMs;
    if (!this.believed) this.o.log.info({ platform, instance: owner }, 'driving the reminder fan-out (lease taken)');
    this.believed = true;
    const flood = await readSharedFlood(store, platform, this.o.now()).catch(() => undefined);
    if (flood !== undefined) this.o.onFlood(flood);
    return true;
  }

  private async beat(): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    const { store, leaseMs, owner, platform } = this.o;
    try {
      if (monotonic() > this.wantedUntil) {
        await this.release();
        return;
      }
      if (this.believed) {
        const started = monotonic();
        if (await store.renewIfHeld(this.key, leaseMs, owner)) {
          this.validUntil = started + leaseMs - this.marginMs;
          const flood = await readSharedFlood(store, platform, this.o.now());
          if (flood !== undefined) this.o.onFlood(flood);
          return;
        }
        // Lapsed or taken: stop at once, then see whether it can be taken again.
        this.validUntil = 0;
        this.believed = false;
        this.o.log.warn({ platform }, 'reminder fan-out lease lost; this instance stops sending');
      }
      if (await this.attempt()) this.o.onGained();
    } catch (error: unknown) {
      // The validity runs out by itself if this goes on: the holder then stops before the lease can lapse.
      this.o.burst.note('warn', `lease:${platform}`, { err: error, platform }, 'reminder fan-out lease not renewed (store error); retried');
    } finally {
      this.beating = false;
    }
  }
}
