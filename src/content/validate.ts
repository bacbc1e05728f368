/**
 * Cross-checks between the content files, after each file passed its own zod
 * schema: ids that must exist or be unique, statement files named after their
 * id, demands and figure quotes that must appear verbatim in a statement body.
 * Pure: takes parsed content, returns every problem found.
 */
import type { ContentIssue } from '../errors.js';
import type { CampaignFile, EventEntry, OrganizationEntry, StatementFrontMatter } from './schema.js';
import { NOT_NAMED } from './schema.js';
import { closest } from '../text/closest.js';

/** Content file names, relative to the content folder. */
export const CONTENT_FILES = {
  campaign: 'campaign.yaml',
  organizations: 'organizations.yaml',
  statements: 'statements',
  events: 'events.yaml',
} as const;

/** A statement file that passed its schema: front matter and body. */
export interface ParsedStatement {
  /** Path relative to the content folder, e.g. `statements/icor-resolution.md`. */
  readonly file: string;
  readonly front: StatementFrontMatter;
  readonly body: string;
}

/**
 * Whatever parsed. A file that failed to load or parse is undefined (its own
 * issue is already reported) and the checks that need it are skipped, so one
 * broken file does not bury the others under follow-up errors.
 */
export interface ParsedContent {
  readonly campaign?: CampaignFile | undefined;
  readonly organizations?: readonly OrganizationEntry[] | undefined;
  readonly statements: readonly ParsedStatement[];
  readonly events?: readonly EventEntry[] | undefined;
  /**
   * Statement ids (file names without `.md`) whose file exists but failed to
   * parse, or `'*'` when the statements folder itself could not be read:
   * references to them are not reported again.
   */
  readonly brokenStatements?: ReadonlySet<string> | undefined;
}

const quoted = (s: string): string => JSON.stringify(s);

/** ` did you mean "x"?` for an unknown id, when a known one is close. */
const didYouMean = (id: string, known: Iterable<string>): string => {
  const [guess] = closest(id, [...known], 1);
  return guess === undefined ? '' : ` Did you mean ${quoted(guess)}?`;
};

/** The predicate for a reference to an id that does not exist: what it is, a guess, what to do. */
const unknownId = (id: string, what: string, known: Iterable<string>, fix: string): string =>
  `is ${quoted(id)}, which is not ${what}.${didYouMean(id, known)} ${fix}`;

const unknownStatement = (id: string, known: Iterable<string>): string =>
  unknownId(id, `a statement (there is no statements/${id}.md)`, known, 'Write the id of a statement, as in its file name.');

/** Reports every id seen before, as `field` of its own entry. */
function duplicates(
  ids: readonly { id: string; file: string; field: string; what: string }[], out: ContentIssue[],
): void {
  const seen = new Map<string, string>();
  for (const { id, file, field, what } of ids) {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, what);
    else out.push({ file, field, message: `is ${quoted(id)}, already the id of ${first}: give each one its own id` });
  }
}

const unknownTopic = (id: string, known: ReadonlySet<string>): string =>
  unknownId(id, `a topic in ${CONTENT_FILES.campaign}`, known, `If not, add it to the topics of ${CONTENT_FILES.campaign}.`);

/** The last path segment of a statement file, without `.md`. */
const baseName = (file: string): string => (file.split('/').pop() ?? file).replace(/\.md$/, '');

/** Statement checks: file name, organisation ids, topic ids, verbatim demands. */
function checkStatement(
  s: ParsedStatement, orgIds: ReadonlySet<string> | undefined, topicIds: ReadonlySet<string> | undefined,
  out: ContentIssue[],
): void {
  const { file, front, body } = s;
  const push = (field: string, message: string): void => { out.push({ file, field, message }); };
  if (baseName(file) !== front.id) {
    push('id', `must match the file name: it is ${quoted(front.id)} in ${file}. Rename the file to ${front.id}.md, or write id: ${baseName(file)}`);
  }
  if (orgIds) {
    const org = (field: string, id: string): void => {
      if (!orgIds.has(id)) {
        push(field, unknownId(id, `an organisation in ${CONTENT_FILES.organizations}`, orgIds, `If not, add the organisation to ${CONTENT_FILES.organizations}.`));
      }
    };
    if (front.author !== NOT_NAMED) org('author', front.author);
    if (front.demandsBy !== undefined) org('demandsBy', front.demandsBy);
    const seen = new Set<string>();
    front.signatories?.organizations.forEach((id, i) => {
      const field = `signatories.organizations[${i}]`;
      if (seen.has(id)) push(field, `is ${quoted(id)} again: list each signatory once`);
      seen.add(id);
      org(field, id);
    });
  }
  front.demands.forEach((demand, i) => {
    if (!body.includes(demand.text)) {
      push(`demands[${i}].text`, 'does not appear word for word in the statement\'s body: copy it from the body exactly (demands are quoted verbatim, never paraphrased or corrected)');
    }
    if (topicIds) {
      demand.topics.forEach((t, j) => {
        if (!topicIds.has(t)) push(`demands[${i}].topics[${j}]`, unknownTopic(t, topicIds));
      });
    }
  });
}

/** Event checks: sources and figure sources exist, quotes are verbatim, topics exist. */
function checkEvent(
  e: EventEntry, index: number, bodies: ReadonlyMap<string, string>, broken: (id: string) => boolean,
  topicIds: ReadonlySet<string> | undefined, out: ContentIssue[],
): void {
  const file = CONTENT_FILES.events;
  const push = (field: string, message: string): void => { out.push({ file, field: `[${index}].${field}`, message }); };
  e.sources.forEach((src, j) => {
    if (!bodies.has(src) && !broken(src)) push(`sources[${j}]`, unknownStatement(src, bodies.keys()));
  });
  e.figures.forEach((f, j) => {
    const body = bodies.get(f.source);
    if (body === undefined) {
      if (!broken(f.source)) push(`figures[${j}].source`, unknownStatement(f.source, bodies.keys()));
      return;
    }
    if (!e.sources.includes(f.source)) push(`figures[${j}].source`, `is ${quoted(f.source)}, which must also be one of the event's sources: add it to sources`);
    if (!body.includes(f.quote)) push(`figures[${j}].quote`, `does not appear word for word in statements/${f.source}.md: copy the source's own words exactly`);
  });
  if (topicIds) {
    e.topics.forEach((t, j) => {
      if (!topicIds.has(t)) push(`topics[${j}]`, unknownTopic(t, topicIds));
    });
  }
}

/**
 * Runs every cross-check over the parsed content and returns the problems,
 * each naming its file (relative to the content folder) and dotted field.
 * Returns an empty array when the content is consistent.
 */
export function crossCheck(content: ParsedContent): ContentIssue[] {
  const out: ContentIssue[] = [];
  const { campaign, organizations, statements, events } = content;
  // A statement whose id is not its file name is reported once; references by its file name are not reported again.
  const misnamed = statements.map((s) => baseName(s.file)).filter((base, i) => base !== statements[i]?.front.id);
  const brokenSet = new Set([...(content.brokenStatements ?? []), ...misnamed]);
  const broken = (id: string): boolean => brokenSet.has('*') || brokenSet.has(id);

  if (campaign) {
    duplicates(campaign.topics.map((t, i) => ({ id: t.id, file: CONTENT_FILES.campaign, field: `topics[${i}].id`, what: `topic ${i + 1}` })), out);
  }
  if (organizations) {
    duplicates(organizations.map((o, i) => ({ id: o.id, file: CONTENT_FILES.organizations, field: `[${i}].id`, what: `organisation ${i + 1}` })), out);
  }
  duplicates(statements.map((s) => ({ id: s.front.id, file: s.file, field: 'id', what: s.file })), out);
  if (events) {
    duplicates(events.map((e, i) => ({ id: e.id, file: CONTENT_FILES.events, field: `[${i}].id`, what: `event ${i + 1}` })), out);
  }

  const orgIds = organizations ? new Set(organizations.map((o) => o.id)) : undefined;
  const topicIds = campaign ? new Set(campaign.topics.map((t) => t.id)) : undefined;
  for (const s of statements) checkStatement(s, orgIds, topicIds, out);

  const bodies = new Map<string, string>();
  for (const s of statements) if (!bodies.has(s.front.id)) bodies.set(s.front.id, s.body);

  if (campaign) {
    const first = statements.find((s) => s.front.id === campaign.demandsFirst);
    if (!first) {
      if (!broken(campaign.demandsFirst)) out.push({ file: CONTENT_FILES.campaign, field: 'demandsFirst', message: unknownStatement(campaign.demandsFirst, bodies.keys()) });
    } else if (first.front.demands.length === 0) {
      out.push({ file: CONTENT_FILES.campaign, field: 'demandsFirst', message: `is ${quoted(campaign.demandsFirst)}, a statement with no demands: name one that has demands` });
    }
  }
  events?.forEach((e, i) => { checkEvent(e, i, bodies, broken, topicIds, out); });
  return out;
}
