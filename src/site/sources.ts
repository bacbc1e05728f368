/**
 * The sources on the site: each statement's provenance (author, date, where
 * the text comes from, who published it, as the text itself says) with a
 * link to its full text, and where the sources disagree.
 */
import type { Statement } from '../content/campaign.js';
import { bold, italic, link, paragraph, text } from '../rich/build.js';
import type { Span } from '../rich/model.js';
import type { SiteBlock, SitePart, SiteSection } from './model.js';
import { authorSpans, dateSpans, fullName, indexHref, original, statementHref, type SiteContext } from './context.js';
import { signedLine } from './signatories.js';
import { eventHeading } from './timeline.js';
import { eventAnchor, sourceAnchor } from '../present/site-urls.js';

const line = (label: string, ...spans: Span[]): SiteBlock => paragraph(bold(label), text(' '), ...spans);

/** Who wrote or co-ordinated a statement, when, where its text comes from and who published it. */
export function provenanceBlocks(ctx: SiteContext, s: Statement): SiteBlock[] {
  const t = ctx.voice.t;
  return [
    line(t('web-cited-as'), text(s.label)),
    line(t('web-author'), ...authorSpans(ctx, s)),
    ...(s.coordinatedBy ? [line(t('web-coordinated-by'), text(fullName(s.coordinatedBy)))] : []),
    line(t('web-date'), ...dateSpans(ctx, s)),
    // The content writes where a text comes from once, in the campaign's language.
    paragraph(bold(t('web-text-source'))),
    original(ctx, [paragraph(s.source)]),
    ...(s.publisher ? [line(t('web-publisher'), text(s.publisher))] : []),
    ...(s.url ? [line(t('web-address'), text(s.url))] : []),
    ...(s.published ? [line(t('web-published'), text(ctx.voice.contentDate(s.published)))] : []),
    ...(s.publishedNote ? [paragraph(italic(s.publishedNote))] : []),
    ...(s.signatories ? [paragraph(signedLine(ctx, s))] : []),
  ];
}

/** The sources section of the campaign's page: one part per statement, then where the sources disagree. */
export function sourcesSection(ctx: SiteContext): SiteSection {
  const parts: SitePart[] = ctx.campaign.statements.map((s) => ({
    id: sourceAnchor(s.id),
    title: s.label,
    blocks: [
      original(ctx, [paragraph(bold(s.title))]),
      paragraph(s.summary),
      ...provenanceBlocks(ctx, s),
      paragraph(link(ctx.voice.t('web-read-statement'), statementHref(ctx, s.id))),
    ],
  }));
  const noted = ctx.campaign.events.filter((e) => e.note);
  if (noted.length > 0) {
    parts.push({
      id: 'disagreements',
      title: ctx.voice.t('web-disagreements'),
      blocks: [
        paragraph(ctx.voice.t('web-disagreements-intro')),
        ...noted.flatMap((e) => [paragraph(link(eventHeading(ctx, e), indexHref(ctx, eventAnchor(e.id)))), paragraph(e.note!)]),
      ],
    });
  }
  return {
    id: 'sources',
    title: ctx.voice.t('web-section-sources'),
    blocks: [paragraph(ctx.voice.t('web-sources-intro'))],
    parts,
  };
}
