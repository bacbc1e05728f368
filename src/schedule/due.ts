/**
 * Which reminders are due, where, when. Pure: no I/O, no clock of its own.
 *
 * A subscription *slot* is a distinct (time zone, reminder time) pair; every
 * chat in a slot gets its reminders at the same instant. A reminder for event
 * E in year Y is due in a slot when the slot's local date is E's anniversary
 * (29 February → 28 February in common years), its local time has reached the
 * reminder time, and it is not later than the catch-up window.
 */
import type { CampaignEvent } from '../content/campaign.js';
import {
  anniversariesOn, dayFromNumber, dayNumber, isValidTimeZone, localTime, nextAnniversaries, parseClockTime, zonedInstant, type Day,
} from '../time/calendar.js';

/** A distinct (zone, time) pair shared by subscribed chats. */
export interface Slot {
  /** IANA zone. */
  readonly timeZone: string;
  /** Local `HH:MM`. */
  readonly reminderTime: string;
}

/** `Asia/Almaty 09:00`: a slot as a map key and in logs. */
export const slotKey = (slot: Slot): string => `${slot.timeZone} ${slot.reminderTime}`;

/** One anniversary reminder for one slot. */
export interface DueReminder {
  readonly slot: Slot;
  readonly event: CampaignEvent;
  /** The local year of the anniversary (part of the delivery key). */
  readonly year: number;
  /** How many years ago the event happened. */
  readonly years: number;
  /** The first instant the slot's wall clock read its reminder time that day. */
  readonly dueAt: Date;
  /** `now - dueAt`, in ms (≥ 0). */
  readonly lateMs: number;
}

/** What `dueReminders` found. */
export interface DueSet {
  /** To send now. */
  readonly due: readonly DueReminder[];
  /** Fell due longer ago than the catch-up window: to log, not to send. */
  readonly missed: readonly DueReminder[];
}

/**
 * The shortest catch-up window in effect: one cron tick, so that
 * `CATCH_UP_HOURS=0` still posts reminders on time.
 */
export const MIN_CATCH_UP_MS = 60_000;

/** Input of `dueReminders`. */
export interface DueQuery {
  readonly now: Date;
  /** The campaign's events; only `remind: true` ones count. */
  readonly events: readonly CampaignEvent[];
  readonly slots: Iterable<Slot>;
  /** How late a reminder may still be sent, in ms. */
  readonly catchUpMs: number;
}

/** Due and missed reminders at `now` for every slot. A slot with a bad time or an unknown zone is ignored. */
export function dueReminders({ now, events, slots, catchUpMs }: DueQuery): DueSet {
  const remind = events.filter((e) => e.remind);
  const window = Math.max(catchUpMs, MIN_CATCH_UP_MS);
  const due: DueReminder[] = [];
  const missed: DueReminder[] = [];
  const days = new Map<string, Day>();
  for (const slot of slots) {
    const time = parseClockTime(slot.reminderTime);
    if (!time || !isValidTimeZone(slot.timeZone)) continue;
    let day = days.get(slot.timeZone);
    if (!day) {
      const l = localTime(now, slot.timeZone);
      day = { year: l.year, month: l.month, day: l.day };
      days.set(slot.timeZone, day);
    }
    const found = anniversariesOn(remind, day);
    if (found.length === 0) continue;
    const dueAt = zonedInstant(day, time, slot.timeZone);
    const lateMs = now.getTime() - dueAt.getTime();
    if (lateMs < 0) continue;
    for (const { event, years } of found) {
      (lateMs <= window ? due : missed).push({ slot, event, year: day.year, years, dueAt, lateMs });
    }
  }
  return { due, missed };
}

const DAY_MS = 86_400_000;

/**
 * True when some `remind` event has an anniversary within one day of `now`'s
 * UTC date — the only days any zone (UTC−12 … UTC+14) can have one.
 */
export function anyAnniversaryNear(now: Date, events: readonly CampaignEvent[]): boolean {
  const remind = events.filter((e) => e.remind);
  const today = Math.floor(now.getTime() / DAY_MS);
  return [-1, 0, 1].some((d) => anniversariesOn(remind, dayFromNumber(today + d)).length > 0);
}

/**
 * `anyAnniversaryNear`, remembered per UTC day: on most ticks it costs one
 * division and one comparison.
 */
export class AnniversaryGate {
  private day = Number.NaN;
  private near = false;

  constructor(private readonly events: readonly CampaignEvent[]) {}

  /** True when a reminder may be due somewhere on `now`'s day. */
  isNear(now: Date): boolean {
    const day = Math.floor(now.getTime() / DAY_MS);
    if (day !== this.day) {
      this.near = anyAnniversaryNear(now, this.events);
      this.day = day;
    }
    return this.near;
  }
}

/** A coming reminder of one chat. */
export interface UpcomingReminder {
  readonly event: CampaignEvent;
  readonly years: number;
  /** The local day of the anniversary. */
  readonly on: Day;
  readonly at: Date;
}

/** The next `count` reminders of a slot strictly after `now`, soonest first. */
export function upcomingReminders(events: readonly CampaignEvent[], slot: Slot, now: Date, count: number): UpcomingReminder[] {
  const time = parseClockTime(slot.reminderTime);
  const remind = events.filter((e) => e.remind);
  const out: UpcomingReminder[] = [];
  if (!time || remind.length === 0) return out;
  const l = localTime(now, slot.timeZone);
  let from: Day = { year: l.year, month: l.month, day: l.day };
  // A few years ahead at most: every remind event recurs yearly.
  for (let guard = 0; out.length < count && guard < 4 * remind.length + 4; guard++) {
    const next = nextAnniversaries(remind, from);
    if (!next) break;
    const at = zonedInstant(next.on, time, slot.timeZone);
    if (at.getTime() > now.getTime()) {
      for (const item of next.items) if (out.length < count) out.push({ event: item.event, years: item.years, on: next.on, at });
    }
    from = dayFromNumber(dayNumber(next.on) + 1);
  }
  return out;
}
