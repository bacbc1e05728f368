/** Suggesting what the user probably meant ("did you mean /demands?"). */
import { fold } from './fold.js';

/** Levenshtein distance, bounded: returns `limit + 1` as soon as it is exceeded. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidates closest to `input` (folded), best first: prefix matches, then
 * those within an edit distance of about a third of the input's length.
 */
export function closest(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = fold(input).slice(0, 64);
  if (!needle) return [];
  const limit = Math.max(1, Math.floor(needle.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const hay = fold(candidate);
    if (hay.startsWith(needle) || needle.startsWith(hay)) { scored.push({ candidate, score: 0 }); continue; }
    const d = editDistance(needle, hay.slice(0, needle.length + limit), limit);
    if (d <= limit) scored.push({ candidate, score: d });
  }
  const seen = new Set<string>();
  return scored.sort((x, y) => x.score - y.score)
    .map((s) => s.candidate)
    .filter((c) => (seen.has(c) ? false : (seen.add(c), true)))
    .slice(0, max);
}
