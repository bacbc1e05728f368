/**
 * The signatories on the site: on the campaign's page by country (as the
 * source states it, or read from the organisation's name, and said so), on a
 * statement's page in the statement's own order.
 */
import type { Organization, Statement } from '../content/campaign.js';
import { signatories } from '../content/queries.js';
import { bullets, italic, paragraph, text } from '../rich/build.js';
import type { Block, Span } from '../rich/model.js';
import { countryName, languageOf, organizationSpans, type SiteContext } from './context.js';
import { INTL_LOCALES } from '../i18n/languages.js';
import type { SitePart, SiteSection } from './model.js';

/** "N organisations signed the ICOR resolution (list as of 21 January 2022)." for one statement. */
export function signedLine(ctx: SiteContext, s: Statement): string {
  const list = s.signatories!;
  const args = { count: list.organizations.length, statement: s.label };
  return list.asOf
    ? ctx.voice.t('web-signed-as-of', { ...args, date: ctx.voice.contentDate(list.asOf) })
    : ctx.voice.t('web-signed', args);
}

/** An organisation as a signatory: its names, where its country comes from when read from its name, and its note. */
function signatorySpans(ctx: SiteContext, o: Organization, withCountry: boolean): Span[] {
  const country = withCountry && o.country ? [text(`, ${countryName(languageOf(ctx), o.country)}`)] : [];
  const fromName = o.country && o.countryFrom === 'name' ? [text(' — '), italic(ctx.voice.t('web-country-from-name'))] : [];
  const note = o.note ? [text(' — '), italic(o.note)] : [];
  return [...organizationSpans(o), ...country, ...fromName, ...note];
}

/** A statement's signatories in its own order, each with its country. */
export function statementSignatoryBlocks(ctx: SiteContext, s: Statement): Block[] {
  if (!s.signatories) return [];
  return [
    paragraph(signedLine(ctx, s)),
    ...(s.signatories.note ? [paragraph(italic(s.signatories.note))] : []),
    bullets(s.signatories.organizations.map((o) => signatorySpans(ctx, o, true))),
  ];
}

/** The signatories section of the campaign's page: how many signed what, then one part per country. */
export function signatoriesSection(ctx: SiteContext): SiteSection | undefined {
  const all = signatories(ctx.campaign);
  if (all.length === 0) return undefined;
  const signing = ctx.campaign.statements.filter((s) => s.signatories);
  const language = languageOf(ctx);
  const collator = new Intl.Collator(INTL_LOCALES[language]);
  const byCountry = new Map<string, typeof all>();
  for (const entry of all) {
    const key = entry.organization.country ?? '';
    byCountry.set(key, [...(byCountry.get(key) ?? []), entry]);
  }
  const named = [...byCountry.keys()].filter((k) => k !== '')
    .map((k) => ({ key: k, title: countryName(language, k) }))
    .sort((a, b) => collator.compare(a.title, b.title) || (a.key < b.key ? -1 : 1));
  const groups = [...named, ...(byCountry.has('') ? [{ key: '', title: ctx.voice.t('web-country-not-stated') }] : [])];
  const parts = groups.map(({ key, title }, i): SitePart => ({
    id: `country-${i + 1}`,
    title,
    blocks: [bullets(byCountry.get(key)!.map(({ organization, statements }) => [
      ...signatorySpans(ctx, organization, false),
      ...(signing.length > 1 ? [text(` (${statements.map((s) => s.label).join(', ')})`)] : []),
    ]))],
  }));
  return {
    id: 'signatories',
    title: ctx.voice.t('web-section-signatories'),
    blocks: [
      paragraph(ctx.voice.t('web-signatories-intro', { count: all.length })),
      ...signing.map((s) => paragraph(signedLine(ctx, s))),
    ],
    parts,
  };
}
