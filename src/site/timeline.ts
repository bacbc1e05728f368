/**
 * The timeline on the site: every event in order, with its summary, its
 * figures each in its source's own words, the note where the sources
 * disagree or the day is public record, and the statements it comes from.
 */
import type { CampaignEvent, Figure } from '../content/campaign.js';
import { dayInStatements, inStatementOrder } from '../content/queries.js';
import { bold, link, paragraph, quote, text } from '../rich/build.js';
import type { SiteBlock, SitePart, SiteSection } from './model.js';
import { languageOf, original, pageHref, statementLinks, type SiteContext } from './context.js';
import { calendarPath, eventAnchor, TIMELINE_ANCHOR } from '../present/site-urls.js';

/** An event's date in words, saying so when the day is in none of its statements. */
export function eventDay(ctx: SiteContext, e: CampaignEvent): string {
  const day = ctx.voice.day(e);
  return dayInStatements(ctx.campaign, e) ? day : ctx.voice.t('web-day-not-in-statements', { day });
}

/** "16 December 2011 — Striking oil workers killed in Zhanaozen". */
export const eventHeading = (ctx: SiteContext, e: CampaignEvent): string => `${eventDay(ctx, e)} — ${e.title}`;

/** Figures that one quote of one statement gives, grouped; statements in the campaign's order. */
export function figureGroups(ctx: SiteContext, e: CampaignEvent): Figure[][] {
  const groups = new Map<string, Figure[]>();
  for (const f of e.figures) {
    const key = `${f.source}\n${f.quote}\n${f.counted ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const order = inStatementOrder(ctx.campaign, [...new Set(e.figures.map((f) => f.source))]);
  return [...groups.values()].sort((a, b) => order.indexOf(a[0]!.source) - order.indexOf(b[0]!.source));
}

/** One group of figures: the values and what they count, the source and when it counted, then its words. */
function figureBlocks(ctx: SiteContext, group: readonly Figure[]): SiteBlock[] {
  const f = group[0]!;
  const source = ctx.campaign.statementById.get(f.source)?.label ?? f.source;
  const cited = f.counted === undefined ? ctx.voice.t('web-figure-source', { source })
    : f.counted === 'later' ? ctx.voice.t('web-figure-source-later', { source })
      : ctx.voice.t('web-figure-source-by', { source, day: ctx.voice.contentDate(f.counted) });
  return [
    paragraph(bold(group.map((g) => `${g.value} ${g.what}`).join('; ')), text(` — ${cited}`)),
    original(ctx, [quote(f.quote)]),
  ];
}

/** The blocks of one event. */
export function eventBlocks(ctx: SiteContext, e: CampaignEvent): SiteBlock[] {
  return [
    paragraph(e.summary),
    ...figureGroups(ctx, e).flatMap((g) => figureBlocks(ctx, g)),
    ...(e.note ? [paragraph(bold(ctx.voice.t('web-note')), text(' '), text(e.note))] : []),
    paragraph(bold(ctx.voice.t('web-event-sources')), text(' '), ...statementLinks(ctx, inStatementOrder(ctx.campaign, e.sources))),
  ];
}

/** The timeline section of the campaign's page: one part per event, anchored for the bot's links. */
export function timelineSection(ctx: SiteContext): SiteSection {
  const remembered = ctx.campaign.events.filter((e) => e.remind).length;
  return {
    id: TIMELINE_ANCHOR,
    title: ctx.voice.t('web-section-timeline'),
    blocks: [
      paragraph(ctx.voice.t('web-timeline-intro')),
      ...(remembered > 0 ? [paragraph(...ctx.voice.rich('web-timeline-calendar', {
        calendar: link(ctx.voice.t('web-calendar-link'), pageHref(ctx, calendarPath(languageOf(ctx)))),
      }))] : []),
    ],
    parts: ctx.campaign.events.map((e): SitePart => ({ id: eventAnchor(e.id), title: eventHeading(ctx, e), blocks: eventBlocks(ctx, e) })),
  };
}
