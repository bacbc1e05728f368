/**
 * The checker's messages, for a catalogue of broken campaigns: each names
 * the file, the line, the entry counted from 1 and what to do, in people's
 * words (no library text), one message per mistake. The fixtures are the
 * `placard new` template, broken one way each, written to a temp folder.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/content/load.js';
import { templateFiles } from '../../src/content/template/files.js';
import { ContentError, formatContentIssue, type ContentIssue } from '../../src/errors.js';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

type Files = Record<string, string | undefined>;
const STATEMENT = 'statements/example-statement.md';

/** Writes the template with `edit` applied and returns the issues of the load. */
async function issuesOf(edit: (files: Files) => void): Promise<readonly ContentIssue[]> {
  const files: Files = { ...templateFiles() };
  edit(files);
  const dir = await mkdtemp(join(tmpdir(), 'placard-broken-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    if (text === undefined) continue;
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  const error: unknown = await loadCampaign(dir).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ContentError);
  return (error as ContentError).issues;
}

/** Replaces `from` (which must be there) in one file. */
const swap = (files: Files, file: string, from: string, to: string): void => {
  const text = files[file];
  if (text === undefined || !text.includes(from)) throw new Error(`fixture: ${from} not in ${file}`);
  files[file] = text.replace(from, to);
};

/** The line (from 1) of the first line of `file`'s template text containing `needle`. */
const lineOf = (file: string, needle: string, after = ''): number => {
  const lines = (templateFiles()[file] ?? '').split('\n');
  const start = after === '' ? 0 : lines.findIndex((l) => l.includes(after));
  return lines.findIndex((l, i) => i >= start && l.includes(needle)) + 1;
};

interface Case {
  readonly kind: string;
  readonly edit: (files: Files) => void;
  readonly file: string;
  /** Expected line; undefined for a file-level problem without one. */
  readonly line: number | undefined;
  /** Everything the one formatted message must say (position from 1, field, what to do). */
  readonly says: readonly string[];
}

const CATALOGUE: readonly Case[] = [
  { kind: 'a boolean written as a word', edit: (f) => swap(f, 'events.yaml', 'remind: true', 'remind: yes'),
    file: 'events.yaml', line: lineOf('events.yaml', 'remind: true'), says: ['event 1 (example-strike): remind must be true or false', 'you wrote "yes"'] },
  { kind: 'a date written day.month.year (one message, not two)', edit: (f) => swap(f, 'events.yaml', 'date: 2024-03-01', 'date: 01.03.2024'),
    file: 'events.yaml', line: lineOf('events.yaml', 'date: 2024'), says: ['event 1 (example-strike): date must be a date YYYY-MM-DD', 'write 2024-03-01'] },
  { kind: 'a date that does not exist', edit: (f) => swap(f, STATEMENT, 'date: 2024-03-01', 'date: 2024-02-30'),
    file: STATEMENT, line: lineOf(STATEMENT, 'date: 2024'), says: ['date is not a real calendar date', '2024-02-30'] },
  { kind: 'a misspelt field (one message, not "missing" too)', edit: (f) => swap(f, 'campaign.yaml', '\ntitle:', '\ntitel:'),
    file: 'campaign.yaml', line: lineOf('campaign.yaml', 'title: Solidarity'), says: ['titel is not a field here: did you mean "title"?'] },
  { kind: 'an unknown field', edit: (f) => swap(f, 'organizations.yaml', '  country: Examplia', '  country: Examplia\n  colour: red'),
    file: 'organizations.yaml', line: lineOf('organizations.yaml', 'country: Examplia') + 1, says: ['organisation 1 (example-union): colour is not a field here: remove it'] },
  { kind: 'a required field left out', edit: (f) => swap(f, 'events.yaml', '  title: Workers of the example plant strike\n', ''),
    file: 'events.yaml', line: lineOf('events.yaml', '- id: example-strike'), says: ['event 1 (example-strike): title is missing: add a line "title: …"'] },
  { kind: 'a demand not word for word in the body', edit: (f) => swap(f, STATEMENT, '- text: "The right to organise without fear!"', '- text: "The right to organise!"'),
    file: STATEMENT, line: lineOf(STATEMENT, 'The right to organise without'), says: ['demand 2 of example-statement: text does not appear word for word', 'copy it from the body exactly'] },
  { kind: 'an unknown signatory, with a guess', edit: (f) => swap(f, STATEMENT, '[example-union, example-league]', '[example-union, example-leage]'),
    file: STATEMENT, line: lineOf(STATEMENT, 'organizations: [example'), says: ['signatory 2 of example-statement is "example-leage"', 'Did you mean "example-league"?', 'add the organisation to organizations.yaml'] },
  { kind: 'an unknown author', edit: (f) => swap(f, STATEMENT, 'author: example-union', 'author: example-unoin'),
    file: STATEMENT, line: lineOf(STATEMENT, 'author: example'), says: ['author is "example-unoin"', 'Did you mean "example-union"?'] },
  { kind: 'an unknown figure source, with a guess', edit: (f) => swap(f, 'events.yaml', 'source: example-statement', 'source: example-statment'),
    file: 'events.yaml', line: lineOf('events.yaml', 'source: example'), says: ['event 1 (example-strike), figure 1: source is "example-statment"', 'Did you mean "example-statement"?'] },
  { kind: 'an unknown topic, with a guess', edit: (f) => swap(f, STATEMENT, 'topics: [wages]', 'topics: [wage]'),
    file: STATEMENT, line: lineOf(STATEMENT, 'topics: [wages]'), says: ['demand 1 of example-statement: topic 1 is "wage"', 'Did you mean "wages"?'] },
  { kind: 'a duplicate id', edit: (f) => swap(f, 'organizations.yaml', '- id: example-league', '- id: example-union\n  name: Another\n- id: example-league'),
    file: 'organizations.yaml', line: lineOf('organizations.yaml', '- id: example-league'), says: ['organisation 2 (example-union): id is "example-union", already the id of organisation 1', 'give each one its own id'] },
  { kind: 'broken YAML: a bracket left open', edit: (f) => swap(f, 'events.yaml', 'topics: [wages]', 'topics: [wages'),
    file: 'events.yaml', line: undefined, says: ['not valid YAML', 'closed'] },
  { kind: 'a field written twice in front matter (line in the .md file)', edit: (f) => swap(f, STATEMENT, 'author: example-union\n', 'author: example-union\nauthor: example-league\n'),
    file: STATEMENT, line: lineOf(STATEMENT, 'author: example') + 1, says: ['not valid YAML: the field "author" is written twice here: keep one'] },
  { kind: 'a missing file', edit: (f) => { f['organizations.yaml'] = undefined; },
    file: 'organizations.yaml', line: undefined, says: ['the file is missing: create it'] },
  { kind: 'a statement without front matter', edit: (f) => { f['statements/stray.md'] = 'Only text.\n'; },
    file: 'statements/stray.md', line: 1, says: ['must start with its front matter', '"---"'] },
  { kind: 'a translation in a language the bot does not speak', edit: (f) => swap(f, 'campaign.yaml', '\ntitle: Solidarity with the example workers', '\ntitle:\n  en: Solidarity with the example workers\n  de: Solidarität'),
    file: 'campaign.yaml', line: lineOf('campaign.yaml', 'title: Solidarity') + 2, says: ['title.de is not one of the languages', 'en, ru, kk'] },
  { kind: 'a translation left empty', edit: (f) => swap(f, 'events.yaml', '  title: Workers of the example plant strike', '  title: {en: Workers of the example plant strike, ru: ""}'),
    file: 'events.yaml', line: lineOf('events.yaml', 'title: Workers'), says: ['event 1 (example-strike): title.ru must not be empty'] },
  { kind: 'a translated label too long in one language', edit: (f) => swap(f, STATEMENT, 'label: EWU statement', `label: {en: EWU statement, kk: ${'ұ'.repeat(41)}}`),
    file: STATEMENT, line: lineOf(STATEMENT, 'label: EWU'), says: ['label.kk is too long: at most 40 characters (it has 41)'] },
  { kind: 'translations of a list written as a text', edit: (f) => swap(f, 'campaign.yaml', 'aliases: [pay, salary]', 'aliases: {en: [pay, salary], ru: зарплата}'),
    file: 'campaign.yaml', line: lineOf('campaign.yaml', 'aliases: [pay'), says: ['topic 1 (wages): aliases.ru must be a list', '- зарплата'] },
  { kind: 'a time not HH:MM', edit: (f) => swap(f, 'campaign.yaml', 'reminderTime: "09:00"', 'reminderTime: 9am'),
    file: 'campaign.yaml', line: lineOf('campaign.yaml', 'reminderTime:'), says: ['reminderTime must be HH:MM', 'you wrote "9am"'] },
  { kind: 'a number where a text is expected', edit: (f) => swap(f, 'events.yaml', 'value: "two"', 'value: 2'),
    file: 'events.yaml', line: lineOf('events.yaml', 'value: "two"'), says: ['event 1 (example-strike), figure 1: value must be a text: put it in quotes, "2"'] },
  { kind: 'a single value where a list is expected', edit: (f) => swap(f, 'events.yaml', 'sources: [example-statement]', 'sources: example-statement'),
    file: 'events.yaml', line: lineOf('events.yaml', 'sources:'), says: ['event 1 (example-strike): sources must be a list', '- example-statement'] },
  { kind: 'a figure quote not in its source', edit: (f) => swap(f, 'events.yaml', 'quote: "We raise two demands"', 'quote: "We raise 2 demands"'),
    file: 'events.yaml', line: lineOf('events.yaml', 'quote:'), says: ['event 1 (example-strike), figure 1: quote does not appear word for word in statements/example-statement.md', 'copy'] },
  { kind: 'a statement id that is not its file name', edit: (f) => swap(f, STATEMENT, 'id: example-statement', 'id: example-other'),
    file: STATEMENT, line: lineOf(STATEMENT, 'id: example-statement'), says: ['id must match the file name', 'Rename the file to example-other.md, or write id: example-statement'] },
  { kind: 'an author that is not an id', edit: (f) => swap(f, STATEMENT, 'author: example-union', 'author: Example Union'),
    file: STATEMENT, line: lineOf(STATEMENT, 'author: example'), says: ['author must be lower-case letters, digits and dashes', '"not named in the source"'] },
];

describe('content:check in people\'s words: a catalogue of broken files', () => {
  it('has at least 15 kinds', () => { expect(CATALOGUE.length).toBeGreaterThanOrEqual(15); });


  for (const c of CATALOGUE) {
    it(c.kind, async () => {
      const issues = await issuesOf(c.edit);
      const lines = issues.map(formatContentIssue);
      expect(lines, lines.join('\n')).toHaveLength(1);
      const [issue] = issues;
      const [text] = lines;
      expect(issue?.file).toBe(c.file);
      expect(text?.startsWith(`${c.file}${c.line === undefined ? '' : `, line ${c.line}`}`), text).toBe(true);
      if (c.line !== undefined) expect(issue?.line).toBe(c.line);
      if (c.line === undefined && c.says[0]?.startsWith('not valid YAML')) expect(issue?.line).toBeGreaterThan(0);
      for (const s of c.says) expect(text).toContain(s);
      expect(text).not.toMatch(/Invalid input|expected \w+, received|Unrecognized key|Map keys must/);
    });
  }

  it('a ContentError lists every problem on its own line, counted', async () => {
    const issues = await issuesOf((f) => {
      swap(f, 'events.yaml', 'remind: true', 'remind: yes');
      f['organizations.yaml'] = undefined;
    });
    const error = new ContentError('/x', issues);
    expect(error.message).toMatch(/^the content in \/x has 2 problems:\n/);
    expect(error.message).toMatch(/\n {2}events\.yaml, line \d+, column \d+: event 1 /);
    expect(error.message).toContain('\n  organizations.yaml: the file is missing');
  });
});
