/**
 * Builds the campaign's whole site as data, in every language: the
 * campaign's page, a page per statement, a not-found page, a calendar and
 * a feed each (DESIGN.md, "Web and calendars"). Pure over the content and
 * the catalogs: the same content gives the same site, so the same bytes
 * once `adapters/web` has rendered it.
 */
import type { Campaign } from '../content/campaign.js';
import { campaignIn } from '../content/editions.js';
import { LANGUAGES } from '../i18n/languages.js';
import type { Translator } from '../i18n/translator.js';
import { voiceOf } from '../i18n/voice.js';
import { calendarOf } from './calendar.js';
import type { SiteContext } from './context.js';
import { feedOf } from './feed.js';
import type { Site } from './model.js';
import { indexPage, notFoundPage, statementPage } from './pages.js';
import { calendarPath, feedPath, languageDir, siteBase } from '../present/site-urls.js';

/** Options of the site. */
export interface SiteOptions {
  /** Where the site is served (`PUBLIC_URL`): absolute links in heads, calendars and feeds. */
  readonly publicUrl?: string | undefined;
}

/** The site of `campaign` (any of its editions) in every language. */
export function buildSiteModel(campaign: Campaign, translator: Translator, options: SiteOptions = {}): Site {
  const base = siteBase(options.publicUrl);
  const contexts = LANGUAGES.map((language): SiteContext => {
    const edition = campaignIn(campaign, language);
    return { campaign: edition, voice: voiceOf(translator, language), base, quotesLang: edition.meta.language ?? 'en' };
  });
  return {
    base,
    public: options.publicUrl !== undefined,
    pages: [
      ...contexts.flatMap((ctx) => [indexPage(ctx), ...ctx.campaign.statements.map((s) => statementPage(ctx, s))]),
      // The root's not-found page is the one a static host shows for every folder: it speaks every language.
      ...contexts.map((ctx) => notFoundPage(ctx, languageDir(ctx.voice.language) === '' ? contexts.filter((o) => o !== ctx) : [])),
    ],
    calendars: contexts.map((ctx) => calendarOf(ctx, calendarPath(ctx.voice.language), options.publicUrl)),
    feeds: contexts.map((ctx) => feedOf(ctx, feedPath(ctx.voice.language))),
  };
}
