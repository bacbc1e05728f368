/**
 * The reminder scheduler: a node-cron task every minute calls `tick(now)`.
 * On a day with no anniversary anywhere, a tick is one comparison and touches
 * no store. Otherwise it reads the subscriptions (cached a few minutes), asks
 * the calendar what is due, and fans out through the adapters. Catch-up and
 * exactly-once come from the delivery ledger and claims, not from cron
 * (node-cron keeps no state and skips missed runs).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createTask, type ScheduledTask } from 'node-cron';
import type { Adapter } from '../adapter.js';
import type { Platform } from '../chat.js';
import type { Campaign } from '../content/campaign.js';
import { sharedTranslator, type Translator } from '../i18n/translator.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { newReminderCounters, type ReminderCounters } from './counters.js';
import { BurstLog } from '../log-privacy.js';
import { DEFAULT_LEASE_MS, DEFAULT_SEND_TIMEOUT_MS, DELIVERED, MARKER_TTL_MS, deliveryKey, type DeliveryContext, type SendObservation } from './delivery.js';
import { PlatformGates, shareFlood } from './gates.js';
import { FANOUT_LEASE_MS, FanOutLease } from './lease.js';
import { AnniversaryGate, dueReminders, slotKey, type DueReminder } from './due.js';
import { emptyTally, fanOut, pool, type FanOutTally } from './fanout.js';
import { SubscriptionCache, SUBSCRIPTIONS_TTL_MS, type SlotGroup } from './subscriptions.js';

/** Options of the scheduler. */
export interface SchedulerOptions {
  readonly campaign: Campaign;
  readonly store: Store;
  /** The bot's words in each language, for reminders in each chat's (default: the project's catalogs). */
  readonly translator?: Translator;
  /** Where the campaign's pages are served (PUBLIC_URL): reminders link their event there. */
  readonly publicUrl?: string;
  /** The adapters of this process; chats of other platforms are left to instances that have them. */
  readonly adapters: ReadonlyMap<Platform, Adapter>;
  /** How late a reminder is still sent (`CATCH_UP_HOURS`). */
  readonly catchUpHours: number;
  readonly log: Logger;
  /** The current instant (tests). */
  readonly clock?: () => Date;
  /** Waits (tests pass one that advances their clock). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Sends in flight per platform (default 16). */
  readonly concurrency?: number;
  /** Lease of a delivery claim (default 3 minutes). */
  readonly leaseMs?: number;
  /** Sends tried after transient failures (default 3). */
  readonly maxAttempts?: number;
  /** First backoff after a transient failure (default 2 s, doubled each time). */
  readonly backoffMs?: number;
  /** How long a loaded subscription list is used (default 5 minutes). */
  readonly subscriptionsTtlMs?: number;
  /** Least time between two progress lines of a fan-out (default 10 s). */
  readonly progressEveryMs?: number;
  readonly markerTtlMs?: number;
  /** Bound of one adapter send (default 30 s; adapters time their requests out sooner). */
  readonly sendTimeoutMs?: number;
  /** How long after a refused post (`forbidden`) the same reminder is tried again (default 15 minutes). */
  readonly forbiddenRetryMs?: number;
  /** Interval over which a burst of the same failure is one log line (default 30 s). */
  readonly logBurstMs?: number;
  /** Told of every send's result, e.g. to feed Prometheus counters (the `counters` object holds totals too). */
  readonly observe?: (event: SendObservation) => void;
  /**
   * This instance, as recorded in the fan-out leases (default: one id per
   * process, so schedulers of one process share the process' send budget).
   */
  readonly instanceId?: string;
  /**
   * Length of a platform's fan-out lease (default 15 s, see lease.ts, or the
   * delivery claim's `leaseMs` when shorter: after a crash the deliveries it
   * held lapse after that anyway, so a longer fan-out lease would only delay the takeover).
   */
  readonly fanOutLeaseMs?: number;
  /** Renewal interval of the fan-out lease, and of a standby's attempts to take it (default a third of the lease). */
  readonly fanOutRenewMs?: number;
}

/** This process' instance id in the fan-out leases (host, pid and a random part; never a chat id). */
export const PROCESS_INSTANCE_ID = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

/** What one tick did. */
export interface TickReport extends FanOutTally {
  /** False when no anniversary is near: nothing else was done. */
  readonly near: boolean;
  /** (slot, event) pairs due now. */
  readonly dueSlots: number;
  /** Chats × reminders missed beyond the catch-up window (first seen in this tick). */
  readonly missed: number;
}

const HOUR = 3_600_000;
/** The report of a tick on a day with no anniversary near (shared: such a tick allocates nothing). */
const IDLE: TickReport = Object.freeze({ ...emptyTally(), near: false, dueSlots: 0, missed: 0 });
const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts anniversary reminders to subscribed chats, once each. */
export class Scheduler {
  /** Live counters (read by metrics). */
  readonly counters: ReminderCounters = newReminderCounters();
  private readonly gate: AnniversaryGate;
  private readonly subscriptions: SubscriptionCache;
  private readonly clock: () => Date;
  private readonly ctx: DeliveryContext;
  /** Delivery keys this instance knows are final (saves store reads on later ticks). */
  private readonly done = new Set<string>();
  /** Delivery keys not to try again before a time (refused posts). */
  private readonly notBefore = new Map<string, number>();
  /** Platforms whose sends wait (flood waits, paused platforms). */
  readonly gates = new PlatformGates();
  private readonly burst: BurstLog;
  private readonly missedSeen = new Set<string>();
  /** Each platform's fan-out lease: one instance drives a platform at a time. */
  private readonly leases = new Map<Platform, FanOutLease>();
  private task: ScheduledTask | undefined;
  private running: Promise<unknown> | undefined;
  private stopping = false;
  private lastProgress = 0;

  constructor(private readonly options: SchedulerOptions) {
    const { campaign, store, log } = options;
    const defaults = { timeZone: campaign.meta.timeZone, reminderTime: campaign.meta.reminderTime, language: campaign.meta.language };
    this.gate = new AnniversaryGate(campaign.events);
    this.subscriptions = new SubscriptionCache(store, defaults, options.subscriptionsTtlMs ?? SUBSCRIPTIONS_TTL_MS);
    this.clock = options.clock ?? (() => new Date());
    this.burst = new BurstLog(log, { intervalMs: options.logBurstMs ?? 30_000, now: () => this.clock().getTime() });
    this.ctx = {
      store, log, counters: this.counters, defaults, gates: this.gates, burst: this.burst,
      stopping: () => this.stopping,
      sendTimeoutMs: options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS,
      forbiddenRetryMs: options.forbiddenRetryMs ?? 15 * 60_000,
      retryLater: (key, at) => { this.notBefore.set(key, at); },
      onMarkerRetry: () => { this.counters.markerRetries++; },
      now: () => this.clock().getTime(),
      sleep: options.sleep ?? defaultSleep,
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      maxAttempts: options.maxAttempts ?? 3,
      backoffMs: options.backoffMs ?? 2000,
      markerTtlMs: options.markerTtlMs ?? MARKER_TTL_MS,
      ...(options.observe ? { observe: options.observe } : {}),
      mayStart: (platform) => this.leases.get(platform)?.holds() ?? true,
      shareFlood: (platform, ms) => shareFlood(store, platform, ms, this.clock().getTime()),
    };
    const fanOutLeaseMs = options.fanOutLeaseMs ?? Math.min(FANOUT_LEASE_MS, this.ctx.leaseMs);
    for (const platform of options.adapters.keys()) {
      this.leases.set(platform, new FanOutLease({
        store, platform, owner: options.instanceId ?? PROCESS_INSTANCE_ID, log, burst: this.burst,
        leaseMs: fanOutLeaseMs, renewEveryMs: options.fanOutRenewMs ?? fanOutLeaseMs / 3,
        now: () => this.clock().getTime(),
        // i18n-exempt: a gate's detail goes to logs and metrics, never to a chat.
        onFlood: (ms) => this.gates.close(platform, this.ctx.now() + ms, 'flood', `shared flood wait ${Math.ceil(ms / 1000)} s`, this.ctx.now()),
        // A standby took over (the driver died or stepped down): drive now, not at the next minute.
        onGained: () => { if (!this.stopping && this.running === undefined) void this.tick(); },
      }));
    }
  }

  /** A whole-bot flood wait heard outside the fan-out (`Adapter.onFloodWait`): closes this gate, and shares it for the driver. */
  floodWaitHeard(platform: Platform, ms: number): void {
    if (!(ms > 0)) return;
    const now = this.ctx.now();
    // i18n-exempt: a gate's detail goes to logs and metrics, never to a chat.
    this.gates.close(platform, now + ms, 'flood', `flood wait ${Math.ceil(ms / 1000)} s (heard answering)`, now);
    void shareFlood(this.options.store, platform, ms, now).catch((error: unknown) => {
      this.burst.note('warn', `flood-share:${platform}`, { err: error, platform }, 'flood wait not shared (store error); the driver learns it from its own sends');
    });
  }

  /** Starts the every-minute cron task. */
  start(): void {
    if (this.task) return;
    this.stopping = false;
    const log = this.options.log;
    this.task = createTask('* * * * *', () => this.tick(), {
      name: 'placard-reminders',
      logger: {
        info: (m) => log.debug({ source: 'node-cron' }, m),
        warn: (m) => log.debug({ source: 'node-cron' }, m),
        error: (m) => log.warn({ source: 'node-cron' }, String(m)),
        debug: () => undefined,
      },
    });
    void this.task.start();
    log.info({ catchUpHours: this.options.catchUpHours, platforms: [...this.options.adapters.keys()], instance: this.options.instanceId ?? PROCESS_INSTANCE_ID }, 'reminder scheduler started');
  }

  /** Stops the cron task; a fan-out under way finishes its sends in flight and takes no new ones. */
  async stop(): Promise<void> {
    this.stopping = true;
    const task = this.task;
    this.task = undefined;
    if (task) await task.destroy();
    await this.running;
    await this.releaseLeases();
    this.burst.flush();
  }

  /** Hands back every fan-out lease this instance holds, so a standby drives at once. */
  private async releaseLeases(): Promise<void> {
    await Promise.all([...this.leases.values()].map((lease) => lease.release()));
  }

  /**
   * One tick at `now`. Skipped (undefined) while the previous one runs. Never
   * throws: errors are logged and counted.
   */
  async tick(now: Date = this.clock()): Promise<TickReport | undefined> {
    if (this.running) {
      this.counters.overlapping++;
      // Not silent: a fan-out longer than a minute is worth knowing about (one line per burst).
      this.burst.note('info', 'overlap', { pending: this.counters.fanOut.pending }, 'reminder tick skipped: the previous fan-out is still running');
      return undefined;
    }
    this.counters.ticks++;
    if (!this.gate.isNear(now)) {
      if (this.done.size > 0 || this.missedSeen.size > 0) this.forget();
      return IDLE;
    }
    const run = this.run(now);
    this.running = run;
    try {
      return await run;
    } catch (error: unknown) {
      this.counters.tickErrors++;
      this.options.log.error({ err: error }, 'reminder tick failed');
      return undefined;
    } finally {
      this.running = undefined;
      if (this.stopping) await this.releaseLeases();
    }
  }

  private async run(now: Date): Promise<TickReport> {
    const { campaign, log } = this.options;
    this.counters.nearTicks++;
    const groups = await this.subscriptions.get(now.getTime());
    const { due, missed } = dueReminders({
      now, events: campaign.events, slots: groups.map((g) => g.slot), catchUpMs: this.options.catchUpHours * HOUR,
    });
    const missedCount = await this.reportMissed(missed, groups);
    if (due.length === 0) return { ...emptyTally(), near: true, dueSlots: 0, missed: missedCount };
    this.lastProgress = now.getTime();
    const tally = await fanOut({
      campaign, translator: this.options.translator ?? sharedTranslator(), publicUrl: this.options.publicUrl, due, groups, adapters: this.options.adapters, ctx: this.ctx,
      concurrency: this.options.concurrency ?? 16, done: this.done, notBefore: this.notBefore,
      stopping: () => this.stopping, onProgress: () => this.progress(false), leases: this.leases, catchUpMs: this.options.catchUpHours * HOUR,
    });
    this.counters.standby += tally.standby;
    if (tally.standby > 0) log.debug({ reminders: tally.standby }, 'reminders left to the instance that drives their platform');
    if (tally.noAdapter > 0) log.debug({ chats: tally.noAdapter }, 'reminders for platforms this instance does not serve: left to others');
    // Standby reminders are counted in `claimed` too; neither is work done here.
    const handled = Object.entries(tally).reduce((n, [k, v]) => (k === 'noAdapter' || k === 'standby' ? n : n + v), 0) - tally.standby;
    if (handled > 0) this.progress(true);
    return { ...tally, near: true, dueSlots: due.length, missed: missedCount };
  }

  /** Logs each missed (slot, event, year) once per instance, with the number of chats that did not get it. */
  private async reportMissed(missed: readonly DueReminder[], groups: readonly SlotGroup[]): Promise<number> {
    let total = 0;
    for (const m of missed) {
      const id = `${slotKey(m.slot)}|${m.event.id}|${m.year}`;
      if (this.missedSeen.has(id)) continue;
      this.missedSeen.add(id);
      const chats = (groups.find((g) => slotKey(g.slot) === slotKey(m.slot))?.chats ?? [])
        .filter((c) => this.options.adapters.has(c.platform) && !this.done.has(deliveryKey(c, m.event.id, m.year)));
      let count = 0;
      await pool(chats[Symbol.iterator](), 16, async (c) => {
        if ((await this.options.store.get(DELIVERED, deliveryKey(c, m.event.id, m.year))) === undefined) count++;
      }, () => false);
      if (count === 0) continue;
      total += count;
      this.counters.missed += count;
      this.options.log.warn({
        event: m.event.id, year: m.year, timeZone: m.slot.timeZone, reminderTime: m.slot.reminderTime,
        chats: count, lateMinutes: Math.round(m.lateMs / 60_000), catchUpHours: this.options.catchUpHours,
      }, 'reminders missed beyond the catch-up window; not sent');
    }
    return total;
  }

  private progress(final: boolean): void {
    const now = this.clock().getTime();
    if (!final && now - this.lastProgress < (this.options.progressEveryMs ?? 10_000)) return;
    this.lastProgress = now;
    const { total, sent, failed, pending } = this.counters.fanOut;
    this.options.log.info({ total, sent, failed, pending }, final ? 'reminder fan-out finished' : 'reminder fan-out progress');
  }

  /** Drops per-day memory once no anniversary is near, and hands the leases back. */
  private forget(): void {
    void this.releaseLeases();
    this.done.clear();
    this.notBefore.clear();
    this.missedSeen.clear();
    this.subscriptions.clear();
  }
}
