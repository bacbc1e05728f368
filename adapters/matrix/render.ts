/**
 * Rich messages → Matrix `m.notice` content: `body` (plain text, what
 * clients without HTML show and what notifications quote) and
 * `formatted_body` in `org.matrix.custom.html`, using only tags from the
 * spec's suggested safe set (`b`, `i`, `code`, `a`, `blockquote`, `ul`, `ol`,
 * `li`, `p`, `br`; client-server API, "m.room.message msgtypes"). Every
 * string from content or from a user is escaped here and nowhere else.
 *
 * Matrix has no buttons: a reply's page moves and actions become commands to
 * type, one per line under the last message (as on the console). The notice
 * msgtype tells other bots not to answer (spec: "m.notice … automated
 * clients … MUST NOT respond").
 *
 * Size: the whole event must stay within 65,536 bytes as canonical JSON,
 * signatures and all (spec, "Size limits"); the content is kept within
 * {@link MATRIX_CONTENT_LIMIT} bytes, leaving the rest for the envelope.
 */
import type { Action, Block, Reply, RichMessage, Span } from '../../src/rich/model.js';
import { splitMessage } from '../../src/rich/split.js';
import type { NoticeContent } from './types.js';

/** Bytes of one message's content (JSON) at most: the event limit (65,536) less room for the envelope. */
export const MATRIX_CONTENT_LIMIT = 60_000;
/** What a message may take before the commands to type are added under it. */
const MESSAGE_BUDGET = MATRIX_CONTENT_LIMIT - 6_000;

/** The adapter's own words, from the catalogs (`matrix-*`) in the chat's language. */
export interface MatrixWords {
  readonly previousPage: string;
  readonly nextPage: string;
}

/** Escapes text for HTML content and double-quoted attributes. */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Links the spec lets clients render (`a href` with these schemes); others are shown as text. */
const SAFE_LINK = /^(https?|ftp|mailto|magnet):/i;

/** Body and HTML, built side by side. */
class Out {
  body = '';
  html = '';
  text(s: string): void { this.body += s; this.html += escapeHtml(s).replace(/\n/g, '<br>'); }
  both(plain: string, markup: string): void { this.body += plain; this.html += markup; }
}

function span(out: Out, s: Span): void {
  const link = s.link !== undefined && SAFE_LINK.test(s.link) ? s.link : undefined;
  const tags: [string, string][] = [];
  if (link !== undefined) tags.push([`<a href="${escapeHtml(link)}">`, '</a>']);
  if (s.bold) tags.push(['<b>', '</b>']);
  if (s.italic) tags.push(['<i>', '</i>']);
  // A command to type reads best as code: nothing in a Matrix client makes it tappable, code makes it easy to copy.
  if (s.code || s.command) tags.push(['<code>', '</code>']);
  for (const [open] of tags) out.both('', open);
  out.text(s.text);
  for (const [, close] of [...tags].reverse()) out.both('', close);
  if (s.link !== undefined && s.link !== s.text) out.both(` (${s.link})`, link === undefined ? escapeHtml(` (${s.link})`) : '');
}

function spans(out: Out, list: readonly Span[]): void {
  for (const s of list) span(out, s);
}

function block(out: Out, b: Block): void {
  switch (b.type) {
    case 'paragraph': out.both('', '<p>'); spans(out, b.spans); out.both('', '</p>'); break;
    case 'heading': out.both('', '<p><b>'); spans(out, b.spans); out.both('', '</b></p>'); break;
    case 'quote': {
      // The plain body quotes each line with "> ", as Markdown and most clients' fallbacks do.
      const inner = new Out();
      spans(inner, b.spans);
      out.both(inner.body.split('\n').map((l) => `> ${l}`).join('\n'), `<blockquote>${inner.html}</blockquote>`);
      break;
    }
    case 'list': {
      const start = b.start ?? 1;
      out.both('', b.ordered ? (start === 1 ? '<ol>' : `<ol start="${start}">`) : '<ul>');
      b.items.forEach((item, i) => {
        out.both(`${i > 0 ? '\n' : ''}${b.ordered ? `${start + i}.` : '•'} `, '<li>');
        spans(out, item);
        out.both('', '</li>');
      });
      out.both('', b.ordered ? '</ol>' : '</ul>');
      break;
    }
  }
}

function render(message: RichMessage): Out {
  const out = new Out();
  if (message.title !== undefined) { out.both('', '<p><b>'); out.text(message.title); out.both('', '</b></p>'); }
  message.blocks.forEach((b, i) => {
    if (i > 0 || message.title !== undefined) out.both('\n\n', '');
    block(out, b);
  });
  return out;
}

/** The command an action runs, as it is typed. */
export const commandOf = (a: Action): string => `/${a.command}${a.args ? ` ${a.args}` : ''}`;

/** Page moves first, then the reply's actions. */
function movesOf(reply: Reply, words: MatrixWords): Action[] {
  const p = reply.paging;
  const moves: Action[] = [];
  if (p && p.pages > 1) {
    const at = (page: number): string => `${p.args} ${page}`.trim();
    if (p.page > 1) moves.push({ label: words.previousPage, command: p.command, args: at(p.page - 1) });
    if (p.page < p.pages) moves.push({ label: words.nextPage, command: p.command, args: at(p.page + 1) });
  }
  return [...moves, ...(reply.actions ?? [])];
}

/** The commands to type under the last message: `→ Label: /command args` per line. */
function tail(out: Out, actions: readonly Action[]): void {
  if (actions.length === 0) return;
  out.both('\n\n', '<ul>');
  actions.forEach((a, i) => {
    out.both(i > 0 ? '\n→ ' : '→ ', '<li>');
    out.text(`${a.label}: `);
    span(out, { text: commandOf(a), command: true });
    out.both('', '</li>');
  });
  out.both('', '</ul>');
}

const content = (out: Out): NoticeContent => ({ msgtype: 'm.notice', body: out.body, format: 'org.matrix.custom.html', formatted_body: out.html });

/** Bytes of a content as sent. */
export const contentBytes = (c: NoticeContent): number => Buffer.byteLength(JSON.stringify(c), 'utf8');

const fits = (m: RichMessage): boolean => contentBytes(content(render(m))) <= MESSAGE_BUDGET;

/** One message as a notice (no actions). */
export function renderMatrixMessage(message: RichMessage): NoticeContent {
  return content(render(message));
}

/**
 * A whole reply as the notices it takes, in order: each message (split when
 * it would pass the size limit), the commands to type under the last one.
 * Pieces with nothing to read are dropped.
 */
export function renderMatrixReply(reply: Reply, words: MatrixWords): NoticeContent[] {
  const outs: Out[] = [];
  for (const message of reply.messages) {
    const whole = render(message);
    const pieces = contentBytes(content(whole)) <= MESSAGE_BUDGET ? [whole] : splitMessage(message, fits).map(render);
    outs.push(...pieces.filter((p) => /\S/.test(p.body)));
  }
  const actions = movesOf(reply, words);
  if (actions.length > 0) {
    if (outs.length === 0) outs.push(new Out());
    tail(outs.at(-1)!, actions);
    const last = outs.at(-1)!;
    if (last.body.startsWith('\n\n')) { last.body = last.body.slice(2); }
  }
  return outs.map(content);
}
