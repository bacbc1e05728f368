/**
 * Dates, numbers and lists written the way each language writes them,
 * through Node's ICU: “16 December 2026”, “16 декабря 2026 г.”,
 * “2026 ж. 16 желтоқсан”. Formatters are made once per language and kept.
 */
import type { Day } from '../time/calendar.js';
import { INTL_LOCALES, type Language } from './languages.js';

const kept = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Language, style: 'day' | 'month' | 'short' | 'dayMonth', zone: string): Intl.DateTimeFormat {
  const key = `${locale} ${style} ${zone}`;
  let format = kept.get(key);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions = style === 'day' ? { day: 'numeric', month: 'long', year: 'numeric' }
      : style === 'month' ? { month: 'long', year: 'numeric' }
        : style === 'short' ? { day: 'numeric', month: 'short', year: 'numeric' }
          : { day: 'numeric', month: 'long' };
    format = new Intl.DateTimeFormat(INTL_LOCALES[locale], { ...options, timeZone: zone });
    kept.set(key, format);
  }
  return format;
}

const noon = (d: Pick<Day, 'year' | 'month'> & { day?: number }): Date => new Date(Date.UTC(d.year, d.month - 1, d.day ?? 1, 12));

/**
 * The calendar date of `date` in the IANA zone `zone`, in words:
 * “16 December 2026”, “16 декабря 2026 г.”, “2026 ж. 16 желтоқсан”.
 * Throws a RangeError for an unknown zone.
 */
export function formatDate(locale: Language, date: Date, zone: string): string {
  return dateFormat(locale, 'day', zone).format(date);
}

/** A calendar day in words (no zone involved): “16 December 2026”. */
export const formatDayIn = (locale: Language, day: Day): string => dateFormat(locale, 'day', 'UTC').format(noon(day));

/** A day and month without the year: “4 January”, “4 января”, “4 қаңтар”. */
export const formatDayMonthIn = (locale: Language, day: Pick<Day, 'month' | 'day'>): string =>
  dateFormat(locale, 'dayMonth', 'UTC').format(noon({ year: 2000, ...day }));

/** A short day for buttons: “4 Jan 2022”, “4 янв. 2022 г.”. */
export const formatShortDayIn = (locale: Language, day: Day): string => dateFormat(locale, 'short', 'UTC').format(noon(day));

/** A month in words: “February 2022”, “февраль 2022 г.”. */
export const formatMonthIn = (locale: Language, year: number, month: number): string =>
  dateFormat(locale, 'month', 'UTC').format(noon({ year, month }));

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
