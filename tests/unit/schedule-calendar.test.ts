/** The pure side of reminders: which are due where and when, across zones, DST and 29 February. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CampaignEvent } from '../../src/content/campaign.js';
import { localTime, zonedInstant, zoneOffsetMs } from '../../src/time/calendar.js';
import {
  AnniversaryGate, anyAnniversaryNear, dueReminders, upcomingReminders, type DueReminder, type Slot,
} from '../../src/schedule/due.js';
import { knownTimeZones } from '../../src/time/zones.js';
import { shippedCampaign } from '../helpers/core.js';

const event = (id: string, date: string, remind = true): CampaignEvent => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { id, date, year, month, day, title: id, summary: id, sources: ['s'], remind, figures: [], topics: [] };
};
const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (iso: string): Date => new Date(iso);
const due = (now: string, events: CampaignEvent[], slots: Slot[], catchUpHours = 6): { due: DueReminder[]; missed: DueReminder[] } => {
  const r = dueReminders({ now: at(now), events, slots, catchUpMs: catchUpHours * HOUR });
  return { due: [...r.due], missed: [...r.missed] };
};
const wall = (t: number, zone: string): number => t + zoneOffsetMs(t, zone);

/**
 * Ticks every minute from `from` to `to` and records, per (slot, event, year),
 * the minutes it was due. A reminder must appear at exactly one key.
 */
function sweep(events: CampaignEvent[], slot: Slot, from: string, to: string, catchUpHours = 6): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  for (let t = Date.parse(from); t <= Date.parse(to); t += MINUTE) {
    for (const d of dueReminders({ now: new Date(t), events, slots: [slot], catchUpMs: catchUpHours * HOUR }).due) {
      const key = `${d.event.id}:${d.year}`;
      seen.set(key, [...(seen.get(key) ?? []), t]);
      expect(d.dueAt.getTime()).toBeLessThanOrEqual(t);
    }
  }
  return seen;
}

/** Asserts one key, first due at `first`, then due every minute for the whole catch-up window. */
function expectOnce(seen: Map<string, number[]>, first: string, catchUpHours = 6): void {
  expect(seen.size).toBe(1);
  const minutes = [...seen.values()][0]!;
  expect(new Date(minutes[0]!).toISOString()).toBe(new Date(first).toISOString());
  expect(minutes).toHaveLength(catchUpHours * 60 + 1);
  minutes.forEach((m, i) => expect(m - minutes[0]!).toBe(i * MINUTE));
}

describe('reminders due', () => {
  it('pins Zhanaozen: 09:00 in Almaty on 16 December 2026 is 04:00 UTC, the 15th anniversary', async () => {
    const { events } = await shippedCampaign();
    const almaty: Slot = { timeZone: 'Asia/Almaty', reminderTime: '09:00' };
    expect(zonedInstant({ year: 2026, month: 12, day: 16 }, { hour: 9, minute: 0 }, 'Asia/Almaty').toISOString()).toBe('2026-12-16T04:00:00.000Z');
    expect(due('2026-12-16T03:59:59Z', [...events], [almaty]).due).toEqual([]);
    const found = due('2026-12-16T04:00:00Z', [...events], [almaty]).due;
    expect(found.map((d) => [d.event.id, d.years, d.year, d.dueAt.toISOString()]))
      .toEqual([['zhanaozen-massacre-2011', 15, 2026, '2026-12-16T04:00:00.000Z']]);
    const jan4 = due('2027-01-04T04:00:00Z', [...events], [almaty]).due;
    expect(jan4.map((d) => [d.event.id, d.years])).toEqual([['tengizchevroil-strike', 5]]); // the Almaty night is remind: false
  });

  it('is right east and west of UTC (UTC+14 … UTC−12)', () => {
    const events = [event('zhanaozen', '2011-12-16')];
    const cases: [string, string][] = [
      ['Pacific/Kiritimati', '2026-12-15T19:00:00.000Z'], // UTC+14: the day starts before UTC's
      ['Asia/Tokyo', '2026-12-16T00:00:00.000Z'],
      ['Europe/London', '2026-12-16T09:00:00.000Z'],
      ['America/Los_Angeles', '2026-12-16T17:00:00.000Z'],
      ['Pacific/Pago_Pago', '2026-12-16T20:00:00.000Z'], // UTC−11
      ['Etc/GMT+12', '2026-12-16T21:00:00.000Z'], // UTC−12
    ];
    for (const [timeZone, first] of cases) {
      const slot = { timeZone, reminderTime: '09:00' };
      expectOnce(sweep(events, slot, new Date(Date.parse(first) - 2 * HOUR).toISOString(), new Date(Date.parse(first) + 8 * HOUR).toISOString()), first);
      expect(anyAnniversaryNear(at(first), events)).toBe(true);
    }
  });

  it('DST spring forward: a time inside the gap is due at the first instant after it; others as usual', () => {
    const events = [event('spring-eu', '2020-03-29'), event('spring-us', '2020-03-08')];
    // Europe/Berlin, 29 March 2026: 02:00 CET → 03:00 CEST at 01:00 UTC.
    expectOnce(sweep(events, { timeZone: 'Europe/Berlin', reminderTime: '02:30' }, '2026-03-28T20:00Z', '2026-03-29T09:00Z'), '2026-03-29T01:00Z');
    expectOnce(sweep(events, { timeZone: 'Europe/Berlin', reminderTime: '02:00' }, '2026-03-28T20:00Z', '2026-03-29T09:00Z'), '2026-03-29T01:00Z');
    expectOnce(sweep(events, { timeZone: 'Europe/Berlin', reminderTime: '03:00' }, '2026-03-28T20:00Z', '2026-03-29T09:00Z'), '2026-03-29T01:00Z');
    expectOnce(sweep(events, { timeZone: 'Europe/Berlin', reminderTime: '09:00' }, '2026-03-29T00:00Z', '2026-03-29T15:00Z'), '2026-03-29T07:00Z');
    // America/New_York, 8 March 2026: 02:00 EST → 03:00 EDT at 07:00 UTC.
    expectOnce(sweep(events, { timeZone: 'America/New_York', reminderTime: '02:30' }, '2026-03-08T04:00Z', '2026-03-08T15:00Z'), '2026-03-08T07:00Z');
    expectOnce(sweep(events, { timeZone: 'America/New_York', reminderTime: '01:59' }, '2026-03-08T04:00Z', '2026-03-08T15:00Z'), '2026-03-08T06:59Z');
  });

  it('DST fall back: a repeated time is due at its first occurrence, and only one reminder results', () => {
    const events = [event('fall-eu', '2020-10-25'), event('fall-us', '2020-11-01')];
    // Europe/Berlin, 25 October 2026: 03:00 CEST → 02:00 CET at 01:00 UTC; 02:30 happens at 00:30 and 01:30 UTC.
    const berlin = sweep(events, { timeZone: 'Europe/Berlin', reminderTime: '02:30' }, '2026-10-24T20:00Z', '2026-10-25T09:00Z');
    expectOnce(berlin, '2026-10-25T00:30Z');
    const second = due('2026-10-25T01:30Z', events, [{ timeZone: 'Europe/Berlin', reminderTime: '02:30' }]).due;
    expect(second.map((d) => d.dueAt.toISOString())).toEqual(['2026-10-25T00:30:00.000Z']); // same key, same instant
    // America/New_York, 1 November 2026: 02:00 EDT → 01:00 EST at 06:00 UTC; 01:30 at 05:30 and 06:30 UTC.
    expectOnce(sweep(events, { timeZone: 'America/New_York', reminderTime: '01:30' }, '2026-11-01T02:00Z', '2026-11-01T13:00Z'), '2026-11-01T05:30Z');
    expectOnce(sweep(events, { timeZone: 'America/New_York', reminderTime: '09:00' }, '2026-11-01T02:00Z', '2026-11-01T21:00Z'), '2026-11-01T14:00Z');
  });

  it('remembers 29 February on 28 February in common years, on 29 February in leap years, with the year count', () => {
    const leap = [event('leap', '2020-02-29')];
    const slot = { timeZone: 'America/Los_Angeles', reminderTime: '10:00' };
    expect(due('2027-02-28T18:00Z', leap, [slot]).due.map((d) => [d.year, d.years])).toEqual([[2027, 7]]);
    expect(due('2027-03-01T18:00Z', leap, [slot]).due).toEqual([]);
    expect(due('2028-02-28T18:00Z', leap, [slot]).due).toEqual([]);
    expect(due('2028-02-29T18:00Z', leap, [slot]).due.map((d) => [d.year, d.years])).toEqual([[2028, 8]]);
    expect(anyAnniversaryNear(at('2027-02-28T12:00Z'), leap)).toBe(true);
  });

  it('counts years, and reminds nothing in the event’s own year', () => {
    const events = [event('e', '2022-01-02')];
    const slot = { timeZone: 'Asia/Almaty', reminderTime: '09:00' };
    expect(due('2022-01-02T05:00Z', events, [slot]).due).toEqual([]);
    expect(due('2023-01-02T05:00Z', events, [slot]).due[0]?.years).toBe(1);
    expect(due('2047-01-02T05:00Z', events, [slot]).due[0]?.years).toBe(25);
  });

  it('sends within the catch-up window, reports later ones as missed, and keeps one tick even with 0 hours', () => {
    const events = [event('z', '2011-12-16')];
    const slot = { timeZone: 'Asia/Almaty', reminderTime: '09:00' };
    expect(due('2026-12-16T10:00Z', events, [slot]).due).toHaveLength(1);
    const late = due('2026-12-16T10:01Z', events, [slot]);
    expect([late.due.length, late.missed.length, late.missed[0]?.lateMs]).toEqual([0, 1, (6 * 60 + 1) * MINUTE]);
    expect(due('2026-12-16T04:00:40Z', events, [slot], 0).due).toHaveLength(1);
    expect(due('2026-12-16T04:01:01Z', events, [slot], 0).missed).toHaveLength(1);
    expect(due('2026-12-16T19:30Z', events, [slot], 168).due).toHaveLength(0); // the next local day: never
    // A slot stored with a zone or time this runtime cannot read is skipped, not fatal to the others.
    const broken = [{ timeZone: 'Mars/Olympus', reminderTime: '09:00' }, { timeZone: 'Asia/Almaty', reminderTime: '9 o’clock' }, slot];
    expect(due('2026-12-16T04:00Z', events, broken).due.map((d) => d.slot)).toEqual([slot]);
  });

  it('the pre-check is true only within a day of an anniversary, and never false when something is due', async () => {
    const { events } = await shippedCampaign();
    expect(anyAnniversaryNear(at('2026-12-14T23:59Z'), events)).toBe(false);
    expect(anyAnniversaryNear(at('2026-12-15T00:00Z'), events)).toBe(true);
    expect(anyAnniversaryNear(at('2026-12-17T23:59Z'), events)).toBe(true);
    expect(anyAnniversaryNear(at('2026-12-18T00:00Z'), events)).toBe(false);
    expect(anyAnniversaryNear(at('2026-06-15T12:00Z'), events)).toBe(false);
    const zones = knownTimeZones();
    const gate = new AnniversaryGate(events);
    fc.assert(fc.property(
      fc.integer({ min: Date.parse('2023-01-01'), max: Date.parse('2035-12-31') }),
      fc.constantFrom(...zones), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }),
      (t, timeZone, h, m) => {
        const slot = { timeZone, reminderTime: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}` };
        const r = dueReminders({ now: new Date(t), events, slots: [slot], catchUpMs: 168 * HOUR });
        if (r.due.length + r.missed.length > 0) expect(gate.isNear(new Date(t))).toBe(true);
        expect(gate.isNear(new Date(t))).toBe(anyAnniversaryNear(new Date(t), events));
      },
    ), { numRuns: 3000 });
    // Around the anniversaries, where it matters most.
    fc.assert(fc.property(
      fc.integer({ min: Date.parse('2026-12-14T00:00Z'), max: Date.parse('2027-01-08T00:00Z') }), fc.constantFrom(...zones),
      (t, timeZone) => {
        const r = dueReminders({ now: new Date(t), events, slots: [{ timeZone, reminderTime: '00:00' }], catchUpMs: 168 * HOUR });
        if (r.due.length + r.missed.length > 0) expect(anyAnniversaryNear(new Date(t), events)).toBe(true);
      },
    ), { numRuns: 3000 });
  });

  it('a zoned instant is the first instant whose wall clock reads the time or later, in every zone', () => {
    const zones = knownTimeZones();
    fc.assert(fc.property(
      fc.constantFrom(...zones), fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2037-12-31') }),
      fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }),
      (zone, dayMs, hour, minute) => {
        const d = new Date(dayMs);
        const day = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        const w = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
        const r = zonedInstant(day, { hour, minute }, zone).getTime();
        expect(wall(r, zone)).toBeGreaterThanOrEqual(w);
        expect(wall(r - MINUTE, zone)).toBeLessThan(w);
      },
    ), { numRuns: 5000 });
  });

  it('lists a slot’s coming reminders with their local times', async () => {
    const { events } = await shippedCampaign();
    const list = upcomingReminders(events, { timeZone: 'Europe/Berlin', reminderTime: '08:30' }, at('2026-12-16T07:31Z'), 3);
    expect(list.map((r) => [r.event.id, r.years, r.at.toISOString()])).toEqual([
      ['uprising-begins', 5, '2027-01-02T07:30:00.000Z'],
      ['general-strike-mangistau', 5, '2027-01-03T07:30:00.000Z'],
      ['tengizchevroil-strike', 5, '2027-01-04T07:30:00.000Z'],
    ]);
    const before = upcomingReminders(events, { timeZone: 'Europe/Berlin', reminderTime: '08:30' }, at('2026-12-16T07:29Z'), 1);
    expect(before[0]?.event.id).toBe('zhanaozen-massacre-2011');
    expect(localTime(before[0]!.at, 'Europe/Berlin')).toMatchObject({ day: 16, hour: 8, minute: 30 });
  });
});
