/**
 * Answers GET and HEAD for the site's files from memory (`serve`): `/` and
 * `/ru/` are their folders' `index.html`, a folder without its slash is
 * redirected to it. Every answer carries an entity tag and `Cache-Control`;
 * a request whose `If-None-Match` names the current tag gets `304` without
 * a body. Pages may load nothing but the site's own stylesheet and icon
 * (Content-Security-Policy), and tell nobody where a reader came from. A
 * browser asking for a path that is not in the site gets `404` with the
 * not-found page of the language whose folder the path is in; any other
 * client is left to the caller (the server's JSON `404`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SiteFile } from './files.js';
import { languageOfPath, notFoundPath } from '../present/site-urls.js';

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

/** True when `header` (an `Accept` value) names `text/html` with a quality above zero: a browser navigating. */
export function acceptsHtml(header: string | undefined): boolean {
  return (header ?? '').split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    return type === 'text/html' && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

/** Headers of every page or file answer: no sniffing, no referrer, and the pages' Content-Security-Policy. */
const securityHeaders = (file: SiteFile): Record<string, string> => ({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  ...(file.contentType.startsWith('text/html') ? { 'content-security-policy': SITE_CSP } : {}),
});

/** Answers `404` with `page` (the not-found page); not kept by caches, since any address may exist tomorrow. */
function notFound(req: IncomingMessage, res: ServerResponse, page: SiteFile): true {
  res.writeHead(404, {
    ...securityHeaders(page),
    'cache-control': 'no-store',
    vary: 'accept',
    'content-type': page.contentType,
    'content-length': String(page.body.length),
  });
  res.end(req.method === 'HEAD' ? undefined : page.body);
  return true;
}

/** The handler over `files`. */
export function siteHandler(files: readonly SiteFile[]): SiteHandler {
  const byPath = new Map(files.map((f) => [f.path, f]));
  /** The not-found page for `name` (a path without its leading slash), when the client is a browser; else false. */
  const missing = (req: IncomingMessage, res: ServerResponse, name: string): boolean => {
    const page = byPath.get(notFoundPath(languageOfPath(name))) ?? byPath.get(notFoundPath('en'));
    return page !== undefined && (req.method === 'GET' || req.method === 'HEAD') && acceptsHtml(req.headers.accept) && notFound(req, res, page);
  };
  return (req, res, path) => {
    let name: string;
    try { name = decodeURIComponent(path).replace(/^\/+/, ''); } catch { return missing(req, res, path.replace(/^\/+/, '')); }
    if (name === '' || name.endsWith('/')) name += 'index.html';
    const file = byPath.get(name);
    if (file === undefined) {
      if (!byPath.has(`${name}/index.html`)) return missing(req, res, name);
      // `/ru` → `ru/`: relative, so that a prefix a proxy strips stays in the address.
      res.writeHead(301, { location: `${name.split('/').at(-1)}/`, 'cache-control': `public, max-age=${SITE_MAX_AGE_SECONDS}` });
      res.end();
      return true;
    }
    const headers: Record<string, string> = {
      etag: file.etag,
      'cache-control': `public, max-age=${SITE_MAX_AGE_SECONDS}`,
      ...securityHeaders(file),
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
