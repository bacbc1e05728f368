/**
 * Rich messages as HTML (DESIGN.md, "Two flows"): spans, blocks and whole
 * messages, every piece of content escaped by `escape.ts`. Links are kept
 * only when they are http(s) (or webcal) URLs; links into the site itself
 * are written relative to the page they sit on (`Links`).
 */
import { posix } from 'node:path';
import type { Block, RichMessage, Span } from '../../src/rich/model.js';
import type { SiteBlock } from '../../src/site/model.js';
import { escapeMarkup as esc } from './escape.js';

/** How links are written on one page. */
export interface Links {
  /** The site's base: links under it are written relative to `page`. */
  readonly base: string;
  /** The page's path in the site (`ru/statements/x.html`). */
  readonly page: string;
  /**
   * When set, links under `base` are written from here instead of relative
   * to `page`: `''` writes them from the host's root (`/ru/index.html`), an
   * address writes them under it. For a page shown at other addresses than
   * its own (the not-found page).
   */
  readonly root?: string;
}

/** A link as the page writes it: relative inside the site, absolute elsewhere, undefined when not a web address. */
export function hrefOf(url: string, links: Links): string | undefined {
  if (url.startsWith(`${links.base}/`)) {
    if (links.root !== undefined) return `${links.root}${url.slice(links.base.length)}`;
    const [path = '', hash] = url.slice(links.base.length + 1).split('#', 2);
    const relative = path === links.page ? '' : posix.relative(posix.dirname(`/${links.page}`), `/${path}`) || posix.basename(path);
    return `${relative || (hash ? '' : posix.basename(links.page))}${hash ? `#${hash}` : ''}`;
  }
  return /^(https?|webcal):\/\/[^\s]+$/i.test(url) ? url : undefined;
}

/** One span: marks nested as link > strong > em > code. */
export function spanHtml(s: Span, links: Links): string {
  let out = esc(s.text).replace(/\n/g, '<br>');
  if (s.code || s.command) out = `<code>${out}</code>`;
  if (s.time) out = `<time datetime="${esc(s.time)}">${out}</time>`;
  if (s.italic) out = `<em>${out}</em>`;
  if (s.bold) out = `<strong>${out}</strong>`;
  const href = s.link === undefined ? undefined : hrefOf(s.link, links);
  return href === undefined ? out : `<a href="${esc(href)}">${out}</a>`;
}

/** A run of spans. */
export const spansHtml = (spans: readonly Span[], links: Links): string => spans.map((s) => spanHtml(s, links)).join('');

/** Options of block rendering. */
export interface BlockOptions {
  readonly links: Links;
  /** The page's language: quotes in another language are marked with theirs. */
  readonly lang: string;
  /** Level of a heading block (a part's sub-heading): 3 under an `h2`, 4 under an `h3`. */
  readonly headingLevel: number;
}

/** Blocks as HTML; consecutive quotes are one `<blockquote>` of paragraphs. */
export function blocksHtml(blocks: readonly SiteBlock[], options: BlockOptions): string {
  const out: string[] = [];
  let quotes: string[] = [];
  const flush = (): void => {
    if (quotes.length) out.push(`<blockquote>\n${quotes.join('\n')}\n</blockquote>`);
    quotes = [];
  };
  for (const b of blocks) {
    if (b.type === 'quote') { quotes.push(`<p>${spansHtml(b.spans, options.links)}</p>`); continue; }
    flush();
    out.push(blockHtml(b, options));
  }
  flush();
  return out.join('\n');
}

function blockHtml(b: Exclude<SiteBlock, { type: 'quote' }>, options: BlockOptions): string {
  const { links } = options;
  switch (b.type) {
    case 'paragraph': return `<p>${spansHtml(b.spans, links)}</p>`;
    case 'heading': return `<h${options.headingLevel}>${spansHtml(b.spans, links)}</h${options.headingLevel}>`;
    case 'list': {
      const items = b.items.map((item) => `<li>${spansHtml(item, links)}</li>`).join('\n');
      return b.ordered ? `<ol${b.start && b.start !== 1 ? ` start="${b.start}"` : ''}>\n${items}\n</ol>` : `<ul>\n${items}\n</ul>`;
    }
    case 'original': {
      const inner = blocksHtml(b.blocks, options);
      return b.lang === options.lang ? inner : `<div lang="${esc(b.lang)}">\n${inner}\n</div>`;
    }
  }
}


/** One rich message as an HTML fragment: its title as a heading of `level`, its blocks under it. */
export function messageHtml(message: RichMessage, options: Omit<BlockOptions, 'headingLevel'> & { readonly level: number }): string {
  const blocks: readonly Block[] = message.blocks;
  const title = message.title === undefined ? '' : `<h${options.level}>${esc(message.title)}</h${options.level}>\n`;
  return title + blocksHtml(blocks, { ...options, headingLevel: Math.min(6, options.level + 1) });
}
