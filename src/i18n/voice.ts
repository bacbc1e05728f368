/**
 * A `Voice` is the bot speaking one language: its catalog messages and the
 * way that language writes dates, numbers and lists. Commands get one per
 * invocation (`CommandArgs.voice`), the scheduler one per reminder language;
 * neither holds a display string of its own (DESIGN.md, "Languages").
 */
import type { Span } from '../rich/model.js';
import type { Day } from '../time/calendar.js';
import { formatContentDateIn, formatDate, formatDayIn, formatDayMonthIn, formatListIn, formatNumberIn, formatShortDayIn } from './dates.js';
import type { Language } from './languages.js';
import { sharedTranslator, type MessageArgs, type Translator } from './translator.js';

/** The bot's words and formats in one language. */
export interface Voice {
  readonly language: Language;
  /** Catalog message `id` with its variables (English when this language lacks it; the id when no catalog has it). */
  t(id: string, args?: MessageArgs): string;
  /**
   * Catalog message `id` as spans, where variables may be spans of their own:
   * `rich('start-try', { help: command('/help') })` over
   * `start-try = { $help } lists every command.` gives the command span and
   * the text around it, in the order the language puts them.
   */
  rich(id: string, args?: RichArgs): Span[];
  /** A calendar day: “16 December 2026”, “16 декабря 2026 г.”. */
  day(day: Day): string;
  /** A day and month: “4 January”. */
  dayMonth(day: Pick<Day, 'month' | 'day'>): string;
  /** A short day for buttons: “4 Jan 2022”. */
  shortDay(day: Day): string;
  /** The date of an instant in a zone. */
  dateAt(instant: Date, zone: string): string;
  /** A content date (`YYYY-MM-DD`, `YYYY-MM`) in words; other text unchanged (`undated` is the caller's to word). */
  contentDate(date: string): string;
  /** A number with the language's grouping. */
  number(n: number): string;
  /** Items joined with the language's “and”. */
  list(items: readonly string[]): string;
}

/** Variables of a rich message: plain values, or spans placed as they are. */
export type RichArgs = Readonly<Record<string, string | number | Date | Span>>;

const isSpan = (v: unknown): v is Span => typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as Span).text === 'string';

/** Formats with each span variable as a private-use marker, then cuts the text at the markers. */
function richMessage(translator: Translator, language: Language, id: string, args: RichArgs = {}): Span[] {
  const spans: Span[] = [];
  const plain: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(args)) {
    if (isSpan(value)) {
      plain[name] = `\uE000${spans.length}\uE001`;
      spans.push(value);
    } else plain[name] = value;
  }
  const out: Span[] = [];
  for (const part of translator.t(language, id, plain).split(/(\uE000\d+\uE001)/u)) {
    const marker = /^\uE000(\d+)\uE001$/u.exec(part);
    if (marker) out.push(spans[Number(marker[1])]!);
    else if (part !== '') out.push({ text: part });
  }
  return out;
}

const voices = new WeakMap<Translator, Map<Language, Voice>>();

/** The voice of `translator` in `language` (one object per pair, kept). */
export function voiceOf(translator: Translator, language: Language): Voice {
  let byLanguage = voices.get(translator);
  if (byLanguage === undefined) voices.set(translator, (byLanguage = new Map()));
  let voice = byLanguage.get(language);
  if (voice === undefined) {
    voice = Object.freeze({
      language,
      t: (id: string, args?: MessageArgs) => translator.t(language, id, args),
      rich: (id: string, args?: RichArgs) => richMessage(translator, language, id, args),
      day: (day: Day) => formatDayIn(language, day),
      dayMonth: (day: Pick<Day, 'month' | 'day'>) => formatDayMonthIn(language, day),
      shortDay: (day: Day) => formatShortDayIn(language, day),
      dateAt: (instant: Date, zone: string) => formatDate(language, instant, zone),
      contentDate: (date: string) => formatContentDateIn(language, date),
      number: (n: number) => formatNumberIn(language, n),
      list: (items: readonly string[]) => formatListIn(language, items),
    });
    byLanguage.set(language, voice);
  }
  return voice;
}

/** The project's own catalogs in `language` (tests, and callers built without a translator). */
export const defaultVoice = (language: Language = 'en'): Voice => voiceOf(sharedTranslator(), language);
