/**
 * Countries as people type them: usual names in several languages and ISO
 * 3166 codes (i18n-iso-countries), as well as the spelling a source uses
 * ("Luxemburg", "North Kurdistan / Turkey").
 *
 * Only the locales listed in `COUNTRY_LOCALES` are loaded, each registered
 * explicitly from its JSON file: the package's Node entry would load all of
 * its ~80 locales. Its plain entry (`index.js`) is CommonJS, imported by
 * default from ESM, which works on Node 20.
 */
import { createRequire } from 'node:module';
import isoCountries, { type LocaleData } from 'i18n-iso-countries/index.js';
import type { Language } from '../i18n/languages.js';
import type { Voice } from '../i18n/voice.js';
import { matchKey } from './script.js';

const require = createRequire(import.meta.url);

/** The languages country names are recognised in. */
export const COUNTRY_LOCALES = ['en', 'ru', 'kk', 'fr', 'de', 'es'] as const;

isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json') as LocaleData);
isoCountries.registerLocale(require('i18n-iso-countries/langs/ru.json') as LocaleData);
isoCountries.registerLocale(require('i18n-iso-countries/langs/kk.json') as LocaleData);
isoCountries.registerLocale(require('i18n-iso-countries/langs/fr.json') as LocaleData);
isoCountries.registerLocale(require('i18n-iso-countries/langs/de.json') as LocaleData);
isoCountries.registerLocale(require('i18n-iso-countries/langs/es.json') as LocaleData);

/** Every name of every country in every loaded locale, by match key → alpha-2 codes. */
const byName = new Map<string, Set<string>>();
/** Every name of a country (alpha-2) in the loaded locales. */
const namesOf = new Map<string, string[]>();
for (const lang of COUNTRY_LOCALES) {
  for (const [code, names] of Object.entries(isoCountries.getNames(lang, { select: 'all' }))) {
    for (const name of names) {
      const key = matchKey(name);
      if (!key) continue;
      byName.set(key, (byName.get(key) ?? new Set()).add(code));
      namesOf.set(code, [...(namesOf.get(code) ?? []), name]);
    }
  }
}

/** Alpha-2 codes of the country a name (in any loaded locale) denotes; empty when it is none. */
export function countryCodesOfName(name: string): string[] {
  return [...(byName.get(matchKey(name)) ?? [])];
}

/** The alpha-2 code an ISO alpha-2 or alpha-3 code ("LU", "lux") stands for, if any. */
export function countryCodeOfIsoCode(code: string): string | undefined {
  const c = code.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(c)) return isoCountries.isValid(c) ? c : undefined;
  if (/^[A-Z]{3}$/.test(c)) return isoCountries.alpha3ToAlpha2(c);
  return undefined;
}

/** The names of a country (alpha-2) in every loaded locale, for suggestions. */
export const countryNames = (code: string): readonly string[] => namesOf.get(code) ?? [];

const COMPASS = /^(north|south|east|west|northern|southern|eastern|western)\s+(.+)$/;

/**
 * The parts a content country is written in ("North Kurdistan / Turkey" →
 * "North Kurdistan", "Turkey"), each with its match keys and ISO codes. A part
 * that is no ISO country and starts with a compass word also answers to the
 * rest ("North Kurdistan" → "kurdistan"); "South Africa", a country, does not.
 */
export function countryParts(country: string): { readonly part: string; readonly keys: string[]; readonly codes: string[] }[] {
  return country.split('/').map((p) => p.trim()).filter(Boolean).map((part) => {
    const codes = countryCodesOfName(part);
    const key = matchKey(part);
    const region = codes.length ? undefined : COMPASS.exec(key)?.[2];
    return { part, keys: region ? [key, region] : [key], codes };
  });
}

/** Every match key and ISO code a content country answers to. */
function countryAnswersTo(country: string): { keys: Set<string>; codes: Set<string> } {
  const parts = countryParts(country);
  return { keys: new Set([matchKey(country), ...parts.flatMap((p) => p.keys)]), codes: new Set(parts.flatMap((p) => p.codes)) };
}

/**
 * True when `query` names the content country `country` as a whole or one of
 * its parts: by the source's spelling, by a usual name in a loaded locale
 * ("luxembourg", "Люксембург" for "Luxemburg"), or — when `codes` is set —
 * by an ISO code ("LU", "LUX").
 */
export function countryMatches(country: string, query: string, opts: { codes?: boolean } = {}): boolean {
  const key = matchKey(query);
  if (!key) return false;
  const answers = countryAnswersTo(country);
  if (answers.keys.has(key)) return true;
  const wanted = [...countryCodesOfName(query), ...(opts.codes ? [countryCodeOfIsoCode(query)] : [])];
  return wanted.some((c) => c !== undefined && answers.codes.has(c));
}

/** Where an organisation's country comes from (see the content's `countryFrom`). */
export interface CountryOf {
  readonly country?: string | undefined;
  readonly countryFrom?: 'source' | 'name' | undefined;
}

/**
 * A content country in `language`: each part that is an ISO country by its
 * usual name in that language ("France" → "Франция"), with the source's own
 * spelling after it where that is none of the country's English names
 * ("Luxemburg" → "Люксембург (Luxemburg)"); a part that is no ISO country
 * ("North Kurdistan") as the source writes it. English: as the source writes it.
 */
export function countryName(country: string, language: Language): string {
  if (language === 'en') return country;
  return countryParts(country).map(({ part, codes }) => {
    const code = codes.length === 1 ? codes[0]! : undefined;
    const name = code === undefined ? undefined : isoCountries.getName(code, language);
    if (name === undefined) return part;
    const english = (isoCountries.getName(code!, 'en', { select: 'all' }) as string[]).map(matchKey);
    return english.includes(matchKey(part)) ? name : `${name} (${part})`;
  }).join(' / ');
}

/**
 * The country as shown, in the voice's language: "France", "Франция"; one
 * read from the name says so: "Sweden (from its name)", "Швеция (по
 * названию)". Undefined when none.
 */
export function countryText(org: CountryOf, voice: Voice): string | undefined {
  if (org.country === undefined) return undefined;
  const country = countryName(org.country, voice.language);
  return org.countryFrom === 'name' ? voice.t('country-from-name', { country }) : country;
}
