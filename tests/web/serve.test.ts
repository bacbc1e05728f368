/**
 * The site through the real HTTP server: `/`, `/ru/`, `/kk/`, the statement
 * pages, the calendars and the feeds with their content types, entity tags,
 * `Cache-Control` and `304` on `If-None-Match`; a browser's missing path
 * answered with its language's not-found page, any other client's with the
 * server's JSON; and `placard serve` wiring it, built once from the loaded
 * campaign.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { serve, type Served } from '../../src/main.js';
import { acceptsHtml, matchesEtag, siteHandler, SITE_CSP } from '../../src/site/serve.js';
import { CONTENT_DIR, shippedCampaign } from '../helpers/core.js';
import { notFoundPaths, pagePaths, shippedSite } from './site-helpers.js';

let server: HttpServer | undefined;
let served: Served | undefined;
afterEach(async () => {
  await server?.close();
  await served?.stop();
  server = undefined;
  served = undefined;
});

const at = (port: number, path: string, init?: RequestInit): Promise<Response> => fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual', ...init });

describe('the site over HTTP', () => {
  it('answers every page, calendar and feed with its type, an ETag and Cache-Control, and 304 for the same tag', async () => {
    const site = await shippedSite();
    server = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: {}, site: siteHandler([...site.values()]) });
    const { port } = server;
    const urls: [string, string, string][] = [
      ['/', 'index.html', 'text/html; charset=utf-8'],
      ['/ru/', 'ru/index.html', 'text/html; charset=utf-8'],
      ['/kk/', 'kk/index.html', 'text/html; charset=utf-8'],
      ['/index.html', 'index.html', 'text/html; charset=utf-8'],
      ...pagePaths(await shippedCampaign()).filter((p) => p.statement).map((p): [string, string, string] => [`/${p.path}`, p.path, 'text/html; charset=utf-8']),
      ['/calendar.ics', 'calendar.ics', 'text/calendar; charset=utf-8'],
      ['/ru/calendar.ics', 'ru/calendar.ics', 'text/calendar; charset=utf-8'],
      ['/kk/calendar.ics', 'kk/calendar.ics', 'text/calendar; charset=utf-8'],
      ['/feed.atom', 'feed.atom', 'application/atom+xml; charset=utf-8'],
      ['/ru/feed.atom', 'ru/feed.atom', 'application/atom+xml; charset=utf-8'],
      ['/style.css', 'style.css', 'text/css; charset=utf-8'],
      // Asked for by name (a static host's `404.html` too), a not-found page is a file like the others.
      ...notFoundPaths().map((p): [string, string, string] => [`/${p.path}`, p.path, 'text/html; charset=utf-8']),
    ];
    for (const [url, path, type] of urls) {
      const r = await at(port, url);
      expect(r.status, url).toBe(200);
      expect(r.headers.get('content-type'), url).toBe(type);
      const body = Buffer.from(await r.arrayBuffer());
      expect(body.equals(site.get(path)!.body), url).toBe(true);
      const etag = r.headers.get('etag');
      expect(etag, url).toBe(site.get(path)!.etag);
      expect(r.headers.get('cache-control'), url).toBe('public, max-age=300');
      expect(r.headers.get('content-length'), url).toBe(String(body.length));
      const again = await at(port, url, { headers: { 'if-none-match': `"other", W/${etag!}` } });
      expect(again.status, url).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
      expect((await at(port, url, { headers: { 'if-none-match': '"stale"' } })).status, url).toBe(200);
    }
    const page = await at(port, '/ru/');
    expect(page.headers.get('content-security-policy')).toBe(SITE_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('redirects a language folder without its slash, answers HEAD without a body, and leaves other paths to the server', async () => {
    server = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: {}, site: siteHandler([...(await shippedSite()).values()]) });
    const redirect = await at(server.port, '/ru');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('ru/');
    expect(new URL(redirect.headers.get('location')!, `http://127.0.0.1:${server.port}/ru`).pathname).toBe('/ru/');
    const head = await at(server.port, '/kk/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(10_000);
    expect(await head.text()).toBe('');
    for (const path of ['/nope', '/ru/statements/nope.html', '/../package.json', '/%2e%2e/package.json', '/%zz']) expect((await at(server.port, path)).status, path).toBe(404);
    expect((await at(server.port, '/healthz')).status).toBe(200);
    expect((await at(server.port, '/', { method: 'POST' })).status).toBe(405);
  });

  it('answers a browser’s missing path with 404 and the not-found page of the path’s language folder, uncached', async () => {
    const site = await shippedSite();
    server = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: {}, site: siteHandler([...site.values()]) });
    const accept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const cases: [string, string][] = [
      ['/nope', '404.html'], ['/statements/nope.html', '404.html'], ['/a/b/c/', '404.html'], ['/%zz', '404.html'], ['/russia', '404.html'],
      ['/ru/nope', 'ru/404.html'], ['/ru/statements/nope.html', 'ru/404.html'], ['/ru/%zz', 'ru/404.html'], ['/kk/a/b/', 'kk/404.html'],
    ];
    for (const [url, path] of cases) {
      const r = await at(server.port, url, { headers: { accept, 'if-none-match': site.get(path)!.etag } });
      expect(r.status, url).toBe(404);
      expect(r.headers.get('content-type'), url).toBe('text/html; charset=utf-8');
      expect(Buffer.from(await r.arrayBuffer()).equals(site.get(path)!.body), url).toBe(true);
      expect(r.headers.get('content-security-policy'), url).toBe(SITE_CSP);
      expect(r.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(r.headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(r.headers.get('cache-control'), url).toBe('no-store');
      expect(r.headers.get('vary'), url).toBe('accept');
      expect(r.headers.get('etag'), url).toBeNull();
    }
    const head = await at(server.port, '/kk/nope', { method: 'HEAD', headers: { accept: 'text/html' } });
    expect(head.status).toBe(404);
    expect(head.headers.get('content-length')).toBe(String(site.get('kk/404.html')!.body.length));
    expect(await head.text()).toBe('');
    // Redirects and pages are as they were for a browser.
    expect((await at(server.port, '/ru', { headers: { accept } })).status).toBe(301);
    expect((await at(server.port, '/ru/', { headers: { accept } })).status).toBe(200);
  });

  it('answers any other client’s missing path with the server’s JSON 404, as before', async () => {
    server = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: {}, site: siteHandler([...(await shippedSite()).values()]) });
    for (const accept of [undefined, '*/*', 'application/json', 'text/css,*/*;q=0.1', 'text/html;q=0', 'text/htmlx']) {
      const r = await at(server.port, '/ru/nope', accept === undefined ? {} : { headers: { accept } });
      expect(r.status, accept).toBe(404);
      expect(r.headers.get('content-type'), accept).toBe('application/json; charset=utf-8');
      expect(await r.json(), accept).toEqual({ error: 'not found' });
    }
  });

  it('knows a browser by its Accept header (text/html, not refused with q=0)', () => {
    expect(acceptsHtml('text/html')).toBe(true);
    expect(acceptsHtml('application/xhtml+xml, TEXT/HTML ; q=0.9')).toBe(true);
    expect(acceptsHtml('text/html;q=0.001')).toBe(true);
    expect(acceptsHtml('text/html;q=0')).toBe(false);
    expect(acceptsHtml('text/html; q=0.000')).toBe(false);
    expect(acceptsHtml('*/*')).toBe(false);
    expect(acceptsHtml(undefined)).toBe(false);
  });

  it('compares entity tags as RFC 9110 says (weakly, in lists, or *)', () => {
    expect(matchesEtag('"a"', '"a"')).toBe(true);
    expect(matchesEtag('W/"a"', '"a"')).toBe(true);
    expect(matchesEtag('"b", "a"', '"a"')).toBe(true);
    expect(matchesEtag('*', '"a"')).toBe(true);
    expect(matchesEtag('"b"', '"a"')).toBe(false);
    expect(matchesEtag(undefined, '"a"')).toBe(false);
  });

  it('`placard serve` builds the site once at start and serves it with PUBLIC_URL in its links', async () => {
    const config = loadConfig({ CONTENT_DIR, STORE_URL: 'memory://', HTTP_PORT: '0', PUBLIC_URL: 'https://example.org/kz/' });
    expect(config.publicUrl).toBe('https://example.org/kz');
    served = await serve(config, createLogger({ level: 'silent' }));
    const r = await at(served.httpPort, '/ru/statements/smk-statement.html');
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('<link rel="canonical" href="https://example.org/kz/ru/statements/smk-statement.html">');
    const missing = await at(served.httpPort, '/kk/nope/deeper', { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<a href="https://example.org/kz/kk/index.html">');
    const ics = await (await at(served.httpPort, '/calendar.ics')).text();
    expect(ics).toContain('URL:https://example.org/kz/#event-zhanaozen-massacre-2011');
  });

  it('PUBLIC_URL must be an http(s) address', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'example.org' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://example.org/?a=1' })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ PUBLIC_URL: '' }).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:8080' }).publicUrl).toBe('http://localhost:8080');
  });
});
