/**
 * Calendar arithmetic for anniversaries. Pure: no I/O, no clock of its own.
 * Dates are local calendar days in a given IANA zone; instants are Dates.
 */
import type { CampaignEvent } from '../content/campaign.js';
import { formatDayIn } from '../i18n/dates.js';

/** A calendar day (month 1–12). */
export interface Day { readonly year: number; readonly month: number; readonly day: number }

/** A local wall-clock reading in some zone. */
export interface LocalTime extends Day { readonly hour: number; readonly minute: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try { formatterFor(timeZone); return true; } catch { return false; }
}

/** What the en-US formatter writes: "11/30/2026, 19:03". */
const WALL_CLOCK = /^(\d{1,2})\/(\d{1,2})\/(\d+), (\d{2}):(\d{2})$/;

/** The wall-clock reading of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const f = formatterFor(timeZone);
  // format() and a regex cost a third of formatToParts() (the profile of /next and of reminders' zone arithmetic showed it on top).
  const m = WALL_CLOCK.exec(f.format(instant));
  if (m !== null) return { year: Number(m[3]), month: Number(m[1]), day: Number(m[2]), hour: Number(m[4]), minute: Number(m[5]) };
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/** A local wall-clock time of day. */
export interface ClockTime { readonly hour: number; readonly minute: number }

/** `HH:MM` or `H:MM` (00:00–23:59) → hour and minute; undefined for anything else. */
export function parseClockTime(value: string): ClockTime | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

/** Two-digit `HH:MM`. */
export const formatClockTime = (t: ClockTime): string => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

/** The calendar day `n` days after 1970-01-01 (inverse of `dayNumber`). */
export function dayFromNumber(n: number): Day {
  const d = new Date(n * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** UTC offset of `zone` at `instant` in ms (whole minutes; the instant is taken to its minute). */
export function zoneOffsetMs(instant: number, zone: string): number {
  const t = Math.floor(instant / MINUTE) * MINUTE;
  const l = localTime(new Date(t), zone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute) - t;
}

/**
 * The first instant at which the wall clock of `zone` reads `time` on `day`
 * or later that day. Across DST: a time that falls in a gap (spring forward)
 * gives the first instant after the gap; a time that occurs twice (fall back)
 * gives its first occurrence. So a daily reminder is never skipped nor doubled.
 */
export function zonedInstant(day: Day, time: ClockTime, zone: string): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day, time.hour, time.minute);
  // Every offset in force around that wall time (zones change offset at most once in a few days).
  const offsets = new Set([-36, -12, 0, 12, 36].map((h) => zoneOffsetMs(wall + h * HOUR, zone)));
  const candidates = [...offsets].map((o) => wall - o).sort((a, b) => a - b);
  const exact = candidates.find((t) => zoneOffsetMs(t, zone) === wall - t);
  if (exact !== undefined) return new Date(exact);
  // In a gap: the answer is the transition itself, between the earliest and latest candidate.
  let lo = candidates[0]!;
  let hi = candidates[candidates.length - 1]!;
  const before = zoneOffsetMs(lo, zone);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (zoneOffsetMs(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

/** True for leap years of the Gregorian calendar. */
export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The day an event is remembered in `year`: 29 February falls on 28 February in common years. */
export function anniversaryIn(event: Pick<CampaignEvent, 'month' | 'day'>, year: number): Day {
  if (event.month === 2 && event.day === 29 && !isLeapYear(year)) return { year, month: 2, day: 28 };
  return { year, month: event.month, day: event.day };
}

/** Days since 1970-01-01 of a calendar day (for differences). */
export const dayNumber = (d: Day): number => Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Day, to: Day): number => dayNumber(to) - dayNumber(from);

/** An event remembered on a given day, with how many years ago it happened. */
export interface Anniversary { readonly event: CampaignEvent; readonly years: number; readonly on: Day }

/** Events whose anniversary falls on `day` (years ≥ 1, i.e. not the event's own day). */
export function anniversariesOn(events: readonly CampaignEvent[], day: Day): Anniversary[] {
  const out: Anniversary[] = [];
  for (const event of events) {
    const years = day.year - event.year;
    if (years < 1) continue;
    const on = anniversaryIn(event, day.year);
    if (on.month === day.month && on.day === day.day) out.push({ event, years, on });
  }
  return out;
}

/** Events that happened on exactly `day` (years = 0) or are remembered on it. */
export function eventsOnThisDay(events: readonly CampaignEvent[], day: Day): Anniversary[] {
  const same = events.filter((e) => e.year === day.year && e.month === day.month && e.day === day.day)
    .map((event) => ({ event, years: 0, on: day }));
  return [...same, ...anniversariesOn(events, day)];
}

/**
 * The next day on or after `from` on which at least one of `events` has an
 * anniversary, with every anniversary that day. Undefined when there are no events.
 */
export function nextAnniversaries(events: readonly CampaignEvent[], from: Day): { on: Day; items: Anniversary[] } | undefined {
  let best: Day | undefined;
  // Day numbers of `from` and of the best so far computed once, not twice per event (the profile of /next).
  const start = dayNumber(from);
  let bestNumber = 0;
  for (const event of events) {
    for (const year of [from.year, from.year + 1]) {
      if (year - event.year < 1) continue;
      const on = anniversaryIn(event, year);
      const n = dayNumber(on);
      if (n - start < 0) continue;
      if (!best || bestNumber - n > 0) { best = on; bestNumber = n; }
      break;
    }
  }
  return best ? { on: best, items: anniversariesOn(events, best) } : undefined;
}

/**
 * 1 → "1st", 15 → "15th", 22 → "22nd", 111 → "111th".
 * @deprecated English only: answers and reminders write ordinals through the catalogs
 * (`NUMBER($years, type: "ordinal")`). Kept for `src/schedule/preview.ts` until it speaks through a voice.
 */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

/**
 * "16 December 2026".
 * @deprecated English only: answers and reminders write dates through a voice (`voice.day`).
 * Kept for `src/schedule/preview.ts` until it speaks through a voice.
 */
export const formatDay = (d: Day): string => formatDayIn('en', d);
