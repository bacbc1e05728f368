/**
 * Folding for matching what people type against content: case-, accent- and
 * punctuation-insensitive. "cote d’ivoire" and "Côte d'Ivoire" fold alike.
 */

const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/** Lower-cases, strips diacritics, unifies apostrophes and dashes, collapses spaces. */
export function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folds and also drops punctuation, for comparing abbreviations ("CPA/ML" ≈ "cpa ml"). */
export function foldLoose(value: string): string {
  return fold(value).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Shortens text for echoing back to a user: at most `max` characters, on a code-point boundary. */
export function clip(value: string, max = 40): string {
  const points = Array.from(value.replace(/\s+/g, ' ').trim());
  return points.length <= max ? points.join('') : `${points.slice(0, max - 1).join('')}…`;
}
