import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/content/load.js';
import { ContentError, type ContentIssue } from '../../src/errors.js';

const CONTENT = resolve(import.meta.dirname, '../../content');
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A fresh copy of the shipped content in a temporary folder. */
async function copyContent(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'placard-content-'));
  dirs.push(dir);
  await cp(CONTENT, dir, { recursive: true });
  return dir;
}

type Json = Record<string, unknown>;

/** Rewrites a YAML file of the copy through `edit`. */
async function editYaml(dir: string, file: string, edit: (data: Json[] & Json) => void): Promise<void> {
  const data = parse(await readFile(join(dir, file), 'utf8')) as Json[] & Json;
  edit(data);
  await writeFile(join(dir, file), stringify(data));
}

/** Rewrites the front matter of a statement of the copy through `edit`, keeping its body. */
async function editFrontMatter(dir: string, id: string, edit: (front: Json) => void): Promise<void> {
  const path = join(dir, 'statements', `${id}.md`);
  const [, yaml = '', ...body] = (await readFile(path, 'utf8')).split(/^---$/m);
  const front = parse(yaml) as Json;
  edit(front);
  await writeFile(path, `---\n${stringify(front)}---${body.join('---')}`);
}

/** The issues of the ContentError the load must throw. */
async function issuesOf(dir: string): Promise<readonly ContentIssue[]> {
  const error: unknown = await loadCampaign(dir).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ContentError);
  return (error as ContentError).issues;
}

const list = (front: Json, key: string): unknown[] => front[key] as unknown[];

describe('content validation errors name the file and the field', () => {
  it('the untouched copy loads', async () => {
    await expect(loadCampaign(await copyContent())).resolves.toBeTruthy();
  });

  it('an unknown organisation id in a statement\'s signatories', async () => {
    const dir = await copyContent();
    await editFrontMatter(dir, 'icor-resolution', (f) => {
      list(f['signatories'] as Json, 'organizations')[3] = 'no-such-party';
    });
    const issues = await issuesOf(dir);
    expect(issues).toEqual([{ file: 'statements/icor-resolution.md', field: 'signatories.organizations[3]', message: expect.stringContaining('unknown organisation id "no-such-party"') as unknown }]);
  });

  it('a duplicate organisation id', async () => {
    const dir = await copyContent();
    let index = -1;
    await editYaml(dir, 'organizations.yaml', (orgs) => {
      index = orgs.push({ id: 'mlpd', name: 'Another MLPD' }) - 1;
    });
    const issues = await issuesOf(dir);
    expect(issues).toEqual([{ file: 'organizations.yaml', field: `[${index}].id`, message: expect.stringContaining('duplicate organisation id "mlpd"') as unknown }]);
  });

  it('a date that does not exist (2022-02-30), in a statement and in an event', async () => {
    const dir = await copyContent();
    await editFrontMatter(dir, 'solidarity-workers-kazakh-people', (f) => { f['date'] = '2022-02-30'; });
    await editYaml(dir, 'events.yaml', (events) => { (events[1] as Json)['date'] = '2022-02-30'; });
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual({ file: 'statements/solidarity-workers-kazakh-people.md', field: 'date', message: 'is not a real calendar date' });
    expect(issues).toContainEqual({ file: 'events.yaml', field: '[1].date', message: 'is not a real calendar date' });
  });

  it('a malformed statement date says what is allowed', async () => {
    const dir = await copyContent();
    await editFrontMatter(dir, 'skp-statement', (f) => { f['date'] = 'January 2022'; });
    const issues = await issuesOf(dir);
    expect(issues).toEqual([{ file: 'statements/skp-statement.md', field: 'date', message: 'must be YYYY-MM-DD, YYYY-MM or "undated"' }]);
  });

  it('a demand that is not in the statement body', async () => {
    const dir = await copyContent();
    await editFrontMatter(dir, 'smk-statement', (f) => {
      (list(f, 'demands')[2] as Json)['text'] = 'Release of all prisoners!';
    });
    const issues = await issuesOf(dir);
    expect(issues).toEqual([{ file: 'statements/smk-statement.md', field: 'demands[2].text', message: expect.stringContaining('does not appear verbatim') as unknown }]);
  });

  it('an event source that is not a statement', async () => {
    const dir = await copyContent();
    await editYaml(dir, 'events.yaml', (events) => { list(events[2] as Json, 'sources')[0] = 'no-such-statement'; });
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual({ file: 'events.yaml', field: '[2].sources[0]', message: expect.stringContaining('unknown statement id "no-such-statement"') as unknown });
  });

  it('malformed YAML in a data file, with its line, and no follow-up noise', async () => {
    const dir = await copyContent();
    const text = await readFile(join(dir, 'events.yaml'), 'utf8');
    const line = text.split('\n').length; // the line the appended text starts on
    await writeFile(join(dir, 'events.yaml'), `${text.replace(/\n$/, '')}\n- id: [unclosed\n  date: 2022-01-01\n`);
    const issues = await issuesOf(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.file).toBe('events.yaml');
    expect(issues[0]?.field).toBe('');
    expect(issues[0]?.message).toMatch(new RegExp(`^invalid YAML at line (${line}|${line + 1}), column \\d+: `));
  });

  it('malformed YAML in front matter, with its line in the .md file', async () => {
    const dir = await copyContent();
    const path = join(dir, 'statements', 'rise-international-statement.md');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('author: rise\n', 'author: rise\nauthor: rsp\n'));
    const line = text.split('\n').indexOf('author: rise') + 2;
    const issues = await issuesOf(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'statements/rise-international-statement.md', field: '' });
    expect(issues[0]?.message).toMatch(new RegExp(`^invalid YAML at line ${line}, column 1: .*unique`));
  });

  it('a missing file, without follow-up errors about what it would have defined', async () => {
    const dir = await copyContent();
    await rm(join(dir, 'organizations.yaml'));
    const issues = await issuesOf(dir);
    expect(issues).toEqual([{ file: 'organizations.yaml', field: '', message: 'file is missing' }]);
  });

  it('a missing statements folder', async () => {
    const dir = await copyContent();
    await rm(join(dir, 'statements'), { recursive: true });
    const issues = await issuesOf(dir);
    expect(issues).toEqual([{ file: 'statements', field: '', message: 'folder is missing' }]);
  });

  it('a statement whose file name is not its id, and one without front matter', async () => {
    const dir = await copyContent();
    await editFrontMatter(dir, 'skp-statement', (f) => { f['id'] = 'skp-other'; });
    await writeFile(join(dir, 'statements', 'stray.md'), 'Just text, no front matter.\n');
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual({ file: 'statements/skp-statement.md', field: 'id', message: expect.stringContaining('must match the file name') as unknown });
    expect(issues).toContainEqual({ file: 'statements/stray.md', field: '', message: expect.stringContaining('front matter') as unknown });
    // Events still citing skp-statement: the id no longer exists.
    expect(issues.some((i) => i.file === 'events.yaml' && i.message.includes('"skp-statement"'))).toBe(true);
  });

  it('figures: a quote not in its source, a source not among the event\'s sources', async () => {
    const dir = await copyContent();
    await editYaml(dir, 'events.yaml', (events) => {
      const figures = list(events[0] as Json, 'figures') as Json[];
      (figures[0] as Json)['quote'] = 'left 18 dead';
      list(events[0] as Json, 'sources').splice(list(events[0] as Json, 'sources').indexOf('icor-resolution'), 1);
    });
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual({ file: 'events.yaml', field: '[0].figures[0].quote', message: expect.stringContaining('does not appear verbatim') as unknown });
    expect(issues).toContainEqual({ file: 'events.yaml', field: '[0].figures[1].source', message: expect.stringContaining("must also be one of the event's sources") as unknown });
  });

  it('unknown topics, unknown fields, a bad author id and an unknown demandsFirst, all in one error', async () => {
    const dir = await copyContent();
    await editYaml(dir, 'campaign.yaml', (c) => { c['demandsFirst'] = 'nobody'; c['colour'] = 'red'; });
    await editFrontMatter(dir, 'icor-resolution', (f) => {
      (list(f, 'demands')[1] as Json)['topics'] = ['unions', 'no-topic'];
      f['author'] = 'Not An Id';
    });
    await editYaml(dir, 'events.yaml', (events) => { (events[3] as Json)['topics'] = ['ghosts']; });
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual({ file: 'campaign.yaml', field: 'colour', message: 'is not a known field' });
    expect(issues).toContainEqual({ file: 'statements/icor-resolution.md', field: 'author', message: expect.stringContaining('"not named in the source"') as unknown });
    // campaign.yaml failed its schema, so topic and demandsFirst checks wait for it to be fixed.
    expect(issues.some((i) => i.field === 'demandsFirst' || i.message.includes('topic'))).toBe(false);
    await editYaml(dir, 'campaign.yaml', (c) => { delete c['colour']; });
    await editFrontMatter(dir, 'icor-resolution', (f) => { f['author'] = 'icor'; });
    const again = await issuesOf(dir);
    expect(again).toContainEqual({ file: 'campaign.yaml', field: 'demandsFirst', message: expect.stringContaining('unknown statement id "nobody"') as unknown });
    expect(again).toContainEqual({ file: 'statements/icor-resolution.md', field: 'demands[1].topics[1]', message: expect.stringContaining('unknown topic id "no-topic"') as unknown });
    expect(again).toContainEqual({ file: 'events.yaml', field: '[3].topics[0]', message: expect.stringContaining('unknown topic id "ghosts"') as unknown });
  });

  it('a ContentError message lists every issue on its own line', async () => {
    const dir = await copyContent();
    await rm(join(dir, 'events.yaml'));
    await editYaml(dir, 'organizations.yaml', (orgs) => { (orgs[0] as Json)['name'] = ''; });
    const error: unknown = await loadCampaign(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toContain('organizations.yaml: [0].name: must not be empty');
    expect((error as ContentError).message).toContain('events.yaml: file is missing');
  });
});
