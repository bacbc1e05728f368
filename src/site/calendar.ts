/**
 * The anniversaries' calendar of one language, as data (`adapters/web/ics.ts`
 * writes it as iCalendar): every remembered event (`remind: true`, the ones
 * the bot reminds of) as a yearly all-day event, described with its summary
 * and its sources by short label, linked to the site when its address is
 * known.
 *
 * UIDs are `<event-id>.<language>@<campaign-id>`: stable across builds and
 * distinct per language, so a person subscribed to two languages' calendars
 * gets two events, not one that each calendar overwrites.
 */
import type { CampaignEvent } from '../content/campaign.js';
import { dayInStatements, inStatementOrder } from '../content/queries.js';
import { latestContentDay } from './dates.js';
import { languageOf, type SiteContext } from './context.js';
import type { CalendarEntry, SiteCalendar } from './model.js';
import { calendarUrl, eventUrl, siteUrl } from '../present/site-urls.js';

/** One remembered event as a calendar entry. */
function entry(ctx: SiteContext, e: CampaignEvent, publicUrl: string | undefined): CalendarEntry {
  const { voice, campaign } = ctx;
  const language = languageOf(ctx);
  const labels = inStatementOrder(campaign, e.sources).map((id) => campaign.statementById.get(id)?.label ?? id);
  const url = eventUrl(publicUrl, language, e.id);
  const paragraphs = [
    e.summary,
    ...(dayInStatements(campaign, e) ? [] : [voice.t('web-day-public-record', { day: voice.day(e) })]),
    voice.t('web-calendar-sources', { sources: labels.join(', ') }),
    ...(url ? [voice.t('web-calendar-more', { url })] : []),
  ];
  return {
    uid: `${e.id}.${language}@${campaign.meta.id}`,
    date: e.date,
    leapDay: e.month === 2 && e.day === 29,
    summary: voice.t('web-calendar-summary', { title: e.title, year: String(e.year) }),
    description: paragraphs.join('\n\n'),
    ...(url ? { url } : {}),
  };
}

/** The calendar of `ctx`'s language at `path`. */
export function calendarOf(ctx: SiteContext, path: string, publicUrl: string | undefined): SiteCalendar {
  const { voice, campaign } = ctx;
  const language = languageOf(ctx);
  const page = siteUrl(publicUrl, language);
  const source = calendarUrl(publicUrl, language);
  return {
    path,
    language,
    prodId: `-//Placard//${campaign.meta.id}//${language.toUpperCase()}`,
    name: voice.t('web-calendar-name', { campaign: campaign.meta.title }),
    description: campaign.meta.summary,
    stamp: latestContentDay(campaign),
    ...(page ? { url: page } : {}),
    ...(source ? { source } : {}),
    entries: campaign.events.filter((e) => e.remind).map((e) => entry(ctx, e, publicUrl)),
  };
}
