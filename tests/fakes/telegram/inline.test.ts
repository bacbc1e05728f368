/** The fake's inline mode (answerInlineQuery, validated) and the bot_command entities it detects in sent text. */
import { Api, GrammyError } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from './index.js';

let tg: FakeTelegram;
let api: Api;
beforeEach(async () => { tg = await startFakeTelegram(); api = new Api(tg.token, { apiRoot: tg.apiRoot }); });
afterEach(async () => { await tg.close(); });

const article = (id: string, text = 'hello'): InlineQueryResultArticle => ({
  type: 'article', id, title: `t${id}`, input_message_content: { message_text: text, parse_mode: 'HTML' },
});
const description = (p: Promise<unknown>): Promise<string> =>
  p.then(() => 'ok', (e: unknown) => (e instanceof GrammyError ? e.description : String(e)));

describe('fake Telegram inline mode', () => {
  it('queues an inline_query and records one valid answer to it', async () => {
    const id = tg.inlineQuery({ from: { id: 7, first_name: 'Ada' }, query: 'demands', chatType: 'group' }).inline_query!.id;
    const [update] = await api.getUpdates();
    expect(update?.inline_query).toMatchObject({ id, query: 'demands', offset: '', chat_type: 'group', from: { id: 7 } });
    await api.answerInlineQuery(id, [article('a'), article('b', '<b>bold</b>')], { cache_time: 60 });
    expect(tg.inlineAnswers).toEqual([expect.objectContaining({ inline_query_id: id, cache_time: 60 })]);
    expect(tg.inlineAnswers[0]?.results).toHaveLength(2);
    expect(await description(api.answerInlineQuery(id, []))).toMatch(/query is too old/);
  });

  it('refuses what Telegram refuses: > 50 results, duplicate ids, bad HTML, text over 4096, unknown query ids', async () => {
    const open = (): string => tg.inlineQuery({ from: { id: 7, first_name: 'Ada' }, query: '' }).inline_query!.id;
    expect(await description(api.answerInlineQuery(open(), Array.from({ length: 51 }, (_, i) => article(String(i)))))).toBe('Bad Request: RESULTS_TOO_MUCH');
    expect(await description(api.answerInlineQuery(open(), [article('x'), article('x')]))).toBe('Bad Request: RESULT_ID_DUPLICATE');
    expect(await description(api.answerInlineQuery(open(), [article('x'.repeat(65))]))).toBe('Bad Request: RESULT_ID_INVALID');
    expect(await description(api.answerInlineQuery(open(), [article('x', '<p>no</p>')]))).toMatch(/can't parse entities/);
    expect(await description(api.answerInlineQuery(open(), [article('x', 'y'.repeat(4097))]))).toBe('Bad Request: message is too long');
    expect(await description(api.answerInlineQuery('123', []))).toMatch(/query ID is invalid/);
    expect(tg.inlineAnswers).toHaveLength(0);
  });
});

describe('fake Telegram bot_command entities in sent messages', () => {
  it('marks commands written as plain text, not inside code or links', async () => {
    await api.sendMessage(42, 'Try /demands smk, not <code>/help</code> or <a href="https://x.org">/about</a>; a/b is no command', { parse_mode: 'HTML' });
    const [m] = tg.sent;
    const marked = m!.entities.filter((e) => e.type === 'bot_command').map((e) => m!.plainText.slice(e.offset, e.offset + e.length));
    expect(marked).toEqual(['/demands']);
  });
});
