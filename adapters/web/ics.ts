/**
 * A calendar as iCalendar (RFC 5545): CRLF line endings, content lines
 * folded at 75 octets without splitting a character, TEXT values escaped by
 * `escape.ts`. Each remembered event is an all-day event recurring yearly
 * (`DTSTART;VALUE=DATE`, `RRULE:FREQ=YEARLY`; a 29 February event on the
 * last day of February), transparent (it does not make anyone busy).
 * `DTSTAMP` is the content's latest date, so the same content gives the
 * same bytes.
 */
import type { CalendarEntry, SiteCalendar } from '../../src/site/model.js';
import { escapeIcsText as text, escapeIcsUri as uri } from './escape.js';

/** Longest content line, in octets, before folding (RFC 5545 §3.1). */
const LINE_OCTETS = 75;

/** One content line folded: at most 75 octets per physical line, continuations start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > LINE_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const compact = (day: string): string => day.replace(/-/g, '');

/** The day after `day` (`YYYY-MM-DD`), compact: the exclusive end of an all-day event. */
function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10).replace(/-/g, '');
}

function eventLines(e: CalendarEntry, stamp: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${text(e.uid)}`,
    `DTSTAMP:${compact(stamp)}T000000Z`,
    `DTSTART;VALUE=DATE:${compact(e.date)}`,
    `DTEND;VALUE=DATE:${nextDay(e.date)}`,
    e.leapDay ? 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'RRULE:FREQ=YEARLY',
    `SUMMARY:${text(e.summary)}`,
    `DESCRIPTION:${text(e.description)}`,
    ...(e.url ? [`URL:${uri(e.url)}`] : []),
    'TRANSP:TRANSPARENT',
    'CLASS:PUBLIC',
    'END:VEVENT',
  ];
}

/** The calendar as an iCalendar text (`text/calendar; charset=utf-8`). */
export function calendarIcs(calendar: SiteCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${text(calendar.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${text(calendar.name)}`,
    `X-WR-CALNAME:${text(calendar.name)}`,
    `DESCRIPTION:${text(calendar.description)}`,
    `X-WR-CALDESC:${text(calendar.description)}`,
    ...(calendar.url ? [`URL:${uri(calendar.url)}`] : []),
    ...(calendar.source ? [`SOURCE;VALUE=URI:${uri(calendar.source)}`] : []),
    'REFRESH-INTERVAL;VALUE=DURATION:P1D',
    'X-PUBLISHED-TTL:P1D',
    ...calendar.entries.flatMap((e) => eventLines(e, calendar.stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
