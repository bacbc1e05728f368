/** Rich-message pieces shared by several commands (how an organisation, a statement, a figure, a date reads). */
import type { Campaign, CampaignEvent, Organization, Statement } from '../content/campaign.js';
import type { Topic } from '../content/schema.js';
import { dayInStatements } from '../content/queries.js';
import { NOT_NAMED, UNDATED } from '../content/schema.js';
import { bold, text } from '../rich/build.js';
import type { Span } from '../rich/model.js';
import { formatContentDate, formatDay } from '../schedule/calendar.js';

/** "UC — Unité Communiste (Communist United), France". */
export function organizationSpans(org: Organization): Span[] {
  const parts: Span[] = [];
  if (org.abbreviation) parts.push(bold(org.abbreviation), text(' — '));
  parts.push(org.abbreviation ? text(org.name) : bold(org.name));
  if (org.englishName && org.englishName !== org.name) parts.push(text(` (${org.englishName})`));
  if (org.country) parts.push(text(`, ${org.country}`));
  return parts;
}

/** Short name: abbreviation, else name. */
export const shortName = (org: Organization): string => org.abbreviation ?? org.name;

/** "1 statement", "2 statements". */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Who wrote a statement, honest when the source does not say (with the note on how the source names its author). */
export function authorText(statement: Statement): string {
  if (!statement.author) return statement.authorNote ? `${NOT_NAMED} (${statement.authorNote})` : NOT_NAMED;
  const a = statement.author;
  return a.englishName && a.englishName !== a.name ? `${a.name} (${a.englishName})` : a.name;
}

/** Who wrote a statement, in a few words: "SKP", "Socialist Movement of Kazakhstan", "author not named". */
export const authorShort = (s: Statement): string => (s.author ? shortName(s.author) : 'author not named');

/** "21 January 2022", "February 2022" or "undated". */
export const dateShort = (s: Statement): string => (s.date === UNDATED ? 'undated' : formatContentDate(s.date));

/** "21 January 2022", "February 2022" or "undated", with the date note when there is one. */
export function dateText(statement: Statement): string {
  return statement.dateNote ? `${dateShort(statement)} — ${statement.dateNote}` : dateShort(statement);
}

/** Ends `s` with a full stop unless it already ends with punctuation. */
export const sentence = (s: string): string => (/[.!?…)"”]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** The short labels of statements, as the sources of a fact: "SMK statement, ICOR resolution". */
export function sourcesText(campaign: Campaign, ids: readonly string[]): string {
  return ids.map((id) => campaign.statementById.get(id)?.label ?? id).join(', ');
}

/** A figure line: value and what, then the source's own words and the source's short label. */
export function figureSpans(campaign: Campaign, event: CampaignEvent, index: number): Span[] {
  const f = event.figures[index]!;
  const counted = f.counted === undefined ? '' : f.counted === 'later' ? ', counted on a later day' : `, counted by ${formatContentDate(f.counted)}`;
  return [bold(`${f.value} ${f.what}`), text(` — “${f.quote}” (${sourcesText(campaign, [f.source])}${counted})`)];
}

/** An event's date, saying briefly when its day is public record but in none of its statements. */
export function eventDate(campaign: Campaign, event: CampaignEvent): string {
  return dayInStatements(campaign, event) ? formatDay(event) : `${formatDay(event)} (day not in the statements)`;
}

/** Longest button label (Discord allows 80, but a phone row shows about this much). */
export const MAX_LABEL = 30;

/** A button label of at most 30 characters, cut at a word with "…" when longer. */
export function buttonLabel(value: string): string {
  if (value.length <= MAX_LABEL) return value;
  const cut = value.slice(0, MAX_LABEL - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_LABEL / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/u, '')}…`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An event's button: "4 Jan 2022: Oil workers at…". */
export const eventLabel = (e: CampaignEvent): string => buttonLabel(`${e.day} ${MONTHS[e.month - 1]} ${e.year}: ${e.title}`);

/** Statements with demands, the campaign's featured one first. */
export function withDemands(campaign: Campaign): Statement[] {
  const all = campaign.statements.filter((s) => s.demands.length > 0);
  const first = all.filter((s) => s.id === campaign.meta.demandsFirst);
  return [...first, ...all.filter((s) => s.id !== campaign.meta.demandsFirst)];
}

/** A topic's button: its id in words ("Prisoners", "Right to strike"). */
export const topicLabel = (t: Topic): string => buttonLabel(`${t.id.charAt(0).toUpperCase()}${t.id.slice(1).replace(/[-_]+/g, ' ')}`);
