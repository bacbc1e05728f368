/** The translator over Fluent, language choice and dates (DESIGN.md, "Languages"). */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/i18n/dates.js';
import { chooseLanguage, LANGUAGES, matchLanguage } from '../../src/i18n/languages.js';
import { defaultLocalesDir, loadTranslator, sharedTranslator } from '../../src/i18n/translator.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/locales');

describe('translator', () => {
  it('formats a message with its variables, without isolation marks', async () => {
    const tr = await loadTranslator(FIXTURES);
    expect(tr.t('en', 'greeting', { name: 'Ada' })).toBe('Hello, Ada!');
    expect(tr.t('ru', 'greeting', { name: 'Ада' })).toBe('Привет, Ада!');
  });

  it('falls back to English for a message missing in the language, and for a missing catalog', async () => {
    const tr = await loadTranslator(FIXTURES);
    expect(tr.t('ru', 'only-english')).toBe('Only in English.');
    expect(tr.t('kk', 'greeting', { name: 'Ada' })).toBe('Hello, Ada!');
    expect(tr.has('ru', 'only-english')).toBe(false);
  });

  it('returns the id for a missing message, never throwing', async () => {
    const tr = await loadTranslator(FIXTURES);
    expect(tr.t('ru', 'no-such-message')).toBe('no-such-message');
    expect(tr.t('en', 'greeting')).toBe('Hello, {$name}!');
  });

  it('chooses Russian plural forms through NUMBER', async () => {
    const tr = await loadTranslator(FIXTURES);
    expect([1, 2, 5, 21, 22, 11].map((count) => tr.t('ru', 'organisations', { count }))).toEqual([
      '1 организация', '2 организации', '5 организаций', '21 организация', '22 организации', '11 организаций',
    ]);
    expect(tr.t('en', 'organisations', { count: 1 })).toBe('1 organisation');
    expect(tr.t('en', 'organisations', { count: 1200 })).toBe('1,200 organisations');
  });

  it('answers a message asked again with the same values the same (kept), and any other values as their own', async () => {
    const tr = await loadTranslator(FIXTURES);
    for (let round = 0; round < 3; round++) {
      expect([1, 2, 5, 1, 21].map((count) => tr.t('ru', 'organisations', { count }))).toEqual([
        '1 организация', '2 организации', '5 организаций', '1 организация', '21 организация',
      ]);
      // The same name, a value that would read alike if values were simply joined.
      expect(tr.t('en', 'greeting', { name: 'Ada\u0000x' })).toBe('Hello, Ada\u0000x!');
      expect(tr.t('en', 'greeting', { name: 'Ada' })).toBe('Hello, Ada!');
      expect(tr.t('ru', 'greeting', { name: 'Ada' })).toBe('Привет, Ada!');
    }
    // Past what is kept, every answer is still its own.
    for (let n = 0; n < 5000; n++) expect(tr.t('en', 'greeting', { name: `n${n}` })).toBe(`Hello, n${n}!`);
    expect(tr.t('en', 'organisations', { count: 1200 })).toBe('1,200 organisations');
  });

  it('finds the project catalogs, each with the same messages as English', async () => {
    expect(defaultLocalesDir()).toBe(resolve(import.meta.dirname, '../../locales'));
    const tr = await sharedTranslator();
    const english = [...tr.ids('en')].sort();
    expect(english.length).toBeGreaterThan(0);
    for (const l of LANGUAGES) expect([...tr.ids(l)].sort(), l).toEqual(english);
  });
});

describe('choosing the language', () => {
  it('takes the chat setting, then the platform hint, then the campaign default, then English', () => {
    expect(chooseLanguage({ chatSetting: 'kk', platformHint: 'ru-RU', campaignDefault: 'en' })).toBe('kk');
    expect(chooseLanguage({ platformHint: 'ru-RU' })).toBe('ru');
    expect(chooseLanguage({ platformHint: 'kk' })).toBe('kk');
    expect(chooseLanguage({ platformHint: 'de', campaignDefault: 'ru' })).toBe('ru');
    expect(chooseLanguage({ platformHint: 'de' })).toBe('en');
    expect(chooseLanguage({})).toBe('en');
    expect(chooseLanguage({ chatSetting: 'xx', platformHint: 'en-US', campaignDefault: 'kk' })).toBe('en');
  });

  it('matches region and case variants only to the bot languages', () => {
    expect(matchLanguage('kk-KZ')).toBe('kk');
    expect(matchLanguage('RU')).toBe('ru');
    expect(matchLanguage('pt-BR')).toBeUndefined();
    expect(matchLanguage('')).toBeUndefined();
  });

  it('answers a tag asked again the same (matches are kept), and stays right past what it keeps', () => {
    for (let round = 0; round < 2; round++) {
      expect(matchLanguage(' ru-RU ')).toBe('ru');
      expect(matchLanguage('pt-BR')).toBeUndefined();
      expect(matchLanguage('   ')).toBeUndefined();
    }
    // More distinct tags than are kept: every one still matched, none answered from another's entry.
    const letter = (n: number): string => String.fromCharCode(65 + (n % 26));
    for (let i = 0; i < 600; i++) expect(matchLanguage(`kk-${letter(i)}${letter(Math.floor(i / 26))}`)).toBe('kk');
    expect(matchLanguage('en-GB')).toBe('en');
    expect(matchLanguage('ru')).toBe('ru');
  });
});

describe('dates', () => {
  // Pinned to what Node 20's ICU prints (full ICU, CLDR data for ru and kk).
  const day = new Date('2026-12-16T12:00:00Z');
  it('writes a date in each language', () => {
    expect(formatDate('en', day, 'Asia/Almaty')).toBe('16 December 2026');
    expect(formatDate('ru', day, 'Asia/Almaty')).toBe('16 декабря 2026 г.');
    expect(formatDate('kk', day, 'Asia/Almaty')).toBe('2026 ж. 16 желтоқсан');
  });

  it('takes the calendar day in the given zone', () => {
    const late = new Date('2026-12-15T20:00:00Z');
    expect(formatDate('en', late, 'Asia/Almaty')).toBe('16 December 2026');
    expect(formatDate('en', late, 'Europe/London')).toBe('15 December 2026');
  });
});
