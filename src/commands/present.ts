/** Rich-message pieces shared by several commands (how an organisation, a statement, a figure reads). */
import type { Campaign, CampaignEvent, Organization, Statement } from '../content/campaign.js';
import { NOT_NAMED, UNDATED } from '../content/schema.js';
import { bold, code, text } from '../rich/build.js';
import type { Span } from '../rich/model.js';
import { formatContentDate } from '../schedule/calendar.js';

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

/** Who wrote a statement, honest when the source does not say. */
export function authorText(statement: Statement): string {
  if (!statement.author) return statement.authorNote ? `${NOT_NAMED} (${statement.authorNote})` : NOT_NAMED;
  const a = statement.author;
  return a.englishName && a.englishName !== a.name ? `${a.name} (${a.englishName})` : a.name;
}

/** "21 January 2022", "February 2022" or "undated", with the date note when there is one. */
export function dateText(statement: Statement): string {
  const date = statement.date === UNDATED ? 'undated' : formatContentDate(statement.date);
  return statement.dateNote ? `${date} — ${statement.dateNote}` : date;
}

/** A statement's title with its id, for lists: "Title (`id`)". */
export const statementRef = (s: Statement): Span[] => [bold(s.title), text(' '), code(s.id)];

/** Ends `s` with a full stop unless it already ends with punctuation. */
export const sentence = (s: string): string => (/[.!?…)"”]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** Statement titles for a list of ids, as the sources of a fact. */
export function sourcesText(campaign: Campaign, ids: readonly string[]): string {
  return ids.map((id) => {
    const s = campaign.statementById.get(id);
    return s ? `${s.author ? shortName(s.author) : 'unnamed author'}: “${s.title}”` : id;
  }).join('; ');
}

/** A figure line: value, what, then the source's own words and the source. */
export function figureSpans(campaign: Campaign, event: CampaignEvent, index: number): Span[] {
  const f = event.figures[index]!;
  return [bold(`${f.value} ${f.what}`), text(` — “${f.quote}” (${sourcesText(campaign, [f.source])})`)];
}
