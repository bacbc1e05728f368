/**
 * The campaign in three languages: own-voice fields translated per edition
 * with their fallbacks, quotes the same strings and objects in every edition,
 * topics found by the words of any language, and `content:check` warning
 * (without failing) about each missing translation.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/content/campaign.js';
import { campaignIn, editionsOf } from '../../src/content/editions.js';
import { jsonSchema } from '../../src/content/json-schema.js';
import { loadCampaign, loadContent } from '../../src/content/load.js';
import { findTopic } from '../../src/content/queries.js';
import { templateFiles } from '../../src/content/template/files.js';
import { formatWarning } from '../../src/content/translations.js';
import { runNpm } from '../helpers/cli.js';

const CONTENT = resolve(import.meta.dirname, '../../content');

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

/** Writes the `placard new` template with `edit` applied to its files; returns the folder. */
async function template(edit: (files: Record<string, string>) => void = () => undefined): Promise<string> {
  const files: Record<string, string> = { ...templateFiles() };
  edit(files);
  const dir = await mkdtemp(join(tmpdir(), 'placard-editions-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return dir;
}

/** Replaces `from` (which must be there) in one file of the template. */
const swap = (files: Record<string, string>, file: string, from: string, to: string): void => {
  const text = files[file];
  if (text === undefined || !text.includes(from)) throw new Error(`fixture: ${from} not in ${file}`);
  files[file] = text.replace(from, to);
};

describe('the shipped campaign in English, Russian and Kazakh', () => {
  let en: Campaign;
  let ru: Campaign;
  let kk: Campaign;
  beforeAll(async () => {
    en = await loadCampaign(CONTENT);
    ru = campaignIn(en, 'ru');
    kk = campaignIn(en, 'kk');
  });

  it('loads the English edition (the campaign sets no language) and registers the others', () => {
    expect(en.meta.title).toBe('Solidarity with the workers of Kazakhstan (January 2022)');
    expect(campaignIn(en, 'en')).toBe(en);
    expect(campaignIn(ru, 'en')).toBe(en);
    expect(campaignIn(kk, 'ru')).toBe(ru);
    expect(editionsOf(ru)).toHaveLength(3);
    expect(editionsOf(ru)[0]).toBe(ru);
    for (const edition of [en, ru, kk]) expect(Object.isFrozen(edition)).toBe(true);
  });

  it('gives the campaign, its events, statements, topics and notes in the edition\'s language', () => {
    expect(ru.meta.title).toBe('Солидарность с рабочими Казахстана (январь 2022 года)');
    expect(kk.meta.title).toBe('Қазақстан жұмысшыларымен ынтымақтастық (2022 жылғы қаңтар)');
    expect(ru.meta.summary).toMatch(/^Международная кампания солидарности/);
    expect(kk.meta.summary).toMatch(/халықаралық ынтымақтастық науқаны/);
    expect(ru.meta.callToAction?.text).toMatch(/^Помните о жертвах/);
    expect(kk.meta.callToAction?.hashtag).toBe('#Kazakhstan');
    const event = (c: Campaign, id: string) => c.events.find((e) => e.id === id);
    expect(event(ru, 'zhanaozen-massacre-2011')?.title).toBe('В Жанаозене убиты бастующие нефтяники');
    expect(event(kk, 'zhanaozen-massacre-2011')?.title).toBe('Жаңаөзенде ереуілге шыққан мұнайшылар өлтірілді');
    expect(event(ru, 'zhanaozen-massacre-2011')?.place).toBe('Жанаозен');
    expect(event(kk, 'zhanaozen-massacre-2011')?.place).toBe('Жаңаөзен');
    expect(event(ru, 'uprising-begins')?.title).toBe('В Казахстане начинается восстание');
    expect(event(kk, 'csto-troops-arrive')?.title).toBe('ҰҚШҰ әскерлері Қазақстанға келеді');
    expect(event(ru, 'uprising-begins')?.figures.map((f) => f.what)).toContain('арестованных');
    expect(ru.topics.find((t) => t.id === 'prisoners')?.label).toBe('Освобождение политзаключённых и задержанных');
    expect(kk.topics.find((t) => t.id === 'prisoners')?.label).toBe('Саяси тұтқындар мен ұсталғандарды босату');
    expect(ru.statementById.get('icor-resolution')?.label).toBe('Резолюция ICOR');
    expect(kk.statementById.get('icor-resolution')?.label).toBe('ICOR қарары');
    expect(ru.statementById.get('smk-statement')?.summary).toMatch(/^Социалистическое движение Казахстана описывает/);
    expect(kk.organizationById.get('rsp')?.note).toBe('Дереккөз оның елін көрсетпейді.');
    // In every edition, every field that reads as a sentence of the campaign's own is in its language.
    for (const [edition, script] of [[ru, /[а-яё]/i], [kk, /[а-яәғқңөұүһі]/i]] as const) {
      for (const e of edition.events) expect(`${e.title} ${e.summary} ${e.note ?? ''}`, e.id).toMatch(script);
      for (const s of edition.statements) expect(s.summary, s.id).toMatch(script);
    }
  });

  it('keeps every quote the same in every edition: demands, figures, titles, bodies, names', () => {
    for (const edition of [ru, kk]) {
      edition.statements.forEach((s) => {
        const original = en.statementById.get(s.id);
        expect(s.title).toBe(original?.title);
        expect(s.body).toBe(original?.body);
        expect(s.source).toBe(original?.source);
        // The very same objects, not copies.
        expect(s.demands).toBe(original?.demands);
        expect(s.paragraphs).toBe(original?.paragraphs);
      });
      edition.events.forEach((e, i) => {
        const original = en.events[i];
        expect(e.id).toBe(original?.id);
        expect(e.figures.map((f) => [f.value, f.quote, f.source])).toEqual(original?.figures.map((f) => [f.value, f.quote, f.source]));
      });
      expect(edition.organizations.map((o) => [o.name, o.abbreviation, o.englishName, o.country]))
        .toEqual(en.organizations.map((o) => [o.name, o.abbreviation, o.englishName, o.country]));
    }
    expect(ru.statementById.get('smk-statement')?.demands[2]?.text).toBe('Release of all political prisoners and detainees!');
  });

  it('finds a topic by the words of any language, in every edition, with the edition\'s own label', () => {
    for (const edition of [en, ru, kk]) {
      for (const word of ['заключённые', 'заключенные', 'политзаключённых', 'узники', 'тұтқындар', 'саяси тұтқындар', 'prisoners', 'Освобождение политзаключённых и задержанных']) {
        expect(findTopic(edition, word)?.id, `${word} in ${edition.meta.title}`).toBe('prisoners');
      }
      expect(findTopic(edition, 'забастовка')?.id).toBe('unions');
      expect(findTopic(edition, 'ереуіл')?.id).toBe('unions');
      expect(findTopic(edition, 'ОДКБ')?.id).toBe('troops');
      expect(findTopic(edition, 'ҰҚШҰ')?.id).toBe('troops');
    }
    expect(findTopic(ru, 'тұтқындар')?.label).toBe('Освобождение политзаключённых и задержанных');
    expect(findTopic(en, 'заключённые')?.label).toBe('Release of political prisoners and detainees');
    expect(findTopic(kk, 'prisoners')?.label).toBe('Саяси тұтқындар мен ұсталғандарды босату');
  });

  it('has no missing translation: content:check has nothing to warn about', async () => {
    const { warnings } = await loadContent(CONTENT);
    expect(warnings.map(formatWarning)).toEqual([]);
  });
});

describe('fallbacks: the campaign\'s language, then English, then any language given', () => {
  /** The template's campaign title written as `title`, with `language` set when given; the editions' titles. */
  async function titles(title: string, language?: string): Promise<{ loaded: string; en: string; ru: string; kk: string }> {
    const dir = await template((f) => {
      swap(f, 'campaign.yaml', 'title: Solidarity with the example workers', `title: ${title}`);
      if (language) swap(f, 'campaign.yaml', '# language: en', `language: ${language}`);
    });
    const c = await loadCampaign(dir);
    return { loaded: c.meta.title, en: campaignIn(c, 'en').meta.title, ru: campaignIn(c, 'ru').meta.title, kk: campaignIn(c, 'kk').meta.title };
  }

  it('uses each language where it is given', async () => {
    expect(await titles('{en: E, ru: R, kk: K}')).toEqual({ loaded: 'E', en: 'E', ru: 'R', kk: 'K' });
  });

  it('falls back to the campaign\'s language before English, and loads the edition in the campaign\'s language', async () => {
    expect(await titles('{en: E, kk: K}', 'kk')).toEqual({ loaded: 'K', en: 'E', ru: 'K', kk: 'K' });
    expect(await titles('{ru: R, kk: K}', 'kk')).toEqual({ loaded: 'K', en: 'K', ru: 'R', kk: 'K' });
  });

  it('falls back to English when the campaign\'s language is missing too, then to any language given', async () => {
    expect(await titles('{en: E, ru: R}', 'kk')).toEqual({ loaded: 'E', en: 'E', ru: 'R', kk: 'E' });
    expect(await titles('{kk: K}')).toEqual({ loaded: 'K', en: 'K', ru: 'K', kk: 'K' });
    expect(await titles('{ru: R, kk: K}')).toEqual({ loaded: 'R', en: 'R', ru: 'R', kk: 'K' });
  });

  it('gives a text written once in every edition', async () => {
    expect(await titles('Plain', 'ru')).toEqual({ loaded: 'Plain', en: 'Plain', ru: 'Plain', kk: 'Plain' });
  });
});

describe('content:check warns about missing translations without failing', () => {
  it('sums up a campaign without translations in one line per language', async () => {
    const { warnings } = await loadContent(await template());
    const lines = warnings.map(formatWarning);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^no Russian \(ru\) translations: \d+ fields; add them as title: \{en: …, ru: …\}/);
    expect(lines[1]).toMatch(/^no Kazakh \(kk\) translations: \d+ fields; add them as title: \{en: …, kk: …\}/);
  });

  it('names each field missing a language once the campaign has begun translating into it', async () => {
    const dir = await template((f) => {
      swap(f, 'campaign.yaml', 'title: Solidarity with the example workers', 'title: {en: Solidarity with the example workers, ru: Солидарность с рабочими примера}');
    });
    const { warnings } = await loadContent(dir);
    const lines = warnings.map(formatWarning);
    // Kazakh: still none at all, one line. Russian: one line per field without it.
    expect(lines.filter((l) => l.includes('(kk)'))).toHaveLength(1);
    expect(lines).not.toContainEqual(expect.stringMatching(/^campaign\.yaml, line \d+, column 1: title has no Russian/));
    const campaignYaml = templateFiles()['campaign.yaml']!.split('\n');
    const summaryLine = campaignYaml.findIndex((l) => l.startsWith('summary:')) + 1;
    expect(lines).toContain(`campaign.yaml, line ${summaryLine}, column 1: summary has no Russian (ru) translation`);
    expect(lines).toContainEqual(expect.stringMatching(/^events\.yaml, line \d+, column 3: event 1 \(example-strike\): title has no Russian \(ru\) translation$/));
    expect(lines).toContainEqual(expect.stringMatching(/^events\.yaml, line \d+, column \d+: event 1 \(example-strike\), figure 1: what has no Russian \(ru\) translation$/));
    expect(lines).toContainEqual(expect.stringMatching(/^campaign\.yaml, line \d+, column \d+: topic 2 \(unions\): label has no Russian \(ru\) translation$/));
    expect(lines).toContainEqual(expect.stringMatching(/^statements\/example-statement\.md, line \d+, column 1: summary has no Russian \(ru\) translation$/));
    // Quotes are never asked for: no warning about a demand, a figure's value or quote, a title of a statement.
    expect(lines.join('\n')).not.toMatch(/demand|value has|quote has|source has|name has/);
    // A topic's aliases are asked for in each language; a topic without aliases has nothing to translate.
    expect(lines).toContainEqual(expect.stringMatching(/topic 1 \(wages\): aliases has no Russian \(ru\) translation$/));
    const without = await loadContent(await template((f) => {
      swap(f, 'campaign.yaml', 'title: Solidarity with the example workers', 'title: {en: Solidarity with the example workers, ru: Солидарность}');
      swap(f, 'campaign.yaml', '    aliases: [pay, salary]\n', '');
    }));
    expect(without.warnings.map(formatWarning)).not.toContainEqual(expect.stringContaining('topic 1 (wages): aliases'));
  });

  it('prints the warnings and still passes: npm run content:check', async () => {
    const dir = await template();
    const r = await runNpm(['run', 'content:check', '--', dir], '', {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('content OK');
    expect(r.stdout).toContain('2 warnings');
    expect(r.stdout).toContain('no Kazakh (kk) translations');
    const shipped = await runNpm(['run', 'content:check'], '', {});
    expect(shipped.code).toBe(0);
    expect(shipped.stdout).not.toContain('warning');
  }, 60_000);
});

describe('the JSON Schemas describe the translated form', () => {
  it('lets an own-voice field be a text or its translations, and a quote only a text', () => {
    const events = jsonSchema('events');
    const entry = (events.items as { properties: Record<string, { anyOf?: { type?: string; properties?: Record<string, unknown> }[]; type?: string }> }).properties;
    expect(entry.title?.anyOf?.map((n) => n.type)).toEqual(['string', 'object']);
    expect(Object.keys(entry.title?.anyOf?.[1]?.properties ?? {})).toEqual(['en', 'ru', 'kk']);
    const statement = jsonSchema('statement').properties ?? {};
    expect(statement.title?.type).toBe('string');
    expect(statement.summary?.anyOf).toHaveLength(2);
  });

  it('npm run content:schema -- --check finds the generated files up to date', async () => {
    const r = await runNpm(['run', 'content:schema', '--', '--check'], '', {});
    expect(r.stdout + r.stderr).toContain('up to date');
    expect(r.code).toBe(0);
    expect(await readFile(join(CONTENT, 'schema', 'campaign.json'), 'utf8')).toContain('"kk"');
  }, 60_000);
});
