/**
 * Builds the loaded campaign from content that passed every check: one
 * frozen `Campaign` per language, each with the own-voice fields in that
 * language (falling back to the campaign's `language`, then English, then
 * any language given) and the quotes — demands, figures' values and words,
 * statement titles and texts — the same strings and objects in every one.
 */
import path from 'node:path';
import { FALLBACK_LANGUAGE, LANGUAGES, type Language } from '../i18n/languages.js';
import type { Campaign, CampaignEvent, Organization, Statement } from './campaign.js';
import { ReadOnlyMap, deepFreeze } from './freeze.js';
import { resolveIn, type Localized } from './localized.js';
import { splitParagraphs } from './parse.js';
import {
  NOT_NAMED, UNDATED,
  type CampaignFile, type CampaignSource, type EventEntry, type EventSource, type OrganizationEntry,
  type OrganizationSource, type StatementFrontMatter, type StatementSource, type Topic,
} from './schema.js';

/** A statement file as parsed: its front matter (own-voice fields still `Localized`) and its body. */
export interface StatementFile {
  /** Path relative to the content folder, e.g. `statements/icor-resolution.md`. */
  readonly file: string;
  readonly front: StatementSource;
  readonly body: string;
}

/** Every file of a campaign, parsed and checked. */
export interface ContentFiles {
  readonly meta: CampaignSource;
  readonly organizations: readonly OrganizationSource[];
  readonly statements: readonly StatementFile[];
  readonly events: readonly EventSource[];
}

/** The languages a missing translation falls back to: the campaign's own, then English. */
export const fallbacksOf = (meta: { readonly language?: Language | undefined }): Language[] =>
  [meta.language ?? FALLBACK_LANGUAGE, FALLBACK_LANGUAGE];

/** Dated statements oldest first (a month before the days of that month), then undated ones, ties by id. */
const byDateThenId = (a: { date: string; id: string }, b: { date: string; id: string }): number => {
  const au = a.date === UNDATED;
  const bu = b.date === UNDATED;
  if (au !== bu) return au ? 1 : -1;
  if (!au && a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** A topic's words in every language, this edition's first, each once: any of them finds the topic. */
const allAliases = (aliases: Localized<string[]>, language: Language, fallbacks: readonly Language[]): string[] =>
  [...new Set([...aliases.in(language, fallbacks), ...aliases.all().flat()])];

/** What every edition shares: the statement bodies split into paragraphs, once. */
type Paragraphs = ReadonlyMap<string, readonly string[]>;

/** The statements of one edition, in the campaign's one order. */
function statementsOf(
  meta: CampaignFile, parsed: readonly { file: string; front: StatementFrontMatter; body: string }[],
  org: (id: string) => Organization, paragraphs: Paragraphs,
): Statement[] {
  const statements: Statement[] = parsed.map(({ file, front, body }) => ({
    id: front.id,
    title: front.title,
    label: front.label ?? front.title,
    author: front.author === NOT_NAMED ? undefined : org(front.author),
    ...(front.authorNote !== undefined && { authorNote: front.authorNote }),
    ...(front.coordinatedBy !== undefined && { coordinatedBy: org(front.coordinatedBy) }),
    date: front.date,
    ...(front.dateNote !== undefined && { dateNote: front.dateNote }),
    source: front.source,
    ...(front.publisher !== undefined && { publisher: front.publisher }),
    ...(front.url !== undefined && { url: front.url }),
    ...(front.published !== undefined && { published: front.published }),
    ...(front.publishedNote !== undefined && { publishedNote: front.publishedNote }),
    summary: front.summary,
    ...(front.signatories !== undefined && {
      signatories: {
        ...(front.signatories.asOf !== undefined && { asOf: front.signatories.asOf }),
        ...(front.signatories.note !== undefined && { note: front.signatories.note }),
        organizations: front.signatories.organizations.map(org),
      },
    }),
    ...(front.demandsBy !== undefined && { demandsBy: org(front.demandsBy) }),
    ...(front.demandsNote !== undefined && { demandsNote: front.demandsNote }),
    // The parsed demands themselves: no own-voice field in them, so one list for every edition.
    demands: front.demands,
    body,
    paragraphs: paragraphs.get(file) ?? splitParagraphs(body),
    file,
  }));
  const rank = new Map((meta.statementOrder ?? []).map((id, i) => [id, i]));
  return statements.sort((a, b) => (rank.get(a.id) ?? rank.size) - (rank.get(b.id) ?? rank.size) || byDateThenId(a, b));
}

/** One frozen edition from the files resolved in its language. */
function build(
  dir: string, meta: CampaignFile, orgs: readonly OrganizationEntry[],
  parsed: readonly { file: string; front: StatementFrontMatter; body: string }[], entries: readonly EventEntry[],
  paragraphs: Paragraphs,
): Campaign {
  const organizationById = new ReadOnlyMap<string, Organization>(orgs.map((o) => [o.id, o]));
  const org = (id: string): Organization => {
    const found = organizationById.get(id);
    if (!found) throw new Error(`internal: organisation ${id} passed validation but is missing`);
    return found;
  };
  const statements = statementsOf(meta, parsed, org, paragraphs);
  const events: CampaignEvent[] = entries.map((e) => {
    const [year, month, day] = e.date.split('-').map(Number) as [number, number, number];
    return { ...e, year, month, day };
  });
  // By date only: Array.prototype.sort is stable, so events of one day keep
  // the order events.yaml gives them (the order the statements tell them in).
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  return deepFreeze({
    dir: path.resolve(dir),
    meta,
    topics: meta.topics,
    organizations: [...orgs],
    organizationById,
    statements,
    statementById: new ReadOnlyMap(statements.map((s) => [s.id, s])),
    events,
  });
}

/**
 * One frozen `Campaign` per language (en, ru, kk) from checked content.
 * Every edition's topics carry the words of all languages, so a topic is
 * found by any of them whatever the chat's language.
 */
export function buildEditions(dir: string, files: ContentFiles): ReadonlyMap<Language, Campaign> {
  const fallbacks = fallbacksOf(files.meta);
  const paragraphs: Paragraphs = new Map(files.statements.map((s) => [s.file, splitParagraphs(s.body)]));
  const editions = new Map<Language, Campaign>();
  for (const language of LANGUAGES) {
    const resolved = resolveIn(files.meta, language, fallbacks);
    const topics: Topic[] = resolved.topics.map((t, i) => {
      const source = files.meta.topics[i];
      return source ? { ...t, aliases: allAliases(source.aliases, language, fallbacks) } : t;
    });
    editions.set(language, build(
      dir, { ...resolved, topics }, resolveIn(files.organizations, language, fallbacks),
      files.statements.map((s) => ({ file: s.file, front: resolveIn(s.front, language, fallbacks), body: s.body })),
      resolveIn(files.events, language, fallbacks), paragraphs,
    ));
  }
  return editions;
}
