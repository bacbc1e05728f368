/**
 * Answers that fit a phone (DESIGN.md, "Replies that fit a chat"): one
 * message of about 1,500 characters at most; what does not fit is paged.
 *
 * A command describes its answer as pieces (paragraphs, list items) and this
 * module cuts them into pages under a budget, measured as the message reads
 * in plain text (the console's rendering, close to what Telegram and Discord
 * count), never cutting inside a piece unless a piece alone is too long.
 */
import { errorReply, message, reply } from '../rich/build.js';
import type { Action, Block, Reply, RichMessage, Span } from '../rich/model.js';
import { clip } from '../text/fold.js';
import { defaultVoice, type Voice } from '../i18n/voice.js';

/** What a phone shows comfortably (DESIGN.md); every command's message stays within it. */
export const PHONE_LIMIT = 1_500;
/** What pages are cut to: below the limit, for the small differences between platforms' renderings. */
export const PAGE_BUDGET = 1_350;
/** Most actions one reply carries (rows stay readable on Telegram and Discord). */
export const MAX_ACTIONS = 12;

const spansLength = (spans: readonly Span[]): number => spans.reduce((n, s) => n + s.text.length, 0);

/** Plain-text length of one block, as the console writes it. */
function blockLength(b: Block): number {
  switch (b.type) {
    case 'paragraph': return spansLength(b.spans);
    case 'heading': return 3 + spansLength(b.spans);
    case 'quote': return spansLength(b.spans) + 2 * b.spans.map((s) => s.text).join('').split('\n').length;
    case 'list': return b.items.reduce((n, item, i) => n + (i ? 1 : 0) + String((b.start ?? 1) + i).length + 2 + spansLength(item), 0);
  }
}

/** Plain-text length of a message, title included (`# Title`, blocks a blank line apart). */
export function messageLength(m: RichMessage): number {
  const parts = [...(m.title === undefined ? [] : [m.title.length + 2]), ...m.blocks.map(blockLength)];
  return parts.reduce((n, p) => n + p, 0) + 2 * Math.max(0, parts.length - 1);
}

/** One piece of a paged answer: a whole block, or one item of a list (items of one list are joined again on a page). */
export type Piece =
  | { readonly block: Block; /** Never the last piece of a page (a heading before what it heads). */ readonly keepWithNext?: boolean }
  | {
    readonly item: readonly Span[];
    /** Which list it belongs to. */
    readonly list: string;
    readonly ordered: boolean;
    readonly number: number;
    /** What the list is under (its source, its event), repeated when a page starts inside the list. */
    readonly header?: Block;
  };

const isItem = (p: Piece): p is Extract<Piece, { item: readonly Span[] }> => 'item' in p;

/** The pieces of one page as blocks: consecutive items of one list become one list (numbering kept). */
export function assemble(pieces: readonly Piece[]): Block[] {
  const out: Block[] = [];
  let list: { key: string; ordered: boolean; start: number; items: (readonly Span[])[] } | undefined;
  const flush = (): void => {
    if (list) out.push({ type: 'list', ordered: list.ordered, ...(list.ordered && list.start !== 1 ? { start: list.start } : {}), items: list.items });
    list = undefined;
  };
  const first = pieces[0];
  if (first && isItem(first) && first.header) out.push(first.header);
  for (const p of pieces) {
    if (!isItem(p)) { flush(); out.push(p.block); continue; }
    if (list?.key !== p.list) { flush(); list = { key: p.list, ordered: p.ordered, start: p.number, items: [] }; }
    list.items.push(p.item);
  }
  flush();
  return out;
}

const pieceLength = (p: Piece): number => (isItem(p) ? String(p.number).length + 3 + spansLength(p.item) : blockLength(p.block) + 2);

/** Cuts pieces into pages of at most `budget` characters each (a piece longer than that gets a page of its own). */
export function paginate(pieces: readonly Piece[], budget: number): Piece[][] {
  const pages: Piece[][] = [];
  let page: Piece[] = [];
  let used = 0;
  for (const p of pieces) {
    const n = pieceLength(p);
    if (page.length > 0 && used + n > budget) {
      // A heading is not left alone at the foot of a page: it moves on with what it heads.
      const carried: Piece[] = [];
      while (page.length > 1 && !isItem(page.at(-1)!) && (page.at(-1) as { keepWithNext?: boolean }).keepWithNext) carried.unshift(page.pop()!);
      pages.push(page);
      page = carried;
      const head = page[0] ?? p;
      used = carried.reduce((s, c) => s + pieceLength(c), 0) + (isItem(head) && head.header ? blockLength(head.header) + 2 : 0);
    }
    page.push(p);
    used += n;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** Splits a text longer than `max` at line breaks, else sentence ends, else spaces; shorter texts come back whole. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    // Lines first (a list written line by line stays whole per line), then sentences, then words.
    const line = window.lastIndexOf('\n');
    const sentence = Math.max(...['. ', '! ', '? ', '; '].map((m) => window.lastIndexOf(m)));
    const space = window.lastIndexOf(' ');
    const cut = line > max / 2 ? line : sentence > max / 3 ? sentence + 1 : space > max / 3 ? space : max;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

/** A command's text split into its filter and a trailing page number: "smk 2" → "smk", 2; "2" → "", 2. */
export function withPage(raw: string): { readonly rest: string; readonly page?: number } {
  const m = /^(.*?)(?:^|\s+)(\d{1,4})$/su.exec(raw.trim());
  return m ? { rest: m[1]!.trim(), page: Number(m[2]) } : { rest: raw.trim() };
}

/** Option values as commands get them (the same shape as `OptionValues` of src/commands/types.ts, which sits above this layer). */
type OptionValues = Readonly<Record<string, string | number | undefined>>;

/** The page option of a command (1 when not given). */
export const pageOf = (options: OptionValues): number => Number(options.page ?? 1);

/** The `page` option shared by paged commands. */
export const PAGE_OPTION = { name: 'page', type: 'integer', min: 1 } as const;

/** A page's title: "Signatories — page 2 of 4", in the voice's language. */
export const pageTitle = (voice: Voice, title: string, page: number, pages: number): string =>
  voice.t('pages-title', { title, page, pages });

/** The polite refusal of a page that does not exist: "There are 4 pages; page 9 does not exist." */
export const noSuchPage = (voice: Voice, pages: number, asked: unknown): Reply =>
  errorReply(voice.t('pages-no-such-page', { pages, page: clip(String(asked), 8) }));

/** How a paged answer is made. */
export interface PagedAnswer {
  /** The title of every page ("— page n of m" is added when there are several). */
  readonly title: string;
  /** Blocks on every page, before the paged pieces. */
  readonly head?: readonly Block[];
  readonly pieces: readonly Piece[];
  /** Blocks on every page, after the paged pieces. */
  readonly foot?: readonly Block[];
  /** The page asked for (1-based). */
  readonly page: number;
  /** The command and argument text the pages are asked for with (`/command args n`). */
  readonly command: string;
  readonly args: string;
  readonly actions?: readonly Action[];
  /** The answer's language, for the page words ("page 2 of 4"); English when absent. */
  readonly voice?: Voice;
}

/** The page asked for, within the phone budget, with paging; a polite refusal for a page that does not exist. */
export function pagedReply(a: PagedAnswer): Reply {
  const voice = a.voice ?? defaultVoice();
  // The title as the longest page numbers would make it, so that paging never pushes a page over the limit.
  const frame = messageLength(message(pageTitle(voice, a.title, 999, 999), [...(a.head ?? []), ...(a.foot ?? [])])) + 2;
  const pages = paginate(a.pieces, Math.max(200, PAGE_BUDGET - frame));
  if (!Number.isInteger(a.page) || a.page < 1 || a.page > pages.length) return noSuchPage(voice, pages.length, a.page);
  const title = pages.length > 1 ? pageTitle(voice, a.title, a.page, pages.length) : a.title;
  const blocks = [...(a.head ?? []), ...assemble(pages[a.page - 1]!), ...(a.foot ?? [])];
  return reply(message(title, blocks),
    pages.length > 1 ? { page: a.page, pages: pages.length, command: a.command, args: a.args } : undefined,
    a.actions?.slice(0, MAX_ACTIONS));
}
