/**
 * /sources [statement] [page] — the statements by short label, where the
 * sources disagree (each figure in its source's words, with its label), and
 * one tap away per statement: its full title, provenance and dates.
 */
import type { Campaign, CampaignEvent, Statement } from '../content/campaign.js';
import { findStatement } from '../content/queries.js';
import { formatContentDate } from '../time/calendar.js';
import { action, bold, command, errorReply, paragraph, text } from '../rich/build.js';
import type { Reply } from '../rich/model.js';
import { closest } from '../text/closest.js';
import { clip, fold } from '../text/fold.js';
import { PAGE_OPTION, pageOf, pagedReply, withPage, type Piece } from '../present/pages.js';
import { authorShort, buttonLabel, dateShort, eventDate, eventLabel, figureGroupSpans, figuresByQuote, provenancePieces } from '../present/present.js';
import type { Command } from './types.js';

/** Events where statements give different values for the same thing counted: where the sources disagree. */
const disputed = (campaign: Campaign): CampaignEvent[] =>
  campaign.events.filter((e) => {
    const values = new Map<string, Set<string>>();
    for (const f of e.figures) values.set(f.what, (values.get(f.what) ?? new Set()).add(f.value.toLowerCase()));
    return [...values.values()].some((v) => v.size > 1);
  });

/** An event's heading and every figure of it, each with its source. */
function figurePieces(campaign: Campaign, e: CampaignEvent): Piece[] {
  const header = paragraph(bold(`${eventDate(campaign, e)} — ${e.title}`));
  return [
    { block: header, keepWithNext: true },
    ...figuresByQuote(campaign, e).map((g): Piece => ({ item: figureGroupSpans(campaign, g), list: e.id, ordered: false, number: 1, header })),
  ];
}

function overview(campaign: Campaign, page: number): Reply {
  const events = disputed(campaign);
  const pieces: Piece[] = [
    ...campaign.statements.map((s): Piece => ({ item: [bold(s.label), text(` — ${authorShort(s)}, ${dateShort(s)}`)], list: 'sources', ordered: false, number: 1 })),
    { block: paragraph('Every figure names the statement it comes from.') },
    ...(events.length ? [{ block: paragraph(bold('Where the sources disagree')), keepWithNext: true }] : []),
    ...events.flatMap((e) => figurePieces(campaign, e)),
  ];
  return pagedReply({
    title: 'Sources', pieces, page, command: 'sources', args: '',
    actions: campaign.statements.slice(0, 12).map((s) => action(buttonLabel(s.label), 'sources', s.id)),
  });
}

function provenance(campaign: Campaign, s: Statement, page: number): Reply {
  const events = disputed(campaign).filter((e) => e.figures.some((f) => f.source === s.id));
  const pieces: Piece[] = [
    { block: paragraph(bold('Cited as: '), s.label) },
    ...provenancePieces(s),
    ...(s.signatories ? [{ block: paragraph(bold('Signatories: '),
      `${s.signatories.organizations.length}${s.signatories.asOf ? ` as of ${formatContentDate(s.signatories.asOf)}` : ''}`) }] : []),
    ...(events.length ? [{ block: paragraph(bold('Where other sources give other figures')), keepWithNext: true }] : []),
    ...events.flatMap((e) => figurePieces(campaign, e)),
  ];
  return pagedReply({
    title: s.title, pieces, page, command: 'sources', args: s.id,
    actions: [
      action('Read it', 'statement', s.id),
      ...events.slice(0, 8).map((e) => action(eventLabel(e), 'timeline', e.id)),
      action('All sources', 'sources'),
    ],
  });
}

/** /sources: short labels, provenance one tap away, and where the sources disagree. */
export const sources: Command = {
  name: 'sources',
  access: 'everyone',
  cacheable: true,
  options: [{ name: 'statement', type: 'string', choices: 'statements' }, PAGE_OPTION],
  parse(raw) {
    const { rest, page } = withPage(raw);
    return { statement: rest || undefined, page };
  },
  run({ options }, _inv, { campaign }) {
    const query = String(options.statement ?? '').trim();
    if (!query) return overview(campaign, pageOf(options));
    const s = findStatement(campaign, query);
    if (s) return provenance(campaign, s, pageOf(options));
    const guess = closest(query, campaign.statements.map((x) => x.id)).find((g) => g !== fold(query));
    return errorReply(
      text(`No statement “${clip(query)}”. `),
      ...(guess ? [text('Did you mean '), command(`/sources ${guess}`), text('? ')] : []),
      text('Every source: '), command('/sources'), text('.'),
    );
  },
};
