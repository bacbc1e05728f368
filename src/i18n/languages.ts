/**
 * The languages Placard speaks and how a chat's language is chosen (DESIGN.md,
 * "Languages"): the chat's own setting, else the platform's hint, else the
 * campaign's default, else English.
 */
import { negotiateLanguages } from '@fluent/langneg';

/** A language the bot answers in. */
export type Language = 'en' | 'ru' | 'kk';

/** Every language, in the order they are offered. */
export const LANGUAGES: readonly Language[] = Object.freeze(['en', 'ru', 'kk']);

/** The language used when nothing else decides, and for messages missing in the chat's language. */
export const FALLBACK_LANGUAGE: Language = 'en';

/** Each language's own name (an autonym: the same in every catalog, as buttons show it). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = Object.freeze({
  en: 'English',
  ru: 'Русский',
  kk: 'Қазақша',
});

/** The BCP 47 tag Intl formats a language with (`en-GB` writes “16 December 2026”). */
export const INTL_LOCALES: Readonly<Record<Language, string>> = Object.freeze({ en: 'en-GB', ru: 'ru', kk: 'kk' });

/** True for one of the languages the bot speaks (exact code: `en`, `ru` or `kk`). */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Tags already matched: every command asks, and platforms send a few dozen
 * distinct tags at most (Discord has 34 locales), while a negotiation costs
 * a parse of every tag (it showed in the Discord bench's profile). Bounded
 * all the same, since a tag comes from outside.
 */
const matched = new Map<string, Language | null>();
const MAX_MATCHED = 256;

/** The bot's language for a BCP 47 tag (`ru-RU` → `ru`, `kk` → `kk`), or undefined for any other language. */
export function matchLanguage(tag: string | undefined): Language | undefined {
  if (tag === undefined) return undefined;
  if (isLanguage(tag)) return tag;
  let found = matched.get(tag);
  if (found === undefined) {
    const trimmed = tag.trim();
    const [best] = trimmed === '' ? [] : negotiateLanguages([trimmed], LANGUAGES);
    found = isLanguage(best) ? best : null;
    if (matched.size >= MAX_MATCHED) matched.clear();
    matched.set(tag, found);
  }
  return found ?? undefined;
}

/** What is known of a chat's language, most binding first. */
export interface LanguageHints {
  /** The chat's `/language` setting, as stored. */
  readonly chatSetting?: string;
  /** The platform's tag: Telegram `language_code`, Discord `locale` or `guild_locale`. */
  readonly platformHint?: string;
  /** The campaign's default language. */
  readonly campaignDefault?: string;
}

/** The language to answer in: the first hint that names a language the bot speaks, else English. */
export function chooseLanguage(hints: LanguageHints): Language {
  return matchLanguage(hints.chatSetting)
    ?? matchLanguage(hints.platformHint)
    ?? matchLanguage(hints.campaignDefault)
    ?? FALLBACK_LANGUAGE;
}
