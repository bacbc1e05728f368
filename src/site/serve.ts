/**
 * Answers GET and HEAD for the site's files from memory (`serve`): `/` and
 * `/ru/` are their folders' `index.html`, a folder without its slash is
 * redirected to it. Every answer carries an entity tag and `Cache-Control`;
 * a request whose `If-None-Match` names the current tag gets `304` without
 * a body. Pages may load nothing but the site's own stylesheet and icon
 * (Content-Security-Policy), and tell nobody where a reader came from.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SiteFile } from './files.js';

/** How long a client may reuse a file before asking again (with its tag). */
export const SITE_MAX_AGE_SECONDS = 300;

/** What a page may load: its own stylesheet and icon, nothing else, no script. */
export const SITE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Answers a request for `path` when it is the site's; false leaves it to the caller. */
export type SiteHandler = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

/** True when `header` (an `If-None-Match` value) names `etag` or is `*` (weak comparison, RFC 9110 §13.1.2). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** The handler over `files`. */
export function siteHandler(files: readonly SiteFile[]): SiteHandler {
  const byPath = new Map(files.map((f) => [f.path, f]));
  return (req, res, path) => {
    let name: string;
    try { name = decodeURIComponent(path).replace(/^\/+/, ''); } catch { return false; }
    if (name === '' || name.endsWith('/')) name += 'index.html';
    const file = byPath.get(name);
    if (file === undefined) {
      if (!byPath.has(`${name}/index.html`)) return false;
      // `/ru` → `ru/`: relative, so that a prefix a proxy strips stays in the address.
      res.writeHead(301, { location: `${name.split('/').at(-1)}/`, 'cache-control': `public, max-age=${SITE_MAX_AGE_SECONDS}` });
      res.end();
      return true;
    }
    const headers: Record<string, string> = {
      etag: file.etag,
      'cache-control': `public, max-age=${SITE_MAX_AGE_SECONDS}`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...(file.contentType.startsWith('text/html') ? { 'content-security-policy': SITE_CSP } : {}),
    };
    if (matchesEtag(req.headers['if-none-match'], file.etag)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(200, { ...headers, 'content-type': file.contentType, 'content-length': String(file.body.length) });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    return true;
  };
}
