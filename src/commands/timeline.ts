/**
 * /timeline [event] [page] — the campaign's events as one line each, with a
 * button per event; `/timeline <event>` gives that event's summary, figures
 * (each with its source's short label), sources and editors' notes.
 */
import type { Campaign, CampaignEvent } from '../content/campaign.js';
import { findTopic } from '../content/queries.js';
import type { Voice } from '../i18n/voice.js';
import { action, bold, command, errorReply, italic, link, message, paragraph, reply, text } from '../rich/build.js';
import { eventUrl } from '../present/site-urls.js';
import type { Reply } from '../rich/model.js';
import { closest } from '../text/closest.js';
import { clip, fold } from '../text/fold.js';
import { noSuchPage, PAGE_OPTION, pageOf, pageTitle, pagedReply, withPage, type Piece } from '../present/pages.js';
import {
  buttonLabel, topicLabel, eventDate, eventLabel, figureGroupSpans, figuresByQuote, publicRecordNote, quotedInOriginal, sourcesText,
} from '../present/present.js';
import type { Command } from './types.js';

/** Events listed per page (each gets a button; a reply has at most 12). */
export const EVENTS_PER_PAGE = 10;

function list(voice: Voice, campaign: Campaign, page: number): Reply {
  const pages = Math.max(1, Math.ceil(campaign.events.length / EVENTS_PER_PAGE));
  if (!Number.isInteger(page) || page < 1 || page > pages) return noSuchPage(voice, pages, page);
  const title = voice.t('timeline-title');
  const shown = campaign.events.slice((page - 1) * EVENTS_PER_PAGE, page * EVENTS_PER_PAGE);
  if (shown.length === 0) return reply(message(title, [paragraph(voice.t('timeline-empty'))]));
  const lines = shown.map((e) => [bold(eventDate(voice, campaign, e)), text(` — ${e.title}`)]);
  return reply(
    message(pages > 1 ? pageTitle(voice, title, page, pages) : title, [
      { type: 'list', ordered: false, items: lines },
      paragraph(italic(voice.t('timeline-tap'))),
    ]),
    pages > 1 ? { page, pages, command: 'timeline', args: '' } : undefined,
    shown.map((e) => action(eventLabel(voice, e), 'timeline', e.id)),
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

function details(voice: Voice, campaign: Campaign, e: CampaignEvent, page: number, publicUrl: string | undefined): Reply {
  const web = eventUrl(publicUrl, voice.language, e.id);
  const figures = paragraph(bold(voice.t('timeline-figures')));
  const dateNote = e.note ? undefined : publicRecordNote(voice, campaign, e);
  const pieces: Piece[] = [
    { block: paragraph(e.summary) },
    { block: paragraph(italic(voice.t('time-sources', { sources: sourcesText(campaign, e.sources) }))) },
    ...(e.figures.length ? [{ block: figures, keepWithNext: true }] : []),
    ...figuresByQuote(campaign, e).map((g): Piece => ({ item: figureGroupSpans(voice, campaign, g), list: 'figures', ordered: false, number: 1, header: figures })),
    ...(dateNote ? [{ block: paragraph(italic(dateNote)) }] : []),
    ...(e.note ? [{ block: paragraph(italic(voice.t('timeline-note', { note: e.note }))) }] : []),
  ];
  const topics = e.topics.map((id) => findTopic(campaign, id)).filter((t) => t !== undefined)
    .filter((t) => campaign.statements.some((s) => s.demands.some((d) => d.topics.includes(t.id))));
  return pagedReply({
    title: `${eventDate(voice, campaign, e)} — ${e.title}`, pieces, page, command: 'timeline', args: e.id, voice,
    // Figures are quoted as their statements give them: said once, in the reader's language.
    foot: [...(e.figures.length ? quotedInOriginal(voice) : []), ...(web === undefined ? [] : [paragraph(...voice.rich('web-link-event', { link: link(web, web) }))])],
    actions: [
      action(voice.t('timeline-button'), 'timeline'),
      ...topics.slice(0, 3).map((t) => action(buttonLabel(voice.t('timeline-demands-button', { topic: topicLabel(voice, t) })), 'demands', t.id)),
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
  run({ options, voice }, _inv, { campaign, publicUrl }) {
    const query = String(options.event ?? '').trim();
    const page = pageOf(options);
    if (!query) return list(voice, campaign, page);
    const event = findEvent(campaign, query);
    if (event) return details(voice, campaign, event, page, publicUrl);
    const guess = closest(query, campaign.events.map((e) => e.id)).find((g) => g !== fold(query));
    return errorReply(...voice.rich(guess ? 'timeline-unknown-guess' : 'timeline-unknown', {
      query: clip(query), all: command('/timeline'), ...(guess ? { guess: command(`/timeline ${guess}`) } : {}),
    }));
  },
};
