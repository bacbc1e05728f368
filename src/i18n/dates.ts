/** Dates written the way each language writes them, through Node's ICU. */
import { INTL_LOCALES, type Language } from './languages.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Language, zone: string): Intl.DateTimeFormat {
  const key = `${locale} ${zone}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone });
    formats.set(key, format);
  }
  return format;
}

/**
 * The calendar date of `date` in the IANA zone `zone`, in words:
 * “16 December 2026”, “16 декабря 2026 г.”, “2026 ж. 16 желтоқсан”.
 * Throws a RangeError for an unknown zone.
 */
export function formatDate(locale: Language, date: Date, zone: string): string {
  return dateFormat(locale, zone).format(date);
}
