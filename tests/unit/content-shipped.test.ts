import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/content/load.js';

const CONTENT = resolve(import.meta.dirname, '../../content');
const SEEDS = resolve(import.meta.dirname, '../../../shared/seeds');

/** The body of a statement file, read straight from disk, without the loader. */
const rawBody = (id: string): string => {
  const text = readFileSync(resolve(CONTENT, 'statements', `${id}.md`), 'utf8');
  const parts = text.split(/^---$/m);
  expect(parts.length).toBeGreaterThanOrEqual(3);
  return parts.slice(2).join('---');
};

/** Lines of a body, with a leading list marker ("- ", "– ") removed. */
const itemLines = (body: string): string[] => body.split('\n').map((l) => l.replace(/^[-–] /, ''));

describe('the shipped content (Kazakhstan 2022)', () => {
  it('loads without any content issue', async () => {
    const c = await loadCampaign(CONTENT);
    expect(c.meta.id).toBe('kazakhstan-2022');
    expect(c.meta.timeZone).toBe('Asia/Almaty');
    expect(c.meta.reminderTime).toBe('09:00');
    expect(c.statements).toHaveLength(5);
    for (const topic of ['prisoners', 'unions', 'troops', 'nationalisation', 'resignation', 'legalisation', 'repression', 'democracy', 'solidarity']) {
      expect(c.topics.map((t) => t.id)).toContain(topic);
    }
  });

  it('shows the Socialist Movement of Kazakhstan\'s six demands first, each a whole line of its statement', async () => {
    const c = await loadCampaign(CONTENT);
    const smk = c.statementById.get(c.meta.demandsFirst);
    expect(smk?.author?.name).toBe('Socialist Movement of Kazakhstan');
    expect(smk?.demands).toHaveLength(6);
    const lines = itemLines(rawBody(smk?.id ?? ''));
    for (const d of smk?.demands ?? []) expect(lines).toContain(d.text);
    expect(smk?.demands[4]?.text).toMatch(/^Legalize the activities/);
    expect(smk?.demands[5]?.text).toMatch(/to nationalize all extractive and large-scale industries/);
    // Both blocks of demands stay in the body.
    expect(smk?.body).toContain('Legalisation of the activities of the banned Communist Party');
  });

  it('quotes every demand verbatim: each is a whole line (or list item) of the file on disk', async () => {
    const c = await loadCampaign(CONTENT);
    let count = 0;
    for (const s of c.statements) {
      const lines = itemLines(rawBody(s.id));
      for (const d of s.demands) {
        expect(lines, `${s.id}: ${d.text}`).toContain(d.text);
        count += 1;
      }
    }
    expect(count).toBe(6 + 6 + 3 + 3 + 8);
  });

  it('lists the 31 ICOR signatories as of 21 January 2022, names exactly as written', async () => {
    const c = await loadCampaign(CONTENT);
    const icor = c.statementById.get('icor-resolution');
    const orgs = icor?.signatories?.organizations ?? [];
    expect(orgs).toHaveLength(31);
    expect(icor?.signatories?.asOf).toBe('2022-01-21');
    expect(icor?.signatories?.note).toContain('further signatories possible');
    for (const abbr of ['UC', 'UPML']) {
      expect(orgs.find((o) => o.abbreviation === abbr)?.country).toBe('France');
    }
    const body = rawBody('icor-resolution');
    orgs.forEach((o, i) => {
      const line = `${i + 1}. ${o.abbreviation ?? ''} ${o.name}${o.englishName ? ` (${o.englishName})` : ''}`;
      expect(body, line).toContain(line);
    });
    expect(orgs.find((o) => o.abbreviation === 'PCT')?.name).toBe('Parti Comuniste du Togo');
    expect(orgs.map((o) => o.abbreviation)).toContain('БКП');
    expect(orgs.map((o) => o.abbreviation)).toContain('CPI (ML) Red Star');
  });

  it('names no author the text does not name', async () => {
    const c = await loadCampaign(CONTENT);
    const unnamed = c.statementById.get('solidarity-workers-kazakh-people');
    expect(unnamed?.author).toBeUndefined();
    expect(unnamed?.authorNote).toBeTruthy();
    // No date of writing; the header "N° 21 février 2022" is its publication's, read both ways.
    expect(unnamed?.date).toBe('undated');
    expect(unnamed?.published).toBe('2022-02');
    expect(unnamed?.publishedNote).toMatch(/issue no\. 21 of February 2022 or 21 February 2022/);
    const rise = c.statementById.get('rise-international-statement');
    // Co-ordinated by RISE, written by no one the text names.
    expect(rise?.author).toBeUndefined();
    expect(rise?.coordinatedBy?.id).toBe('rise');
    expect(rise?.signatories?.organizations.map((o) => o.id)).toEqual(['rsp']);
    expect(rise?.signatories?.asOf).toBeUndefined();
    expect(c.statementById.get('skp-statement')?.demandsBy?.id).toBe('smk');
  });

  it('keeps every figure with its source, quoted verbatim, where statements disagree', async () => {
    const c = await loadCampaign(CONTENT);
    const zh = c.events.find((e) => e.id === 'zhanaozen-massacre-2011');
    expect(zh?.date).toBe('2011-12-16');
    expect(zh?.remind).toBe(true);
    expect(zh?.note).toMatch(/public record/);
    expect(zh?.figures.map((f) => [f.value, f.source])).toEqual([['17', 'solidarity-workers-kazakh-people'], ['16', 'icor-resolution']]);
    const up = c.events.find((e) => e.date === '2022-01-02');
    expect(up?.figures.map((f) => f.value)).toEqual(expect.arrayContaining(['over 160', 'at least 225', 'more than 8,000', 'more than 3,000']));
    for (const e of c.events) {
      for (const f of e.figures) expect(rawBody(f.source), `${e.id}: ${f.quote}`).toContain(f.quote);
    }
    expect(c.events.find((e) => e.date === '2022-01-21')?.remind).toBe(false);
  });

  it('differs from the seed texts only by white space and the listed scraping artefacts', () => {
    if (!existsSync(SEEDS)) return; // the seeds live next to the repository, not in it
    const ids: Record<string, string> = {
      '000': 'skp-statement', '001': 'smk-statement', '002': 'solidarity-workers-kazakh-people',
      '003': 'icor-resolution', '004': 'rise-international-statement',
    };
    const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
    for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
      const id = ids[file.slice(0, 3)];
      if (!id) continue;
      let seed = readFileSync(resolve(SEEDS, file), 'utf8').replace(/^\s*Gantry 5\s*/, '');
      const title = 'Statement by the Socialist Movement of Kazakhstan on the situation in the country';
      if (id === 'smk-statement') seed = seed.replace(title, '');
      expect(squash(rawBody(id)), id).toBe(squash(seed));
    }
  });
});
