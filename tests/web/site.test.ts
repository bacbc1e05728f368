/**
 * The static site (`placard site`): the same content gives the same bytes,
 * every page carries what the campaign says (demands verbatim with their
 * sources, signatories by country, the timeline with figures and notes, the
 * sources), every link inside the site leads to a file and an anchor that
 * exist, each language has a not-found page that works at any address, and
 * content is escaped wherever it lands.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, messageHtml, renderSite } from '../../adapters/web/index.js';
import { loadCampaign } from '../../src/content/load.js';
import { campaignIn } from '../../src/content/editions.js';
import { LANGUAGES } from '../../src/i18n/languages.js';
import { sharedTranslator } from '../../src/i18n/translator.js';
import { bold, link, message, paragraph } from '../../src/rich/build.js';
import { buildSiteModel } from '../../src/site/build.js';
import { eventAnchor, indexPath, languageDir, notFoundPath, statementPath } from '../../src/present/site-urls.js';
import { voiceOf } from '../../src/i18n/voice.js';
import { runNpm } from '../helpers/cli.js';
import { CONTENT_DIR, shippedCampaign } from '../helpers/core.js';
import { notFoundPaths, pagePaths, shippedSite, textOf } from './site-helpers.js';

/** Text of an HTML fragment as a reader sees it: tags dropped, entities decoded, spaces collapsed. */
const visible = (html: string): string => html.replace(/<br>/g, '\n').replace(/<[^>]+>/g, ' ')
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
  .replace(/\s+/g, ' ');
const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('the static site', () => {
  it('is deterministic: two builds from two loads of the content give the same bytes, file for file', async () => {
    const a = buildSite(await loadCampaign(CONTENT_DIR), sharedTranslator());
    const b = buildSite(await loadCampaign(CONTENT_DIR), sharedTranslator());
    expect(b.map((f) => f.path)).toEqual(a.map((f) => f.path));
    for (const [i, f] of a.entries()) expect(b[i]!.body.equals(f.body), f.path).toBe(true);
    const withUrl = buildSite(await loadCampaign(CONTENT_DIR), sharedTranslator(), { publicUrl: 'https://example.org/kz' });
    expect(withUrl.find((f) => f.path === 'index.html')!.etag).not.toBe(a.find((f) => f.path === 'index.html')!.etag);
  });

  it('`placard site OUT_DIR` writes the same files as the builder', async () => {
    const out = await mkdtemp(join(tmpdir(), 'placard-site-'));
    try {
      const r = await runNpm(['start', '--', 'site', out], '', { CONTENT_DIR, PUBLIC_URL: '' });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('21 pages');
      const site = await shippedSite();
      const written = (await readdir(out, { recursive: true, withFileTypes: true })).filter((d) => d.isFile())
        .map((d) => posix.join(...join(d.parentPath, d.name).slice(out.length + 1).split(/[\\/]/))).sort();
      expect(written).toEqual([...site.keys()].sort());
      for (const path of written) expect((await readFile(join(out, path))).equals(site.get(path)!.body), path).toBe(true);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('has index.html, ru/ and kk/, a page per statement in each, a calendar and a feed per language', async () => {
    const campaign = await shippedCampaign();
    const site = await shippedSite();
    for (const { path } of pagePaths(campaign)) expect(site.has(path), path).toBe(true);
    for (const dir of ['', 'ru/', 'kk/']) for (const f of ['calendar.ics', 'feed.atom']) expect(site.has(`${dir}${f}`)).toBe(true);
    expect(pagePaths(campaign)).toHaveLength(18);
  });

  it('shows every demand verbatim on the campaign page and on its statement page, in every language, with its source', async () => {
    const campaign = await shippedCampaign();
    const site = await shippedSite();
    for (const language of LANGUAGES) {
      const edition = campaignIn(campaign, language);
      const index = visible(textOf(site, indexPath(language)));
      for (const s of edition.statements) {
        const page = visible(textOf(site, statementPath(language, s.id)));
        for (const d of s.demands) {
          expect(index, `${language} ${s.id}`).toContain(flat(d.text));
          expect(page, `${language} ${s.id}`).toContain(flat(d.text));
        }
        // The full text as published, paragraph by paragraph.
        for (const p of s.paragraphs) expect(page, `${language} ${s.id}`).toContain(flat(p));
        expect(textOf(site, indexPath(language))).toContain(`href="statements/${s.id}.html"`);
      }
    }
    const html = textOf(site, 'index.html');
    expect(html).toContain('<li>Release of all political prisoners and detainees!</li>');
    expect(visible(html)).toContain('Source: Statement by the Socialist Movement of Kazakhstan on the situation in the country');
  });

  it('lists the signatories by country, the timeline with each figure and its source, and where the sources disagree', async () => {
    const site = await shippedSite();
    const en = visible(textOf(site, 'index.html'));
    expect(en).toMatch(/Luxemburg .*KSRD/);
    expect(en).toContain('country read from its name');
    expect(en).toContain('17 killed — Unnamed party’s statement');
    expect(en).toContain('16 killed — ICOR resolution');
    expect(en).toContain('Back in 2011, security forces in Zhanaozen fired on striking oil workers, killing 16 of them.');
    expect(en).toContain('16 December 2011 (the day is not in the statements) — Striking oil workers killed in Zhanaozen');
    expect(en).toContain('Where the sources disagree');
    const ru = visible(textOf(site, 'ru/index.html'));
    expect(ru).toContain('Люксембург');
    expect(ru).toContain('16 декабря 2011 г.');
    expect(textOf(site, 'kk/index.html')).toContain('<html lang="kk"');
  });

  it('needs no JavaScript: no page carries a script or an inline handler, or loads anything from elsewhere', async () => {
    const site = await shippedSite('https://example.org');
    for (const [path, file] of site) {
      if (!path.endsWith('.html')) continue;
      const html = file.body.toString('utf8');
      expect(html, path).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
      expect([...html.matchAll(/<(?:link|img)[^>]+(?:href|src)="(https?:[^"]+)"/g)].map((m) => m[1]).filter((u) => !u!.startsWith('https://example.org/')), path).toEqual([]);
    }
  });

  it('links only to files and anchors that exist (relative links, so the folder works anywhere; from the root on the not-found pages)', async () => {
    const site = await shippedSite();
    const notFound = new Set(notFoundPaths().map((p) => p.path));
    const ids = new Map([...site].filter(([p]) => p.endsWith('.html'))
      .map(([p, f]) => [p, new Set([...f.body.toString('utf8').matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!))]));
    let checked = 0;
    for (const [path, anchors] of ids) {
      for (const [, href] of textOf(site, path).matchAll(/ href="([^"]+)"/g)) {
        if (/^https?:/.test(href!)) continue;
        const [file, hash] = href!.split('#') as [string, string | undefined];
        if (file !== '') expect(file.startsWith('/'), `${path} → ${href}`).toBe(notFound.has(path));
        const target = file === '' ? path : file.startsWith('/') ? file.slice(1) : posix.normalize(posix.join(posix.dirname(path), file));
        expect(site.has(target), `${path} → ${href}`).toBe(true);
        if (hash) expect((ids.get(target) ?? anchors).has(hash), `${path} → ${href}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
    expect([...site.values()].some((f) => f.body.includes('placard.invalid'))).toBe(false);
  });

  it('with PUBLIC_URL: canonical, og:url and hreflang alternates are absolute, page links stay relative', async () => {
    const site = await shippedSite('https://example.org/kz/');
    const ru = textOf(site, 'ru/statements/smk-statement.html');
    expect(ru).toContain('<link rel="canonical" href="https://example.org/kz/ru/statements/smk-statement.html">');
    expect(ru).toContain('<meta property="og:url" content="https://example.org/kz/ru/statements/smk-statement.html">');
    expect(ru).toContain('<link rel="alternate" hreflang="kk" href="https://example.org/kz/kk/statements/smk-statement.html">');
    expect(ru).toContain('<link rel="alternate" hreflang="x-default" href="https://example.org/kz/statements/smk-statement.html">');
    expect(ru).toContain(`<a href="../index.html">`);
    expect(textOf(site, 'index.html')).toContain('<meta property="og:url" content="https://example.org/kz/">');
    expect(textOf(site, 'ru/index.html')).toContain(`id="${eventAnchor('zhanaozen-massacre-2011')}"`);
  });

  it('escapes content wherever it lands and links only to web addresses', async () => {
    const campaign = await shippedCampaign();
    const model = buildSiteModel(campaign, sharedTranslator());
    const page = model.pages[0]!;
    const evil = '<script>alert("x")</script> & \'';
    const hostile = { ...model, pages: [{ ...page, title: evil, description: evil, lead: [paragraph(bold(evil), link(evil, 'javascript:alert(1)'))] }] };
    const html = renderSite(hostile).find((f) => f.path === page.path)!.body.toString('utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;</h1>');
    expect(html).not.toContain('javascript:');
    const fragment = messageHtml(message(evil, [paragraph(link('a', 'https://example.org/?a=1&b="2"'))]), { links: { base: model.base, page: 'index.html' }, lang: 'en', level: 2 });
    expect(fragment).toBe('<h2>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;</h2>\n<p><a href="https://example.org/?a=1&amp;b=&quot;2&quot;">a</a></p>');
  });
});

describe('the not-found pages', () => {
  const titles = LANGUAGES.map((l) => voiceOf(sharedTranslator(), l).t('web-not-found-title'));

  it('are 404.html, ru/404.html and kk/404.html, in the frame, with one h1, a line and a link to their campaign page', async () => {
    const campaign = await shippedCampaign();
    const site = await shippedSite();
    for (const [i, { language, path }] of notFoundPaths().entries()) {
      expect(path).toBe(`${languageDir(language)}404.html`);
      const html = textOf(site, path);
      const t = voiceOf(sharedTranslator(), language).t;
      expect(html, path).toContain(`<html lang="${language}" dir="ltr">`);
      expect(html.match(/<h1[ >]/g), path).toHaveLength(1);
      expect(html, path).toContain(`<h1>${titles[i]}</h1>`);
      expect(html, path).toContain(`<p>${t('web-not-found-body')}</p>`);
      expect(html, path).toContain(`<p><a href="/${indexPath(language)}">${t('web-not-found-home')}</a></p>`);
      // The frame: the site's name, the language switcher to the other not-found pages, the footer.
      expect(html, path).toContain(`<p class="site"><a href="/${indexPath(language)}">${campaignIn(campaign, language).meta.title}</a></p>`);
      for (const other of LANGUAGES) expect(html, path).toContain(`<a href="/${notFoundPath(other)}" hreflang="${other}" lang="${other}"${other === language ? ' aria-current="page"' : ''}>`);
      expect(html, path).toContain(`<a href="/${languageDir(language)}calendar.ics">`);
      expect(visible(html), path).toContain(t('web-footer-made'));
      expect(html, path).toContain('<link rel="stylesheet" href="/style.css">');
    }
  });

  it('the root’s speaks every language (a static host shows it in every folder), each line marked with its language', async () => {
    const html = textOf(await shippedSite(), '404.html');
    expect(html).toContain('<html lang="en"');
    for (const l of ['ru', 'kk'] as const) {
      const t = voiceOf(sharedTranslator(), l).t;
      expect(html).toContain(`<div lang="${l}">\n<p>${t('web-not-found-title')}. <a href="/${indexPath(l)}">${t('web-not-found-home')}</a></p>\n</div>`);
    }
    const site = await shippedSite();
    for (const path of ['ru/404.html', 'kk/404.html']) expect(textOf(site, path), path).not.toContain('<div lang=');
  });

  it('are kept out of search engines: noindex, no canonical, og:url or hreflang alternates, even with PUBLIC_URL', async () => {
    for (const site of [await shippedSite(), await shippedSite('https://example.org/kz/')]) {
      for (const { path } of notFoundPaths()) {
        const html = textOf(site, path);
        expect(html, path).toContain('<meta name="robots" content="noindex">');
        expect(html, path).not.toMatch(/rel="canonical"|og:url|hreflang="[a-z-]+" href=/);
      }
    }
    const site = await shippedSite();
    for (const { path } of pagePaths(await shippedCampaign())) expect(textOf(site, path), path).not.toContain('noindex');
  });

  it('with PUBLIC_URL: every link is absolute under it (right under any prefix a proxy strips)', async () => {
    const html = textOf(await shippedSite('https://example.org/kz/'), 'ru/404.html');
    expect(html).toContain('<link rel="stylesheet" href="https://example.org/kz/style.css">');
    expect(html).toContain('<a href="https://example.org/kz/ru/index.html">');
    expect(html).toContain('<a href="https://example.org/kz/kk/404.html" hreflang="kk" lang="kk">');
    expect([...html.matchAll(/ href="([^"]+)"/g)].map((m) => m[1]!).filter((h) => !h.startsWith('https://example.org/kz/') && !h.startsWith('#'))).toEqual([]);
  });

  it('are in no feed or calendar, and the same bytes from every build', async () => {
    const site = await shippedSite('https://example.org');
    for (const [path, file] of site) if (/\.(atom|ics)$/.test(path)) expect(file.body.toString('utf8'), path).not.toMatch(/404|not-found/);
    const again = await shippedSite('https://example.org');
    for (const { path } of notFoundPaths()) expect(again.get(path)!.body.equals(site.get(path)!.body), path).toBe(true);
  });
});
