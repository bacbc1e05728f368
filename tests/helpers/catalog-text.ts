/**
 * What the English catalog says, for tests that look for it where it must
 * not be: its message ids (never shown raw) and its own phrases (never in a
 * Russian or Kazakh answer; quotes from the campaign are not in the catalog).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { defaultLocalesDir } from '../../src/i18n/translator.js';

const english = (): FluentResource => new FluentResource(readFileSync(join(defaultLocalesDir(), 'en.ftl'), 'utf8'));

/** Every message id of the English catalog. */
export function catalogIds(): ReadonlySet<string> {
  return new Set(english().body.map((e) => e.id));
}

/** The text parts of a pattern (variables and selectors' keys left out). */
function texts(node: unknown, into: string[]): string[] {
  if (typeof node === 'string') into.push(node);
  else if (Array.isArray(node)) for (const n of node) texts(n, into);
  else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'select' && Array.isArray(o.variants)) for (const v of o.variants as { value: unknown }[]) texts(v.value, into);
  }
  return into;
}

/**
 * The English catalog's own phrases of at least three words of three or more
 * letters ("lists every command", "is public record"), lower-cased with
 * spaces squashed: what a Russian or Kazakh answer must not contain.
 */
export function englishOwnPhrases(): readonly string[] {
  const phrases = new Set<string>();
  for (const entry of english().body) {
    for (const part of texts(entry.value, [])) {
      for (const piece of part.split(/[.;:!?()“”"«»—–\n]/)) {
        const words = piece.trim().split(/\s+/).filter((w) => /^[A-Za-z’']{3,}$/.test(w));
        if (words.length >= 3 && piece.trim().split(/\s+/).length === words.length) phrases.add(words.join(' ').toLowerCase());
      }
    }
  }
  return [...phrases];
}
