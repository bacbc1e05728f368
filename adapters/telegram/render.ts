/**
 * Rich messages → Telegram HTML (parse_mode HTML). Every string from content
 * or from a user is escaped here and nowhere else. Telegram's limit (4096)
 * counts the text after entity parsing, in UTF-16 code units, so the renderer
 * measures the visible text it produces alongside the markup.
 */
import type { Block, Reply, RichMessage, Span } from '../../src/rich/model.js';
import { splitReply } from '../../src/rich/split.js';

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
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SAFE_LINK = /^(https?:\/\/|tg:\/\/)/i;

class Out {
  html = '';
  visible = '';
  text(s: string): this { this.html += escapeHtml(s); this.visible += s; return this; }
  tag(open: string, close: string, inner: () => void): this { this.html += open; inner(); this.html += close; return this; }
}

function span(out: Out, s: Span): void {
  // Telegram does not nest other entities inside code, so code wins over bold/italic.
  const body = (): void => {
    if (s.code) { out.tag('<code>', '</code>', () => out.text(s.text)); return; }
    const italic = (): void => { if (s.italic) out.tag('<i>', '</i>', () => out.text(s.text)); else out.text(s.text); };
    if (s.bold) out.tag('<b>', '</b>', italic); else italic();
  };
  if (s.link && SAFE_LINK.test(s.link)) out.tag(`<a href="${escapeHtml(s.link)}">`, '</a>', body);
  else body();
}

const spans = (out: Out, list: readonly Span[]): void => { for (const s of list) span(out, s); };

function block(out: Out, b: Block): void {
  switch (b.type) {
    case 'paragraph': spans(out, b.spans); break;
    case 'heading': out.tag('<b>', '</b>', () => spans(out, b.spans.map((s) => ({ ...s, bold: false })))); break;
    case 'quote': out.tag('<blockquote>', '</blockquote>', () => spans(out, b.spans)); break;
    case 'list':
      b.items.forEach((item, i) => {
        if (i > 0) out.text('\n');
        out.text(b.ordered ? `${(b.start ?? 1) + i}. ` : '• ');
        spans(out, item);
      });
      break;
  }
}

/** Renders one message. */
export function renderTelegram(message: RichMessage): TelegramText {
  const out = new Out();
  if (message.title !== undefined) out.tag('<b>', '</b>', () => out.text(message.title!));
  message.blocks.forEach((b, i) => {
    if (i > 0 || message.title !== undefined) out.text('\n\n');
    block(out, b);
  });
  return { html: out.html, visible: out.visible };
}

/** True when Telegram would accept the message's length. */
export const fitsTelegram = (message: RichMessage): boolean => {
  const { visible } = renderTelegram(message);
  return visible.length <= TELEGRAM_TEXT_LIMIT && visible.trim().length > 0;
};

/** A reply as the sendMessage texts it takes, each within Telegram's limit. */
export function renderTelegramReply(reply: Reply): TelegramText[] {
  return splitReply(reply, (m) => renderTelegram(m).visible.length <= TELEGRAM_TEXT_LIMIT).messages
    .map(renderTelegram)
    .filter((t) => t.visible.trim().length > 0);
}
