/**
 * The demands on the site: each statement's, word for word and numbered as
 * the statement lists them, with the statement they come from.
 */
import type { Statement } from '../content/campaign.js';
import { italic, link, numbered, paragraph, text } from '../rich/build.js';
import type { SiteBlock, SitePart, SiteSection } from './model.js';
import { fullName, original, statementHref, type SiteContext } from './context.js';
import { demandsAnchor } from '../present/site-urls.js';

/** Statements with demands, the campaign's featured one (`demandsFirst`) first, the others in the campaign's order. */
export function statementsWithDemands(ctx: SiteContext): Statement[] {
  const all = ctx.campaign.statements.filter((s) => s.demands.length > 0);
  const first = ctx.campaign.meta.demandsFirst;
  return [...all.filter((s) => s.id === first), ...all.filter((s) => s.id !== first)];
}

/** A statement's demands: whose they are when quoted from another organisation, the list verbatim, and the editors' note. */
export function demandBlocks(ctx: SiteContext, s: Statement): SiteBlock[] {
  return [
    ...(s.demandsBy ? [paragraph(ctx.voice.t('web-demands-by', { organisation: fullName(s.demandsBy) }))] : []),
    original(ctx, [numbered(s.demands.map((d) => d.text))]),
    ...(s.demandsNote ? [paragraph(italic(s.demandsNote))] : []),
  ];
}

/** The demands section of the campaign's page: one part per statement, with a link to it. */
export function demandsSection(ctx: SiteContext): SiteSection {
  const parts = statementsWithDemands(ctx).map((s): SitePart => ({
    id: demandsAnchor(s.id),
    title: s.label,
    blocks: [
      ...demandBlocks(ctx, s),
      paragraph(...ctx.voice.rich('web-demands-source', { statement: link(s.title, statementHref(ctx, s.id)) })),
    ],
  }));
  return {
    id: 'demands',
    title: ctx.voice.t('web-section-demands'),
    blocks: [paragraph(text(ctx.voice.t('web-demands-intro')))],
    parts,
  };
}
