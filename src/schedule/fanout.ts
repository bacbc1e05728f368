/**
 * Fan-out of due reminders to their chats: one worker pool per platform with
 * bounded concurrency (the adapter paces under its platform's limits; we only
 * avoid starting 10,000 sends at once), progress in the counters and in logs.
 *
 * A platform's pool stops taking jobs while its gate is closed for longer
 * than {@link GATE_WAIT_MS} (a long flood wait, a paused platform); the jobs
 * not taken stay unclaimed for a later tick. A store error before a send
 * makes the worker wait and try the same job again, so a store blip of a few
 * seconds delays the fan-out by about as much instead of failing every chat.
 */
import type { Adapter } from '../adapter.js';
import type { Platform } from '../chat.js';
import type { Campaign } from '../content/campaign.js';
import type { Language } from '../i18n/languages.js';
import type { Translator } from '../i18n/translator.js';
import { voiceOf } from '../i18n/voice.js';
import { deliver, deliveryKey, type DeliveryContext, type DeliveryJob, type DeliveryOutcome, type HeldClaim } from './delivery.js';
import { slotKey, type DueReminder } from './due.js';
import { reminderMessage, type Reminder } from '../present/reminder.js';
import { drivenHere, dueId, noteComplete, type DrivingLease } from './standby.js';
import type { SlotGroup } from './subscriptions.js';

export type { DrivingLease } from './standby.js';

/** Outcomes of one tick's fan-out, by kind. */
export type FanOutTally = Record<DeliveryOutcome | 'noAdapter', number>;

/** An empty tally. */
export const emptyTally = (): FanOutTally => ({
  sent: 0, delivered: 0, claimed: 0, changed: 0, gone: 0, forbidden: 0, paused: 0, deferred: 0, failed: 0, rejected: 0, storeError: 0, standby: 0, noAdapter: 0,
});

/** A closed gate shorter than this is waited out by the workers; a longer one stops the platform's fan-out for this tick. */
export const GATE_WAIT_MS = 15_000;

/** Backoff of a worker after a store error, first and longest; and how long one job is retried for. */
const STORE_BACKOFF_MS = 250;
const STORE_BACKOFF_MAX_MS = 4_000;
const STORE_RETRY_FOR_MS = 60_000;

/** Outcomes after which this instance need not look at a delivery again. */
const FINAL: ReadonlySet<DeliveryOutcome> = new Set(['sent', 'delivered', 'gone', 'rejected']);

/** Runs `work` over `items` with at most `n` in flight; stops taking items once `stop()` is true. */
export async function pool<T>(items: Iterator<T>, n: number, work: (item: T) => Promise<void>, stop: () => boolean): Promise<void> {
  const worker = async (): Promise<void> => {
    for (;;) {
      if (stop()) return;
      const next = items.next();
      if (next.done === true) return;
      await work(next.value);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, n) }, worker));
}

/** What one fan-out needs. */
export interface FanOutInput {
  readonly campaign: Campaign;
  /** The bot's words in each language (reminders go out in each chat's). */
  readonly translator: Translator;
  /** Where the campaign's pages are served (PUBLIC_URL): reminders link their event there. */
  readonly publicUrl?: string;
  readonly due: readonly DueReminder[];
  readonly groups: readonly SlotGroup[];
  readonly adapters: ReadonlyMap<Platform, Adapter>;
  readonly ctx: DeliveryContext;
  readonly concurrency: number;
  /** Delivery keys known final in this instance (skipped without a store read); added to. */
  readonly done: Set<string>;
  /** Delivery keys not to try before the given ms (a refused post); read only. */
  readonly notBefore: ReadonlyMap<string, number>;
  readonly stopping: () => boolean;
  /** Called after every delivery (progress logging). */
  readonly onProgress: () => void;
  /** Each platform's fan-out lease; a platform without one is always driven here. */
  readonly leases?: ReadonlyMap<Platform, DrivingLease>;
  /** The catch-up window: how long a completion note is kept (standby.ts). */
  readonly catchUpMs?: number;
}

/** Sends every due reminder to every chat of its slot on this instance's platforms. */
export async function fanOut(input: FanOutInput): Promise<FanOutTally> {
  const { campaign, due, adapters, ctx, done, notBefore } = input;
  const now = ctx.now();
  const skip = (key: string): boolean => done.has(key) || (notBefore.get(key) ?? 0) > now;
  const tally = emptyTally();
  const bySlot = new Map(input.groups.map((g) => [slotKey(g.slot), g.chats]));
  // Each (event, years, language) is built once, whatever the number of chats.
  const reminders = new Map<string, Reminder>();
  const reminderFor = (r: DueReminder, language: Language): Reminder => {
    const k = `${r.event.id}:${r.years}:${language}`;
    let m = reminders.get(k);
    if (!m) reminders.set(k, (m = reminderMessage(voiceOf(input.translator, language), campaign, r.event, r.years, input.publicUrl)));
    return m;
  };

  // Count first (no allocation per chat), so progress can say how many are pending.
  const pending = new Map<Platform, Map<string, number>>();
  for (const r of due) {
    const id = dueId(r);
    for (const chat of bySlot.get(slotKey(r.slot)) ?? []) {
      if (!adapters.has(chat.platform)) {
        if (!skip(deliveryKey(chat, r.event.id, r.year))) tally.noAdapter++;
        continue;
      }
      let byDue = pending.get(chat.platform);
      // A platform with reminders due keeps its lease (or keeps trying to take it over), done or not.
      if (!byDue) { input.leases?.get(chat.platform)?.want(); pending.set(chat.platform, (byDue = new Map())); }
      if (!skip(deliveryKey(chat, r.event.id, r.year))) byDue.set(id, (byDue.get(id) ?? 0) + 1);
    }
  }
  ctx.counters.noAdapter += tally.noAdapter;
  const driving = await drivenHere({ store: ctx.store, burst: ctx.burst, ...(input.leases ? { leases: input.leases } : {}) }, pending, tally);
  let total = 0;
  for (const p of driving) for (const n of pending.get(p)!.values()) total += n;
  if (total === 0) return tally; // the counters keep describing the last real fan-out
  const progress = ctx.counters.fanOut;
  Object.assign(progress, { running: true, total, sent: 0, failed: 0, pending: total });

  // Each instance starts at its own random place in a slot's list, so instances sharing
  // the work mostly meet delivered markers (a read) rather than race for claims (a write).
  function* jobsOf(platform: Platform): Generator<DeliveryJob> {
    for (const r of due) {
      const chats = bySlot.get(slotKey(r.slot)) ?? [];
      const offset = Math.floor(Math.random() * chats.length);
      const reminderIn = (language: Language): Reminder => reminderFor(r, language);
      for (let i = 0; i < chats.length; i++) {
        const chat = chats[(offset + i) % chats.length]!;
        if (chat.platform !== platform || skip(deliveryKey(chat, r.event.id, r.year))) continue;
        const { message, actions } = reminderFor(r, chat.language);
        yield { chat, reminder: r, message, actions, reminderIn };
      }
    }
  }

  try {
    for (const [platform, adapter] of adapters) ctx.gates.reopenIfRecovered(platform, ctx.now(), adapter.ready());
    await Promise.all([...driving].map(async (platform) => {
      const adapter = adapters.get(platform)!;
      const lease = input.leases?.get(platform);
      const jobs = jobsOf(platform);
      let unfinished = 0;
      await pool(jobs, input.concurrency, async (job) => {
        if (!(await gateAllows(platform, ctx))) { unfinished++; return; } // closed meanwhile: left unclaimed for a later tick
        const outcome = await deliverRetryingStore(job, adapter, ctx, input.stopping);
        tally[outcome]++;
        if (outcome === 'standby') tally.claimed++;
        if (!FINAL.has(outcome) && outcome !== 'changed') unfinished++;
      if (outcome === 'delivered') ctx.counters.alreadyDelivered++;
      if (outcome === 'claimed') ctx.counters.claimedElsewhere++;
      if (outcome === 'changed') ctx.counters.changed++;
      if (FINAL.has(outcome)) done.add(deliveryKey(job.chat, job.reminder.event.id, job.reminder.year));
      progress.pending--;
      if (outcome === 'sent') progress.sent++;
        if (outcome === 'failed' || outcome === 'rejected') progress.failed++;
        input.onProgress();
      }, () => input.stopping() || gateHolds(platform, ctx) || lease?.holds() === false);
      let left = 0;
      for (let next = jobs.next(); next.done !== true; next = jobs.next()) left++;
      if (lease?.holds() === false && !input.stopping()) {
        // The lease was lost mid-way: what is left is the new driver's.
        tally.standby += left;
        tally.claimed += left;
      } else if (left === 0 && unfinished === 0 && lease !== undefined) {
        // Nothing left to anyone: tell the standbys (best effort; they would only report work as pending).
        await noteComplete(ctx.store, platform, due, input.catchUpMs ?? 6 * 3_600_000).catch(() => undefined);
      }
    }));
  } finally {
    progress.running = false;
  }
  return tally;
}

/** True while `platform`'s gate stays closed for longer than the workers wait out. */
function gateHolds(platform: Platform, ctx: DeliveryContext): boolean {
  const gate = ctx.gates.closedAt(platform, ctx.now());
  return gate !== undefined && gate.until - ctx.now() > GATE_WAIT_MS;
}

/** Waits out a short closed gate; false when it is closed for longer (the job is then not taken). */
async function gateAllows(platform: Platform, ctx: DeliveryContext): Promise<boolean> {
  for (;;) {
    const gate = ctx.gates.closedAt(platform, ctx.now());
    if (gate === undefined) return true;
    const wait = gate.until - ctx.now();
    if (wait > GATE_WAIT_MS) return false;
    await ctx.sleep(wait);
  }
}

/** Delivers one job; after a store error before any send, waits with backoff and tries the same job again for a while. */
async function deliverRetryingStore(job: DeliveryJob, adapter: Adapter, ctx: DeliveryContext, stopping: () => boolean): Promise<DeliveryOutcome> {
  const started = ctx.now();
  const held: HeldClaim = {};
  let wait = STORE_BACKOFF_MS;
  for (;;) {
    const outcome = await deliver(job, adapter, ctx, held);
    if (outcome !== 'storeError' || stopping() || ctx.now() - started >= STORE_RETRY_FOR_MS) return outcome;
    await ctx.sleep(wait);
    wait = Math.min(wait * 2, STORE_BACKOFF_MAX_MS);
  }
}
