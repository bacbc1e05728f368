/**
 * Telegram's `parse_mode: HTML`, reimplemented from the Bot API documentation
 * ("Formatting options"): supported tags, the four named entities and numeric
 * entities, entity offsets in UTF-16 code units, and the same error wording as
 * the Bot API ("Unsupported start tag \"p\" at byte offset 3", …).
 */
import type { MessageEntity } from 'grammy/types';

/** Result of parsing formatted text. */
export type ParsedText =
  | { ok: true; text: string; entities: MessageEntity[] }
  | { ok: false; error: string };

const TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre',
  'blockquote', 'tg-spoiler', 'span', 'tg-emoji',
]);
const SIMPLE: Record<string, 'bold' | 'italic' | 'underline' | 'strikethrough' | 'spoiler'> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', 'tg-spoiler': 'spoiler', span: 'spoiler',
};
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface OpenTag {
  name: string;
  attrs: Map<string, string>;
  start: number;
  order: number;
  language?: string;
  insidePre: boolean;
}

class HtmlError extends Error {}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);

/**
 * Decodes one `&…` entity at `i`. Returns undefined when the text there is
 * not an entity. In strict mode a missing `;` counts as "not an entity".
 */
function decodeEntity(s: string, i: number, strict: boolean): { char: string; next: number } | undefined {
  const num = /^&#(x[0-9a-fA-F]+|[0-9]+)(;?)/.exec(s.slice(i, i + 16));
  if (num) {
    if (strict && num[2] !== ';') return undefined;
    const body = num[1] ?? '';
    const code = body.startsWith('x') ? parseInt(body.slice(1), 16) : parseInt(body, 10);
    if (!(code > 0 && code <= 0x10ffff)) return undefined;
    if (code >= 0xd800 && code <= 0xdfff) {
      throw new HtmlError('Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units');
    }
    return { char: String.fromCodePoint(code), next: i + num[0].length };
  }
  const named = /^&([a-zA-Z]+)(;?)/.exec(s.slice(i, i + 10));
  const value = named ? NAMED[named[1] ?? ''] : undefined;
  if (!named || value === undefined || (strict && named[2] !== ';')) return undefined;
  return { char: value, next: i + named[0].length };
}

/** Parses Telegram HTML into plain text and entities (not yet trimmed). */
export function parseTelegramHtml(input: string, mode: 'strict' | 'telegram' = 'strict'): ParsedText {
  const strict = mode === 'strict';
  const byteAt = (i: number): number => Buffer.byteLength(input.slice(0, i), 'utf8');
  const fail = (msg: string): never => { throw new HtmlError(msg); };
  const decodeAll = (raw: string, at: number): string => {
    let out = '';
    for (let k = 0; k < raw.length;) {
      if (raw[k] === '&') {
        const d = decodeEntity(raw, k, strict);
        if (d) { out += d.char; k = d.next; continue; }
        if (strict) fail(`Bare "&" in an attribute at byte offset ${at} (escape it as &amp;)`);
      }
      out += raw[k];
      k++;
    }
    return out;
  };

  let out = '';
  const stack: OpenTag[] = [];
  const found: { entity: MessageEntity; order: number }[] = [];
  let order = 0;
  const n = input.length;
  try {
    for (let i = 0; i < n;) {
      const c = input[i];
      if (c === '&') {
        const d = decodeEntity(input, i, strict);
        if (d) { out += d.char; i = d.next; continue; }
        if (strict) fail(`Bare "&" at byte offset ${byteAt(i)} (the fake's strict mode: escape it as &amp;)`);
      }
      if (c !== '<') { out += c; i++; continue; }
      const begin = i;
      if (input[i + 1] === '/') {
        if (stack.length === 0) fail(`Unexpected end tag at byte offset ${byteAt(begin)}`);
        i += 2;
        const nameStart = i;
        while (i < n && !isSpace(input[i]) && input[i] !== '>') i++;
        const name = input.slice(nameStart, i).toLowerCase();
        while (isSpace(input[i])) i++;
        if (input[i] !== '>') fail(`Unclosed end tag at byte offset ${byteAt(begin)}`);
        i++;
        const open = stack.pop() as OpenTag;
        if (name !== '' && name !== open.name) {
          fail(`Unmatched end tag at byte offset ${byteAt(begin)}, expected "</${open.name}>", found "</${name}>"`);
        }
        const entity = toEntity(open, out.length, stack[stack.length - 1]);
        if (entity) found.push({ entity, order: open.order });
        continue;
      }
      i++;
      const nameStart = i;
      while (i < n && !isSpace(input[i]) && input[i] !== '>') i++;
      if (i >= n) fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
      const name = input.slice(nameStart, i).toLowerCase();
      if (!TAGS.has(name)) fail(`Unsupported start tag "${name}" at byte offset ${byteAt(begin)}`);
      const attrs = new Map<string, string>();
      for (;;) {
        while (isSpace(input[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${name}" at byte offset ${byteAt(begin)}`);
        if (input[i] === '>') { i++; break; }
        const attrStart = i;
        while (isNameChar(input[i])) i++;
        const attr = input.slice(attrStart, i).toLowerCase();
        if (attr === '') fail(`Empty attribute name in the tag "${name}" at byte offset ${byteAt(begin)}`);
        while (isSpace(input[i])) i++;
        if (input[i] !== '=') { attrs.set(attr, ''); continue; }
        i++;
        while (isSpace(input[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${name}" at byte offset ${byteAt(begin)}`);
        const q = input[i];
        if (q === '"' || q === "'") {
          const close = input.indexOf(q, i + 1);
          if (close < 0) fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
          attrs.set(attr, decodeAll(input.slice(i + 1, close), byteAt(i)));
          i = close + 1;
        } else {
          const valueStart = i;
          while (i < n && !isSpace(input[i]) && input[i] !== '>') i++;
          if (i >= n) fail(`Unexpected end of name token at byte offset ${byteAt(valueStart)}`);
          attrs.set(attr, decodeAll(input.slice(valueStart, i), byteAt(valueStart)));
        }
      }
      if (name === 'span' && attrs.get('class') !== 'tg-spoiler') {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteAt(begin)}`);
      }
      if (name === 'tg-emoji' && !/^[0-9]+$/.test(attrs.get('emoji-id') ?? '')) {
        fail(`Custom emoji entity must contain a valid custom emoji identifier at byte offset ${byteAt(begin)}`);
      }
      const parent = stack[stack.length - 1];
      stack.push({ name, attrs, start: out.length, order: order++, insidePre: parent?.name === 'pre' || parent?.insidePre === true });
    }
    const top = stack[stack.length - 1];
    if (top) fail(`Can't find end tag corresponding to start tag "${top.name}"`);
  } catch (e) {
    if (e instanceof HtmlError) return { ok: false, error: e.message };
    throw e;
  }
  found.sort((a, b) => a.entity.offset - b.entity.offset || b.entity.length - a.entity.length || a.order - b.order);
  return { ok: true, text: out, entities: found.map((f) => f.entity) };
}

/** Turns a closed tag into its entity (or nothing, e.g. zero length). */
function toEntity(open: OpenTag, end: number, parent: OpenTag | undefined): MessageEntity | undefined {
  const offset = open.start;
  const length = end - offset;
  if (open.name === 'code' && parent?.name === 'pre') {
    const cls = open.attrs.get('class') ?? '';
    if (cls.startsWith('language-') && cls.length > 9) parent.language = cls.slice(9);
    return undefined; // <pre><code> is one pre entity
  }
  if (length <= 0) return undefined;
  const simple = SIMPLE[open.name];
  if (simple) return { type: simple, offset, length };
  switch (open.name) {
    case 'code':
      return { type: 'code', offset, length };
    case 'pre':
      return open.language ? { type: 'pre', offset, length, language: open.language } : { type: 'pre', offset, length };
    case 'blockquote':
      return { type: open.attrs.has('expandable') ? 'expandable_blockquote' : 'blockquote', offset, length };
    case 'tg-emoji':
      return { type: 'custom_emoji', offset, length, custom_emoji_id: open.attrs.get('emoji-id') ?? '' };
    case 'a': {
      const href = open.attrs.get('href');
      if (!href) return undefined;
      const url = normaliseUrl(href);
      return url === undefined ? undefined : { type: 'text_link', offset, length, url };
    }
    default:
      return undefined;
  }
}

/** Telegram completes scheme-less links (`telegram.org` → `http://telegram.org/`). */
function normaliseUrl(href: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(href) ? href : `http://${href}`;
  try {
    const u = new URL(withScheme);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : withScheme;
  } catch {
    return undefined;
  }
}

/**
 * Trims leading and trailing whitespace from a formatted text the way
 * Telegram does for messages, clipping and shifting entities.
 */
export function trimFormatted(text: string, entities: MessageEntity[]): { text: string; entities: MessageEntity[] } {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const end = lead + trimmed.length;
  const out: MessageEntity[] = [];
  for (const e of entities) {
    const from = Math.max(e.offset, lead);
    const to = Math.min(e.offset + e.length, end);
    if (to > from) out.push({ ...e, offset: from - lead, length: to - from });
  }
  return { text: trimmed, entities: out };
}

/** Length in Unicode code points, the unit of Telegram's 4096 limit. */
export function codePointLength(text: string): number {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '.').length;
}

/** The `bot_command` entities Telegram detects in plain text: `/cmd` or `/cmd@bot` at the start of a word. */
export function detectBotCommands(text: string): MessageEntity[] {
  const out: MessageEntity[] = [];
  const re = /(^|\s)(\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?)(?![A-Za-z0-9_@/])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ type: 'bot_command', offset: m.index + (m[1] ?? '').length, length: (m[2] ?? '').length });
  }
  return out;
}

/**
 * Adds the `bot_command` entities Telegram detects in a sent message: each
 * command written as plain text (tappable); none inside code, pre or a link,
 * which is why a command in `<code>` is not tappable.
 */
export function withBotCommands(parsed: { text: string; entities: MessageEntity[] }): { text: string; entities: MessageEntity[] } {
  const covering = parsed.entities.filter((e) => e.type === 'code' || e.type === 'pre' || e.type === 'text_link');
  const found = detectBotCommands(parsed.text)
    .filter((c) => !covering.some((e) => c.offset < e.offset + e.length && e.offset < c.offset + c.length));
  if (found.length === 0) return parsed;
  return { text: parsed.text, entities: [...parsed.entities, ...found].sort((a, b) => a.offset - b.offset) };
}
