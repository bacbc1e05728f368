import { describe, expect, it } from 'vitest';
import type { CampaignEvent } from '../../src/content/campaign.js';
import {
  anniversariesOn, anniversaryIn, daysBetween, formatClockTime, formatDay, localTime, nextAnniversaries, ordinal,
} from '../../src/time/calendar.js';

const event = (id: string, date: string, remind = true): CampaignEvent => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { id, date, year, month, day, title: id, summary: id, sources: ['s'], remind, figures: [], topics: [] };
};

describe('calendar', () => {
  it('Kazakhstan is UTC+5 all year since 2024: 04:00 UTC is 09:00 in Almaty on 16 December 2026', () => {
    expect(localTime(new Date('2026-12-16T04:00:00Z'), 'Asia/Almaty'))
      .toEqual({ year: 2026, month: 12, day: 16, hour: 9, minute: 0 });
    expect(localTime(new Date('2027-01-04T04:00:00Z'), 'Asia/Almaty').hour).toBe(9);
  });

  it('reads local dates east and west of UTC', () => {
    const instant = new Date('2026-12-15T23:30:00Z');
    expect(localTime(instant, 'Asia/Almaty').day).toBe(16);
    expect(localTime(instant, 'America/Los_Angeles').day).toBe(15);
    expect(localTime(instant, 'Pacific/Kiritimati').day).toBe(16); // UTC+14
  });

  it('remembers 29 February on 28 February in common years', () => {
    const leap = event('leap', '2024-02-29');
    expect(anniversaryIn(leap, 2027)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(anniversaryIn(leap, 2028)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(anniversariesOn([leap], { year: 2027, month: 2, day: 28 })).toHaveLength(1);
    expect(anniversariesOn([leap], { year: 2028, month: 2, day: 28 })).toHaveLength(0);
  });

  it('counts years and finds the next anniversary with days until it', () => {
    const events = [event('zhanaozen', '2011-12-16'), event('strike', '2022-01-03'), event('count', '2022-01-21', false)];
    const next = nextAnniversaries(events.filter((e) => e.remind), { year: 2026, month: 11, day: 22 });
    expect(next?.on).toEqual({ year: 2026, month: 12, day: 16 });
    expect(next?.items.map((i) => [i.event.id, i.years])).toEqual([['zhanaozen', 15]]);
    expect(daysBetween({ year: 2026, month: 11, day: 22 }, next!.on)).toBe(24);
    const after = nextAnniversaries(events.filter((e) => e.remind), { year: 2026, month: 12, day: 17 });
    expect(after?.on).toEqual({ year: 2027, month: 1, day: 3 });
    expect(after?.items[0]?.years).toBe(5);
  });

  it('names ordinals and dates the way people write them', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 15, 21, 22, 101, 111].map(ordinal))
      .toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '15th', '21st', '22nd', '101st', '111th']);
    expect(formatDay({ year: 2022, month: 1, day: 21 })).toBe('21 January 2022');
    expect(formatClockTime({ hour: 9, minute: 5 })).toBe('09:05');
  });
});
