/**
 * The reminder itself: a short post an organiser would forward. A headline
 * ("15 years ago today: Striking oil workers killed in Zhanaozen"), the
 * event in two or three sentences with its sources by short label, a brief
 * word where the date is public record but in no statement, the figures of
 * the day in their sources' own words, and the campaign's call to action.
 * The related demands and the editors' notes (every figure, the full note)
 * are one tap away, as actions.
 *
 * Every word of the bot's own comes from the catalogs in the voice's
 * language (`reminder-*`); the campaign's own-voice fields from its edition
 * in that language; quotes stay as published.
 */
import type { Campaign, CampaignEvent, Figure } from '../content/campaign.js';
import { campaignIn } from '../content/editions.js';
import { inStatementOrder } from '../content/queries.js';
import type { CampaignFile } from '../content/schema.js';
import type { Voice } from '../i18n/voice.js';
import { action, bold, bullets, italic, link, message, paragraph, text } from '../rich/build.js';
import { eventUrl } from './site-urls.js';
import type { Action, Block, RichMessage, Span } from '../rich/model.js';
import { publicRecordNote, quotedInOriginal } from './present.js';

/** A reminder as it is sent: one message and the buttons under it. */
export interface Reminder {
  readonly message: RichMessage;
  /** "The demands" (`/demands <topic>` or `/demands`), then "Notes and sources" (`/timeline <event-id>`). */
  readonly actions: readonly Action[];
}

/** Catalog id of the action that opens the related demands ("The demands"). */
export const DEMANDS_ACTION = 'reminder-demands';
/** Catalog id of the action that opens the event's details, every figure and the editors' notes ("Notes and sources"). */
export const NOTES_ACTION = 'reminder-notes';

/** The campaign's call to action, as `campaign.yaml` sets it. */
export type CallToAction = NonNullable<CampaignFile['callToAction']>;

/**
 * The headline: "15 years ago today: Striking oil workers killed in
 * Zhanaozen" / "1 year ago today: …" (in the voice's language), with the
 * place added when the title does not name it.
 */
export function reminderTitle(voice: Voice, event: Pick<CampaignEvent, 'title' | 'place'>, years: number): string {
  const place = event.place !== undefined && !event.title.includes(event.place) ? ` (${event.place})` : '';
  return voice.t('reminder-title', { years, title: `${event.title}${place}` });
}

/** The statements' short labels, for citing them: "ICOR resolution, SMK statement". */
export function sourceLabels(campaign: Campaign, ids: readonly string[]): string {
  return inStatementOrder(campaign, ids).map((id) => campaign.statementById.get(id)?.label ?? id).join(', ');
}

/** Whether a reminder on the event's day shows `figure`: not when its source counted it on a later day it does not give. */
export const figureOfTheDay = (figure: Figure): boolean => figure.counted !== 'later';

/** Where each value stands in `quote` (case-insensitively), in order, without overlaps. */
function valuesIn(quote: string, values: readonly string[]): { at: number; end: number }[] {
  const lower = quote.toLowerCase();
  const found = values.map((v) => ({ at: lower.indexOf(v.toLowerCase()), end: lower.indexOf(v.toLowerCase()) + v.length }))
    .filter((p) => p.at >= 0).sort((a, b) => a.at - b.at);
  return found.filter((p, i) => i === 0 || p.at >= found[i - 1]!.end);
}

/** The language's quotation marks around a quote: “…” in English, «…» in Russian and Kazakh. */
function quoteMarks(voice: Voice): [string, string] {
  const [open = '“', close = '”'] = voice.t('reminder-quote', { quote: '\u0001' }).split('\u0001');
  return [open, close];
}

/**
 * Figures given by one quote of one statement, in that source's own words
 * and by its short label: the quote with each value in bold (a value the
 * quote does not contain is put before it with what it counts), marked
 * "by <day>" when the source dates the count after the event.
 */
export function reminderFigureSpans(voice: Voice, campaign: Campaign, event: CampaignEvent, figures: readonly Figure[]): Span[] {
  const first = figures[0]!;
  const label = campaign.statementById.get(first.source)?.label ?? first.source;
  const quote = first.quote;
  const spots = valuesIn(quote, figures.map((f) => f.value));
  const missing = figures.filter((f) => !quote.toLowerCase().includes(f.value.toLowerCase()));
  const out: Span[] = missing.length > 0 ? [bold(missing.map((f) => `${f.value} ${f.what}`).join(', ')), text(' — ')] : [];
  const [open, close] = quoteMarks(voice);
  let from = 0;
  out.push(text(open));
  for (const { at, end } of spots) {
    if (at > from) out.push(text(quote.slice(from, at)));
    out.push(bold(quote.slice(at, end)));
    from = end;
  }
  out.push(text(`${quote.slice(from)}${close}`));
  const by = figures.map((f) => f.counted).find((c) => c !== undefined && c !== 'later' && c !== event.date);
  out.push(text(` — ${by === undefined ? label : voice.t('reminder-counted-by', { source: label, day: voice.contentDate(by) })}`));
  return out;
}

/** Figures grouped by the quote and statement that give them: statements in the campaign's order, quotes in the content's. */
function byQuote(campaign: Campaign, figures: readonly Figure[]): Figure[][] {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) {
    const key = `${f.source}\n${f.quote}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const order = inStatementOrder(campaign, [...new Set(figures.map((f) => f.source))]);
  return [...groups.values()].sort((a, b) => order.indexOf(a[0]!.source) - order.indexOf(b[0]!.source));
}

/** The figures the reminder shows (with the note that they are quoted in the original), and a pointer to those it leaves to the notes. */
function figureBlocks(voice: Voice, campaign: Campaign, event: CampaignEvent): Block[] {
  const shown = event.figures.filter(figureOfTheDay);
  const later = event.figures.length - shown.length;
  const blocks: Block[] = [];
  if (shown.length > 0) {
    blocks.push(bullets(byQuote(campaign, shown).map((g) => reminderFigureSpans(voice, campaign, event, g))));
    blocks.push(...quotedInOriginal(voice));
  }
  if (later > 0) blocks.push(paragraph(italic(voice.t('reminder-later-figures', { count: later, notes: voice.t(NOTES_ACTION) }))));
  return blocks;
}

/** The campaign's call to action as a closing paragraph: its text, hashtag and link. */
export function callToActionBlock(cta: CallToAction): Block {
  const spans: Span[] = [bold(cta.text)];
  if (cta.hashtag !== undefined) spans.push(text(` ${cta.hashtag}`));
  if (cta.link !== undefined) spans.push(text(' '), link(cta.link, cta.link));
  return paragraph(...spans);
}

/** The topic whose demands the reminder opens: the event's first topic some demand carries, if any. */
export function demandsTopic(campaign: Campaign, event: CampaignEvent): string | undefined {
  return event.topics.find((t) => campaign.statements.some((s) => s.demands.some((d) => d.topics.includes(t))));
}

/** The reminder's actions, labelled in the voice's language: the related demands, then the event's details with every figure and the notes. */
export function reminderActions(voice: Voice, campaign: Campaign, event: CampaignEvent): Action[] {
  return [action(voice.t(DEMANDS_ACTION), 'demands', demandsTopic(campaign, event) ?? ''), action(voice.t(NOTES_ACTION), 'timeline', event.id)];
}

/** How long a reminder may read, in characters as shown (DESIGN.md: a short post an organiser would forward). */
export const REMINDER_LIMIT = 1000;

/** The characters a message shows as plain text: its title, its blocks, a list's bullets, the blank lines between. */
function shownLength(m: RichMessage): number {
  const spans = (list: readonly Span[]): number => list.reduce((n, x) => n + x.text.length, 0);
  const blocks = m.blocks.map((b) => (b.type === 'list' ? b.items.reduce((n, item) => n + spans(item) + 3, -1) : spans(b.spans)));
  return (m.title === undefined ? 0 : m.title.length + 2) + blocks.reduce((n, x) => n + x + 2, -2);
}

/** The message with the event's sources in its sources line, or none when `sources` is empty. */
function reminderBody(voice: Voice, edition: Campaign, e: CampaignEvent, years: number, sources: readonly string[], web: string | undefined): RichMessage {
  const blocks: Block[] = [paragraph(e.reminder ?? e.summary)];
  if (sources.length > 0) blocks.push(paragraph(italic(voice.t('reminder-sources', { sources: sourceLabels(edition, sources) }))));
  const note = publicRecordNote(voice, edition, e);
  if (note !== undefined) blocks.push(paragraph(italic(note)));
  blocks.push(...figureBlocks(voice, edition, e));
  const cta = edition.meta.callToAction;
  if (cta !== undefined) blocks.push(callToActionBlock(cta));
  // The address behind a few words: a reminder is short, and Telegram and Discord show the words.
  if (web !== undefined) blocks.push(paragraph(link(voice.t('reminder-web'), web)));
  return message(reminderTitle(voice, e, years), blocks);
}

/**
 * The reminder for `event`, `years` after it happened, in the voice's
 * language: the message and its actions. The campaign's edition in that
 * language gives the own-voice fields. The summary is the event's
 * `reminder` text when the content gives one, else its summary, never cut
 * by code. A reminder that would read longer than {@link REMINDER_LIMIT}
 * leaves out of its sources line the statements a figure line below already
 * cites by the same label (every source is still named once). With
 * `publicUrl` (PUBLIC_URL) it links the event on the campaign's page, where
 * the link fits.
 */
export function reminderMessage(voice: Voice, campaign: Campaign, event: CampaignEvent, years: number, publicUrl?: string): Reminder {
  const web = eventUrl(publicUrl, voice.language, event.id);
  const edition = campaignIn(campaign, voice.language);
  // The campaign's own event is read in the edition; an event made by the caller is taken as given.
  const own = campaign.events.find((x) => x.id === event.id) === event;
  const e = edition === campaign || !own ? event : edition.events.find((x) => x.id === event.id) ?? event;
  const cited = new Set(e.figures.filter(figureOfTheDay).map((f) => f.source));
  const shorter = e.sources.filter((id) => !cited.has(id));
  // Longest first: every source named in its line, then the cited ones named once, then (the link being
  // one tap away under "Notes and sources" too) without the link to the page.
  const tries = [[e.sources, web], [shorter, web], [shorter, undefined]] as const;
  let body = reminderBody(voice, edition, e, years, e.sources, web);
  for (const [sources, link] of tries) {
    body = reminderBody(voice, edition, e, years, sources, link);
    if (shownLength(body) <= REMINDER_LIMIT) break;
  }
  return { message: body, actions: reminderActions(voice, edition, e) };
}
