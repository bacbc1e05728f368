/**
 * The reminder as an organiser would forward it: short, each figure with its
 * source's short label, the demands and the notes one tap away, the
 * campaign's call to action when it has one. The 16 December and 2 January
 * reminders are written out in full below, as the console shows them, so a
 * reviewer can read them.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage, renderReply } from '../../adapters/console/render.js';
import { renderTelegram } from '../../adapters/telegram/render.js';
import { commands } from '../../src/commands/index.js';
import type { Campaign, CampaignEvent } from '../../src/content/campaign.js';
import { campaignIn } from '../../src/content/editions.js';
import { loadCampaign } from '../../src/content/load.js';
import { dayInStatements, findTopic } from '../../src/content/queries.js';
import { reply } from '../../src/rich/build.js';
import { figureOfTheDay, reminderMessage, reminderTitle, type Reminder } from '../../src/present/reminder.js';
import { shippedCampaign, voice } from '../helpers/core.js';

const EN = voice('en');

const MINIMAL = resolve(import.meta.dirname, '../fixtures/content-minimal');

/** Years since the event on its anniversary in the 2026–27 season (15 for 2011, 5 for 2022). */
const yearsFor = (e: CampaignEvent): number => (e.month === 12 ? 2026 : 2027) - e.year;
const remindedOf = (campaign: Campaign): CampaignEvent[] => campaign.events.filter((e) => e.remind);
const reminderFor = (campaign: Campaign, id: string): Reminder => {
  const event = campaign.events.find((e) => e.id === id)!;
  return reminderMessage(EN, campaign, event, yearsFor(event));
};
/** The message as plain console text (no ANSI). */
const plain = (r: Reminder): string => renderMessage(r.message, { ansi: false });
/** The message and its actions as the console prints them (actions as commands to type). */
const withActions = (r: Reminder): string => renderReply(reply(r.message, undefined, r.actions), { ansi: false });

describe('reminder message: the 16 December and 2 January reminders as they read', () => {
  it('16 December 2026: the 15th anniversary of the Zhanaozen massacre', async () => {
    expect(withActions(reminderFor(await shippedCampaign(), 'zhanaozen-massacre-2011'))).toBe([
      '# 15 years ago today: Striking oil workers killed in Zhanaozen',
      '',
      'Security forces fired on striking oil workers in Zhanaozen in 2011. The Socialist Movement of Kazakhstan and the Communist Party of Sweden take up the demand of the executed oil workers: to nationalise industry under the control of labour collectives.',
      '',
      'Sources: SMK statement, SKP statement, RISE-coordinated statement, ICOR resolution, Unnamed party’s statement.',
      '',
      'The date, 16 December 2011, is public record; the statements do not give it.',
      '',
      '- “Back in 2011, security forces in Zhanaozen fired on striking oil workers, killing 16 of them.” — ICOR resolution',
      '- “Thus in Zhanaozen, an important industrial center, the 2011 repression of demonstrations left 17 dead.” — Unnamed party’s statement',
      '',
      'Remember the victims. Share the statements and raise their demands in your union and your organisation. #Kazakhstan',
      '',
      '→ The demands: /demands nationalisation',
      '→ Notes and sources: /timeline zhanaozen-massacre-2011',
    ].join('\n'));
  });

  it('2 January 2027: the 5th anniversary of the uprising, without the figures counted on later days', async () => {
    expect(withActions(reminderFor(await shippedCampaign(), 'uprising-begins'))).toBe([
      '# 5 years ago today: The uprising in Kazakhstan begins',
      '',
      'Protests triggered by the doubling of the price of liquefied gas began with the oil workers of Zhanaozen, spread across Kazakhstan and took the character of an uprising, with strikes, rallies and road blockades. Police and army were unleashed against the protesters.',
      '',
      'Sources: SMK statement, RISE-coordinated statement, ICOR resolution, Unnamed party’s statement.',
      '',
      'Figures counted on later days are under “Notes and sources”, each with its source.',
      '',
      'Remember the victims. Share the statements and raise their demands in your union and your organisation. #Kazakhstan',
      '',
      '→ The demands: /demands repression',
      '→ Notes and sources: /timeline uprising-begins',
    ].join('\n'));
  });
});

describe('reminder message: every remembered event', () => {
  it('fits in 1,000 characters as the console and Telegram show it (the console with its actions typed out)', async () => {
    const campaign = await shippedCampaign();
    expect(remindedOf(campaign).length).toBeGreaterThan(1);
    for (const event of remindedOf(campaign)) {
      const r = reminderMessage(EN, campaign, event, yearsFor(event));
      expect(plain(r).length, event.id).toBeLessThanOrEqual(1000);
      expect(withActions(r).length, event.id).toBeLessThanOrEqual(1000);
      expect(renderTelegram(r.message).visible.length, event.id).toBeLessThanOrEqual(1000);
    }
  });

  it('carries the reminder text or the summary whole, never cut', async () => {
    const campaign = await shippedCampaign();
    for (const event of remindedOf(campaign)) {
      expect(plain(reminderMessage(EN, campaign, event, yearsFor(event))), event.id).toContain(event.reminder ?? event.summary);
    }
  });

  it('cites every source and figure by its short label, never by its full title', async () => {
    const campaign = await shippedCampaign();
    for (const event of remindedOf(campaign)) {
      const text = plain(reminderMessage(EN, campaign, event, yearsFor(event)));
      for (const id of event.sources) {
        const s = campaign.statementById.get(id)!;
        expect(s.label.length, id).toBeLessThanOrEqual(40);
        expect(text, `${event.id}: ${id}`).toContain(s.label);
        if (s.label !== s.title) expect(text, `${event.id}: ${id}`).not.toContain(s.title);
      }
      for (const f of event.figures.filter(figureOfTheDay)) {
        expect(text, event.id).toContain(`${f.quote}” — ${campaign.statementById.get(f.source)!.label}`);
      }
    }
  });

  it('shows only the figures of the day; the others are pointed to, behind the notes action', async () => {
    const campaign = await shippedCampaign();
    const jan2 = campaign.events.find((e) => e.id === 'uprising-begins')!;
    expect(jan2.figures).toHaveLength(8);
    const text = plain(reminderFor(campaign, 'uprising-begins'));
    for (const f of jan2.figures) expect(text).not.toContain(f.quote);
    expect(text).toContain('Figures counted on later days are under “Notes and sources”');
    const dec16 = plain(reminderFor(campaign, 'zhanaozen-massacre-2011'));
    expect(dec16).toContain('left 17 dead.” — Unnamed party’s statement');
    expect(dec16).toContain('killing 16 of them.” — ICOR resolution');
  });

  it('a figure its source dates after the event is shown, marked with that day', async () => {
    const campaign = await shippedCampaign();
    const event = campaign.events.find((e) => e.id === 'uprising-begins')!;
    const dated = { ...event, figures: [{ ...event.figures[0]!, counted: '2022-01-10' }, ...event.figures.slice(1)] };
    const text = plain(reminderMessage(EN, campaign, dated, 5));
    expect(text).toContain('- “Over 160 protesters have been killed so far” — RISE-coordinated statement, by 10 January 2022');
    expect(text).toContain('Figures counted on later days are under');
  });

  it('says briefly where the date is public record but in no statement, and only there', async () => {
    const campaign = await shippedCampaign();
    for (const event of remindedOf(campaign)) {
      const text = plain(reminderMessage(EN, campaign, event, yearsFor(event)));
      expect(text.includes('is public record; the statements do not give it'), event.id).toBe(!dayInStatements(campaign, event));
    }
    expect(remindedOf(campaign).filter((e) => !dayInStatements(campaign, e)).map((e) => e.id)).toEqual(['zhanaozen-massacre-2011']);
  });

  it('has two actions, to commands that exist: the related demands and the event’s notes', async () => {
    const campaign = await shippedCampaign();
    const names = new Set(commands.map((c) => c.name));
    for (const event of remindedOf(campaign)) {
      const { actions } = reminderMessage(EN, campaign, event, yearsFor(event));
      expect(actions.map((a) => a.label), event.id).toEqual(['The demands', 'Notes and sources']);
      for (const a of actions) {
        expect(names.has(a.command), `${event.id}: /${a.command}`).toBe(true);
        expect(Buffer.byteLength(`${a.command} ${a.args}`), event.id).toBeLessThanOrEqual(64); // Telegram callback data
      }
      const [demands, notes] = actions;
      expect(demands!.command).toBe('demands');
      if (demands!.args) {
        expect(findTopic(campaign, demands!.args)?.id, event.id).toBe(demands!.args);
        expect(campaign.statements.some((s) => s.demands.some((d) => d.topics.includes(demands!.args))), event.id).toBe(true);
      }
      expect(notes).toEqual({ label: 'Notes and sources', command: 'timeline', args: event.id });
    }
  });
});

describe('reminder message: the campaign’s call to action', () => {
  it('closes the reminder when campaign.yaml sets one, with its hashtag and link', async () => {
    const campaign = await shippedCampaign();
    const cta = campaign.meta.callToAction!;
    expect(cta.link).toBeUndefined(); // the content gives no address of its own
    expect(plain(reminderFor(campaign, 'general-strike-mangistau')).endsWith(`${cta.text} ${cta.hashtag!}`)).toBe(true);
    const linked = { ...campaign, meta: { ...campaign.meta, callToAction: { text: 'Sign the statement.', link: 'https://example.org/sign' } } };
    const r = reminderFor(linked, 'general-strike-mangistau');
    expect(plain(r).endsWith('Sign the statement. https://example.org/sign <https://example.org/sign>')).toBe(true);
    expect(renderTelegram(r.message).html).toContain('<a href="https://example.org/sign">https://example.org/sign</a>');
  });

  it('is absent when campaign.yaml sets none', async () => {
    const minimal = await loadCampaign(MINIMAL);
    expect(minimal.meta.callToAction).toBeUndefined();
    const event = minimal.events.find((e) => e.id === 'same-day-b')!;
    const r = reminderMessage(EN, minimal, event, 5);
    expect(plain(r)).toBe([
      '# 5 years ago today: Same day, second by id',
      '',
      'Sorted after same-day-a.',
      '',
      'Sources: The earliest statement.',
      '',
      'The date, 1 May 2021, is public record; the statements do not give it.',
      '',
      '- 12 loaves — “twelve loaves” — The earliest statement',
    ].join('\n'));
    expect(r.actions).toEqual([
      { label: 'The demands', command: 'demands', args: 'bread' },
      { label: 'Notes and sources', command: 'timeline', args: 'same-day-b' },
    ]);
    // An event without a topic that some demand carries: all the demands.
    const untagged = reminderMessage(EN, minimal, minimal.events.find((e) => e.id === 'same-day-a')!, 5);
    expect(untagged.actions[0]).toEqual({ label: 'The demands', command: 'demands', args: '' });
  });
});

describe('reminder message: in Russian and Kazakh', () => {
  const RU = voice('ru');
  const KK = voice('kk');
  /** The bot's own English words in a reminder: none may remain in a Russian or Kazakh one. */
  const ENGLISH = [/years? ago today/, /Sources:/, /public record/, /The demands/, /Notes and sources/, /counted on (a )?later days?/, /quoted in the original/];

  it('16 December 2026 in Russian: the headline, sources and notes in Russian, the figures as published, the note said once', async () => {
    const campaign = await shippedCampaign();
    const event = campaign.events.find((e) => e.id === 'zhanaozen-massacre-2011')!;
    const r = reminderMessage(RU, campaign, event, 15);
    const text = plain(r);
    expect(text.split('\n')[0]).toMatch(/^# 15 лет назад в этот день: \S/);
    expect(text).toContain('Источники: ');
    expect(text).toContain('16 декабря 2011 г.');
    for (const f of event.figures.filter(figureOfTheDay)) expect(text).toContain(`«${f.quote}»`);
    expect(text.split(RU.t('quoted-in-original')).length - 1).toBe(1);
    for (const english of ENGLISH) expect(text).not.toMatch(english);
    expect(r.actions.map((a) => a.label)).toEqual(['Требования', 'Заметки и источники']);
    expect(r.actions.map((a) => `/${a.command} ${a.args}`)).toEqual(['/demands nationalisation', '/timeline zhanaozen-massacre-2011']);
  });

  it('2 January 2027 in Kazakh: the headline as the glossary has it, the later figures pointed to in Kazakh, no quote-note without a quote', async () => {
    const campaign = await shippedCampaign();
    const r = reminderFor(campaign, 'uprising-begins');
    const kk = reminderMessage(KK, campaign, campaign.events.find((e) => e.id === 'uprising-begins')!, 5);
    const text = plain(kk);
    expect(text.split('\n')[0]).toMatch(/^# Бүгін 5 жыл толды: \S/);
    expect(text).toContain('Дереккөздер: ');
    expect(text).toContain('Кейінірек есептелген сандар «Ескертпелер мен дереккөздер» бөлімінде');
    expect(text).not.toContain(KK.t('quoted-in-original')); // it quotes no figure
    for (const english of ENGLISH) expect(text).not.toMatch(english);
    expect(kk.actions.map((a) => a.label)).toEqual(['Талаптар', 'Ескертпелер мен дереккөздер']);
    expect(kk.actions.map((a) => [a.command, a.args])).toEqual(r.actions.map((a) => [a.command, a.args]));
  });

  it('counts years as each language does', () => {
    const title = { title: 'X' };
    expect([1, 2, 5, 15, 21, 22].map((n) => reminderTitle(RU, title, n))).toEqual([
      '1 год назад в этот день: X', '2 года назад в этот день: X', '5 лет назад в этот день: X',
      '15 лет назад в этот день: X', '21 год назад в этот день: X', '22 года назад в этот день: X',
    ]);
    expect(reminderTitle(KK, title, 1)).toBe('Бүгін 1 жыл толды: X');
    expect(reminderTitle(EN, title, 1)).toBe('1 year ago today: X');
  });

  it('marks a figure its source dates later with that day, written in the language', async () => {
    const campaign = await shippedCampaign();
    const event = campaign.events.find((e) => e.id === 'uprising-begins')!;
    const dated = { ...event, figures: [{ ...event.figures[0]!, counted: '2022-01-10' }, ...event.figures.slice(1)] };
    expect(plain(reminderMessage(RU, campaign, dated, 5))).toContain(`«${event.figures[0]!.quote}» — `);
    expect(plain(reminderMessage(RU, campaign, dated, 5))).toContain(', данные на 10 января 2022 г.');
    expect(plain(reminderMessage(KK, campaign, dated, 5))).toContain(', есеп күні: 2022 ж. 10 қаңтар');
  });

  it('every remembered event fits in 1,000 characters as shown, names every source, and quotes every figure of the day verbatim', async () => {
    const campaign = await shippedCampaign();
    for (const v of [RU, KK]) {
      const edition = campaignIn(campaign, v.language);
      for (const event of remindedOf(campaign)) {
        const r = reminderMessage(v, campaign, event, yearsFor(event));
        const text = plain(r);
        const where = `${v.language} ${event.id}`;
        expect(text.length, where).toBeLessThanOrEqual(1000);
        expect(renderTelegram(r.message).visible.length, where).toBeLessThanOrEqual(1000);
        for (const id of event.sources) expect(text, `${where}: ${id}`).toContain(edition.statementById.get(id)!.label);
        for (const f of event.figures.filter(figureOfTheDay)) expect(text, where).toContain(f.quote);
        for (const english of ENGLISH) expect(text, where).not.toMatch(english);
      }
    }
  });
});

describe('the reminder links its event on the campaign page (PUBLIC_URL)', () => {
  it('in the reminder’s language where it fits, the reminder still within 1,000 characters as Telegram shows it', async () => {
    const campaign = await shippedCampaign();
    for (const language of ['en', 'ru', 'kk'] as const) {
      for (const event of remindedOf(campaign)) {
        const r = reminderMessage(voice(language), campaign, event, yearsFor(event), 'https://example.org/kazakhstan');
        const url = `https://example.org/kazakhstan/${language === 'en' ? '' : `${language}/`}#event-${event.id}`;
        const linked = r.message.blocks.flatMap((b) => ('spans' in b ? b.spans : [])).some((s) => s.link === url);
        // The link goes where it fits; it always fits in the 16 December reminder and in every English one.
        if (language === 'en' || event.id === 'zhanaozen-massacre-2011') expect(linked, `${language} ${event.id}`).toBe(true);
        expect(renderTelegram(r.message).visible.length, `${language} ${event.id}`).toBeLessThanOrEqual(1000);
      }
    }
    expect(plain(reminderMessage(EN, campaign, remindedOf(campaign)[0]!, 15))).not.toContain('example.org');
  });
});
