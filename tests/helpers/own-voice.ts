/**
 * The property checked by tests/unit/content-numbers.test.ts: a number in
 * the bot's own voice about an event is either inside a quote that is
 * verbatim in a statement named on the same line (or the value of such a
 * quote), or a date, a year, an ordinal, a count of years or days.
 */
import type { Campaign } from '../../src/content/campaign.js';

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/** Dates and calendar words the bot may write itself (they are not figures). */
const DATES: readonly RegExp[] = [
  new RegExp(`\\b\\d{1,2}(?: to \\d{1,2})? ${MONTH}(?: \\d{4})?\\b`, 'g'), // 16 December 2011, 4 to 5 January
  new RegExp(`\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?\\b`, 'g'), // January 4
  new RegExp(`\\b${MONTH} \\d{4}\\b`, 'g'), // February 2022
  /\b(?:19|20)\d{2}\b/g, // a year
  /\b\d+ years?\b/g, // 15 years ago
  /\b\d+(?:st|nd|rd|th)\b/g, // 15th anniversary
  /\bin \d+ days?\b/g, // in 24 days (until the next anniversary)
  /\b\d{1,2}:\d{2}\b/g, // 09:00
  /\(page \d+ of \d+[^)]*\)/g, // paging
  /— page \d+ of \d+/g,
];

/** A line's quotes: “…” and "…". */
const quotesIn = (line: string): string[] => [...line.matchAll(/“([^”]*)”|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');

/** The names a statement may be cited by on a line: its label, its title, its author's names. */
function citations(campaign: Campaign, id: string): string[] {
  const s = campaign.statementById.get(id);
  if (!s) return [];
  return [s.label, s.title, s.author?.name, s.author?.abbreviation, s.author?.englishName].filter((n): n is string => !!n);
}

/**
 * Numbers in `text` (as the console shows a reply: one paragraph or list
 * item per line) that are in the bot's own voice and neither a date nor a
 * sourced quote: each is returned with its line, for the failure message.
 * Lines of actions ("→ …") and typed commands ("/timeline id") are skipped.
 */
export function bareNumbers(campaign: Campaign, text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    if (raw.startsWith('→')) continue;
    let line = raw.replace(/\/[a-z]+(?: [a-z0-9-]+)*(?: \d+)?/g, ' ');
    const sourcedNumbers = new Set<string>();
    for (const q of quotesIn(line)) {
      const source = campaign.statements.find((s) => q.length > 0 && s.body.includes(q) && citations(campaign, s.id).some((c) => line.includes(c)));
      if (!source) continue;
      for (const n of q.match(/\d[\d,.%]*/g) ?? []) sourcedNumbers.add(n.replace(/[.,]$/, ''));
      line = line.replace(q, ' ');
    }
    // The value a sourced quote gives, written as its key ("75% American participation — “…75%…” (SMK statement)").
    for (const n of sourcedNumbers) {
      line = line.replace(new RegExp(`(?<![\\d,.])${n.replace(/[.%]/g, '\\$&')}(?![\\d,])`, 'g'), ' ');
    }
    for (const re of DATES) line = line.replace(re, ' ');
    for (const m of line.matchAll(/\d[\d,.%]*/g)) out.push(`${m[0]} in: ${raw}`);
  }
  return out;
}
