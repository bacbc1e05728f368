/**
 * The anniversaries' calendars read by a real iCalendar parser (ical.js):
 * every remembered event once, all-day and yearly, its title in the
 * calendar's language, stable UIDs distinct across languages; and the text
 * itself as RFC 5545 wants it (CRLF, lines folded at 75 octets, TEXT escaped).
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarIcs, escapeIcsText, foldLine } from '../../adapters/web/index.js';
import { campaignIn } from '../../src/content/editions.js';
import { LANGUAGES } from '../../src/i18n/languages.js';
import { sharedTranslator } from '../../src/i18n/translator.js';
import { voiceOf } from '../../src/i18n/voice.js';
import { calendarPath, eventUrl } from '../../src/present/site-urls.js';
import { shippedCampaign } from '../helpers/core.js';
import { shippedSite, textOf } from './site-helpers.js';

const parse = (text: string): ICAL.Component => new ICAL.Component(ICAL.parse(text) as unknown[]);
const events = (text: string): ICAL.Event[] => parse(text).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('calendar.ics', () => {
  it('holds every remembered event as a yearly all-day event, titled in its language', async () => {
    const campaign = await shippedCampaign();
    const site = await shippedSite();
    const uids = new Set<string>();
    for (const language of LANGUAGES) {
      const edition = campaignIn(campaign, language);
      const remembered = edition.events.filter((e) => e.remind);
      expect(remembered.length).toBeGreaterThan(0);
      const calendar = parse(textOf(site, calendarPath(language)));
      const name = voiceOf(sharedTranslator(), language).t('web-calendar-name', { campaign: edition.meta.title });
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(escapeIcsText(name));
      expect(String(calendar.getFirstPropertyValue('prodid'))).toMatch(/^-\/\/Placard\/\//);
      const parsed = events(textOf(site, calendarPath(language)));
      expect(parsed.map((e) => e.uid)).toEqual(remembered.map((e) => `${e.id}.${language}@${edition.meta.id}`));
      for (const [i, e] of remembered.entries()) {
        const ev = parsed[i]!;
        uids.add(ev.uid);
        expect(ev.summary).toBe(voiceOf(sharedTranslator(), language).t('web-calendar-summary', { title: e.title, year: String(e.year) }));
        expect(ev.summary).toContain(e.title);
        expect(ev.startDate.isDate, e.id).toBe(true);
        expect(ev.startDate.toString()).toBe(e.date);
        expect(ev.endDate.toString()).toBe(new Date(Date.UTC(e.year, e.month - 1, e.day + 1)).toISOString().slice(0, 10));
        expect(ev.isRecurring()).toBe(true);
        const rule = ev.component.getFirstPropertyValue('rrule') as ICAL.Recur;
        expect(rule.freq).toBe('YEARLY');
        // The 15th anniversary falls where the reminders put it.
        const it = ev.iterator();
        let next = it.next();
        while (next && next.year < e.year + 15) next = it.next();
        expect(next?.toString()).toBe(`${e.year + 15}-${String(e.month).padStart(2, '0')}-${String(e.day).padStart(2, '0')}`);
        expect(ev.description).toContain(e.summary);
        expect(ev.description).toMatch(/(Sources|Источники|Дереккөздер): /);
        expect(ev.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2022-02-01T00:00:00Z');
      }
    }
    expect(uids.size).toBe(LANGUAGES.length * campaignIn(campaign, 'en').events.filter((e) => e.remind).length);
  });

  it('says when the date is public record, and links each event to the site when PUBLIC_URL is set', async () => {
    const site = await shippedSite('https://example.org');
    const [zhanaozen] = events(textOf(site, 'ru/calendar.ics'));
    expect(zhanaozen!.description).toContain('общеизвестна');
    expect(zhanaozen!.component.getFirstPropertyValue('url')).toBe(eventUrl('https://example.org', 'ru', 'zhanaozen-massacre-2011'));
    expect(zhanaozen!.description).toContain('https://example.org/ru/#event-zhanaozen-massacre-2011');
    const calendar = parse(textOf(site, 'calendar.ics'));
    expect(calendar.getFirstPropertyValue('source')).toBe('https://example.org/calendar.ics');
    expect(events(textOf(await shippedSite(), 'calendar.ics'))[0]!.component.getFirstPropertyValue('url')).toBeNull();
  });

  it('is RFC 5545 text: CRLF only, no line over 75 octets, folds never split a character', async () => {
    const site = await shippedSite('https://example.org');
    for (const language of LANGUAGES) {
      const text = textOf(site, calendarPath(language));
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
      expect(text).not.toContain('\uFFFD');
    }
    const long = `SUMMARY:${'Жаңаөзен'.repeat(20)}`;
    const folded = foldLine(long);
    expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('escapes TEXT values (\\ ; , and line breaks) and a parser reads them back', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const tricky = 'Back slash \\, semi; comma, and\nnew line — «ёлочки»';
    const text = calendarIcs({
      path: 'calendar.ics', language: 'en', prodId: '-//Placard//test//EN', name: 'Test; name, here', description: tricky, stamp: '2024-02-29',
      entries: [{ uid: 'leap.en@test', date: '2024-02-29', leapDay: true, summary: tricky, description: tricky }],
    });
    const [leap] = events(text);
    expect(leap!.summary).toBe(tricky);
    expect(leap!.description).toBe(tricky);
    // X- properties are TEXT by default (RFC 5545 §3.8.8.2), so escaped too; ical.js leaves unknown ones as written.
    expect(parse(text).getFirstPropertyValue('x-wr-calname')).toBe(escapeIcsText('Test; name, here'));
    // 29 February falls on the last day of February in common years, as the reminders do.
    const it = leap!.iterator();
    const days = [it.next(), it.next(), it.next()].map((d) => d?.toString());
    expect(days).toEqual(['2024-02-29', '2025-02-28', '2026-02-28']);
  });
});
