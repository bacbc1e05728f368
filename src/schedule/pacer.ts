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

/** Sliding-window reservations for one key. */
class Window {
  private readonly times: number[] = [];
  constructor(readonly rate: Rate) {}
  /** Earliest time ≥ t at which one more event fits. */
  earliest(t: number): number {
    const { count, perMs } = this.rate;
    const inWindow = this.times.filter((x) => x > t - perMs);
    if (inWindow.length < count) return t;
    return inWindow[inWindow.length - count]! + perMs;
  }
  take(t: number): void {
    this.times.push(t);
    this.times.sort((a, b) => a - b);
    while (this.times.length > this.rate.count * 2) this.times.shift();
  }
  idleSince(t: number): boolean {
    const last = this.times[this.times.length - 1];
    return last === undefined || last <= t - this.rate.perMs;
  }
}

/** Reserves send slots under a platform's limits. */
export class Pacer {
  private readonly global: Window;
  private readonly chats = new Map<string, Window[]>();
  private reservations = 0;

  constructor(
    private readonly limits: PacerLimits,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.global = new Window(limits.global);
  }

  /** Waits until one more message to `chatId` is within every limit, and reserves it. */
  async wait(chatId: string, isGroup: boolean): Promise<void> {
    const delay = this.reserve(chatId, isGroup);
    if (delay > 0) await this.sleep(delay);
  }

  /** Reserves a slot now and returns how long to wait for it (ms). */
  reserve(chatId: string, isGroup: boolean): number {
    const now = this.now();
    let windows = this.chats.get(chatId);
    if (!windows) {
      windows = [new Window(this.limits.perChat), ...(isGroup && this.limits.perGroup ? [new Window(this.limits.perGroup)] : [])];
      this.chats.set(chatId, windows);
    }
    const all = [this.global, ...windows];
    // The earliest slot where every window has room; moving later never frees an earlier window, so iterate to a fixed point.
    let t = now;
    for (let changed = true; changed;) {
      changed = false;
      for (const w of all) {
        const e = w.earliest(t);
        if (e > t) { t = e; changed = true; }
      }
    }
    for (const w of all) w.take(t);
    if (++this.reservations % 1024 === 0) this.prune(now);
    return t - now;
  }

  /** Forgets chats with no recent sends, so memory stays bounded in a large fan-out. */
  private prune(now: number): void {
    for (const [id, windows] of this.chats) if (windows.every((w) => w.idleSince(now))) this.chats.delete(id);
  }
}
