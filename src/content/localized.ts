/**
 * The campaign's own-voice fields in several languages. In the content such
 * a field is either a plain value (`title: Solidarity …`, in the campaign's
 * `language`) or a map of translations (`title: {en: …, ru: …, kk: …}`).
 * The zod schemas parse both into a `Localized` marker; `resolveIn` then
 * turns a parsed file into the plain shape the rest of the code reads, in
 * one language. Quotes are never `Localized`: the schema only wraps the
 * campaign's own words.
 */
import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n/languages.js';

/** A value given per language, or once (plain) for every language. */
export class Localized<T> {
  private constructor(
    private readonly given: Readonly<Partial<Record<Language, T>>>,
    /** The value written without a language; undefined for a map of translations. */
    readonly plain: T | undefined,
  ) {}

  /** One value for every language (a field written without translations). */
  static plain<T>(value: T): Localized<T> {
    return new Localized<T>({}, value);
  }

  /** Translations by language (at least one). */
  static of<T>(byLanguage: Readonly<Partial<Record<Language, T>>>): Localized<T> {
    return new Localized<T>({ ...byLanguage }, undefined);
  }

  /** The languages the field is given in; a plain value counts as `plainLanguage` (the campaign's language). */
  languages(plainLanguage: Language): Language[] {
    if (this.plain !== undefined) return [plainLanguage];
    return LANGUAGES.filter((l) => this.given[l] !== undefined);
  }

  /** True when the field is given in `language` (a plain value is in `plainLanguage`). */
  has(language: Language, plainLanguage: Language): boolean {
    return this.languages(plainLanguage).includes(language);
  }

  /**
   * The value for `language`; when that language is missing, the first of
   * `fallbacks` that is given, else the first given at all.
   */
  in(language: Language, fallbacks: readonly Language[] = []): T {
    if (this.plain !== undefined) return this.plain;
    for (const l of [language, ...fallbacks, ...LANGUAGES]) {
      const value = this.given[l];
      if (value !== undefined) return value;
    }
    throw new Error('internal: a translated field without any language passed validation');
  }

  /** Every value given, in language order (en, ru, kk); the plain value alone when there are no translations. */
  all(): T[] {
    if (this.plain !== undefined) return [this.plain];
    return LANGUAGES.flatMap((l) => (this.given[l] === undefined ? [] : [this.given[l]]));
  }
}

const isTranslations = (v: unknown): v is Partial<Record<Language, unknown>> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The schema of an own-voice field: `inner` written once, or a map of
 * translations `{ en, ru, kk }` (at least one, no other key), each checked
 * by `inner`. Parses to a `Localized` of `inner`'s output.
 */
export function localized<S extends z.ZodType>(inner: S): z.ZodType<Localized<z.output<S>>, z.input<S> | Partial<Record<Language, z.input<S>>>> {
  const translations = z.object({ en: inner.optional(), ru: inner.optional(), kk: inner.optional() }).strict()
    .refine((m) => Object.values(m).some((v) => v !== undefined), {
      message: 'must give at least one language: en, ru or kk',
      // A misspelt language is its own mistake: not reported twice.
      when: (payload) => payload.issues.length === 0,
    });
  return z.union([inner, translations]).transform((v): Localized<z.output<S>> => (isTranslations(v)
    ? Localized.of(v as Partial<Record<Language, z.output<S>>>)
    : Localized.plain(v as z.output<S>)));
}

/** `T` with every `Localized<U>` in it replaced by `U`: the plain shape of a parsed file. */
export type Resolved<T> = T extends Localized<infer U> ? U
  : T extends object ? { [K in keyof T]: Resolved<T[K]> }
    : T;

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Replaces each `Localized` in `value` by `pick(it)`; parts without one are returned as they are (the same objects). */
function mapLocalized(value: unknown, pick: (l: Localized<unknown>) => unknown): unknown {
  if (value instanceof Localized) return pick(value as Localized<unknown>);
  if (Array.isArray(value)) {
    const items = value.map((v) => mapLocalized(v, pick));
    return items.every((v, i) => v === value[i]) ? value : items;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).map(([k, v]) => [k, mapLocalized(v, pick)] as const);
    return entries.every(([k, v]) => v === value[k]) ? value : Object.fromEntries(entries);
  }
  return value;
}

/**
 * A parsed file in one language: every own-voice field in `language`, else
 * in the first of `fallbacks` given, else in any language given. Objects
 * and lists without an own-voice field in them (demands, lists of ids) are
 * the same objects in every language.
 */
export function resolveIn<T>(value: T, language: Language, fallbacks: readonly Language[]): Resolved<T> {
  return mapLocalized(value, (l) => l.in(language, fallbacks)) as Resolved<T>;
}

/** One own-voice field of a parsed file, with its path (`[2].figures[0].what`, as keys and indexes). */
export interface LocalizedField {
  readonly path: readonly (string | number)[];
  readonly value: Localized<unknown>;
}

/** Every own-voice field in a parsed file, in the order the file gives them. */
export function localizedFields(value: unknown, path: readonly (string | number)[] = []): LocalizedField[] {
  if (value instanceof Localized) return [{ path, value: value as Localized<unknown> }];
  if (Array.isArray(value)) return value.flatMap((v: unknown, i) => localizedFields(v, [...path, i]));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => localizedFields(v, [...path, k]));
  return [];
}
