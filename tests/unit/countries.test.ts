/**
 * Countries (issue 13, item 8; issue 14, item 5): every organisation's
 * country is backed by its source or read from its name and shown as such;
 * `/signatories` finds countries by their usual names and ISO codes in
 * several languages and by the source's own spelling, and organisations
 * across scripts; it never suggests the text that just failed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import isoCountries from 'i18n-iso-countries/index.js';
import { renderReply } from '../../adapters/console/render.js';
import { choicesFor } from '../../src/commands/choices.js';
import type { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import type { Organization } from '../../src/content/campaign.js';
import { organizationSchema } from '../../src/content/schema.js';
import type { Reply } from '../../src/rich/model.js';
import { COUNTRY_LOCALES, countryMatches, countryName, countryText } from '../../src/text/countries.js';
import { matchKey } from '../../src/text/script.js';
import { invocation, testDispatcher, voice } from '../helpers/core.js';

const plain = (r: Reply): string => renderReply(r, { ansi: false });

/** The ICOR list as the source gives it: 7 state a country after a comma, 23 name one, OAPCM neither. */
const ICOR: Record<string, readonly [string | undefined, 'source' | 'name' | undefined]> = {
  pcpci: ['Ivory Coast', 'name'], 'upc-manidem': ['Cameroon', 'name'], mmlpl: ['Morocco', 'name'],
  'cpsa-ml': ['South Africa', 'name'], pct: ['Togo', 'name'], ppds: ['Tunisia', 'source'], cpb: ['Bangladesh', 'name'],
  spb: ['Bangladesh', 'name'], 'cpi-ml-red-star': ['India', 'name'], 'ncp-mashal': ['Nepal', 'name'], pprf: ['Nepal', 'name'],
  'cpa-ml': ['Australia', 'name'], bkp: ['Bulgaria', 'name'], 'pr-byh': ['Bosnia and Herzegovina', 'name'],
  mlpd: ['Germany', 'name'], uc: ['France', 'source'], upml: ['France', 'source'],
  'bp-nk-t': ['North Kurdistan / Turkey', 'name'], kol: ['Luxemburg', 'name'], rm: ['Netherlands', 'source'],
  umlp: ['Portugal', 'name'], mlgs: ['Switzerland', 'name'], 'tkp-ml': ['Turkey', 'name'], mlkp: ['Turkey / Kurdistan', 'name'],
  ksrd: ['Ukraine', 'source'], 'pcc-m': ['Colombia', 'name'], oapcm: [undefined, undefined],
  'pcp-independiente': ['Paraguay', 'name'], 'pc-ml': ['Dominican Republic', 'source'], 'pcr-u': ['Uruguay', 'name'],
  rol: ['USA', 'source'],
};

describe('countries', () => {
  let dispatcher: Dispatcher;
  let services: Services;
  const ask = async (text: string): Promise<Reply> => dispatcher.dispatch(invocation('signatories', text));
  const shown = async (text: string): Promise<string> => plain(await ask(text));
  /** Abbreviations of the organisations listed in an answer (one "- ABBR — …" line each). */
  const listed = async (text: string): Promise<string[]> =>
    (await shown(text)).split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2).split(' — ')[0]!);
  const org = (id: string): Organization => services.campaign.organizationById.get(id)!;
  beforeAll(async () => { ({ dispatcher, services } = await testDispatcher()); });

  describe('content: no country the source does not support', () => {
    it('the 31 ICOR signatories carry the country the list or the name gives, and where it comes from', () => {
      const icor = services.campaign.statementById.get('icor-resolution')!;
      expect(icor.signatories!.organizations.map((o) => o.id)).toEqual(Object.keys(ICOR));
      for (const [id, [country, from]] of Object.entries(ICOR)) {
        expect({ id, country: org(id).country, from: org(id).countryFrom }).toEqual({ id, country, from });
      }
      expect(Object.values(ICOR).filter(([, from]) => from !== 'source')).toHaveLength(24);
    });

    it('a country stated by the source is in its text; one read from a name is in that name', () => {
      const bodies = services.campaign.statements.map((s) => s.body).join('\n');
      for (const o of services.campaign.organizations.filter((x) => x.country !== undefined)) {
        expect(o.countryFrom, o.id).toBeDefined();
        if (o.countryFrom === 'source') {
          const line = bodies.split('\n').find((l) => l.includes(o.name) && l.trimEnd().endsWith(`, ${o.country}`));
          const irish = o.id === 'rise' && bodies.includes('the Irish organisation RISE');
          expect(line !== undefined || irish, `${o.id}: ${o.country}`).toBe(true);
        } else {
          const names = matchKey(`${o.name} ${o.englishName ?? ''}`);
          for (const part of o.country!.split('/')) expect(names, `${o.id}: ${part}`).toContain(matchKey(part).slice(0, 6));
        }
      }
    });

    it('countryFrom without a country, or with another word, is refused', () => {
      expect(organizationSchema.safeParse({ id: 'x', name: 'X', countryFrom: 'name' }).success).toBe(false);
      expect(organizationSchema.safeParse({ id: 'x', name: 'X', country: 'Y', countryFrom: 'guess' }).success).toBe(false);
      expect(organizationSchema.safeParse({ id: 'x', name: 'X', country: 'Y', countryFrom: 'name' }).success).toBe(true);
    });
  });

  describe('what the bot shows', () => {
    it('a country read from a name says so; one the source states does not; none where neither', async () => {
      expect(await shown('Kurdistan')).toContain('BP (NK-T) — Bolşevik Parti (Kuzey Kürdistan-Türkiye) (Bolshevik Party (North Kurdistan-Turkey)), North Kurdistan / Turkey (from its name)');
      expect(await shown('KOL')).toContain(', Luxemburg (from its name)');
      expect(await shown('UC')).toMatch(/Unité Communiste \(Communist United\), France\n/);
      expect(await shown('OAPCM')).toMatch(/\(Supporting Organization of the Communist Party of Mexico\)\n/);
    });

    it('every signatory line shows exactly the content country, marked when read from the name', async () => {
      const lines: string[] = [];
      for (let page = 1; page <= 4; page++) lines.push(...(await shown(String(page))).split('\n').filter((l) => l.startsWith('- ')));
      const orgs = services.campaign.statementById.get('icor-resolution')!.signatories!.organizations;
      for (const o of orgs) {
        const line = lines.find((l) => l.startsWith(`- ${o.abbreviation} — `))!;
        const tail = o.country === undefined ? '' : o.countryFrom === 'name' ? `, ${o.country} (from its name)` : `, ${o.country}`;
        expect(line.endsWith(`${o.englishName ? `(${o.englishName})` : o.name}${tail}`), line).toBe(true);
      }
    });
  });

  describe('/signatories by country', () => {
    it.each(['luxembourg', 'Luxemburg', 'Люксембург', 'LU', 'lux', 'Luxemburgo'])('%s finds KOL, which the source writes “Luxemburg”', async (q) => {
      expect(await listed(q)).toEqual(['KOL']);
    });

    it.each(['франция', 'Франция', 'France', 'Frankreich', 'Francia', 'FR'])('%s lists UC and UPML', async (q) => {
      expect(await listed(q)).toEqual(['UC', 'UPML']);
    });

    it.each(['Kurdistan', 'Курдистан', 'Kürdistan'])('%s finds BP (NK-T), tied to North Kurdistan by its name, and MLKP', async (q) => {
      expect(await listed(q)).toEqual(['BP (NK-T)', 'MLKP']);
    });

    it.each([
      ['Türkiye', ['BP (NK-T)', 'TKP-ML', 'MLKP']], ['Түркия', ['BP (NK-T)', 'TKP-ML', 'MLKP']], ['Allemagne', ['MLPD']],
      ['DE', ['MLPD']], ['Estados Unidos', ['ROL']], ['Америка Құрама Штаттары', ['ROL']], ["Côte d'Ivoire", ['PCPCI']],
      ['Кот-д’Ивуар', ['PCPCI']], ['Elfenbeinküste', ['PCPCI']],
    ])('%s finds %j', async (q, abbrs) => {
      expect(await listed(q)).toEqual(abbrs);
    });

    it('a region qualified by a compass word answers to the region, a country so named does not', () => {
      expect(countryMatches('North Kurdistan / Turkey', 'Kurdistan')).toBe(true);
      expect(countryMatches('South Africa', 'Africa')).toBe(false);
    });

    it('an ISO code is a country, never a fragment of names: IE is Ireland', async () => {
      expect(await listed('IE')).toEqual([]);
      expect(await shown('IE')).toContain('No organisation from Ireland signed');
    });

    it('an abbreviation wins over an ISO code: UC is Unité Communiste', async () => {
      expect(await listed('uc')).toEqual(['UC']);
    });
  });

  describe('/signatories by name, across scripts', () => {
    it.each([['Роде Морген', 'RM'], ['роде', 'RM'], ['BKP', 'БКП'], ['Българска Комунистическа Партия', 'БКП'], ['Унион Пролетариенне', 'UPML']])(
      '%s finds %s', async (q, abbr) => {
        expect(await listed(q)).toEqual([abbr]);
      });

    it('a country typed in another language finds a name that mentions it (Мексика → OAPCM, which states no country)', async () => {
      expect(await listed('Мексика')).toEqual(['OAPCM']);
    });
  });

  describe('never suggests the text that just failed', () => {
    it('“Ireland” answers about Ireland without “Did you mean … Ireland”', async () => {
      for (const q of ['Ireland', 'Ирландия', 'IE']) {
        const out = await shown(q);
        expect(out, q).toContain('Ireland');
        expect(out, q).not.toMatch(/Did you mean[^?]*Ireland/i);
      }
    });

    it.each(['Ireland', 'Irland', 'luxembourgg', 'Kazakhstan', 'Atlantis', 'Sweden', 'Mexico'])('%s: no suggestion repeats the query or fails itself', async (q) => {
      const r = await ask(q);
      for (const g of (plain(r).match(/\/signatories [^,?\n]+/g) ?? []).map((s) => s.slice('/signatories '.length))) {
        expect(matchKey(g)).not.toBe(matchKey(q));
        expect(plain(await ask(g))).not.toMatch(/^No signatory/m);
      }
    });
  });

  it('answers fit one message of 1,500 characters', async () => {
    for (const q of ['Turkey', 'Kurdistan', 'франция', 'Ireland', 'Bangladesh', '', '2', '3', '4']) {
      const r = await ask(q);
      expect(r.messages).toHaveLength(1);
      expect(plain({ messages: r.messages }).length, q).toBeLessThanOrEqual(1_500);
    }
  });

  it('autocomplete offers a country typed in another language or script, and organisations across scripts', () => {
    expect(choicesFor('signatories', services.campaign, 'Люкс')[0]).toEqual({ name: 'Luxemburg (country)', value: 'Luxemburg' });
    expect(choicesFor('signatories', services.campaign, 'франц')[0]).toEqual({ name: 'France (country)', value: 'France' });
    expect(choicesFor('signatories', services.campaign, 'роде').map((c) => c.value)).toContain('RM');
  });

  describe('in the reader’s language', () => {
    it('names a content country in Russian and Kazakh, with the source’s spelling where it is no English name of it', () => {
      expect(countryName('France', 'ru')).toBe('Франция');
      expect(countryName('France', 'kk')).toBe('Франция');
      expect(countryName('USA', 'ru')).toBe('США');
      expect(countryName('Ivory Coast', 'ru')).toBe('Кот-д’Ивуар');
      expect(countryName('Turkey', 'kk')).toBe('Түркия');
      expect(countryName('Luxemburg', 'ru')).toBe('Люксембург (Luxemburg)');
      expect(countryName('Luxemburg', 'en')).toBe('Luxemburg');
      // A region that is no ISO country stays as the source writes it.
      expect(countryName('North Kurdistan / Turkey', 'ru')).toBe('North Kurdistan / Турция');
    });

    it('says in the reader’s language that a country was read from the name', () => {
      expect(countryText({ country: 'Germany', countryFrom: 'name' }, voice('ru'))).toBe('Германия (по названию)');
      expect(countryText({ country: 'Germany', countryFrom: 'name' }, voice('kk'))).toBe('Германия (атауы бойынша)');
      expect(countryText({ country: 'France', countryFrom: 'source' }, voice('ru'))).toBe('Франция');
      expect(countryText({ country: 'Sweden', countryFrom: 'name' }, voice('en'))).toBe('Sweden (from its name)');
      expect(countryText({}, voice('ru'))).toBeUndefined();
    });

    it('a Russian or Kazakh reader sees the countries in their language; the names stay as the source writes them', async () => {
      const ru = plain(await dispatcher.dispatch(invocation('signatories', 'франция', { locale: 'ru' })));
      expect(ru).toContain('UC — Unité Communiste (Communist United), Франция');
      expect(ru).toContain('UPML — Union Proletarienne Marxiste-Léniniste (Marxist-Leninist Proletarian Union), Франция');
      const kk = plain(await dispatcher.dispatch(invocation('signatories', 'Германия', { locale: 'kk' })));
      expect(kk).toContain('MLPD — Marxistisch-Leninistische Partei Deutschlands (Marxist-Leninist Party of Germany), Германия (атауы бойынша)');
    });

    it('a Kazakh inflected country name is not guessed at, but the country is suggested', async () => {
      const r = await dispatcher.dispatch(invocation('signatories', 'Францияның', { locale: 'kk' }));
      expect(r.ephemeral).toBe(true);
      expect(plain(r)).toContain('/signatories Франция');
    });

    it('autocomplete names countries in the reader’s language and fills in the content’s spelling', () => {
      expect(choicesFor('signatories', services.campaign, 'франц', voice('ru'))[0]).toEqual({ name: 'Франция (страна)', value: 'France' });
      expect(choicesFor('signatories', services.campaign, 'Люкс', voice('kk'))[0]).toEqual({ name: 'Люксембург (Luxemburg) (ел)', value: 'Luxemburg' });
      expect(choicesFor('countries', services.campaign, 'герм', voice('ru'))[0]).toEqual({ name: 'Германия', value: 'Germany' });
    });
  });

  it('i18n-iso-countries has exactly the locales registered here', () => {
    expect(isoCountries.langs().sort()).toEqual([...COUNTRY_LOCALES].sort());
    expect(COUNTRY_LOCALES).toEqual(expect.arrayContaining(['en', 'ru', 'kk', 'fr', 'de', 'es']));
  });
});
