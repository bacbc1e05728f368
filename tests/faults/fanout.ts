/**
 * Drives the real Scheduler through one anniversary fan-out while a fault is
 * injected, and measures the fault row: who got the reminder, how often, and
 * how late.
 *
 * The clock is real time shifted so that the run starts at 09:00 Asia/Almaty
 * on 16 December 2026 (04:00 UTC, Zhanaozen's 15th anniversary): a chat's
 * delay is the wall time from the start of the run until its reminder
 * arrived. Ticks come every {@link TICK_EVERY_MS} instead of every minute
 * (node-cron), so a delivery left for "a later tick" is retried soon; the
 * scheduler's own retries and backoffs run in real time.
 */
import type { Adapter, SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import type { Campaign } from '../../src/content/campaign.js';
import type { Logger } from '../../src/log.js';
import type { RichMessage } from '../../src/rich/model.js';
import { DELIVERED, deliveryKey } from '../../src/schedule/delivery.js';
import { Scheduler, type SchedulerOptions, type TickReport } from '../../src/schedule/scheduler.js';
import type { Store } from '../../src/store/store.js';
import { seedSubscriptions } from '../schedule/harness.js';

/** 09:00 in Asia/Almaty on 16 December 2026: the Zhanaozen reminder is due. */
export const DUE_MS = Date.parse('2026-12-16T04:00:00Z');
/** The one event due then, and its year. */
export const EVENT = { id: 'zhanaozen-massacre-2011', year: 2026 } as const;
/** Interval between two ticks of one instance (production: 60 s). */
export const TICK_EVERY_MS = 250;
/** A chat later than this is counted as `late` in the notes (the faults themselves last at most 6 s). */
export const LATE_MS = 10_000;
/** Healthy chats are delayed by at most this (issue 11). */
export const MAX_DELAY_S = 30;

/** Shortened scheduler settings for the suite (production: lease 3 min, backoff 2 s, send bound 30 s). */
export const FAST: Partial<SchedulerOptions> = { leaseMs: 60_000, backoffMs: 100, sendTimeoutMs: 5_000, concurrency: 16, logBurstMs: 30_000 };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Real time, shifted so that `start()` is the reminders' due instant. */
export class FaultClock {
  private t0 = Date.now();
  /** Restarts the clock at the due instant. */
  start(): void { this.t0 = Date.now(); }
  /** ms since `start()`. */
  elapsed(): number { return Date.now() - this.t0; }
  /** The scheduler's clock. */
  readonly now = (): Date => new Date(DUE_MS + this.elapsed());
}

/** Chat ids `-100<n>` (Telegram groups), `count` of them. */
export const chatIds = (count: number, base = 1_000_000): string[] => Array.from({ length: count }, (_, i) => `-100${base + i}`);

/** Subscribes `ids` in `store`, 200 writes at a time. */
export async function seed(store: Store, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 200) await Promise.all(ids.slice(i, i + 200).map((id) => seedSubscriptions(store, 'telegram', [id])));
}

/** A Telegram adapter that takes every message after `delayMs` and records who got what, when. */
export class CountingAdapter implements Adapter {
  readonly name = 'telegram' as const;
  /** Messages per chat id. */
  readonly counts = new Map<string, number>();
  /** When each chat first got one (ms of the clock's `elapsed()`). */
  readonly firstAt = new Map<string, number>();
  readonly titles = new Set<string>();
  total = 0;
  private readonly waiters: { n: number; resolve: () => void }[] = [];

  constructor(private readonly clock: FaultClock, private readonly delayMs = 1) {}

  async start(): Promise<void> {}
  ready(): boolean { return true; }
  async stop(): Promise<void> {}

  async send(target: ChatRef, message: RichMessage): Promise<SendResult> {
    await sleep(this.delayMs);
    this.counts.set(target.chatId, (this.counts.get(target.chatId) ?? 0) + 1);
    if (!this.firstAt.has(target.chatId)) this.firstAt.set(target.chatId, this.clock.elapsed());
    this.titles.add(message.title ?? '');
    this.total++;
    for (const w of this.waiters.filter((x) => x.n <= this.total)) { this.waiters.splice(this.waiters.indexOf(w), 1); w.resolve(); }
    return { kind: 'sent' };
  }

  /** Resolves once `n` messages were taken in all. */
  whenSent(n: number): Promise<void> {
    if (this.total >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }
}

/** One scheduler instance of a run. */
export interface Instance {
  readonly scheduler: Scheduler;
  readonly store: Store;
}

/** Builds an instance on `store` with the suite's fast settings. */
export function instance(campaign: Campaign, store: Store, adapter: Adapter, clock: FaultClock, log: Logger, extra: Partial<SchedulerOptions> = {}): Instance {
  const scheduler = new Scheduler({
    campaign, store, adapters: new Map([['telegram', adapter]]), catchUpHours: 6, log, clock: clock.now, ...FAST, ...extra,
  });
  return { scheduler, store };
}

/** What a run measured. */
export interface Measured {
  readonly chats: number;
  /** Chats with no reminder. */
  readonly lost: number;
  /** Messages beyond one per chat. */
  readonly doubled: number;
  /** Chats that got more than one. */
  readonly doubledChats: readonly string[];
  /** Worst delay, seconds (the last chat's first reminder). */
  readonly seconds: number;
  /** Chats whose reminder came more than {@link LATE_MS} after it fell due (e.g. held behind a claim until its lease lapsed). */
  readonly late: number;
  /** Ticks per instance. */
  readonly ticks: readonly number[];
  /** The run ended at its deadline rather than by finishing. */
  readonly timedOut: boolean;
}

const quiet = (r: TickReport | undefined): boolean =>
  r !== undefined && r.claimed + r.deferred + r.failed + r.storeError + r.paused + r.forbidden === 0;

/**
 * Starts the clock, ticks every instance until the `fault` has played out and
 * each instance's last tick left nothing to retry (or `deadlineMs` passed),
 * then counts. The fault should wait on `adapter.whenSent(n)` to strike
 * mid fan-out.
 */
export async function runFanOut(opts: {
  readonly ids: readonly string[];
  readonly adapter: CountingAdapter;
  readonly clock: FaultClock;
  readonly instances: readonly Instance[];
  readonly fault: () => Promise<void>;
  readonly deadlineMs?: number;
}): Promise<Measured> {
  const { ids, adapter, clock, instances } = opts;
  const deadline = opts.deadlineMs ?? 90_000;
  clock.start();
  let faultDone = false;
  let faultError: unknown;
  const fault = opts.fault().then(() => { faultDone = true; }, (e: unknown) => { faultError = e; faultDone = true; });
  const ticks = instances.map(() => 0);
  let timedOut = false;
  await Promise.all(instances.map(async (inst, i) => {
    for (;;) {
      ticks[i]!++;
      const report = await inst.scheduler.tick();
      if (faultDone && quiet(report)) return;
      if (clock.elapsed() > deadline) { timedOut = true; return; }
      await sleep(TICK_EVERY_MS);
    }
  }));
  await Promise.all(instances.map((inst) => inst.scheduler.stop()));
  await fault;
  if (faultError !== undefined) throw faultError;
  let lost = 0;
  let doubled = 0;
  const doubledChats: string[] = [];
  for (const id of ids) {
    const n = adapter.counts.get(id) ?? 0;
    if (n === 0) lost++;
    if (n > 1) { doubled += n - 1; doubledChats.push(id); }
  }
  const worst = Math.max(0, ...adapter.firstAt.values());
  const late = [...adapter.firstAt.values()].filter((t) => t > LATE_MS).length;
  return { chats: ids.length, lost, doubled, doubledChats, seconds: Math.round(worst / 100) / 10, late, ticks, timedOut };
}

/** Chats of `ids` whose delivered marker is not in `store` (a second instance would send those again). */
export async function missingMarkers(store: Store, ids: readonly string[]): Promise<number> {
  let missing = 0;
  for (let i = 0; i < ids.length; i += 200) {
    const found = await Promise.all(ids.slice(i, i + 200).map((chatId) =>
      store.get(DELIVERED, deliveryKey({ platform: 'telegram', chatId }, EVENT.id, EVENT.year))));
    missing += found.filter((m) => m === undefined).length;
  }
  return missing;
}

/** Log lines by level name, and in all. */
export function logCounts(lines: readonly Record<string, unknown>[]): { total: number; warn: number; error: number } {
  return {
    total: lines.length,
    warn: lines.filter((l) => l.level === 40).length,
    error: lines.filter((l) => Number(l.level) >= 50).length,
  };
}
