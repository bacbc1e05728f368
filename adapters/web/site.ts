/**
 * The whole site rendered: every page as HTML, every language's calendar
 * and feed, the stylesheet and the icon, as files (`src/site/files.ts`) in
 * a fixed order.
 */
import type { Campaign } from '../../src/content/campaign.js';
import type { Translator } from '../../src/i18n/translator.js';
import { buildSiteModel, type SiteOptions } from '../../src/site/build.js';
import { siteFile, type SiteFile } from '../../src/site/files.js';
import type { Site } from '../../src/site/model.js';
import { feedAtom } from './atom.js';
import { calendarIcs } from './ics.js';
import { ICON_PATH, pageHtml, STYLE_PATH } from './page.js';
import { ICON_SVG, STYLESHEET } from './style.js';

/** Content types of the site's files. */
export const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
} as const;

/** A site model as files. */
export function renderSite(site: Site): SiteFile[] {
  return [
    ...site.pages.map((p) => siteFile(p.path, CONTENT_TYPES.html, pageHtml(site, p))),
    ...site.calendars.map((c) => siteFile(c.path, CONTENT_TYPES.ics, calendarIcs(c))),
    ...site.feeds.map((f) => siteFile(f.path, CONTENT_TYPES.atom, feedAtom(site, f))),
    siteFile(STYLE_PATH, CONTENT_TYPES.css, STYLESHEET),
    siteFile(ICON_PATH, CONTENT_TYPES.svg, ICON_SVG),
  ];
}

/** The campaign's site in every language, as files (`placard site`, `serve`). */
export function buildSite(campaign: Campaign, translator: Translator, options: SiteOptions = {}): SiteFile[] {
  return renderSite(buildSiteModel(campaign, translator, options));
}
