/**
 * /sources [statement] [page] — the statements by short label, where the
 * sources disagree (each figure in its source's words, with its label), and
 * one tap away per statement: its full title, provenance and dates.
 */
import type { Campaign, CampaignEvent, Statement } from '../content/campaign.js';
import { findStatement } from '../content/queries.js';
import { action, bold, command, errorReply, paragraph, text } from '../rich/build.js';
import type { Reply } from '../rich/model.js';
import { closest } from '../text/closest.js';
import { clip, fold } from '../text/fold.js';
import { PAGE_OPTION, pageOf, pagedReply, withPage, type Piece } from '../present/pages.js';
import {
  authorShort, buttonLabel, dateShort, didYouMean, eventDate, eventLabel, figureGroupSpans, figuresByQuote, label, provenancePieces, quotedInOriginal,
  signatoryCountSpans,
} from '../present/present.js';
import type { Voice } from '../i18n/voice.js';
import type { Command } from './types.js';

/** Events where statements give different values for the same thing counted: where the sources disagree. */
const disputed = (campaign: Campaign): CampaignEvent[] =>
  campaign.events.filter((e) => {
    const values = new Map<string, Set<string>>();
    for (const f of e.figures) values.set(f.what, (values.get(f.what) ?? new Set()).add(f.value.toLowerCase()));
    return [...values.values()].some((v) => v.size > 1);
  });

/** An event's heading and every figure of it, each with its source. */
function figurePieces(voice: Voice, campaign: Campaign, e: CampaignEvent): Piece[] {
  const header = paragraph(bold(`${eventDate(voice, campaign, e)} — ${e.title}`));
  return [
    { block: header, keepWithNext: true },
    ...figuresByQuote(campaign, e).map((g): Piece => ({ item: figureGroupSpans(voice, campaign, g), list: e.id, ordered: false, number: 1, header })),
  ];
}

function overview(voice: Voice, campaign: Campaign, page: number): Reply {
  const events = disputed(campaign);
  const pieces: Piece[] = [
    ...campaign.statements.map((s): Piece => ({ item: [bold(s.label), text(` — ${authorShort(voice, s)}, ${dateShort(voice, s)}`)], list: 'sources', ordered: false, number: 1 })),
    { block: paragraph(voice.t('sources-every-figure')) },
    ...(events.length ? [{ block: paragraph(bold(voice.t('sources-disagree'))), keepWithNext: true }] : []),
    ...events.flatMap((e) => figurePieces(voice, campaign, e)),
  ];
  return pagedReply({
    title: voice.t('sources-title'), pieces, foot: events.length ? quotedInOriginal(voice) : [], page, command: 'sources', args: '', voice,
    actions: campaign.statements.slice(0, 12).map((s) => action(buttonLabel(s.label), 'sources', s.id)),
  });
}

function provenance(voice: Voice, campaign: Campaign, s: Statement, page: number): Reply {
  const events = disputed(campaign).filter((e) => e.figures.some((f) => f.source === s.id));
  const pieces: Piece[] = [
    { block: paragraph(label(voice, 'content-label-cited-as'), s.label) },
    ...provenancePieces(voice, s),
    ...(s.signatories ? [{ block: paragraph(...signatoryCountSpans(voice, s.signatories)) }] : []),
    ...(events.length ? [{ block: paragraph(bold(voice.t('sources-others-disagree'))), keepWithNext: true }] : []),
    ...events.flatMap((e) => figurePieces(voice, campaign, e)),
  ];
  return pagedReply({
    title: s.title, pieces, foot: events.length ? quotedInOriginal(voice) : [], page, command: 'sources', args: s.id, voice,
    actions: [
      action(voice.t('sources-button-read'), 'statement', s.id),
      ...events.slice(0, 8).map((e) => action(eventLabel(voice, e), 'timeline', e.id)),
      action(voice.t('sources-button-all'), 'sources'),
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
  run({ options, voice }, _inv, { campaign }) {
    const query = String(options.statement ?? '').trim();
    if (!query) return overview(voice, campaign, pageOf(options));
    const s = findStatement(campaign, query);
    if (s) return provenance(voice, campaign, s, pageOf(options));
    const guess = closest(query, campaign.statements.map((x) => x.id)).find((g) => g !== fold(query));
    return errorReply(
      text(voice.t('content-no-statement', { query: clip(query) })), text(' '),
      ...(guess ? [...didYouMean(voice, [command(`/sources ${guess}`)]), text(' ')] : []),
      ...voice.rich('sources-every', { command: command('/sources') }),
    );
  },
};
