/**
 * Telegram fault rows: the real Scheduler and the real TelegramAdapter
 * (grammY over HTTP) against the loopback fake Bot API, on a memory store.
 *
 * Everything is measured from what the fake received: a chat's reminder
 * counts when the fake posted it (whether or not its answer reached the
 * bot), a double is a second post to the same chat, a delay is when the
 * first one was posted.
 *
 * The scheduler's clock is real time shifted to the reminders' due instant
 * (09:00 Asia/Almaty, 16 December 2026) and can be moved on (`jump`) past
 * waits fixed in the code (a paused platform waits 60 s, a 600 s flood
 * wait is scaled): the scheduler's own sleeps follow that clock, and delays
 * are reported in its time, so a jump shows up in a row's seconds.
 */
import { TelegramAdapter, type TelegramAdapterOptions } from '../../adapters/telegram/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import { createLogger, type Logger } from '../../src/log.js';
import type { PacerLimits } from '../../src/schedule/pacer.js';
import { Scheduler, type SchedulerOptions } from '../../src/schedule/scheduler.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram/index.js';
import { testServices } from '../helpers/core.js';
import { seedSubscriptions } from '../schedule/harness.js';
import { DUE_MS, FAST } from './fanout.js';
import { tickLikeCron } from './tick-loops.js';

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The pacer's limits in the suite: 200 sends/s in all instead of Telegram's
 * 30, so a fan-out of a few hundred chats takes seconds (per-chat and
 * per-group limits as Telegram's).
 */
export const SUITE_LIMITS: PacerLimits = { global: { count: 200, perMs: 1000 }, perChat: { count: 1, perMs: 1000 }, perGroup: { count: 20, perMs: 60_000 } };

/** Short request timeouts (seconds) so a hung request costs about a second (production: send 10, api 20, poll 10). */
export const SUITE_TIMEOUTS = { send: 1, api: 2, poll: 1 } as const;

/** Real time from `start()`, shifted to the due instant, that can be moved on. */
export class JumpClock {
  private t0 = Date.now();
  private skipped = 0;
  private readonly jumps: { wall: number; ms: number }[] = [];

  /** Restarts at the due instant. */
  start(): void { this.t0 = Date.now(); this.skipped = 0; this.jumps.length = 0; }
  /** ms of scheduler time since `start()`. */
  elapsed(): number { return Date.now() - this.t0 + this.skipped; }
  /** Scheduler time (ms since start) at a wall instant (`Date.now()` then). */
  at(wall: number): number { return wall - this.t0 + this.jumps.filter((j) => j.wall <= wall).reduce((n, j) => n + j.ms, 0); }
  /** Moves scheduler time on by `ms`. */
  jump(ms: number): void { this.skipped += ms; this.jumps.push({ wall: Date.now(), ms }); }
  /** Total ms jumped. */
  get jumped(): number { return this.skipped; }
  /** The scheduler's clock. */
  readonly now = (): Date => new Date(DUE_MS + this.elapsed());
  /** The scheduler's sleep, in its own time (a jump shortens it). */
  readonly sleep = async (ms: number): Promise<void> => {
    const until = this.elapsed() + ms;
    while (this.elapsed() < until) await realSleep(Math.min(20, until - this.elapsed()));
  };
}

/** A subscribed chat of a rig: negative ids are groups, positive ones private chats. */
export const groupIds = (count: number, base = 2_000_000): string[] => Array.from({ length: count }, (_, i) => `-100${base + i}`);

/** Log lines of every component (adapter, scheduler), as written. */
export interface LogLines { readonly lines: string[]; readonly log: Logger }

/** A logger at debug level keeping its lines. */
export function captureLog(secrets: readonly string[]): LogLines {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', secrets: [...secrets], destination: { write: (s: string) => { lines.push(s); } } });
  return { lines, log };
}

/** A running rig. */
export interface TelegramFanOutRig {
  readonly tg: FakeTelegram;
  readonly adapter: TelegramAdapter;
  readonly scheduler: Scheduler;
  readonly services: Services;
  readonly clock: JumpClock;
  readonly logs: LogLines;
  readonly ids: readonly string[];
  close(): Promise<void>;
}

/** Options of {@link startFanOutRig}. */
export interface RigOptions {
  /** Subscribed chat ids (positive: private chats). */
  readonly ids: readonly string[];
  readonly adapter?: Partial<TelegramAdapterOptions>;
  readonly scheduler?: Partial<SchedulerOptions>;
  /** Where the adapter sends its requests (a proxy in front of the fake); default the fake. */
  readonly apiRoot?: (tg: FakeTelegram) => Promise<string>;
}

const kindOf = (id: string): ChatRef['kind'] => (id.startsWith('-') ? 'group' : 'private');

/** Starts the fake, subscribes `ids`, starts the adapter (polling) and waits until it is ready; builds the scheduler. */
export async function startFanOutRig(options: RigOptions): Promise<TelegramFanOutRig> {
  const tg = await startFakeTelegram({ botUsername: 'placardbot' });
  const services = await testServices();
  const logs = captureLog([tg.token]);
  for (let i = 0; i < options.ids.length; i += 200) {
    await Promise.all(options.ids.slice(i, i + 200).map((id) => seedSubscriptions(services.store, 'telegram', [id], { kind: kindOf(id) })));
  }
  const apiRoot = options.apiRoot ? await options.apiRoot(tg) : tg.apiRoot;
  const adapter = new TelegramAdapter({
    token: tg.token, apiRoot, services, log: logs.log, botInfo: tg.botInfo, backoff: { initialMs: 50, maxMs: 200 },
    limits: SUITE_LIMITS, timeouts: SUITE_TIMEOUTS, pollRetryMs: 200, ...options.adapter,
  });
  const dispatcher = new Dispatcher(services, logs.log);
  await adapter.start((inv) => dispatcher.dispatch(inv));
  await tg.waitFor(() => adapter.ready() || undefined, 5000, 'adapter ready');
  const clock = new JumpClock();
  const scheduler = new Scheduler({
    campaign: services.campaign, store: services.store, adapters: new Map([['telegram', adapter]]), catchUpHours: 6,
    log: logs.log.child({ component: 'reminders' }), clock: clock.now, sleep: clock.sleep, ...FAST, ...options.scheduler,
  });
  return {
    tg, adapter, scheduler, services, clock, logs, ids: options.ids,
    close: async () => { await scheduler.stop(); await adapter.stop(); await tg.close(); },
  };
}

/** How the ticks went. */
export interface DriveStats {
  readonly ticks: number;
  /** Ticks skipped because the previous fan-out still ran. */
  readonly overlapped: number;
  /** Longest tick, wall ms. */
  readonly longestTickMs: number;
  readonly timedOut: boolean;
}

/**
 * Ticks like cron ({@link tickLikeCron}: every `TICK_EVERY_MS`, not waiting
 * for the previous tick) until `done()` holds, then two more ticks one after
 * the other (any reminder sent again would show). The scheduler is stopped by
 * the rig's `close()`.
 */
export async function drive(rig: TelegramFanOutRig, done: () => boolean, deadlineMs = 30_000): Promise<DriveStats> {
  const { ticks, longestTickMs, timedOut } = await tickLikeCron(rig.scheduler, done, deadlineMs);
  return { ticks, overlapped: rig.scheduler.counters.overlapping, longestTickMs, timedOut };
}

/** What the fake received for a set of chats. */
export interface Received {
  readonly chats: number;
  /** Chats the fake posted no message to. */
  readonly lost: number;
  /** Messages posted beyond the first, summed over chats (answered or not: a dropped answer still posted). */
  readonly doubled: number;
  readonly doubledChats: readonly string[];
  /** Per chat: scheduler ms (since the due instant) when its first message was posted. */
  readonly firstAt: ReadonlyMap<string, number>;
  /** Worst delay over the chats, seconds of scheduler time. */
  readonly seconds: number;
}

/** Counts, from the fake's calls, what `ids` received. */
export function received(rig: Pick<TelegramFanOutRig, 'tg' | 'clock'>, ids: readonly string[]): Received {
  const wanted = new Set(ids);
  const counts = new Map<string, number>();
  const firstAt = new Map<string, number>();
  for (const m of rig.tg.sent) {
    const id = String(m.chat_id);
    if (m.method !== 'sendMessage' || !wanted.has(id)) continue;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (!firstAt.has(id)) firstAt.set(id, rig.clock.at(m.at));
  }
  const doubledChats = ids.filter((id) => (counts.get(id) ?? 0) > 1);
  return {
    chats: ids.length,
    lost: ids.filter((id) => !counts.has(id)).length,
    doubled: doubledChats.reduce((n, id) => n + (counts.get(id) ?? 0) - 1, 0),
    doubledChats,
    firstAt,
    seconds: Math.round(Math.max(0, ...firstAt.values()) / 100) / 10,
  };
}

/** Worst delay, seconds, over the chats of `ids` (those with no reminder are left out). */
export function worstOf(r: Received, ids: Iterable<string>): number {
  let worst = 0;
  for (const id of ids) worst = Math.max(worst, r.firstAt.get(id) ?? 0);
  return Math.round(worst / 100) / 10;
}

/** `key=value; …` for a row's notes. */
export const notesOf = (fields: Record<string, unknown>): string => Object.entries(fields).map(([k, v]) => `${k}=${String(v)}`).join('; ');

/** Waits for `cond`, polling every 20 ms; false after `ms`. */
export async function eventually(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) { if (Date.now() > end) return false; await realSleep(20); }
  return true;
}

export { realSleep as sleep };
