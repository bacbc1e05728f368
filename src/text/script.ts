/**
 * Matching across scripts: "Роде Морген" finds "Rode Morgen", "BKP" finds
 * "БКП", "Курдистан" meets "Kürdistan": both sides are reduced to one Latin key.
 *
 * Transliteration is any-ascii (ISC, maintained, no dependencies, ~100 kB of
 * per-block tables loaded on first use, ESM with its own types): it covers
 * every script the signatories write in (Cyrillic, Latin with diacritics,
 * Turkish) with one function and no locale to choose. Heavier options
 * (transliteration, ICU transforms) add data or native code for nothing the
 * bot needs; any-ascii's romanisation is approximate, which is fine for
 * matching and is never shown to anyone.
 */
import anyAscii from 'any-ascii';
import { foldLoose } from './fold.js';

/**
 * The key two texts are compared by: transliterated to ASCII, apostrophes
 * (a transliterated hard sign "ъ" → "'") dropped, then folded loosely
 * (case, accents, punctuation). "Курдистан" and "Kürdistan" both give "kurdistan".
 */
export function matchKey(value: string): string {
  return foldLoose(anyAscii(value.normalize('NFC')).replace(/['`]/g, ''));
}
