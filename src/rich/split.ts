/**
 * Splitting a message that is too long for a platform into several that fit.
 *
 * The adapter says what "fits" means (its renderer measures after escaping);
 * this module decides where to cut: between blocks first, then between list
 * items, then between spans, then between words — and only inside a word when
 * a single word is longer than the limit. Every piece keeps valid marks (a cut
 * never leaves a formatting span half-open) and no character is lost.
 */
import type { Block, ListBlock, Reply, RichMessage, Span } from './model.js';

/** True when the message, as the adapter would render it, is within its limits. */
export type Fits = (message: RichMessage) => boolean;

/** A block that could not be cut further without cutting a span. */
interface Atom { readonly block: Block; readonly continuesList: boolean }

const withSpans = (block: Exclude<Block, ListBlock>, spans: readonly Span[]): Block => ({ type: block.type, spans });

/** Largest n in [lo, hi] with ok(n), assuming ok is monotone (true then false); lo - 1 when none. */
function largest(lo: number, hi: number, ok: (n: number) => boolean): number {
  let best = lo - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}

/** Units of inline content: marked spans whole, plain spans word by word. */
function units(spans: readonly Span[], wordsOnly: boolean): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const plain = !span.bold && !span.italic && !span.code && !span.link;
    if (plain || wordsOnly) {
      for (const piece of span.text.split(/(?<=\s)(?=\S)/u)) out.push({ ...span, text: piece });
    } else out.push(span);
  }
  return out;
}

/** Cuts one unit that is too long even alone, by code points. */
function cutUnit(unit: Span, ok: (s: Span) => boolean): Span[] {
  const points = Array.from(unit.text);
  const out: Span[] = [];
  let start = 0;
  while (start < points.length) {
    const n = largest(1, points.length - start, (k) => ok({ ...unit, text: points.slice(start, start + k).join('') }));
    const take = Math.max(1, n); // a single code point always goes, even if the limit is absurd
    out.push({ ...unit, text: points.slice(start, start + take).join('') });
    start += take;
  }
  return out;
}

/** Merges neighbouring spans with identical marks so renderers emit fewer tags. */
function merge(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.bold === s.bold && last.italic === s.italic && last.code === s.code && last.link === s.link) {
      out[out.length - 1] = { ...last, text: last.text + s.text };
    } else out.push(s);
  }
  return out;
}

/** Cuts a run of spans into runs for which `ok` holds, preferring span then word boundaries. */
function cutSpans(spans: readonly Span[], ok: (s: readonly Span[]) => boolean): Span[][] {
  if (ok(spans)) return [[...spans]];
  let pending = units(spans, false);
  // A marked span too long alone is broken into words too.
  if (pending.some((u) => !ok([u]))) pending = pending.flatMap((u) => (ok([u]) ? [u] : units([u], true)));
  pending = pending.flatMap((u) => (ok([u]) ? [u] : cutUnit(u, (s) => ok([s]))));
  const runs: Span[][] = [];
  let start = 0;
  while (start < pending.length) {
    const n = Math.max(1, largest(1, pending.length - start, (k) => ok(merge(pending.slice(start, start + k)))));
    runs.push(merge(pending.slice(start, start + n)));
    start += n;
  }
  return runs;
}

/** Breaks a block that does not fit alone into atoms that do. */
function atomsOf(block: Block, fitsAlone: (b: Block) => boolean): Atom[] {
  if (fitsAlone(block)) return [{ block, continuesList: false }];
  if (block.type !== 'list') {
    return cutSpans(block.spans, (s) => fitsAlone(withSpans(block, s)))
      .map((s) => ({ block: withSpans(block, s), continuesList: false }));
  }
  const first = block.start ?? 1;
  const atoms: Atom[] = [];
  block.items.forEach((item, index) => {
    const single = (spans: readonly Span[]): ListBlock =>
      ({ type: 'list', ordered: block.ordered, ...(block.ordered ? { start: first + index } : {}), items: [spans] });
    const runs = cutSpans(item, (s) => fitsAlone(single(s)));
    // The continuation of a cut item is a paragraph, so it is not numbered again.
    runs.forEach((run, k) => atoms.push(k === 0
      ? { block: single(run), continuesList: index > 0 }
      : { block: { type: 'paragraph', spans: run }, continuesList: false }));
  });
  return atoms;
}

/** Appends an atom to a page's blocks, joining list continuations into the previous list. */
function append(blocks: readonly Block[], atom: Atom): Block[] {
  const last = blocks[blocks.length - 1];
  if (atom.continuesList && last?.type === 'list' && atom.block.type === 'list') {
    return [...blocks.slice(0, -1), { ...last, items: [...last.items, ...atom.block.items] }];
  }
  return [...blocks, atom.block];
}

/**
 * Splits one message into as few as possible that each fit. The title stays
 * on the first piece. Assumes `fits` is monotone: removing content never makes
 * a message stop fitting.
 */
export function splitMessage(message: RichMessage, fits: Fits): RichMessage[] {
  if (fits(message)) return [message];
  const atoms = message.blocks.flatMap((b) => atomsOf(b, (x) => fits({ blocks: [x] })));
  const pages: RichMessage[] = [];
  let current: RichMessage = message.title === undefined ? { blocks: [] } : { title: message.title, blocks: [] };
  for (const atom of atoms) {
    const candidate: RichMessage = { ...current, blocks: append(current.blocks, atom) };
    if (fits(candidate)) { current = candidate; continue; }
    if (current.blocks.length > 0 || current.title !== undefined) pages.push(current);
    current = { blocks: append([], { ...atom, continuesList: false }) };
  }
  if (current.blocks.length > 0 || current.title !== undefined) pages.push(current);
  return pages;
}

/** Splits every message of a reply; paging and hints are kept. */
export function splitReply(reply: Reply, fits: Fits): Reply {
  return { ...reply, messages: reply.messages.flatMap((m) => splitMessage(m, fits)) };
}
