/**
 * What a Matrix client shows of an `org.matrix.custom.html` body, for
 * tests: the visible text (tags removed, entities decoded, blocks on lines of
 * their own), and a check that the HTML uses only the spec's suggested tags
 * and attributes, properly nested.
 */

/** Tags the spec suggests clients permit (client-server API, "m.room.message msgtypes"). */
const PERMITTED = new Set(['del', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'p', 'a', 'ul', 'ol', 'sup', 'sub', 'li', 'b', 'i', 'u',
  'strong', 'em', 's', 'code', 'hr', 'br', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'pre', 'span', 'img', 'details', 'summary']);
const ATTRIBUTES: Record<string, readonly string[]> = { a: ['href', 'target'], ol: ['start'], code: ['class'], span: ['data-mx-bg-color', 'data-mx-color', 'data-mx-spoiler'] };
const VOID = new Set(['br', 'hr', 'img']);

const decode = (s: string): string => s.replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

/** The text a reader sees. */
export function visibleText(html: string): string {
  let ordinal: number[] = [];
  const out = html.replace(/<(\/?)([a-z0-9]+)([^>]*)>/gi, (_m, close: string, tag: string, attrs: string) => {
    const t = tag.toLowerCase();
    if (t === 'br') return '\n';
    if (!close && t === 'ol') { ordinal.push(Number(/start="(\d+)"/.exec(attrs)?.[1] ?? 1)); return '\n'; }
    if (!close && t === 'ul') { ordinal.push(0); return '\n'; }
    if (close && (t === 'ol' || t === 'ul')) { ordinal = ordinal.slice(0, -1); return '\n'; }
    if (!close && t === 'li') {
      const n = ordinal.at(-1) ?? 0;
      if (n > 0) { ordinal[ordinal.length - 1] = n + 1; return `\n${n}. `; }
      return '\n• ';
    }
    if (['p', 'blockquote', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre'].includes(t)) return '\n';
    return '';
  });
  return decode(out).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Problems of the HTML (unknown tags or attributes, unsafe links, bad nesting); empty when fine. */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)((?:\s+[a-z-]+="[^"]*")*)\s*(\/?)>|<|>/g)) {
    if (m[0] === '<' || m[0] === '>') { problems.push(`a bare ${m[0]} in the HTML`); continue; }
    const [, close, rawTag, attrs] = m;
    const tag = rawTag!.toLowerCase();
    if (!close && !PERMITTED.has(tag)) problems.push(`tag <${tag}> is not in the spec's permitted set`);
    for (const a of (attrs ?? '').matchAll(/([a-z-]+)="([^"]*)"/g)) {
      if (!(ATTRIBUTES[tag] ?? []).includes(a[1]!)) problems.push(`attribute ${a[1]} on <${tag}>`);
      if (a[1] === 'href' && !/^(https?|ftp|mailto|magnet):/i.test(decode(a[2]!))) problems.push(`unsafe link ${a[2]}`);
    }
    if (VOID.has(tag)) continue;
    if (close) {
      if (open.pop() !== tag) problems.push(`</${tag}> closes nothing open`);
    } else open.push(tag);
  }
  if (open.length > 0) problems.push(`unclosed: ${open.join(', ')}`);
  return problems;
}
