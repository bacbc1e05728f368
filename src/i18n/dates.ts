/**
 * Dates, numbers and lists written the way each language writes them,
 * through Node's ICU: “16 December 2026”, “16 декабря 2026 г.”,
 * “2026 ж. 16 желтоқсан”. Formatters are made once per language and kept.
 */
import type { Day } from '../time/calendar.js';
import { INTL_LOCALES, type Language } from './languages.js';

type Style = 'day' | 'month' | 'short' | 'dayMonth';

const OPTIONS: Readonly<Record<Style, Intl.DateTimeFormatOptions>> = {
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  dayMonth: { day: 'numeric', month: 'long' },
};

const kept = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Language, style: Style, zone: string): Intl.DateTimeFormat {
  const key = `${locale} ${style} ${zone}`;
  let format = kept.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[locale], { ...OPTIONS[style], timeZone: zone });
    kept.set(key, format);
  }
  return format;
}

/** The UTC formatters (every calendar day is written through one), by style and language: no key to build on each call. */
const utc: Readonly<Record<Style, Map<Language, Intl.DateTimeFormat>>> = { day: new Map(), month: new Map(), short: new Map(), dayMonth: new Map() };

function utcFormat(locale: Language, style: Style): Intl.DateTimeFormat {
  let format = utc[style].get(locale);
  if (format === undefined) utc[style].set(locale, (format = dateFormat(locale, style, 'UTC')));
  return format;
}

/** Noon UTC of a calendar day, as a time value (formatters take it as they take a Date, without the Date). */
const noon = (d: Pick<Day, 'year' | 'month'> & { day?: number }): number => Date.UTC(d.year, d.month - 1, d.day ?? 1, 12);

/**
 * The calendar date of `date` in the IANA zone `zone`, in words:
 * “16 December 2026”, “16 декабря 2026 г.”, “2026 ж. 16 желтоқсан”.
 * Throws a RangeError for an unknown zone.
 */
export function formatDate(locale: Language, date: Date, zone: string): string {
  return dateFormat(locale, 'day', zone).format(date);
}

/** A calendar day in words (no zone involved): “16 December 2026”. */
export const formatDayIn = (locale: Language, day: Day): string => utcFormat(locale, 'day').format(noon(day));

/** A day and month without the year: “4 January”, “4 января”, “4 қаңтар”. */
export const formatDayMonthIn = (locale: Language, day: Pick<Day, 'month' | 'day'>): string =>
  utcFormat(locale, 'dayMonth').format(noon({ year: 2000, ...day }));

/** A short day for buttons: “4 Jan 2022”, “4 янв. 2022 г.”. */
export const formatShortDayIn = (locale: Language, day: Day): string => utcFormat(locale, 'short').format(noon(day));

/** A month in words: “February 2022”, “февраль 2022 г.”. */
export const formatMonthIn = (locale: Language, year: number, month: number): string =>
  utcFormat(locale, 'month').format(noon({ year, month }));

/** A content date, `YYYY-MM-DD` or `YYYY-MM`, in words; anything else as it is written. */
export function formatContentDateIn(locale: Language, date: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  return d ? formatDayIn(locale, { year: Number(y), month: Number(mo), day: Number(d) }) : formatMonthIn(locale, Number(y), Number(mo));
}

const numbers = new Map<Language, Intl.NumberFormat>();
/** A whole number with the language's grouping: “12,345”, “12 345”. */
export function formatNumberIn(locale: Language, n: number): string {
  let format = numbers.get(locale);
  if (format === undefined) numbers.set(locale, (format = new Intl.NumberFormat(INTL_LOCALES[locale])));
  return format.format(n);
}

const lists = new Map<Language, Intl.ListFormat>();
/** Items joined as the language joins them: “a, b and c”, “a, b и c”. */
export function formatListIn(locale: Language, items: readonly string[]): string {
  let format = lists.get(locale);
  if (format === undefined) lists.set(locale, (format = new Intl.ListFormat(INTL_LOCALES[locale], { type: 'conjunction' })));
  return format.format(items);
}
