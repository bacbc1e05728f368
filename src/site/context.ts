/**
 * What every builder of the site needs for one language: the campaign's
 * edition in it, the bot's voice in it, and where pages are. Plus the small
 * pieces several pages share (who wrote a statement, a country's name).
 */
import type { Campaign, Organization, Statement } from '../content/campaign.js';
import { UNDATED } from '../content/schema.js';
import { INTL_LOCALES, type Language } from '../i18n/languages.js';
import type { Voice } from '../i18n/voice.js';
import { bold, italic, link, text } from '../rich/build.js';
import type { Block, Span } from '../rich/model.js';
import { countryCodesOfName } from '../text/countries.js';
import type { OriginalBlocks } from './model.js';
import { fileUrl, indexPath, statementPath } from '../present/site-urls.js';

/** One language's view of the site. */
export interface SiteContext {
  /** The campaign's edition in `voice.language`. */
  readonly campaign: Campaign;
  readonly voice: Voice;
  /** Absolute base of the model's links (`urls.ts`). */
  readonly base: string;
  /** The language the quotes (demands, statement texts) and the untranslated notes are written in. */
  readonly quotesLang: string;
}

/** The language of the context. */
export const languageOf = (ctx: SiteContext): Language => ctx.voice.language;

/** Link to a page of this language, `#anchor` optional. */
export function pageHref(ctx: SiteContext, path: string, anchor?: string): string {
  return `${fileUrl(ctx.base, path)}${anchor ? `#${anchor}` : ''}`;
}

/** Link to the campaign's page of this language, at `anchor`. */
export const indexHref = (ctx: SiteContext, anchor?: string): string => pageHref(ctx, indexPath(languageOf(ctx)), anchor);

/** Link to a statement's page of this language. */
export const statementHref = (ctx: SiteContext, id: string): string => pageHref(ctx, statementPath(languageOf(ctx), id));

/** Quoted blocks, marked with their language. */
export const original = (ctx: SiteContext, blocks: readonly Block[]): OriginalBlocks => ({ type: 'original', lang: ctx.quotesLang, blocks });

/** "Name (English name)" as the source writes them. */
export const fullName = (o: Organization): string => (o.englishName && o.englishName !== o.name ? `${o.name} (${o.englishName})` : o.name);

/** Abbreviation in bold, then the full name: "**UC** — Unité Communiste (Communist United)". */
export function organizationSpans(o: Organization): Span[] {
  return o.abbreviation ? [bold(o.abbreviation), text(` — ${fullName(o)}`)] : [bold(fullName(o))];
}

/** A statement's author, honest when the source names none (with how the source speaks of its author). */
export function authorSpans(ctx: SiteContext, s: Statement): Span[] {
  if (!s.author) return [text(ctx.voice.t('web-author-not-named')), ...(s.authorNote ? [text(' — '), italic(s.authorNote)] : [])];
  return [text(fullName(s.author)), ...(s.authorNote ? [text(' — '), italic(s.authorNote)] : [])];
}

/** "undated" or the date in words, with the date note where there is one. */
export function dateSpans(ctx: SiteContext, s: Statement): Span[] {
  const date = s.date === UNDATED ? ctx.voice.t('web-undated') : ctx.voice.contentDate(s.date);
  return [text(date), ...(s.dateNote ? [text(' — '), italic(s.dateNote)] : [])];
}

/** Links to statements by their short labels, comma-separated, in the order given. */
export function statementLinks(ctx: SiteContext, ids: readonly string[]): Span[] {
  return ids.flatMap((id, i) => {
    const s = ctx.campaign.statementById.get(id);
    const label = s ? link(s.label, statementHref(ctx, id)) : text(id);
    return i === 0 ? [label] : [text(', '), label];
  });
}

const regionNames = new Map<Language, Intl.DisplayNames>();

/**
 * A country as the page's language names it: each part the source writes
 * ("North Kurdistan / Turkey") that is an ISO country by its usual name in
 * that language, the others (and everything in English) as the source
 * writes them.
 */
export function countryName(language: Language, country: string): string {
  if (language === 'en') return country;
  let names = regionNames.get(language);
  if (!names) regionNames.set(language, names = new Intl.DisplayNames([INTL_LOCALES[language]], { type: 'region' }));
  return country.split('/').map((part) => {
    const codes = countryCodesOfName(part.trim());
    return codes.length === 1 ? (names.of(codes[0]!) ?? part.trim()) : part.trim();
  }).join(' / ');
}
