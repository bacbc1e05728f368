/** Reading Discord markdown the way a person sees it, for assertions. */
import { ZWSP } from '../../adapters/discord/escape.js';

/** What Discord shows for the markdown this renderer emits (escapes undone, markers and ZWSPs dropped). */
export function visible(md: string): string {
  let out = '';
  let lineStart = true;
  for (let i = 0; i < md.length;) {
    const c = md[i]!;
    if (lineStart && md.startsWith('> ', i)) { i += 2; lineStart = false; continue; }
    lineStart = c === '\n';
    if (c === '\\' && i + 1 < md.length && /[^\p{L}\p{N}\s]/u.test(md[i + 1]!)) { out += md[i + 1]; i += 2; continue; }
    if (c === '`') {
      const fence = md.startsWith('``', i) ? '``' : '`';
      const end = md.indexOf(fence, i + fence.length);
      if (end > 0) { const inner = md.slice(i + fence.length, end); out += fence === '``' ? inner.slice(1, -1) : inner; i = end + fence.length; continue; }
    }
    if (md.startsWith('](', i)) { i = md.indexOf(')', i) + 1; continue; }
    if (c === '*' || c === '[') { i += 1; continue; }
    out += c;
    i += 1;
  }
  return out.replaceAll(ZWSP, '');
}
