/**
 * Rich messages → Telegram HTML (parse_mode HTML). Every string from content
 * or from a user is escaped here and nowhere else. Telegram's limit (4096)
 * counts the text after entity parsing, in UTF-16 code units, so the renderer
 * measures the visible text it produces alongside the markup.
 */
import type { Block, Reply, RichMessage, Span } from '../../src/rich/model.js';
import { splitMessage } from '../../src/rich/split.js';

/** Telegram's limit for one message's text after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** A message ready for sendMessage: HTML and the text a user will see. */
export interface TelegramText {
  readonly html: string;
  /** What Telegram will display (markup removed, entities decoded). */
  readonly visible: string;
}

/** Escapes the three characters Telegram's HTML mode requires escaped (and quotes, for attributes). */
export const escapeHtml = (s: string): string =>
  NEEDS_ESCAPE.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : s;

const NEEDS_ESCAPE = /[&<>"]/;

const SAFE_LINK = /^(https?:\/\/|tg:\/\/)/i;

const INK = /\S/;

class Out {
  html = '';
  visible = '';
  /** Whether any visible character is not white space (a piece that is all blank is not sent). */
  inked = false;
  text(s: string): void {
    this.html += escapeHtml(s);
    this.visible += s;
    if (!this.inked) this.inked = INK.test(s);
  }
  raw(markup: string): void { this.html += markup; }
}

/**
 * Opening and closing tags by style; Telegram does not nest other entities inside code, so code wins —
 * except over a command: `/demands smk` stays plain text, which Telegram makes tappable (code is not).
 * A time span is its text as the chat's zone writes it: Telegram has no per-reader local time.
 */
const PLAIN = ['', ''] as const;
const CODE = ['<code>', '</code>'] as const;
const BOLD = ['<b>', '</b>'] as const;
const ITALIC = ['<i>', '</i>'] as const;
const BOLD_ITALIC = ['<b><i>', '</i></b>'] as const;

/** Text that is a command to type (`/help`, `/demands smk`): tappable only as plain text, so never code, however marked. */
const COMMAND_TEXT = /^\/[A-Za-z0-9_]{1,32}(?:@\w+)?(?:\s|$)/;

/** Whether a span is a command, marked as one or written as code that reads as one. */
export const isCommandSpan = (s: Span): boolean => s.command === true || COMMAND_TEXT.test(s.text);

function tagsOf(s: Span, bold: boolean): readonly [string, string] {
  if (s.code && !isCommandSpan(s)) return CODE;
  if (bold && s.italic) return BOLD_ITALIC;
  return bold ? BOLD : s.italic ? ITALIC : PLAIN;
}

/** One span; inside a heading (`inBold`) its own bold is dropped, the heading's <b> already covers it. */
function span(out: Out, s: Span, inBold: boolean): void {
  const link = s.link !== undefined && SAFE_LINK.test(s.link);
  if (link) out.raw(`<a href="${escapeHtml(s.link!)}">`);
  const [open, close] = tagsOf(s, s.bold === true && !inBold);
  out.raw(open);
  out.text(s.text);
  out.raw(close);
  if (link) out.raw('</a>');
}

function spans(out: Out, list: readonly Span[], inBold = false): void {
  for (const s of list) span(out, s, inBold);
}

function block(out: Out, b: Block): void {
  switch (b.type) {
    case 'paragraph': spans(out, b.spans); break;
    case 'heading': out.raw('<b>'); spans(out, b.spans, true); out.raw('</b>'); break;
    case 'quote': out.raw('<blockquote>'); spans(out, b.spans); out.raw('</blockquote>'); break;
    case 'list':
      for (let i = 0; i < b.items.length; i++) {
        if (i > 0) out.text('\n');
        out.text(b.ordered ? `${(b.start ?? 1) + i}. ` : '• ');
        spans(out, b.items[i]!);
      }
      break;
  }
}

/** Renders one message. */
export function renderTelegram(message: RichMessage): TelegramText {
  return renderOut(message);
}

function renderOut(message: RichMessage): Out {
  const out = new Out();
  if (message.title !== undefined) { out.raw('<b>'); out.text(message.title); out.raw('</b>'); }
  for (let i = 0; i < message.blocks.length; i++) {
    if (i > 0 || message.title !== undefined) out.text('\n\n');
    block(out, message.blocks[i]!);
  }
  return out;
}

const fits = (m: RichMessage): boolean => renderOut(m).visible.length <= TELEGRAM_TEXT_LIMIT;

/** What frozen replies (the dispatcher's cached ones) rendered to: they cannot change, so each is rendered once. */
const renderedFrozen = new WeakMap<Reply, readonly TelegramText[]>();

/** A reply as the sendMessage texts it takes, each within Telegram's limit; pieces with nothing visible are dropped. */
export function renderTelegramReply(reply: Reply): readonly TelegramText[] {
  if (!Object.isFrozen(reply)) return renderPieces(reply);
  let texts = renderedFrozen.get(reply);
  if (texts === undefined) {
    texts = Object.freeze(renderPieces(reply));
    renderedFrozen.set(reply, texts);
  }
  return texts;
}

/** Each message rendered once unless it must be split. */
function renderPieces(reply: Reply): TelegramText[] {
  const out: TelegramText[] = [];
  for (const message of reply.messages) {
    const whole = renderOut(message);
    const pieces = whole.visible.length <= TELEGRAM_TEXT_LIMIT ? [whole] : splitMessage(message, fits).map(renderOut);
    for (const p of pieces) if (p.inked) out.push(p);
  }
  return out;
}
