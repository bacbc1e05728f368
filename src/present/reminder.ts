/**
 * The reminder itself: a short post an organiser would forward. A headline
 * ("15 years ago today: Striking oil workers killed in Zhanaozen"), the
 * event in two or three sentences with its sources by short label, a brief
 * word where the date is public record but in no statement, the figures of
 * the day in their sources' own words, and the campaign's call to action.
 * The related demands and the editors' notes (every figure, the full note)
 * are one tap away, as actions.
 *
 * Words stay here until issue 14 moves them to the Fluent catalogs.
 */
import type { Campaign, CampaignEvent, Figure } from '../content/campaign.js';
import { dayInStatements, inStatementOrder } from '../content/queries.js';
import type { CampaignFile } from '../content/schema.js';
import { action, bold, bullets, italic, link, message, paragraph, text } from '../rich/build.js';
import type { Action, Block, RichMessage, Span } from '../rich/model.js';
import { formatContentDate, formatDay } from '../time/calendar.js';

/** A reminder as it is sent: one message and the buttons under it. */
export interface Reminder {
  readonly message: RichMessage;
  /** "The demands" (`/demands <topic>` or `/demands`), then "Notes and sources" (`/timeline <event-id>`). */
  readonly actions: readonly Action[];
}

/** Label of the action that opens the related demands. */
export const DEMANDS_ACTION = 'The demands';
/** Label of the action that opens the event's details, every figure and the editors' notes. */
export const NOTES_ACTION = 'Notes and sources';

/** The campaign's call to action, as `campaign.yaml` sets it. */
export type CallToAction = NonNullable<CampaignFile['callToAction']>;

/**
 * The headline: "15 years ago today: Striking oil workers killed in
 * Zhanaozen" / "1 year ago today: …", with the place added when the title
 * does not name it.
 */
export function reminderTitle(event: Pick<CampaignEvent, 'title' | 'place'>, years: number): string {
  const place = event.place !== undefined && !event.title.includes(event.place) ? ` (${event.place})` : '';
  return `${years} year${years === 1 ? '' : 's'} ago today: ${event.title}${place}`;
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

/**
 * Figures given by one quote of one statement, in that source's own words
 * and by its short label: the quote with each value in bold (a value the
 * quote does not contain is put before it with what it counts), marked
 * "by <day>" when the source dates the count after the event.
 */
export function reminderFigureSpans(campaign: Campaign, event: CampaignEvent, figures: readonly Figure[]): Span[] {
  const first = figures[0]!;
  const label = campaign.statementById.get(first.source)?.label ?? first.source;
  const quote = first.quote;
  const spots = valuesIn(quote, figures.map((f) => f.value));
  const missing = figures.filter((f) => !quote.toLowerCase().includes(f.value.toLowerCase()));
  const out: Span[] = missing.length > 0 ? [bold(missing.map((f) => `${f.value} ${f.what}`).join(', ')), text(' — ')] : [];
  let from = 0;
  out.push(text('“'));
  for (const { at, end } of spots) {
    if (at > from) out.push(text(quote.slice(from, at)));
    out.push(bold(quote.slice(at, end)));
    from = end;
  }
  out.push(text(`${quote.slice(from)}”`));
  const by = figures.map((f) => f.counted).find((c) => c !== undefined && c !== 'later' && c !== event.date);
  out.push(text(` — ${label}${by !== undefined ? `, by ${formatContentDate(by)}` : ''}`));
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

/** The figures the reminder shows, and a pointer to those it leaves to the notes. */
function figureBlocks(campaign: Campaign, event: CampaignEvent): Block[] {
  const shown = event.figures.filter(figureOfTheDay);
  const later = event.figures.length - shown.length;
  const blocks: Block[] = [];
  if (shown.length > 0) blocks.push(bullets(byQuote(campaign, shown).map((g) => reminderFigureSpans(campaign, event, g))));
  if (later > 0) {
    blocks.push(paragraph(italic(later === 1
      ? `A figure counted on a later day is under “${NOTES_ACTION}”, with its source.`
      : `Figures counted on later days are under “${NOTES_ACTION}”, each with its source.`)));
  }
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

/** The reminder's actions: the related demands, then the event's details with every figure and the notes. */
export function reminderActions(campaign: Campaign, event: CampaignEvent): Action[] {
  return [action(DEMANDS_ACTION, 'demands', demandsTopic(campaign, event) ?? ''), action(NOTES_ACTION, 'timeline', event.id)];
}

/**
 * The reminder for `event`, `years` after it happened: the message (at most
 * about 1,000 characters as shown) and its actions. The summary is the
 * event's `reminder` text when the content gives one, else its summary,
 * never cut by code.
 */
export function reminderMessage(campaign: Campaign, event: CampaignEvent, years: number): Reminder {
  const blocks: Block[] = [
    paragraph(event.reminder ?? event.summary),
    paragraph(italic(`Sources: ${sourceLabels(campaign, event.sources)}.`)),
  ];
  if (!dayInStatements(campaign, event)) {
    blocks.push(paragraph(italic(`The date, ${formatDay(event)}, is public record; the statements do not give it.`)));
  }
  blocks.push(...figureBlocks(campaign, event));
  const cta = campaign.meta.callToAction;
  if (cta !== undefined) blocks.push(callToActionBlock(cta));
  return { message: message(reminderTitle(event, years), blocks), actions: reminderActions(campaign, event) };
}
