/**
 * The dates the site's calendar and feed are stamped with, all read from the
 * content so that the same content always gives the same bytes: no clock,
 * no build time.
 */
import type { Campaign, Statement } from '../content/campaign.js';
import { UNDATED } from '../content/schema.js';

/** A content date (`YYYY-MM-DD` or `YYYY-MM`) as a day: a month counts from its first day. */
const asDay = (date: string): string => (/^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date);

const latest = (days: readonly string[]): string | undefined => [...days].sort().at(-1);

/** Every date the content gives: events, statements' dates, publication dates and signatories' "as of". */
function contentDays(campaign: Campaign): string[] {
  return [
    ...campaign.events.map((e) => e.date),
    ...campaign.statements.flatMap((s) => [s.date === UNDATED ? undefined : s.date, s.published, s.signatories?.asOf]),
  ].filter((d): d is string => d !== undefined).map(asDay);
}

/** The latest day the content gives (`YYYY-MM-DD`); the calendar's DTSTAMP and the feed's last update. */
export function latestContentDay(campaign: Campaign): string {
  return latest(contentDays(campaign)) ?? '1970-01-01';
}

/**
 * The day a statement is dated by in the feed: its own date; else the date
 * of publication the text gives; else its signatories' "as of"; else the
 * latest event it reports (it was written after it); else the content's
 * latest day. A month counts from its first day.
 */
export function statementDay(campaign: Campaign, s: Statement): string {
  if (s.date !== UNDATED) return asDay(s.date);
  if (s.published) return asDay(s.published);
  if (s.signatories?.asOf) return s.signatories.asOf;
  return latest(campaign.events.filter((e) => e.sources.includes(s.id)).map((e) => e.date)) ?? latestContentDay(campaign);
}
