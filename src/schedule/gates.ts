/**
 * Per-platform gates of the reminder fan-out. A gate closes when the platform
 * means the whole bot: a flood wait (Telegram's 429 `retry_after`, Discord's
 * global limit) or a configuration-shaped failure (401, a 404 without a
 * platform error code, the API root not answering). While it is closed no
 * send of that platform starts; the deliveries not yet started stay
 * unclaimed and go out when it opens (a later tick, within the catch-up window).
 *
 * The gates are per process; a whole-bot flood wait is also written to the
 * store (`flood:<platform>`, until when), where whichever instance drives the
 * platform's fan-out reads it (lease.ts): one budget, one flood wait.
 */
import type { Platform } from '../chat.js';
import type { Store } from '../store/store.js';

/** Namespace of the flood waits shared by every instance: key = platform. */
export const FLOOD = 'flood';

/**
 * A shared flood wait as stored: until when, on the schedulers' clock (the
 * wall clock in production; tests move theirs, and a wait must end when the
 * clock that set it says so).
 */
interface SharedFlood { readonly until: number }

/** Writes a whole-bot flood wait of `ms` from `now` for `platform` into the store (it expires with the wait). */
export async function shareFlood(store: Store, platform: Platform, ms: number, now: number): Promise<void> {
  if (!(ms > 0)) return;
  await store.set<SharedFlood>(FLOOD, platform, { until: now + ms }, ms);
}

/** The ms left at `now` of a shared flood wait of `platform`, or undefined when there is none. */
export async function readSharedFlood(store: Store, platform: Platform, now: number): Promise<number | undefined> {
  const flood = await store.get<SharedFlood>(FLOOD, platform);
  const left = typeof flood?.until === 'number' ? flood.until - now : 0;
  return left > 0 ? left : undefined;
}

/** How long a paused platform stays closed at least, even when its adapter says it is ready (it may not have noticed yet). */
export const PAUSE_PROBE_MS = 5_000;

/** Why a gate is closed. */
export type GateReason = 'flood' | 'paused';

/** One closed gate. */
export interface ClosedGate {
  readonly until: number;
  /** When it closed (ms). */
  readonly since: number;
  readonly reason: GateReason;
  /** The platform's own words (no ids). */
  readonly detail: string;
}

/** The gates of every platform of this process. */
export class PlatformGates {
  private readonly closed = new Map<Platform, ClosedGate>();

  /** Closes `platform`'s gate until `until` (ms); a gate already closed for longer stays so. */
  close(platform: Platform, until: number, reason: GateReason, detail: string, now: number): void {
    const current = this.closed.get(platform);
    if (current && current.until >= until) return;
    this.closed.set(platform, { until, since: current?.since ?? now, reason, detail });
  }

  /** The gate of `platform` when it is closed at `now`; undefined when open. */
  closedAt(platform: Platform, now: number): ClosedGate | undefined {
    const gate = this.closed.get(platform);
    if (gate === undefined) return undefined;
    if (gate.until > now) return gate;
    this.closed.delete(platform);
    return undefined;
  }

  /**
   * A paused platform whose adapter says it answers again (its own calls
   * succeed: polling, a gateway probe) opens early, once the adapter has had
   * {@link PAUSE_PROBE_MS} to notice the failure; a flood wait never does.
   * Without this a three-second outage would hold every reminder for the
   * whole pause.
   */
  reopenIfRecovered(platform: Platform, now: number, adapterReady: boolean): void {
    const gate = this.closedAt(platform, now);
    if (gate?.reason === 'paused' && adapterReady && now - gate.since >= PAUSE_PROBE_MS) this.closed.delete(platform);
  }

  /** Opens `platform`'s gate (a send succeeded). */
  open(platform: Platform): void {
    this.closed.delete(platform);
  }
}
