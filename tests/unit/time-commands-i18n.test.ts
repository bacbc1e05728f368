/**
 * The time and subscription commands in Russian and Kazakh (issue 14): their
 * own words from the catalogs, dates as each language writes them, counts and
 * anniversaries in its grammar, no message id shown raw, no English sentence
 * of the bot's own, and the figures' quotes as published.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/console/render.js';
import type { Dispatcher } from '../../src/commands/dispatch.js';
import type { Invocation, Services } from '../../src/commands/types.js';
import { campaignIn } from '../../src/content/editions.js';
import { defaultLocalesDir, sharedTranslator } from '../../src/i18n/translator.js';
import type { Reply } from '../../src/rich/model.js';
import { readChatSettings } from '../../src/store/chat-settings.js';
import { invocation, testDispatcher, voice } from '../helpers/core.js';

const plain = (r: Reply): string => renderReply(r, { ansi: false });

/** The catalog areas of these commands (locales/en.ftl, "time commands" and /language). */
const OURS = /^(time|timeline|today|next|upcoming|subscribe|settings|unsubscribe|posting|zone|language)-/;

/** Every text of a pattern (literal parts, select variants included). */
function texts(node: unknown, into: string[] = []): string[] {
  if (typeof node === 'string') into.push(node);
  else if (Array.isArray(node)) for (const n of node) texts(n, into);
  else if (node !== null && typeof node === 'object') for (const v of Object.values(node as Record<string, unknown>)) texts(v, into);
  return into;
}

/** The English sentences (two words or more) of these commands' catalog messages. */
const ENGLISH = ((): string[] => {
  const resource = new FluentResource(readFileSync(join(defaultLocalesDir(), 'en.ftl'), 'utf8'));
  const out = new Set<string>();
  for (const entry of resource.body) {
    if (!OURS.test(entry.id)) continue;
    for (const t of texts(entry.value)) {
      for (const piece of t.split(/[:;(),.?—]/)) {
        const s = piece.trim();
        if (/[A-Za-z]{3,} [A-Za-z]{2,}/.test(s) && !s.startsWith('/')) out.add(s);
      }
    }
  }
  return [...out];
})();

/** Message ids of every catalog, each as it would show if it were shown raw. */
const IDS = sharedTranslator().ids('en');

/** No message id raw, and none of these commands' English sentences. */
function inLanguage(out: string): void {
  for (const id of IDS) expect(out, `raw id ${id}`).not.toMatch(new RegExp(`(^|[^\\w/-])${id}($|[^\\w-])`));
  for (const s of ENGLISH) expect(out, `English: “${s}”`).not.toContain(s);
}

const NOV_22 = new Date('2026-11-22T12:00:00Z');
/** 20:00 UTC on 15 December: already 16 December in Almaty. */
const DEC_16_ALMATY = new Date('2026-12-15T20:00:00Z');

const WORDS = {
  ru: {
    timeline: 'Хроника', tap: 'по кнопке', figures: 'Цифры — каждая словами своего источника:', sources: 'Источники:',
    zhanaozenDay: '16 декабря 2011 г.', today: 'В этот день, 16 декабря 2026 г. (Asia/Almaty)', yearsAgo: '15 лет назад в этот день:',
    nothing: 'В хронике нет событий этого дня.', next: 'Следующая годовщина: 16 декабря 2026 г., через 24 дня', fifteenth: '15-я годовщина:',
    subscribed: 'Чат подписан на напоминания о годовщинах', moscow: '«Москва» → Europe/Moscow.',
    everyAnniversary: 'Этот чат получает напоминание в каждую годовщину в 08:30, часовой пояс Europe/Moscow.',
    theNext: 'Следующее: 16 декабря 2026 г., 08:30 — ', settings: 'Часовой пояс: Europe/Moscow — сейчас там 15:00.',
    on: 'Напоминания: включены', upcoming: '- 16 декабря 2026 г., 08:30 — 15-я годовщина: ', uprising: '- 2 января 2027 г., 08:30 — 5-я годовщина: ',
    unsubscribed: 'Подписка отменена', notSubscribed: 'Этот чат не получает напоминаний.', badTime: '«25:00» — не время суток.',
    badZone: 'Неизвестный часовой пояс «Europe/Berln». Может быть, Europe/Berlin', oneTime: 'Укажите одно время напоминания',
    offset: 'UTC+3 сохранён как Etc/GMT-3', flagged: 'Последнее напоминание не удалось опубликовать: ',
    checked: 'Но сейчас бот не может публиковать там: ', language: 'Язык этого чата: Русский.', unknownEvent: 'Нет события «zhanaozn». Может быть, ',
  },
  kk: {
    timeline: 'Хроника', tap: 'түйме арқылы', figures: 'Сандар — әрқайсысы өз дереккөзінің сөзімен:', sources: 'Дереккөздер:',
    zhanaozenDay: '2011 ж. 16 желтоқсан', today: 'Осы күні, 2026 ж. 16 желтоқсан (Asia/Almaty)', yearsAgo: 'Бүгін 15 жыл толды:',
    nothing: 'Хроникада бұл күнгі оқиға жоқ.', next: 'Келесі жылдық: 2026 ж. 16 желтоқсан, 24 күннен кейін', fifteenth: '15 жылдығы:',
    subscribed: 'Чат жылдықтар туралы еске салуларға жазылды', moscow: '«Москва» → Europe/Moscow.',
    everyAnniversary: 'Бұл чат әр жылдықта еске салу алады, уақыты: 08:30, Europe/Moscow уақыт белдеуі.',
    theNext: 'Келесісі: 2026 ж. 16 желтоқсан, 08:30 — ', settings: 'Уақыт белдеуі: Europe/Moscow — онда қазір 15:00.',
    on: 'Еске салулар: қосулы', upcoming: '- 2026 ж. 16 желтоқсан, 08:30 — 15 жылдығы: ', uprising: '- 2027 ж. 2 қаңтар, 08:30 — 5 жылдығы: ',
    unsubscribed: 'Жазылым тоқтатылды', notSubscribed: 'Бұл чат еске салу алмайды.', badTime: '«25:00» — тәулік уақыты емес.',
    badZone: 'Белгісіз уақыт белдеуі: «Europe/Berln». Мүмкін, Europe/Berlin', oneTime: 'Еске салудың бір ғана уақытын көрсетіңіз',
    offset: 'UTC+3 Etc/GMT-3 ретінде сақталды', flagged: 'Соңғы еске салуды жариялау мүмкін болмады: ',
    checked: 'Бірақ бот қазір ол жерде жариялай алмайды: ', language: 'Бұл чаттың тілі: Қазақша.', unknownEvent: '«zhanaozn» деген оқиға жоқ. Мүмкін, ',
  },
} as const;

describe.each(['ru', 'kk'] as const)('the time commands in %s', (language) => {
  const w = WORDS[language];
  let dispatcher: Dispatcher;
  let services: Services;
  /** As a Telegram user whose app is in `language` writes in a private chat (no /language chosen). */
  const ask = async (command: string, text = '', now = NOV_22, extra: Partial<Invocation> = {}): Promise<string> => {
    const out = plain(await dispatcher.dispatch({ ...invocation(command, text, { now, locale: language }), ...extra }));
    inLanguage(out);
    return out;
  };
  const edition = () => campaignIn(services.campaign, language);
  const event = (id: string) => edition().events.find((e) => e.id === id)!;
  beforeEach(async () => { ({ dispatcher, services } = await testDispatcher()); });

  it('/timeline lists the events with dates in the language', async () => {
    const out = await ask('timeline');
    expect(out).toMatch(new RegExp(`^# ${w.timeline}\n`));
    expect(out).toContain(w.tap);
    expect(out).toContain(`${w.zhanaozenDay}`);
    for (const e of edition().events) expect(out).toContain(e.title);
    expect(out).not.toMatch(/\b(January|December) 20\d\d\b/);
  });

  it('/timeline <event> gives the figures’ quotes word for word, says once that they are quoted in the original', async () => {
    const out = await ask('timeline', 'zhanaozen-massacre-2011');
    const zhanaozen = event('zhanaozen-massacre-2011');
    expect(out).toContain(w.figures);
    expect(out).toContain(w.sources);
    for (const f of zhanaozen.figures) expect(out).toContain(`“${f.quote}”`);
    const note = voice(language).t('quoted-in-original');
    expect(out.split(note)).toHaveLength(2);
    const unknown = await ask('timeline', 'zhanaozn');
    expect(unknown).toContain(w.unknownEvent);
    expect(unknown).toContain('/timeline zhanaozen-massacre-2011');
  });

  it('/today on the anniversary counts the years; on another day says nothing happened', async () => {
    const out = await ask('today', '', DEC_16_ALMATY);
    expect(out).toContain(w.today);
    expect(out).toContain(`${w.yearsAgo} ${event('zhanaozen-massacre-2011').title}`);
    expect(await ask('today')).toContain(w.nothing);
  });

  it('/next names the date, the days until it and which anniversary', async () => {
    const out = await ask('next');
    expect(out).toContain(w.next);
    expect(out).toContain(`${w.fifteenth} ${event('zhanaozen-massacre-2011').title}`);
  });

  it('/subscribe, /settings, /upcoming and /unsubscribe answer in the language; /subscribe keeps the platform’s hint', async () => {
    const subscribed = await ask('subscribe', '08:30 Москва');
    expect(subscribed).toContain(w.subscribed);
    expect(subscribed).toContain(w.moscow);
    expect(subscribed).toContain(w.everyAnniversary);
    expect(subscribed).toContain(`${w.theNext}${event('zhanaozen-massacre-2011').title}.`);
    expect(await readChatSettings(services.store, { platform: 'console', chatId: 'test' })).toMatchObject({ localeHint: language, subscribed: true });

    const settings = await ask('settings');
    expect(settings).toContain(w.settings);
    expect(settings).toContain(w.on);
    expect(await ask('settings', 'zone UTC+3')).toContain(w.offset);
    await ask('settings', 'zone Europe/Moscow');

    const upcoming = await ask('upcoming');
    expect(upcoming).toContain(`${w.upcoming}${event('zhanaozen-massacre-2011').title}`);
    expect(upcoming).toContain(`${w.uprising}${event('uprising-begins').title}`);

    expect(await ask('unsubscribe')).toContain(w.unsubscribed);
    expect(await ask('unsubscribe')).toContain(w.notSubscribed);
  });

  it('refuses a bad time, an unknown zone and two times in the language', async () => {
    expect(await ask('subscribe', '25:00')).toContain(w.badTime);
    expect(await ask('subscribe', 'Europe/Berln')).toContain(w.badZone);
    expect(await ask('subscribe', '08:00 09:00')).toContain(w.oneTime);
    expect(await readChatSettings(services.store, { platform: 'console', chatId: 'test' })).toBeUndefined();
  });

  it('says in the language where the bot may not post', async () => {
    const checkPosting = async () => ({ reason: 'the bot may not send messages in this group', missing: ['Send Messages'] });
    const out = await ask('subscribe', '', NOV_22, { checkPosting });
    expect(out).toContain(`${w.checked}the bot may not send messages in this group.`);
    expect(await ask('settings')).toContain(`${w.flagged}the bot may not send messages in this group (`);
  });

  it('/language shows the language of the chat', async () => {
    expect(await ask('language')).toContain(w.language);
  });
});

describe('the time commands in English', () => {
  it('write ordinals, plurals and days as before', () => {
    const en = voice('en');
    const ordinal = (years: number): string => en.t('upcoming-anniversary', { years, title: 'T' });
    expect([1, 2, 3, 4, 11, 12, 13, 15, 21, 22, 23, 101, 111].map((n) => ordinal(n).split(' ')[0]))
      .toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '15th', '21st', '22nd', '23rd', '101st', '111th']);
    expect([0, 1, 2, 24].map((days) => en.t('next-title', { day: 'D', days })))
      .toEqual(['Next anniversary: D, today', 'Next anniversary: D, tomorrow', 'Next anniversary: D, in 2 days', 'Next anniversary: D, in 24 days']);
    expect(en.t('today-heading-years', { years: 1, title: 'T' })).toBe('1 year ago today: T');
  });

  it('every sentence checked above is in the English catalog (the check is not empty)', () => {
    expect(ENGLISH.length).toBeGreaterThan(40);
    expect(ENGLISH).toContain('The timeline has no anniversaries to remember');
  });
});
