/**
 * Loads a campaign's content folder into typed, cross-checked, frozen
 * `Campaign`s, one per language (`build.ts`): `campaign.yaml`,
 * `organizations.yaml`, `statements/*.md` (YAML front matter between `---`
 * lines, then the body) and `events.yaml`. Every problem in every file is
 * collected and thrown as one `ContentError`; missing translations are
 * warnings (`translations.ts`).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ContentError, type ContentIssue } from '../errors.js';
import { FALLBACK_LANGUAGE } from '../i18n/languages.js';
import type { Campaign } from './campaign.js';
import { buildEditions, fallbacksOf, type StatementFile } from './build.js';
import { registerEditions } from './editions.js';
import { resolveIn } from './localized.js';
import { locateIssues } from './locate.js';
import { parseYaml, splitFrontMatter, type YamlSource } from './parse.js';
import { zodIssues } from './zod-messages.js';
import {
  NOT_NAMED, campaignFileSchema, eventsFileSchema, organizationsFileSchema, statementFrontMatterSchema,
} from './schema.js';
import { checkStatementExtras } from './check-order.js';
import { translationWarnings, type ContentWarning } from './translations.js';
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
async function loadStatement(root: string, rel: string, issues: ContentIssue[], sources: Sources): Promise<StatementFile | undefined> {
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
  readonly statements: StatementFile[];
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
  const statements: StatementFile[] = [];
  for (const name of names) {
    const s = await loadStatement(root, `${dir}/${name}`, issues, sources);
    if (s) statements.push(s);
    else broken.add(name.replace(/\.md$/, ''));
  }
  return { statements, broken };
}

/** A loaded campaign and what `placard check` says about it without refusing it. */
export interface LoadedContent {
  /** The edition in the campaign's own language; `campaignIn` gives the others. */
  readonly campaign: Campaign;
  /** Missing translations of own-voice fields, each naming its file and field (or one line per language). */
  readonly warnings: readonly ContentWarning[];
}

/**
 * Loads and validates the campaign in `dir` (a content folder as described
 * in `schema.ts`), with the warnings `placard check` shows. Builds one
 * frozen edition per language and registers them (`campaignIn`); resolves
 * to the edition in the campaign's `language` (English when it sets none).
 * Rejects with one `ContentError` listing every problem found in every
 * file, each with the file (relative to `dir`) and the dotted field it
 * concerns.
 */
export async function loadContent(dir: string): Promise<LoadedContent> {
  const root = path.resolve(dir);
  const issues: ContentIssue[] = [];
  const sources: Sources = new Map();
  const meta = await loadYamlFile(root, CONTENT_FILES.campaign, campaignFileSchema, issues, sources);
  const orgs = await loadYamlFile(root, CONTENT_FILES.organizations, organizationsFileSchema, issues, sources);
  const { statements, broken } = await loadStatements(root, issues, sources);
  const events = await loadYamlFile(root, CONTENT_FILES.events, eventsFileSchema, issues, sources);

  // The checks read every field in the campaign's own language.
  const language = meta?.language ?? FALLBACK_LANGUAGE;
  const fallbacks = fallbacksOf({ language });
  const resolved = {
    campaign: meta && resolveIn(meta, language, fallbacks),
    organizations: orgs && resolveIn(orgs, language, fallbacks),
    statements: statements.map((s): ParsedStatement => ({ file: s.file, front: resolveIn(s.front, language, fallbacks), body: s.body })),
    events: events && resolveIn(events, language, fallbacks),
  };
  issues.push(...crossCheck({ ...resolved, brokenStatements: broken }));
  issues.push(...checkStatementExtras(resolved.campaign, resolved.organizations, resolved.statements, broken));
  if (issues.length > 0 || !meta || !orgs || !events) {
    // Each issue with its line and column, its entry counted from 1, and its field named.
    throw new ContentError(dir, issues.flatMap((i) => {
      const from = sources.get(i.file);
      return locateIssues([i], from?.source, from?.value);
    }));
  }
  const editions = buildEditions(dir, { meta, organizations: orgs, statements, events });
  registerEditions(editions);
  const parsed = [
    { file: CONTENT_FILES.campaign, parsed: meta },
    { file: CONTENT_FILES.organizations, parsed: orgs },
    ...statements.map((s) => ({ file: s.file, parsed: s.front })),
    { file: CONTENT_FILES.events, parsed: events },
  ].map((f) => ({ ...f, source: sources.get(f.file)?.source, yaml: sources.get(f.file)?.value }));
  const campaign = editions.get(language);
  if (!campaign) throw new Error(`internal: no edition in ${language}`);
  return { campaign, warnings: translationWarnings(parsed, language) };
}

/**
 * Loads and validates the campaign in `dir`: `loadContent` without the
 * warnings. Resolves to the frozen `Campaign` in the campaign's language
 * (`campaignIn(campaign, 'ru')` gives its Russian edition); rejects with one
 * `ContentError` listing every problem found.
 */
export async function loadCampaign(dir: string): Promise<Campaign> {
  return (await loadContent(dir)).campaign;
}
