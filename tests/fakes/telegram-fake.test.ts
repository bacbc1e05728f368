/**
 * Self-test of the fake Telegram Bot API with the real grammY client (no
 * Placard code): long polling via bot.start() and @grammyjs/runner, command
 * filters, HTML validation, errors, auto-retry, flood control, callback
 * queries and webhooks.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { autoRetry } from '@grammyjs/auto-retry';
import { run } from '@grammyjs/runner';
import { Bot, GrammyError, HttpError, InlineKeyboard, webhookCallback } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bareGrammyEchoBot, Faults, startFakeTelegram, type FakeTelegram } from './telegram/index.js';

let tg: FakeTelegram;
const cleanups: (() => Promise<unknown>)[] = [];
const PRIVATE = { id: 42, type: 'private', first_name: 'Ada' } as const;
const GROUP = { id: -1001234, type: 'supergroup', title: 'Solidarity' } as const;

beforeEach(async () => {
  tg = await startFakeTelegram({ botUsername: 'testbot' });
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await tg.close();
});

const newBot = (): Bot => new Bot(tg.token, { client: { apiRoot: tg.apiRoot }, botInfo: tg.botInfo });

/** bot.start() in the background; cleanup stops it and awaits the loop. */
function poll(bot: Bot): void {
  const loop = bot.start({ timeout: 30 });
  cleanups.push(async () => {
    await bot.stop();
    await loop;
  });
}

/** Expects a promise to reject with a GrammyError; returns it. */
async function grammyError(p: Promise<unknown>): Promise<GrammyError> {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(GrammyError);
  return e as GrammyError;
}

describe('fake Telegram with a bare grammY bot', () => {
  it('bot.start(): /start in a private chat is answered, sent as JSON', async () => {
    const bot = newBot();
    bot.command('start', (ctx) => ctx.reply('hi'));
    poll(bot);
    const update = tg.sendUserMessage({ chat: PRIVATE, text: '/start' });
    expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    const [msg] = await tg.waitForMessages(1);
    expect(msg).toMatchObject({ chatId: 42, text: 'hi', plainText: 'hi', method: 'sendMessage' });
    expect(msg?.message.from?.id).toBe(tg.botInfo.id);
    expect(tg.callsOf('sendMessage')[0]?.transport).toBe('json');
    expect(tg.callsOf('deleteWebhook')).toHaveLength(1); // bot.start() always calls it
    expect(tg.callsOf('getMe')).toHaveLength(0); // botInfo given
  });

  it('runner: /start@testbot in a group passes the command filter, /start@otherbot does not', async () => {
    const bot = newBot();
    bot.command('start', (ctx) => ctx.reply(`hi ${ctx.chat.type}`));
    const handle = run(bot, { runner: { silent: true } });
    cleanups.push(() => handle.stop());
    tg.sendUserMessage({ chat: GROUP, text: '/start@otherbot' });
    tg.sendUserMessage({ chat: GROUP, text: '/start@testbot now' });
    const [msg] = await tg.waitForMessages(1);
    expect(msg).toMatchObject({ chatId: GROUP.id, text: 'hi supergroup' });
    await tg.waitFor(() => tg.pendingUpdates.length === 0 && tg.callsOf('getUpdates').length >= 2);
    expect(tg.sent).toHaveLength(1);
  });

  it('HTML: entities are parsed, malformed markup is a GrammyError 400', async () => {
    const bot = newBot();
    await bot.api.sendMessage(42, ' <b>Demands</b> &amp; <a href="https://example.org/x?a=1&amp;b=2">link</a>\n', { parse_mode: 'HTML' });
    expect(tg.sent[0]?.plainText).toBe('Demands & link');
    expect(tg.sent[0]?.entities).toEqual([
      { type: 'bold', offset: 0, length: 7 },
      { type: 'text_link', offset: 10, length: 4, url: 'https://example.org/x?a=1&b=2' },
    ]);
    const e = await grammyError(bot.api.sendMessage(42, 'x <p>para</p>', { parse_mode: 'HTML' }));
    expect(e.error_code).toBe(400);
    expect(e.description).toBe('Bad Request: can\'t parse entities: Unsupported start tag "p" at byte offset 2');
    expect((await grammyError(bot.api.sendMessage(42, '1 < 2', { parse_mode: 'HTML' }))).description).toMatch(/can't parse entities/);
    expect((await grammyError(bot.api.sendMessage(42, 'AT&T', { parse_mode: 'HTML' }))).description).toMatch(/can't parse entities/);
    expect((await grammyError(bot.api.sendMessage(42, '<b>open', { parse_mode: 'HTML' }))).description).toMatch(/end tag/);
    expect((await grammyError(bot.api.sendMessage(42, '<b></b>', { parse_mode: 'HTML' }))).description).toBe('Bad Request: message text is empty');
    expect((await grammyError(bot.api.sendMessage(42, 'x'.repeat(4097)))).description).toBe('Bad Request: message is too long');
    await bot.api.sendMessage(42, `<i>${'é'.repeat(4096)}</i>`, { parse_mode: 'HTML' }); // 4096 after parsing is fine
    expect(tg.sent).toHaveLength(2);
  });

  it('auto-retry honours retry_after on 429 and then succeeds', async () => {
    const bot = newBot();
    bot.api.config.use(autoRetry());
    tg.failNext('sendMessage', { chatId: 42 }, Faults.retryAfter(1));
    const t0 = Date.now();
    const msg = await bot.api.sendMessage(42, 'after the flood');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(msg.text).toBe('after the flood');
    expect(tg.callsOf('sendMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(tg.stats.tooManyRequests).toBe(1);
  });

  it('403 kicked/blocked and 400 chat not found surface as GrammyError', async () => {
    const bot = newBot();
    tg.failNext('sendMessage', {}, Faults.kicked());
    const kicked = await grammyError(bot.api.sendMessage(-5, 'x'));
    expect([kicked.error_code, kicked.description]).toEqual([403, 'Forbidden: bot was kicked from the group chat']);
    tg.failNext('sendMessage', {}, Faults.blocked());
    expect((await grammyError(bot.api.sendMessage(42, 'x'))).description).toBe('Forbidden: bot was blocked by the user');
    tg.failNext('*', {}, Faults.chatNotFound());
    expect((await grammyError(bot.api.getChat(42))).description).toBe('Bad Request: chat not found');
  });

  it('migration error carries parameters.migrate_to_chat_id (injected and after migrateChat)', async () => {
    const bot = newBot();
    tg.failNext('sendMessage', { chatId: -77 }, Faults.migrated(-10077));
    const injected = await grammyError(bot.api.sendMessage(-77, 'x'));
    expect(injected.parameters.migrate_to_chat_id).toBe(-10077);
    const seen: number[] = [];
    bot.on('message:migrate_to_chat_id', (ctx) => void seen.push(ctx.message.migrate_to_chat_id));
    poll(bot);
    tg.addChat({ id: -555, type: 'group', title: 'Old group' });
    const { newChatId } = tg.migrateChat({ chatId: -555 });
    await tg.waitFor(() => seen.length === 1);
    expect(seen).toEqual([newChatId]);
    const e = await grammyError(bot.api.sendMessage(-555, 'x'));
    expect([e.error_code, e.parameters.migrate_to_chat_id]).toEqual([400, -100555]);
    expect((await bot.api.sendMessage(newChatId, 'moved')).chat.type).toBe('supergroup');
  });

  it('network faults: dropped connection and HTML 502 are HttpError; JSON 5xx is GrammyError', async () => {
    const bot = newBot();
    tg.failNext('sendMessage', {}, Faults.drop());
    await expect(bot.api.sendMessage(42, 'x')).rejects.toBeInstanceOf(HttpError);
    tg.failNext('sendMessage', {}, Faults.badGateway(true));
    await expect(bot.api.sendMessage(42, 'x')).rejects.toBeInstanceOf(HttpError);
    tg.failNext('sendMessage', {}, Faults.internal());
    expect((await grammyError(bot.api.sendMessage(42, 'x'))).error_code).toBe(500);
    expect(tg.sent).toHaveLength(0);
    tg.failNext('sendMessage', {}, Faults.dropAfterProcessing()); // delivered, but the client cannot know
    await expect(bot.api.sendMessage(42, 'twice?')).rejects.toBeInstanceOf(HttpError);
    expect(tg.sent.map((s) => s.text)).toEqual(['twice?']);
  });

  it('flood control: 429 with retry_after past the configured rates', async () => {
    const bot = newBot();
    tg.setRateLimit({ perSecondPerChat: 1, perSecondTotal: 3, perMinutePerGroup: 2 });
    await bot.api.sendMessage(1, 'a');
    const perChat = await grammyError(bot.api.sendMessage(1, 'b'));
    expect([perChat.error_code, perChat.parameters.retry_after]).toEqual([429, 1]);
    await bot.api.sendMessage(2, 'c');
    await bot.api.sendMessage(3, 'd');
    expect((await grammyError(bot.api.sendMessage(4, 'e'))).error_code).toBe(429); // 4th in one second
    expect(tg.stats.rateLimited).toBe(2);
    tg.setRateLimit({ perMinutePerGroup: 2 });
    await bot.api.sendMessage(-9, '1');
    await bot.api.sendMessage(-9, '2');
    const group = await grammyError(bot.api.sendMessage(-9, '3'));
    expect(group.parameters.retry_after).toBeGreaterThan(55);
    expect(tg.stats.tooManyRequests).toBe(3);
  });

  it('callback query round trip: keyboard, press, answerCallbackQuery, edit', async () => {
    const bot = newBot();
    bot.command('menu', (ctx) => ctx.reply('Pick', { reply_markup: new InlineKeyboard().text('Yes', 'yes') }));
    bot.callbackQuery('yes', async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Noted' });
      await ctx.editMessageText('<b>Chosen</b>', { parse_mode: 'HTML' });
    });
    poll(bot);
    tg.sendUserMessage({ chat: PRIVATE, text: '/menu' });
    const [menu] = await tg.waitForMessages(1);
    expect(menu?.message.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ text: 'Yes', callback_data: 'yes' });
    const press = tg.pressButton({ chat: 42, messageId: menu?.message_id ?? 0, data: 'yes' });
    const [, edit] = await tg.waitForMessages(2);
    expect(tg.callbackAnswers).toMatchObject([{ callback_query_id: press.callback_query?.id, text: 'Noted' }]);
    expect(edit).toMatchObject({ method: 'editMessageText', message_id: menu?.message_id, plainText: 'Chosen' });
    expect(edit?.message.reply_markup).toBeUndefined();
    const again = await grammyError(bot.api.answerCallbackQuery(press.callback_query?.id ?? ''));
    expect(again.description).toMatch(/query is too old/);
  });

  it('webhook: delivery with right, wrong and missing secret; getUpdates conflicts', async () => {
    const bot = newBot();
    bot.command('start', (ctx) => ctx.reply('hi from webhook'));
    const server: Server = createServer(webhookCallback(bot, 'http', { secretToken: 's3cret' }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => server.close(r)));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await bot.api.setWebhook(url, { secret_token: 's3cret' });
    expect((await grammyError(bot.api.getUpdates())).error_code).toBe(409);
    const update = tg.sendUserMessage({ chat: PRIVATE, text: '/start' });
    expect((await bot.api.getWebhookInfo()).pending_update_count).toBe(1);
    expect(await tg.deliverToWebhook(update, { secretToken: 'wrong' })).toBe(401);
    expect(await tg.deliverToWebhook(update, { secretToken: null })).toBe(401);
    expect(tg.sent).toHaveLength(0);
    expect(await tg.deliverToWebhook(update)).toBe(200);
    expect(tg.sent.map((s) => s.text)).toEqual(['hi from webhook']);
    expect(tg.pendingUpdates).toHaveLength(0);
    await bot.api.deleteWebhook();
    expect(await bot.api.getUpdates({ timeout: 0 })).toEqual([]);
  });

  it('down at start, then serves on the same port (runner retries)', async () => {
    await tg.close();
    tg = await startFakeTelegram({ down: true });
    const apiRoot = tg.apiRoot;
    const bot = bareGrammyEchoBot(apiRoot, tg.token, { answer: 'echo', botInfo: tg.botInfo });
    await expect(bot.api.getMe()).rejects.toBeInstanceOf(HttpError);
    let failures = 0;
    bot.api.config.use((prev, method, payload, signal) =>
      prev(method, payload, signal).catch((e: unknown) => {
        failures++;
        throw e;
      }));
    const handle = run(bot, { runner: { silent: true, retryInterval: 50 } });
    cleanups.push(() => handle.stop());
    await tg.waitFor(() => failures >= 2, 5000, 'failed polls'); // the runner really was refused
    await tg.setDown(false);
    expect(tg.apiRoot).toBe(apiRoot);
    tg.sendUserMessage({ chat: PRIVATE, text: 'hello' });
    expect((await tg.waitForMessages(1))[0]?.text).toBe('echo');
  });
});
