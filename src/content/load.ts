/**
 * Loads a campaign's content folder into a typed, cross-checked, frozen
 * `Campaign`: `campaign.yaml`, `organizations.yaml`, `statements/*.md`
 * (YAML front matter between `---` lines, then the body) and `events.yaml`.
 * Every problem in every file is collected and thrown as one `ContentError`.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ContentError, type ContentIssue } from '../errors.js';
import type { Campaign, CampaignEvent, Organization, Statement } from './campaign.js';
import { ReadOnlyMap, deepFreeze } from './freeze.js';
import { locateIssues } from './locate.js';
import { parseYaml, splitFrontMatter, splitParagraphs, type YamlSource } from './parse.js';
import { zodIssues } from './zod-messages.js';
import {
  NOT_NAMED, UNDATED, campaignFileSchema, eventsFileSchema, organizationsFileSchema, statementFrontMatterSchema,
  type CampaignFile, type EventEntry, type OrganizationEntry,
} from './schema.js';
import { checkStatementExtras } from './check-order.js';
import { CONTENT_FILES, crossCheck, type ParsedStatement } from './validate.js';

const errorCode = (err: unknown): string | undefined =>
  err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;

const fsMessage = (err: unknown, what: 'file' | 'folder'): string => {
  const code = errorCode(err);
  if (code === 'ENOENT') return `the ${what} is missing: create it (placard new DIR writes an example of every file)`;
  if (code === 'EISDIR') return 'is a folder, but must be a file';
  if (code === 'ENOTDIR') return 'is a file, but must be a folder';
  return `the ${what} cannot be read (${code ?? 'unknown error'}): check that it exists and may be read`;
};

/** Reads a text file relative to `root`; a failure becomes an issue naming the file. */
async function readText(root: string, rel: string, issues: ContentIssue[]): Promise<string | undefined> {
  try {
    return await readFile(path.join(root, rel), 'utf8');
  } catch (err) {
    issues.push({ file: rel, field: '', message: fsMessage(err, 'file') });
    return undefined;
  }
}

/** The parsed YAML of each file, by path, for pointing issues at their line. */
type Sources = Map<string, { readonly source: YamlSource; readonly value: unknown }>;

/** Reads, parses and validates one YAML file; undefined when anything failed (issues pushed). */
async function loadYamlFile<S extends z.ZodType>(
  root: string, rel: string, schema: S, issues: ContentIssue[], sources: Sources,
): Promise<z.output<S> | undefined> {
  const text = await readText(root, rel, issues);
  if (text === undefined) return undefined;
  const parsed = parseYaml(text, rel, issues);
  if (!parsed.ok) return undefined;
  sources.set(rel, { source: parsed.source, value: parsed.value });
  const result = schema.safeParse(parsed.value, { reportInput: true });
  if (!result.success) {
    issues.push(...zodIssues(result.error, rel, schema));
    return undefined;
  }
  return result.data;
}

/** Reads one statement file; undefined when anything failed (issues pushed). */
async function loadStatement(root: string, rel: string, issues: ContentIssue[], sources: Sources): Promise<ParsedStatement | undefined> {
  const text = await readText(root, rel, issues);
  if (text === undefined) return undefined;
  const split = splitFrontMatter(text);
  if (!split) {
    issues.push({ file: rel, field: '', line: 1, message: 'the file must start with its front matter: a line "---", the fields, another line "---", then the text' });
    return undefined;
  }
  const parsed = parseYaml(split.yaml, rel, issues, 1);
  if (!parsed.ok) return undefined;
  sources.set(rel, { source: parsed.source, value: parsed.value });
  const result = statementFrontMatterSchema.safeParse(parsed.value, { reportInput: true });
  if (!result.success) {
    const hint = ` (or "${NOT_NAMED}")`;
    issues.push(...zodIssues(result.error, rel, statementFrontMatterSchema).map((i) =>
      i.field === 'author' && !i.message.includes(NOT_NAMED) ? { ...i, message: `${i.message}${hint}` } : i));
    return undefined;
  }
  if (split.body === '') {
    issues.push({ file: rel, field: '', message: 'the statement has no text: put its full text, as published, after the closing "---"' });
    return undefined;
  }
  return { file: rel, front: result.data, body: split.body };
}

interface LoadedStatements {
  readonly statements: ParsedStatement[];
  readonly broken: Set<string>;
}

/** Reads every `statements/*.md`, in file-name order. */
async function loadStatements(root: string, issues: ContentIssue[], sources: Sources): Promise<LoadedStatements> {
  const dir = CONTENT_FILES.statements;
  const broken = new Set<string>();
  let names: string[];
  try {
    const entries = await readdir(path.join(root, dir), { withFileTypes: true });
    names = entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => e.name).sort();
  } catch (err) {
    issues.push({ file: dir, field: '', message: fsMessage(err, 'folder') });
    broken.add('*');
    return { statements: [], broken };
  }
  const statements: ParsedStatement[] = [];
  for (const name of names) {
    const s = await loadStatement(root, `${dir}/${name}`, issues, sources);
    if (s) statements.push(s);
    else broken.add(name.replace(/\.md$/, ''));
  }
  return { statements, broken };
}

/** Dated statements oldest first (a month before the days of that month), then undated ones, ties by id. */
const byDateThenId = (a: { date: string; id: string }, b: { date: string; id: string }): number => {
  const au = a.date === UNDATED;
  const bu = b.date === UNDATED;
  if (au !== bu) return au ? 1 : -1;
  if (!au && a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** Builds the typed campaign from content that passed every check. */
function build(
  dir: string, meta: CampaignFile, orgs: readonly OrganizationEntry[],
  parsed: readonly ParsedStatement[], entries: readonly EventEntry[],
): Campaign {
  const organizationById = new ReadOnlyMap<string, Organization>(orgs.map((o) => [o.id, o]));
  const org = (id: string): Organization => {
    const found = organizationById.get(id);
    if (!found) throw new Error(`internal: organisation ${id} passed validation but is missing`);
    return found;
  };
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
    demands: front.demands.map((d) => ({ text: d.text, topics: d.topics })),
    body,
    paragraphs: splitParagraphs(body),
    file,
  }));
  const rank = new Map((meta.statementOrder ?? []).map((id, i) => [id, i]));
  statements.sort((a, b) => (rank.get(a.id) ?? rank.size) - (rank.get(b.id) ?? rank.size) || byDateThenId(a, b));

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
 * Loads and validates the campaign in `dir` (a content folder as described
 * in `schema.ts`). Resolves to the frozen `Campaign`; rejects with one
 * `ContentError` listing every problem found in every file, each with the
 * file (relative to `dir`) and the dotted field it concerns.
 */
export async function loadCampaign(dir: string): Promise<Campaign> {
  const root = path.resolve(dir);
  const issues: ContentIssue[] = [];
  const sources: Sources = new Map();
  const meta = await loadYamlFile(root, CONTENT_FILES.campaign, campaignFileSchema, issues, sources);
  const orgs = await loadYamlFile(root, CONTENT_FILES.organizations, organizationsFileSchema, issues, sources);
  const { statements, broken } = await loadStatements(root, issues, sources);
  const events = await loadYamlFile(root, CONTENT_FILES.events, eventsFileSchema, issues, sources);

  issues.push(...crossCheck({ campaign: meta, organizations: orgs, statements, events, brokenStatements: broken }));
  issues.push(...checkStatementExtras(meta, orgs, statements, broken));
  if (issues.length > 0 || !meta || !orgs || !events) {
    // Each issue with its line and column, its entry counted from 1, and its field named.
    throw new ContentError(dir, issues.flatMap((i) => {
      const from = sources.get(i.file);
      return locateIssues([i], from?.source, from?.value);
    }));
  }
  return build(dir, meta, orgs, statements, events);
}
