/**
 * Telegram in the reader's language, end to end against the Bot API fake: a
 * Russian-speaking user is answered in Russian in a private chat without
 * asking; a group follows its /language (or the campaign's), not whoever
 * typed; a group that chose Kazakh gets its 5 January reminder in Kazakh;
 * the adapter's own words (paging buttons, notices, inline results) follow.
 * Quotes stay word for word.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { STALE } from '../../adapters/telegram/buttons.js';
import type { ChatInput, UserInput } from '../fakes/telegram/types.js';
import { voice } from '../helpers/core.js';
import { ADMIN, GROUP, keyboardOf, MEMBER, pressButton, startTelegramRig, tickAt, type TelegramRig } from './telegram-harness.js';

let rig: TelegramRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const IRA: UserInput = { id: 611, first_name: 'Ира', language_code: 'ru' };
const IRA_CHAT: ChatInput = { id: 611, type: 'private', first_name: 'Ира' };
const ASEL: UserInput = { id: 612, first_name: 'Әсел', language_code: 'kk' };
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('Telegram in the reader’s language', () => {
  it('answers a Russian-speaking user in a private chat in Russian, without /language; quotes stay as published', async () => {
    rig = await startTelegramRig();
    const { campaign } = rig.services;
    const [answer] = await rig.say('/demands', IRA_CHAT, IRA);
    const text = answer!.plainText;
    expect(text).toContain('Требования');
    expect(text).toContain(voice('ru').t('quoted-in-original'));
    const first = campaign.statementById.get(campaign.meta.demandsFirst)!;
    for (const d of first.demands) expect(squash(text)).toContain(squash(d.text));
    expect(text).not.toContain('quoted in the original');
    // Nothing was stored for it: the hint is read from each update.
    expect(await rig.services.store.get('chat', `telegram:${IRA_CHAT.id}`)).toBeUndefined();
  });

  it('answers in a group in the group’s language, not in the language of whoever typed', async () => {
    rig = await startTelegramRig();
    const ru = { ...ADMIN, language_code: 'ru' };
    const [english] = await rig.say('/next', GROUP, ru);
    expect(english!.plainText).toMatch(/^Next anniversary/);
    await rig.say('/language kk', GROUP, ru);
    const [kazakh] = await rig.say('/next', GROUP, { ...MEMBER, language_code: 'ru' });
    expect(kazakh!.plainText).toMatch(/жылдығы|Келесі/);
    expect(kazakh!.plainText).not.toMatch(/Next anniversary|Следующая/);
  });

  it('writes the paging buttons and the notices in the answer’s language', async () => {
    rig = await startTelegramRig();
    const [page] = await rig.say('/signatories', IRA_CHAT, IRA);
    const row = keyboardOf(page)[0]!.map((b) => b.text);
    expect(row).toEqual(['1 / 4', `${voice('ru').t('adapter-next')} ›`]);
    const next = keyboardOf(page)[0]![1]!.callback_data!;
    const turn = await pressButton(rig.tg, page!.message_id, next, IRA_CHAT, IRA);
    expect(keyboardOf(turn.sent.at(-1)).flat().map((b) => b.text)).toContain(`‹ ${voice('ru').t('adapter-previous')}`);
    // A button whose command is gone: the notice in the presser's language, not English.
    const stale = await pressButton(rig.tg, page!.message_id, 'a|nosuchcommand|', IRA_CHAT, IRA);
    expect(stale.notice).toBe(voice('ru').t('adapter-stale-list'));
    expect(stale.notice).not.toBe(STALE);
  });

  it('answers inline queries in the asker’s language, personal to them', async () => {
    rig = await startTelegramRig();
    const id = rig.tg.inlineQuery({ from: ASEL, query: '', chatType: 'supergroup' }).inline_query!.id;
    const answer = await rig.tg.waitFor(() => rig!.tg.inlineAnswers.find((a) => a.inline_query_id === id));
    const articles = answer.results as unknown as { id: string; title: string }[];
    expect(answer.is_personal).toBe(true);
    const next = articles.find((a) => a.id === 'next')!;
    expect(next.title).not.toMatch(/Next anniversary/);
    // Found by the words of the asker's language too (the command's description in Kazakh).
    const found = rig.tg.inlineQuery({ from: ASEL, query: 'талаптар', chatType: 'private' }).inline_query!.id;
    const byWord = await rig.tg.waitFor(() => rig!.tg.inlineAnswers.find((a) => a.inline_query_id === found));
    expect((byWord.results as unknown as { id: string }[]).some((a) => a.id.startsWith('demands:'))).toBe(true);
  });

  it('posts the 5 January reminder in Kazakh to a group that chose Kazakh, in English to a chat that did not', async () => {
    rig = await startTelegramRig();
    await rig.say('/subscribe', GROUP, ADMIN);
    const [saved] = await rig.say('/language kk', GROUP, ADMIN);
    expect(saved!.plainText).toContain('Қазақша');
    const english: ChatInput = { id: 4343, type: 'private', first_name: 'Ada' };
    await rig.say('/subscribe', english, { id: 4343, first_name: 'Ada', language_code: 'en' });
    const posted = await tickAt(rig, '2027-01-05T04:00:00Z'); // 09:00 in Almaty
    const toGroup = posted.filter((m) => m.chatId === GROUP.id);
    expect(toGroup).toHaveLength(1);
    const text = toGroup[0]!.plainText;
    expect(text).toMatch(/^Бүгін 5 жыл толды: /);
    expect(text).toContain('Дереккөздер: ');
    expect(text).not.toMatch(/years ago today|Sources:|The demands|Notes and sources/);
    expect(keyboardOf(toGroup[0]).flat().map((b) => b.text)).toEqual(['Талаптар', 'Ескертпелер мен дереккөздер']);
    const event = rig.services.campaign.events.find((e) => e.id === 'government-dismissed')!;
    for (const f of event.figures.filter((x) => x.counted !== 'later')) expect(squash(text)).toContain(squash(f.quote));
    const toEnglish = posted.filter((m) => m.chatId === english.id);
    expect(toEnglish[0]!.plainText).toMatch(/^5 years ago today: /);
  });
});
