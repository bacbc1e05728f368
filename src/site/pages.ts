/**
 * The pages of one language: the campaign's page (demands, signatories,
 * timeline, sources), a page per statement with its full text as
 * published, and the not-found page, each in the frame every page shares
 * (languages, footer).
 */
import type { Statement } from '../content/campaign.js';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/languages.js';
import { link, paragraph, quote, text } from '../rich/build.js';
import type { Span } from '../rich/model.js';
import { demandBlocks } from './demands.js';
import { indexHref, languageOf, original, pageHref, type SiteContext } from './context.js';
import type { OriginalBlocks, SiteFrame, SiteLink, SitePage, SiteSection } from './model.js';
import { signatoriesSection, statementSignatoryBlocks } from './signatories.js';
import { provenanceBlocks, sourcesSection } from './sources.js';
import { demandsSection } from './demands.js';
import { timelineSection } from './timeline.js';
import { calendarPath, feedPath, indexPath, notFoundPath, statementPath } from '../present/site-urls.js';

/** The frame of a page whose versions are at `pathIn(language)`. */
function frame(ctx: SiteContext, pathIn: (l: Language) => string): SiteFrame {
  const t = ctx.voice.t;
  const here = languageOf(ctx);
  return {
    siteName: ctx.campaign.meta.title,
    home: indexHref(ctx),
    skipLink: t('web-skip'),
    languagesLabel: t('web-languages'),
    languages: LANGUAGES.map((l): SiteLink => ({ label: LANGUAGE_NAMES[l], href: pageHref(ctx, pathIn(l)), hreflang: l, current: l === here })),
    contentsLabel: t('web-contents'),
    footer: [
      paragraph(t('web-footer-quotes')),
      paragraph(...ctx.voice.rich('web-footer-follow', {
        calendar: link(t('web-calendar-link'), pageHref(ctx, calendarPath(here))),
        feed: link(t('web-feed-link'), pageHref(ctx, feedPath(here))),
      })),
      paragraph(t('web-footer-made')),
    ],
  };
}

const contentsOf = (ctx: SiteContext, path: string, sections: readonly SiteSection[]): SiteLink[] =>
  sections.map((s) => ({ label: s.title, href: pageHref(ctx, path, s.id) }));

/** What every page of the language shares. */
function common(ctx: SiteContext, pathIn: (l: Language) => string): Pick<SitePage, 'path' | 'language' | 'alternates' | 'calendarPath' | 'feedPath' | 'frame'> {
  const language = languageOf(ctx);
  return {
    path: pathIn(language),
    language,
    alternates: LANGUAGES.map((l) => ({ language: l, path: pathIn(l) })),
    calendarPath: calendarPath(language),
    feedPath: feedPath(language),
    frame: frame(ctx, pathIn),
  };
}

/** The campaign's page: title, summary, demands, signatories, timeline and sources. */
export function indexPage(ctx: SiteContext): SitePage {
  const { meta } = ctx.campaign;
  const sections = [demandsSection(ctx), signatoriesSection(ctx), timelineSection(ctx), sourcesSection(ctx)]
    .filter((s): s is SiteSection => s !== undefined);
  const base = common(ctx, indexPath);
  return {
    ...base,
    title: meta.title,
    documentTitle: meta.title,
    description: meta.summary,
    kind: 'website',
    lead: [paragraph(meta.summary)],
    sections,
    contents: contentsOf(ctx, base.path, sections),
  };
}

/** A statement's page: what it is, its demands and signatories, and its full text as published. */
export function statementPage(ctx: SiteContext, s: Statement): SitePage {
  const t = ctx.voice.t;
  const sections: SiteSection[] = [
    { id: 'about', title: t('web-statement-about'), blocks: provenanceBlocks(ctx, s), parts: [] },
    ...(s.demands.length ? [{ id: 'demands', title: t('web-section-demands'), blocks: demandBlocks(ctx, s), parts: [] }] : []),
    ...(s.signatories ? [{ id: 'signatories', title: t('web-section-signatories'), blocks: statementSignatoryBlocks(ctx, s), parts: [] }] : []),
    { id: 'text', title: t('web-statement-text'), blocks: [original(ctx, s.paragraphs.map((p) => quote(p)))], parts: [] },
  ];
  const base = common(ctx, (l) => statementPath(l, s.id));
  return {
    ...base,
    title: s.title,
    ...(ctx.quotesLang === base.language ? {} : { titleLang: ctx.quotesLang }),
    documentTitle: `${s.title} — ${ctx.campaign.meta.title}`,
    description: s.summary,
    kind: 'article',
    lead: [
      paragraph(link(t('web-back', { campaign: ctx.campaign.meta.title }), indexHref(ctx))),
      paragraph(text(s.summary)),
    ],
    sections,
    contents: contentsOf(ctx, base.path, sections),
  };
}

/** A link to the campaign's page of the context's language, in that language. */
const homeLink = (ctx: SiteContext): Span => link(ctx.voice.t('web-not-found-home'), indexHref(ctx));

/**
 * The not-found page (`404.html`, `ru/404.html`): its title, a line and a
 * link to the campaign's page. A static host serves the root's for a
 * missing address in any folder, so that one passes `others` (the other
 * languages): a line in each, marked with its language, with a link to its
 * campaign's page. No feed or calendar lists it; the renderer keeps it out
 * of search engines (`notFound`).
 */
export function notFoundPage(ctx: SiteContext, others: readonly SiteContext[] = []): SitePage {
  const t = ctx.voice.t;
  const elsewhere = others.map((o): OriginalBlocks =>
    ({ type: 'original', lang: languageOf(o), blocks: [paragraph(...o.voice.rich('web-not-found-short', { home: homeLink(o) }))] }));
  return {
    ...common(ctx, notFoundPath),
    title: t('web-not-found-title'),
    documentTitle: `${t('web-not-found-title')} — ${ctx.campaign.meta.title}`,
    description: t('web-not-found-body'),
    kind: 'website',
    notFound: true,
    lead: [paragraph(t('web-not-found-body')), paragraph(homeLink(ctx)), ...elsewhere],
    sections: [],
    contents: [],
  };
}
