/**
 * Rich messages → Signal text with style ranges.
 *
 * Signal has no markup: a message is plain text plus body ranges, which
 * signal-cli's `send` takes as `textStyle` strings `start:length:STYLE`
 * (styles BOLD, ITALIC, MONOSPACE, STRIKETHROUGH, SPOILER; SendCommand.java).
 * `start` and `length` count UTF-16 code units, "NOT Unicode code points"
 * (signal-cli's own help for --text-style; Signal's BodyRange counts the same
 * way, and so does a JavaScript string), so offsets here are plain string
 * indices. Nothing is escaped: what a user typed comes back as typed.
 *
 * Limit: signal-cli sends a body over 2,000 UTF-8 bytes as its first 2,000
 * bytes plus the whole text as a `text/x-signal-plain` long-text attachment
 * (ServiceConfig.MAX_MESSAGE_SIZE_BYTES = 2000, ManagerImpl.applyMessage);
 * Signal's own apps inline at most 2 KiB (Signal-Android
 * SignalServiceMessageLimits.MAX_INLINE_BODY_SIZE_BYTES = 2048, and its
 * EnvelopeContentValidator drops a larger inline body; Signal-Desktop's
 * LONG_ATTACHMENT_LIMIT = 2048 bytes). So every piece stays within 2,000
 * UTF-8 bytes and no answer ever depends on an attachment upload.
 */
import type { Block, RichMessage, Span } from '../../src/rich/model.js';
import { splitMessage } from '../../src/rich/split.js';

/** Most UTF-8 bytes of one message body that signal-cli sends inline (ServiceConfig.MAX_MESSAGE_SIZE_BYTES). */
export const SIGNAL_TEXT_LIMIT_BYTES = 2000;

/** A style signal-cli takes in `textStyle` (TextStyle.Style, without NONE). */
export type SignalStyle = 'BOLD' | 'ITALIC' | 'MONOSPACE' | 'STRIKETHROUGH' | 'SPOILER';

/** One styled range; `start` and `length` in UTF-16 code units. */
export interface StyleRange {
  readonly start: number;
  readonly length: number;
  readonly style: SignalStyle;
}

/** One Signal message: its text and style ranges. */
export interface SignalText {
  readonly text: string;
  readonly styles: readonly StyleRange[];
}

/** The ranges as `send` takes them: `["0:12:BOLD", …]`. */
export const textStyleParam = (t: SignalText): string[] => t.styles.map((s) => `${s.start}:${s.length}:${s.style}`);

/** Length of a text as signal-cli measures it against its limit. */
export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

const SAFE_LINK = /^https?:\/\//i;
const INK = /\S/;

/** Accumulates text and ranges; a range continuing the last one of its style is merged into it. */
export class SignalOut {
  text = '';
  private readonly ranges: { start: number; length: number; style: SignalStyle }[] = [];
  private readonly open = new Map<SignalStyle, { start: number; length: number; style: SignalStyle }>();

  /** Appends `s` carrying `styles`. */
  add(s: string, styles: readonly SignalStyle[] = []): void {
    const start = this.text.length;
    this.text += s;
    if (s.length === 0) return;
    for (const style of styles) {
      const last = this.open.get(style);
      if (last && last.start + last.length === start) { last.length += s.length; continue; }
      const range = { start, length: s.length, style };
      this.ranges.push(range);
      this.open.set(style, range);
    }
  }

  /** Appends another rendering, its ranges shifted to where it lands. */
  append(other: SignalText): void {
    const shift = this.text.length;
    this.text += other.text;
    for (const r of other.styles) {
      const range = { start: r.start + shift, length: r.length, style: r.style };
      this.ranges.push(range);
      this.open.set(r.style, range);
    }
  }

  /** Whether anything visible was written. */
  get inked(): boolean { return INK.test(this.text); }

  /** The result. */
  done(): SignalText { return { text: this.text, styles: this.ranges.map((r) => ({ ...r })) }; }
}

/** The styles of a span; `inBold` drops a bold the surrounding heading already gives. */
function stylesOf(s: Span, inBold: boolean): SignalStyle[] {
  const out: SignalStyle[] = [];
  if (s.bold && !inBold) out.push('BOLD');
  if (s.italic) out.push('ITALIC');
  // Commands in monospace: Signal makes nothing tappable, so a command reads as "type this".
  if (s.code || s.command) out.push('MONOSPACE');
  return out;
}

function span(out: SignalOut, s: Span, extra: readonly SignalStyle[], inBold: boolean): void {
  out.add(s.text, [...extra, ...stylesOf(s, inBold)]);
  // Signal links any URL in the text itself; a link whose text is not its address shows both.
  if (s.link !== undefined && SAFE_LINK.test(s.link) && s.link !== s.text) out.add(` (${s.link})`);
}

function spans(out: SignalOut, list: readonly Span[], extra: readonly SignalStyle[] = []): void {
  const inBold = extra.includes('BOLD');
  for (const s of list) span(out, s, extra, inBold);
}

/** A quotation: each line after `> `, in italics (Signal has no block quote). */
function quote(out: SignalOut, list: readonly Span[]): void {
  out.add('> ');
  for (const s of list) {
    const lines = s.text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) out.add('\n> ');
      const { link: _link, ...marks } = s;
      span(out, i === lines.length - 1 ? { ...s, text: line } : { ...marks, text: line }, ['ITALIC'], false);
    });
  }
}

function block(out: SignalOut, b: Block): void {
  switch (b.type) {
    case 'paragraph': spans(out, b.spans); break;
    case 'heading': spans(out, b.spans, ['BOLD']); break;
    case 'quote': quote(out, b.spans); break;
    case 'list':
      b.items.forEach((item, i) => {
        if (i > 0) out.add('\n');
        out.add(b.ordered ? `${(b.start ?? 1) + i}. ` : '• ');
        spans(out, item);
      });
      break;
  }
}

/** Renders one message into `out`: the title in bold, blocks a blank line apart. */
export function renderInto(out: SignalOut, message: RichMessage): void {
  if (message.title !== undefined) out.add(message.title, ['BOLD']);
  message.blocks.forEach((b, i) => {
    if (i > 0 || message.title !== undefined) out.add('\n\n');
    block(out, b);
  });
}

/** One message as Signal text (not split). */
export function renderSignal(message: RichMessage): SignalText {
  const out = new SignalOut();
  renderInto(out, message);
  return out.done();
}

/**
 * One message as the pieces to send, each within `limitBytes` of UTF-8,
 * cut where `splitMessage` cuts (between blocks, items, words); `tail` (the
 * typed actions) goes under the last piece when it fits there, else follows
 * as a message of its own. Pieces with nothing visible are dropped.
 */
export function renderPieces(message: RichMessage, tail?: SignalText, limitBytes = SIGNAL_TEXT_LIMIT_BYTES): SignalText[] {
  const whole = renderSignal(message);
  const pieces = (utf8Bytes(whole.text) <= limitBytes ? [whole]
    : splitMessage(message, (m) => utf8Bytes(renderSignal(m).text) <= limitBytes).map(renderSignal)).filter((p) => INK.test(p.text));
  if (tail === undefined || tail.text === '') return pieces;
  const last = pieces.at(-1);
  if (last === undefined || utf8Bytes(last.text) + 2 + utf8Bytes(tail.text) > limitBytes) return [...pieces, tail];
  const joined = new SignalOut();
  joined.append(last);
  joined.add('\n\n');
  joined.append(tail);
  return [...pieces.slice(0, -1), joined.done()];
}
