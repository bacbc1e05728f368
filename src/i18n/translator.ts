/**
 * The Translator seam (DESIGN.md): the bot's own words come from Fluent
 * catalogs, `locales/<language>.ftl`, formatted in the chat's language.
 */
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FluentBundle, FluentNone, FluentNumber, FluentResource, type FluentFunction } from '@fluent/bundle';
import { FALLBACK_LANGUAGE, INTL_LOCALES, LANGUAGES, type Language } from './languages.js';

/** Values a message's variables take: plain strings, numbers (plurals, NUMBER()) and dates. */
export type MessageArgs = Readonly<Record<string, string | number | Date>>;

/** Formats the bot's own words in a language. */
export interface Translator {
  /**
   * The message `id` in `locale`, else in English, else the id itself.
   * Never throws and logs nothing; a missing variable shows as `{$name}`.
   */
  t(locale: Language, id: string, args?: MessageArgs): string;
  /** True when `locale`'s own catalog has the message (no fallback). */
  has(locale: Language, id: string): boolean;
  /** The message ids of `locale`'s catalog. */
  ids(locale: Language): readonly string[];
}

/**
 * The `locales` folder at the project root: two levels above this module
 * when run from `src/i18n`, three from `dist/src/i18n`.
 */
export function defaultLocalesDir(): string {
  const here = import.meta.dirname;
  const candidates = [resolve(here, '../../locales'), resolve(here, '../../../locales')];
  return candidates.find((dir) => existsSync(join(dir, `${FALLBACK_LANGUAGE}.ftl`))) ?? candidates[0]!;
}

/**
 * Fluent's NUMBER() with every option kept. @fluent/bundle 0.19 drops `type`,
 * so `NUMBER($n, type: "ordinal")` chose cardinal plural forms ("2th"); this
 * passes the options on to Intl as they are written.
 */
const NUMBER: FluentFunction = ([value], options) => {
  if (!(value instanceof FluentNumber)) return value instanceof FluentNone ? value : new FluentNone('NUMBER()');
  // One object built in place (same keys, same order as spreading the options over the value's): ordinals run on every /next.
  const opts: Record<string, unknown> = { ...value.opts };
  for (const name in options) opts[name] = options[name]!.valueOf();
  return new FluentNumber(value.valueOf(), opts);
};

/** How many formatted messages with variables a translator keeps before starting over. */
const MAX_FORMATTED = 4096;

/** Builds a translator over catalog texts, by language (a language without one falls back to English). */
export function createTranslator(catalogs: Readonly<Partial<Record<Language, string>>>): Translator {
  const bundles = new Map<Language, FluentBundle>();
  const idsOf = new Map<Language, readonly string[]>();
  for (const language of LANGUAGES) {
    const source = catalogs[language];
    if (source === undefined) continue;
    const bundle = new FluentBundle(INTL_LOCALES[language], { useIsolating: false, functions: { NUMBER } });
    const resource = new FluentResource(source);
    bundle.addResource(resource);
    bundles.set(language, bundle);
    idsOf.set(language, resource.body.map((entry) => entry.id).filter((id) => !id.startsWith('-')));
  }
  const format = (language: Language, id: string, args?: MessageArgs): string | undefined => {
    const bundle = bundles.get(language);
    const pattern = bundle?.getMessage(id)?.value;
    if (bundle === undefined || pattern === undefined || pattern === null) return undefined;
    return bundle.formatPattern(pattern, args, []);
  };
  // A message without variables reads the same every time: kept per language (bounded by the catalogs' ids, as only
  // catalog messages are kept), since buttons and labels ask for the same few on every answer.
  const fixed = new Map<Language, Map<string, string>>();
  const plain = (locale: Language, id: string): string => {
    let byId = fixed.get(locale);
    if (byId === undefined) fixed.set(locale, (byId = new Map()));
    let text = byId.get(id);
    if (text === undefined) {
      const found = format(locale, id) ?? format(FALLBACK_LANGUAGE, id);
      if (found === undefined) return id;
      byId.set(id, (text = found));
    }
    return text;
  };
  // Messages with variables, by their values when all are strings or numbers: a bot says the same things often (the
  // same date, years, zone), and Fluent's formatting showed in the profile of uncached answers. Bounded: it starts over.
  const formatted = new Map<string, string>();
  const withArgs = (locale: Language, id: string, args: MessageArgs): string => {
    let key: string | undefined = `${locale}\u0000${id}`;
    for (const name in args) {
      const value = args[name];
      if (typeof value !== 'string' && typeof value !== 'number') { key = undefined; break; }
      const written = String(value);
      // Each value with its kind and length, so no two sets of values share a key.
      key += `\u0000${name}\u0001${typeof value === 'number' ? 'n' : 's'}${written.length}:${written}`;
    }
    const kept = key === undefined ? undefined : formatted.get(key);
    if (kept !== undefined) return kept;
    const found = format(locale, id, args) ?? format(FALLBACK_LANGUAGE, id, args);
    if (found === undefined) return id;
    if (key !== undefined) {
      if (formatted.size >= MAX_FORMATTED) formatted.clear();
      formatted.set(key, found);
    }
    return found;
  };
  return {
    t: (locale, id, args) => (args === undefined ? plain(locale, id) : withArgs(locale, id, args)),
    has: (locale, id) => bundles.get(locale)?.hasMessage(id) ?? false,
    ids: (locale) => idsOf.get(locale) ?? [],
  };
}

/** Reads `<dir>/en.ftl`, `ru.ftl` and `kk.ftl` (a missing file falls back to English) into a translator. */
export async function loadTranslator(dir = defaultLocalesDir()): Promise<Translator> {
  const catalogs: Partial<Record<Language, string>> = {};
  for (const language of LANGUAGES) {
    try {
      catalogs[language] = await readFile(join(dir, `${language}.ftl`), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || language === FALLBACK_LANGUAGE) throw error;
    }
  }
  return createTranslator(catalogs);
}

/** Reads the catalogs synchronously (start-up and tests), like `loadTranslator`. */
export function loadTranslatorSync(dir = defaultLocalesDir()): Translator {
  const catalogs: Partial<Record<Language, string>> = {};
  for (const language of LANGUAGES) {
    try {
      catalogs[language] = readFileSync(join(dir, `${language}.ftl`), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || language === FALLBACK_LANGUAGE) throw error;
    }
  }
  return createTranslator(catalogs);
}

let shared: Translator | undefined;
/** The translator over the project's own catalogs, loaded once (for services built without one). */
export const sharedTranslator = (): Translator => (shared ??= loadTranslatorSync());
