/**
 * /timeline [event] [page] — the campaign's events as one line each, with a
 * button per event; `/timeline <event>` gives that event's summary, figures
 * (each with its source's short label), sources and editors' notes.
 */
import type { Campaign, CampaignEvent } from '../content/campaign.js';
import { findTopic } from '../content/queries.js';
import { action, bold, command, errorReply, italic, message, paragraph, reply, text } from '../rich/build.js';
import type { Reply } from '../rich/model.js';
import { closest } from '../text/closest.js';
import { clip, fold } from '../text/fold.js';
import { PAGE_OPTION, pageOf, pagedReply, withPage, type Piece } from '../present/pages.js';
import { buttonLabel, topicLabel, eventDate, eventLabel, figureGroupSpans, figuresByQuote, publicRecordNote, sourcesText } from '../present/present.js';
import type { Command } from './types.js';

/** Events listed per page (each gets a button; a reply has at most 12). */
export const EVENTS_PER_PAGE = 10;

function list(campaign: Campaign, page: number): Reply {
  const pages = Math.max(1, Math.ceil(campaign.events.length / EVENTS_PER_PAGE));
  if (!Number.isInteger(page) || page < 1 || page > pages) {
    return errorReply(`There ${pages === 1 ? 'is 1 page' : `are ${pages} pages`}; page ${clip(String(page), 8)} does not exist.`);
  }
  const shown = campaign.events.slice((page - 1) * EVENTS_PER_PAGE, page * EVENTS_PER_PAGE);
  if (shown.length === 0) return reply(message('Timeline', [paragraph('The timeline has no events yet.')]));
  const lines = shown.map((e) => [bold(eventDate(campaign, e)), text(` — ${e.title}`)]);
  return reply(
    message(pages > 1 ? `Timeline — page ${page} of ${pages}` : 'Timeline', [
      { type: 'list', ordered: false, items: lines },
      paragraph(italic('Each event’s details, figures and sources are one tap away.')),
    ]),
    pages > 1 ? { page, pages, command: 'timeline', args: '' } : undefined,
    shown.map((e) => action(eventLabel(e), 'timeline', e.id)),
  );
}

/** An event by id, or by a prefix of its id that names only one. */
function findEvent(campaign: Campaign, query: string): CampaignEvent | undefined {
  const q = fold(query);
  const exact = campaign.events.find((e) => e.id === q);
  if (exact) return exact;
  const prefixed = campaign.events.filter((e) => e.id.startsWith(q));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

const FIGURES = paragraph(bold('Figures, each in its source’s words:'));

function details(campaign: Campaign, e: CampaignEvent, page: number): Reply {
  const pieces: Piece[] = [
    { block: paragraph(e.summary) },
    { block: paragraph(italic(`Sources: ${sourcesText(campaign, e.sources)}`)) },
    ...(e.figures.length ? [{ block: FIGURES, keepWithNext: true }] : []),
    ...figuresByQuote(campaign, e).map((g): Piece => ({ item: figureGroupSpans(campaign, g), list: 'figures', ordered: false, number: 1, header: FIGURES })),
    ...(publicRecordNote(campaign, e) && !e.note ? [{ block: paragraph(italic(publicRecordNote(campaign, e) ?? '')) }] : []),
    ...(e.note ? [{ block: paragraph(italic(`Note: ${e.note}`)) }] : []),
  ];
  const topics = e.topics.map((id) => findTopic(campaign, id)).filter((t) => t !== undefined)
    .filter((t) => campaign.statements.some((s) => s.demands.some((d) => d.topics.includes(t.id))));
  return pagedReply({
    title: `${eventDate(campaign, e)} — ${e.title}`, pieces, page, command: 'timeline', args: e.id,
    actions: [
      action('Timeline', 'timeline'),
      ...topics.slice(0, 3).map((t) => action(buttonLabel(`Demands: ${topicLabel(t)}`), 'demands', t.id)),
    ],
  });
}

/** /timeline: dates and titles, one event’s details one tap away. */
export const timeline: Command = {
  name: 'timeline',
  access: 'everyone',
  cacheable: true,
  options: [{ name: 'event', type: 'string' }, PAGE_OPTION],
  parse(raw) {
    const { rest, page } = withPage(raw);
    return { event: rest || undefined, page };
  },
  run({ options }, _inv, { campaign }) {
    const query = String(options.event ?? '').trim();
    const page = pageOf(options);
    if (!query) return list(campaign, page);
    const event = findEvent(campaign, query);
    if (event) return details(campaign, event, page);
    const guesses = closest(query, campaign.events.map((e) => e.id)).filter((g) => g !== fold(query));
    return errorReply(
      text(`No event “${clip(query)}”. `),
      ...(guesses.length ? [text('Did you mean '), command(`/timeline ${guesses[0]}`), text('? ')] : []),
      text('Every event: '), command('/timeline'), text('.'),
    );
  },
};
