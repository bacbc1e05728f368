/**
 * Pacing of outgoing messages under a platform's limits (e.g. Telegram: about
 * 30 messages per second in all, 1 per second per chat, 20 per minute per
 * group). Each caller reserves the earliest slot that satisfies every window
 * before it waits, so concurrent senders never collide on a slot.
 */

/** At most `count` events per `perMs` milliseconds. */
export interface Rate { readonly count: number; readonly perMs: number }

/** Limits of one platform. */
export interface PacerLimits {
  readonly global: Rate;
  readonly perChat: Rate;
  /** Extra limit for group chats, when the platform has one. */
  readonly perGroup?: Rate;
}

/** First index in the sorted `a` (from `from`) whose value is greater than `x`. */
function upperBound(a: readonly number[], x: number, from: number): number {
  let lo = from;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** One constraint on send times. */
interface Limit {
  earliest(t: number): number;
  take(t: number, now: number): void;
  remove(t: number): void;
}

/** Sliding-window reservations for one key, kept sorted; logarithmic per reservation. */
class Window implements Limit {
  /** Reservation times, ascending; entries before `head` have left every window that matters. */
  private times: number[] = [];
  private head = 0;
  constructor(readonly rate: Rate) {}

  /** Earliest time ≥ t at which one more event fits (counting reservations already made for later). */
  earliest(t: number): number {
    const { count, perMs } = this.rate;
    const inWindow = this.times.length - upperBound(this.times, t - perMs, this.head);
    return inWindow < count ? t : this.times[this.times.length - count]! + perMs;
  }

  take(t: number, now: number): void {
    const at = upperBound(this.times, t, this.head);
    if (at === this.times.length) this.times.push(t); else this.times.splice(at, 0, t);
    // Entries older than a window before now can never constrain a reservation again.
    this.head = upperBound(this.times, now - this.rate.perMs, this.head);
    if (this.head > 1024 && this.head * 2 > this.times.length) { this.times = this.times.slice(this.head); this.head = 0; }
  }

  /** Gives back a booked slot. */
  remove(t: number): void {
    const at = upperBound(this.times, t, this.head) - 1;
    if (at >= this.head && this.times[at] === t) this.times.splice(at, 1);
  }

  idleSince(t: number): boolean {
    const last = this.times[this.times.length - 1];
    return last === undefined || last <= t - this.rate.perMs;
  }
}

/** At least `gapMs` between any two sends; a slot may go into a free gap before later bookings. */
class Spacing implements Limit {
  private times: number[] = [];
  constructor(private readonly gapMs: number) {}

  earliest(t: number): number {
    let candidate = t;
    for (let i = upperBound(this.times, t - this.gapMs, 0); i < this.times.length; i++) {
      const b = this.times[i]!;
      if (b >= candidate + this.gapMs) break;
      candidate = Math.max(candidate, b + this.gapMs);
    }
    return candidate;
  }

  take(t: number, now: number): void {
    const at = upperBound(this.times, t, 0);
    if (at === this.times.length) this.times.push(t); else this.times.splice(at, 0, t);
    const old = upperBound(this.times, now - this.gapMs, 0);
    if (old > 256) this.times = this.times.slice(old);
  }

  remove(t: number): void {
    const at = upperBound(this.times, t, 0) - 1;
    if (at >= 0 && this.times[at] === t) this.times.splice(at, 1);
  }
}

/**
 * Share by which every window is stretched: a slot is reserved when the send
 * starts, but the platform counts it when the request arrives, and arrivals
 * jitter. Pacing a little under the limit keeps jittered arrivals under it.
 */
export const PACING_MARGIN = 0.03;

/** How late a wait may end and still leave in its booked slot (ms). */
const LATE_TOLERANCE_MS = 5;

const stretch = (r: Rate, margin: number): Rate => ({ count: r.count, perMs: Math.ceil(r.perMs * (1 + margin)) });

/** Reserves send slots under a platform's limits. */
export class Pacer {
  private readonly global: Window;
  /** Even spacing of all sends (1 per perMs/count): no burst of a whole window at once, which arrives smeared. */
  private readonly spacing: Spacing;
  private readonly chats = new Map<string, Window[]>();
  private readonly limits: PacerLimits;
  private reservations = 0;

  constructor(
    limits: PacerLimits,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    margin = PACING_MARGIN,
  ) {
    this.limits = {
      global: stretch(limits.global, margin),
      perChat: stretch(limits.perChat, margin),
      ...(limits.perGroup ? { perGroup: stretch(limits.perGroup, margin) } : {}),
    };
    this.global = new Window(this.limits.global);
    this.spacing = new Spacing(this.limits.global.perMs / this.limits.global.count);
  }

  /**
   * Waits until one more message to `chatId` is within every limit, and
   * reserves it. A wait that ends late (a busy event loop fires timers late,
   * and late sends bunch up) gives its slot back and books again from the
   * moment it actually woke, so the recorded times stay the real departures.
   */
  async wait(chatId: string, isGroup: boolean): Promise<void> {
    for (;;) {
      const { at, windows } = this.book(chatId, isGroup);
      const delay = at - this.now();
      if (delay > 0) await this.sleep(delay);
      if (this.now() - at <= LATE_TOLERANCE_MS) return;
      for (const w of windows) w.remove(at);
    }
  }

  /** Reserves a slot now and returns how long to wait for it (ms). */
  reserve(chatId: string, isGroup: boolean): number {
    return this.book(chatId, isGroup).at - this.now();
  }

  private book(chatId: string, isGroup: boolean): { at: number; windows: Limit[] } {
    const now = this.now();
    let windows = this.chats.get(chatId);
    if (!windows) {
      windows = [new Window(this.limits.perChat), ...(isGroup && this.limits.perGroup ? [new Window(this.limits.perGroup)] : [])];
      this.chats.set(chatId, windows);
    }
    const all: Limit[] = [this.spacing, this.global, ...windows];
    // The earliest slot where every window has room; moving later never frees an earlier window, so iterate to a fixed point.
    let t = now;
    for (let changed = true; changed;) {
      changed = false;
      for (const w of all) {
        const e = w.earliest(t);
        if (e > t) { t = e; changed = true; }
      }
    }
    for (const w of all) w.take(t, now);
    if (++this.reservations % 1024 === 0) this.prune(now);
    return { at: t, windows: all };
  }

  /** Forgets chats with no recent sends, so memory stays bounded in a large fan-out. */
  private prune(now: number): void {
    for (const [id, windows] of this.chats) if (windows.every((w) => w.idleSince(now))) this.chats.delete(id);
  }
}
