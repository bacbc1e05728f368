/**
 * Lookups on a loaded campaign by what people type: ids, abbreviations,
 * names, countries and topics, case- and accent-insensitively.
 */
import { fold, foldLoose } from '../text/fold.js';
import type { Campaign, Organization, Statement } from './campaign.js';
import { editionsOf } from './editions.js';
import type { Topic } from './schema.js';

/** Every organisation that signed at least one statement, with what it signed. */
export interface Signatory {
  readonly organization: Organization;
  readonly statements: readonly Statement[];
}

/** Signatories in content order, each once. */
export function signatories(campaign: Campaign): Signatory[] {
  const byId = new Map<string, { organization: Organization; statements: Statement[] }>();
  for (const statement of campaign.statements) {
    for (const organization of statement.signatories?.organizations ?? []) {
      const entry = byId.get(organization.id) ?? { organization, statements: [] };
      entry.statements.push(statement);
      byId.set(organization.id, entry);
    }
  }
  return [...byId.values()];
}

const same = (a: string | undefined, b: string): boolean => a !== undefined && foldLoose(a) === b;

/** True when `query` (already folded loosely) names the organisation by id, abbreviation or name. */
export function namesOrganization(org: Organization, query: string): boolean {
  return same(org.id, query) || same(org.abbreviation, query) || same(org.name, query) || same(org.englishName, query);
}

/** Organisations named exactly (id, abbreviation, name or English name). */
export function findOrganizations(campaign: Campaign, query: string): Organization[] {
  const q = foldLoose(query);
  return q ? campaign.organizations.filter((o) => namesOrganization(o, q)) : [];
}

/** Every distinct country, sorted. */
export function countries(campaign: Campaign): string[] {
  return [...new Set(campaign.organizations.map((o) => o.country).filter((c): c is string => c !== undefined))].sort();
}

/** A statement by id, by a prefix of its id, by its title, by its sole author, or by who co-ordinated it ("rise"). */
export function findStatement(campaign: Campaign, query: string): Statement | undefined {
  const q = fold(query);
  if (!q) return undefined;
  const exact = campaign.statements.find((s) => s.id === q || fold(s.title) === q);
  if (exact) return exact;
  const prefixed = campaign.statements.filter((s) => s.id.startsWith(q));
  if (prefixed.length === 1) return prefixed[0];
  const loose = foldLoose(query);
  const byAuthor = campaign.statements.filter((s) => s.author && namesOrganization(s.author, loose));
  if (byAuthor.length === 1) return byAuthor[0];
  const byCoordinator = campaign.statements.filter((s) => s.coordinatedBy && namesOrganization(s.coordinatedBy, loose));
  return byAuthor.length === 0 && byCoordinator.length === 1 ? byCoordinator[0] : undefined;
}

/**
 * A topic by id, label or alias (singular/plural forgiven), in any of the
 * campaign's languages: the Russian edition finds `prisoners` by
 * "prisoners", the English one by "заключённые". Returns the topic of
 * `campaign`'s own edition.
 */
export function findTopic(campaign: Campaign, query: string): Topic | undefined {
  const q = foldLoose(query);
  if (!q) return undefined;
  const forms = new Set([q, q.replace(/s$/, ''), `${q}s`]);
  const editions = editionsOf(campaign);
  const words = (t: Topic): string[] => [t.id, ...editions.flatMap((e) => {
    const same = e.topics.find((x) => x.id === t.id);
    return same ? [same.label, ...same.aliases] : [];
  })];
  return campaign.topics.find((t) => words(t).some((v) => forms.has(foldLoose(v))));
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * True when at least one of the event's sources writes its day ("16 December",
 * "December 16th", "16.12.2011"). False means the day comes from elsewhere
 * (public record), which the bot says wherever it shows the date.
 */
export function dayInStatements(campaign: Campaign, event: { readonly day: number; readonly month: number; readonly year: number; readonly sources: readonly string[] }): boolean {
  // A campaign is frozen, so the answer is too: kept per statement list (every edition of a campaign shares it), as the
  // search scans whole statements and /next, /today and /timeline ask on every call.
  let known = daysFound.get(campaign.statementById);
  if (known === undefined) daysFound.set(campaign.statementById, (known = new Map()));
  const key = `${event.year}-${event.month}-${event.day} ${event.sources.join(' ')}`;
  let found = known.get(key);
  if (found === undefined) known.set(key, (found = searchDay(campaign, event)));
  return found;
}

/** What {@link dayInStatements} found, per campaign's statements and event. */
const daysFound = new WeakMap<object, Map<string, boolean>>();

function searchDay(campaign: Campaign, event: { readonly day: number; readonly month: number; readonly year: number; readonly sources: readonly string[] }): boolean {
  const d = String(event.day);
  const m = MONTH_NAMES[event.month - 1]!;
  const mm = String(event.month);
  const pattern = new RegExp(
    `\\b0?${d}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${m}\\b|\\b${m}\\s+0?${d}(?:st|nd|rd|th)?\\b|\\b0?${d}[./]0?${mm}[./](?:${event.year}|${event.year % 100})\\b`, 'i');
  return event.sources.some((id) => pattern.test(campaign.statementById.get(id)?.body ?? ''));
}

/** Statement ids in the campaign's one order of statements (`campaign.statements`); unknown ids last, as given. */
export function inStatementOrder(campaign: Campaign, ids: readonly string[]): string[] {
  const ranks = ranksOf(campaign.statements);
  const rank = (id: string): number => ranks?.get(id) ?? rankIn(campaign.statements, id);
  return [...ids].sort((a, b) => rank(a) - rank(b));
}

/** Where `id` stands in `statements` (the first statement with it); after them all when none has it. */
function rankIn(statements: readonly Statement[], id: string): number {
  const i = statements.findIndex((s) => s.id === id);
  return i < 0 ? statements.length : i;
}

/** Each id's place in a frozen statement list: sorting by it scanned the list on every comparison (the profile of /next). */
const ranks = new WeakMap<readonly Statement[], ReadonlyMap<string, number>>();

function ranksOf(statements: readonly Statement[]): ReadonlyMap<string, number> | undefined {
  if (!Object.isFrozen(statements)) return undefined;
  let known = ranks.get(statements);
  if (known === undefined) {
    const byId = new Map<string, number>();
    statements.forEach((s, i) => { if (!byId.has(s.id)) byId.set(s.id, i); });
    ranks.set(statements, (known = byId));
  }
  return known;
}
