/**
 * One page of the site as an HTML document: the head (title, description,
 * Open Graph and Twitter meta for link previews, `hreflang` alternates, the
 * language's calendar and feed), then a skip link, the header with the
 * language switcher and the page's contents, `main` with one `h1` and the
 * sections (`h2`) and their parts (`h3`), and the footer. No script.
 */
import type { Language } from '../../src/i18n/languages.js';
import type { Site, SiteLink, SitePage, SitePart, SiteSection } from '../../src/site/model.js';
import { fileUrl, prettyUrl } from '../../src/present/site-urls.js';
import { escapeMarkup as esc } from './escape.js';
import { blocksHtml, hrefOf, type Links } from './html.js';

/** The stylesheet's and the icon's paths in the site. */
export const STYLE_PATH = 'style.css';
export const ICON_PATH = 'favicon.svg';

const OG_LOCALES: Readonly<Record<Language, string>> = { en: 'en_GB', ru: 'ru_RU', kk: 'kk_KZ' };

/** A description for link previews: at most 200 characters, cut at a word. */
export function previewText(value: string, max = 200): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:—–-]+$/u, '')}…`;
}

/**
 * How links are written on `page`: relative to it, so that the folder works
 * anywhere (on a disk, under any prefix). Not on the not-found page: a host
 * shows it at the missing address (`/ru/a/b/c`, and a static host shows the
 * root's `404.html` in every folder), where relative links would lead
 * nowhere, and the page's Content-Security-Policy (`base-uri 'none'`) rules
 * out a `<base>`. So its links are absolute: under `PUBLIC_URL` when it is
 * set (right under any prefix a proxy strips), else from the host's root
 * (`/ru/index.html`: right wherever the site is served at a host's root, as
 * `placard serve` does; a static site under a sub-path needs `PUBLIC_URL`).
 */
function linksOf(site: Site, page: SitePage): Links {
  const links: Links = { base: site.base, page: page.path };
  return page.notFound ? { ...links, root: site.public ? site.base : '' } : links;
}

/** A link of the site (a path in it) as the head writes it: absolute when the address is public, else as the page's links are. */
function headHref(site: Site, links: Links, path: string): string {
  return site.public ? prettyUrl(site.base, path) : hrefOf(fileUrl(site.base, path), links) ?? path;
}

function head(site: Site, page: SitePage, links: Links): string {
  const meta = (attr: 'name' | 'property', key: string, value: string): string => `<meta ${attr}="${key}" content="${esc(value)}">`;
  const description = previewText(page.description);
  // The not-found page has no address of its own, and is no version of another page: no canonical, og:url or hreflang.
  const url = site.public && !page.notFound ? prettyUrl(site.base, page.path) : undefined;
  const alternates = page.notFound ? [] : page.alternates.map((a) => `<link rel="alternate" hreflang="${a.language}" href="${esc(headHref(site, links, a.path))}">`);
  const english = page.notFound ? undefined : page.alternates.find((a) => a.language === 'en');
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(page.documentTitle)}</title>`,
    meta('name', 'description', description),
    ...(page.notFound ? [meta('name', 'robots', 'noindex')] : []),
    ...(url ? [`<link rel="canonical" href="${esc(url)}">`] : []),
    ...alternates,
    ...(english ? [`<link rel="alternate" hreflang="x-default" href="${esc(headHref(site, links, english.path))}">`] : []),
    `<link rel="alternate" type="application/atom+xml" href="${esc(headHref(site, links, page.feedPath))}">`,
    `<link rel="alternate" type="text/calendar" href="${esc(headHref(site, links, page.calendarPath))}">`,
    `<link rel="stylesheet" href="${esc(hrefOf(fileUrl(site.base, STYLE_PATH), links)!)}">`,
    `<link rel="icon" type="image/svg+xml" href="${esc(hrefOf(fileUrl(site.base, ICON_PATH), links)!)}">`,
    meta('property', 'og:type', page.kind),
    meta('property', 'og:title', page.title),
    meta('property', 'og:description', description),
    meta('property', 'og:site_name', page.frame.siteName),
    meta('property', 'og:locale', OG_LOCALES[page.language]),
    ...page.alternates.filter((a) => a.language !== page.language).map((a) => meta('property', 'og:locale:alternate', OG_LOCALES[a.language])),
    ...(url ? [meta('property', 'og:url', url)] : []),
    meta('name', 'twitter:card', 'summary'),
    meta('name', 'twitter:title', page.title),
    meta('name', 'twitter:description', description),
  ].join('\n');
}

function navList(label: string, items: readonly SiteLink[], links: Links, className: string): string {
  const li = items.map((l) => {
    const attrs = [`href="${esc(hrefOf(l.href, links) ?? '#')}"`];
    if (l.hreflang) attrs.push(`hreflang="${l.hreflang}"`, `lang="${l.hreflang}"`);
    if (l.current) attrs.push('aria-current="page"');
    return `<li><a ${attrs.join(' ')}>${esc(l.label)}</a></li>`;
  });
  return `<nav class="${className}" aria-label="${esc(label)}">\n<ul>\n${li.join('\n')}\n</ul>\n</nav>`;
}

const langAttr = (lang: string | undefined, page: SitePage): string => (lang && lang !== page.language ? ` lang="${esc(lang)}"` : '');

function partHtml(part: SitePart, page: SitePage, links: Links): string {
  const body = blocksHtml(part.blocks, { links, lang: page.language, headingLevel: 4 });
  return `<section class="part" id="${esc(part.id)}">\n<h3${langAttr(part.titleLang, page)}>${esc(part.title)}</h3>\n${body}\n</section>`;
}

function sectionHtml(section: SiteSection, page: SitePage, links: Links): string {
  const body = blocksHtml(section.blocks, { links, lang: page.language, headingLevel: 3 });
  const parts = section.parts.map((p) => partHtml(p, page, links));
  return [`<section id="${esc(section.id)}">`, `<h2>${esc(section.title)}</h2>`, body, ...parts, '</section>'].filter(Boolean).join('\n');
}

/** The page as a complete HTML document. */
export function pageHtml(site: Site, page: SitePage): string {
  const links = linksOf(site, page);
  const { frame } = page;
  const blocks = (b: SitePage['lead']): string => blocksHtml(b, { links, lang: page.language, headingLevel: 2 });
  return `<!doctype html>
<html lang="${page.language}" dir="ltr">
<head>
${head(site, page, links)}
</head>
<body>
<a class="skip" href="#main">${esc(frame.skipLink)}</a>
<header>
<p class="site"><a href="${esc(hrefOf(frame.home, links) ?? '#')}">${esc(frame.siteName)}</a></p>
${navList(frame.languagesLabel, frame.languages, links, 'languages')}
${page.contents.length ? navList(frame.contentsLabel, page.contents, links, 'contents') : ''}
</header>
<main id="main" tabindex="-1">
<h1${langAttr(page.titleLang, page)}>${esc(page.title)}</h1>
${blocks(page.lead)}
${page.sections.map((s) => sectionHtml(s, page, links)).join('\n')}
</main>
<footer>
${blocks(frame.footer)}
</footer>
</body>
</html>
`;
}
