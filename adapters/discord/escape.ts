/**
 * Discord markdown escaping. Every string that comes from content or from a
 * user passes through here before it reaches Discord, so that it shows as
 * typed: no accidental bold, spoilers, masked links, headings, quotes or
 * lists, and no mention of anyone — even though every message is also sent
 * with `allowed_mentions: { parse: [] }` (belt and braces).
 */

/** Zero-width space: breaks a mention without changing what people see. */
export const ZWSP = '\u200b';

/** Characters that start or end inline markdown anywhere in a line. */
const INLINE = /[\\*_~`|[\]]/g;
/** Bare http(s) URLs are left as they are, so Discord still links them (brackets and backticks end one: they are always escaped). */
const URL_TOKEN = /https?:\/\/[^\s<>[\]`]+/g;
/** `@everyone` and `@here`, and the start of `<@user>`, `<@&role>`, `<#channel>`, `</command:id>`, `<:emoji:id>`, `<a:…>`, `<t:…>`, `<id:…>`. */
const MENTIONS = /@(everyone|here)|<(?=[@#/:]|a:|t:|id:)/g;
/** Block markers at the start of a line: quote, heading, subtext, bullet, numbered item. */
const LINE_START = /^([ \t]*)([>#+-]|\d+(?=\.\s))/gm;
/** The same three, as tests: text with none of them is its own escape (most text is; rendering is on every answer's path). */
const HAS_INLINE = /[\\*_~`|[\]]/;
const HAS_LINE_START = /^[ \t]*(?:[>#+-]|\d+(?=\.\s))/m;
const HAS_MENTION = /@(?:everyone|here)|<(?=[@#/:]|a:|t:|id:)/;
/** The line-start test at the text's start only; the others need a line terminator (where `^` also matches with `m`). */
const STARTS_LINE = /^[ \t]*(?:[>#+-]|\d+(?=\.\s))/;

/**
 * True when `s` has anything `escapeMarkdown` would change. Same answer as the three tests, cheaper for the usual
 * text (the profile of /next): `includes` rules out a multi-line start or a mention before a regex scans the whole text.
 */
function needsEscape(s: string): boolean {
  if (HAS_INLINE.test(s) || STARTS_LINE.test(s)) return true;
  if ((s.includes('\n') || s.includes('\r') || s.includes('\u2028') || s.includes('\u2029')) && HAS_LINE_START.test(s)) return true;
  return (s.includes('@') || s.includes('<')) && HAS_MENTION.test(s);
}

/** Breaks every mention-like sequence with a zero-width space. */
export function neutraliseMentions(s: string): string {
  return s.replace(MENTIONS, (m: string, word?: string) => (word ? `@${ZWSP}${word}` : `<${ZWSP}`));
}

function escapeInline(s: string): string {
  return s.replace(INLINE, (c) => `\\${c}`);
}

/**
 * Escapes text for a Discord message or embed. `atLineStart` says whether the
 * text begins a line (then `>`, `#`, `-`, `+` and `1.` there are escaped too;
 * they always are after a line break inside the text).
 */
export function escapeMarkdown(s: string, atLineStart = true): string {
  if (!needsEscape(s)) return s;
  let out = '';
  let last = 0;
  for (const m of s.matchAll(URL_TOKEN)) {
    out += escapeInline(s.slice(last, m.index));
    out += m[0];
    last = m.index + m[0].length;
  }
  out += escapeInline(s.slice(last));
  out = out.replace(LINE_START, (whole: string, indent: string, marker: string, offset: number) => {
    if (offset === 0 && !atLineStart) return whole;
    // "12. " becomes "12\. " (the dot is escaped); other markers get a backslash before them.
    return /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`;
  });
  return neutraliseMentions(out);
}

/** Text inside a code span: markdown is not parsed there, so only mentions are broken. Undefined when it cannot be fenced. */
export function codeSpan(s: string): string | undefined {
  const text = neutraliseMentions(s);
  if (!text.includes('`')) return `\`${text}\``;
  if (!text.includes('``')) return `\`\` ${text} \`\``;
  return undefined;
}

/** A link target Discord will accept inside `(…)`: http(s) only, parentheses and spaces percent-encoded. */
export function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/</g, '%3C').replace(/>/g, '%3E');
}
