/**
 * Bot API behaviours of the fake, through grammY's `Api` and plain HTTP:
 * long polling, transports, auth, commands, members, membership updates,
 * edits, webhook replies and outages.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, GrammyError, HttpError, InputFile, webhookCallback } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Faults, startFakeTelegram, type FakeTelegram } from './index.js';

let tg: FakeTelegram;
let bots: Bot[] = [];
const GROUP = { id: -1009, type: 'supergroup', title: 'Union' } as const;

beforeEach(async () => {
  tg = await startFakeTelegram();
});
afterEach(async () => {
  for (const b of bots) if (b.isRunning()) await b.stop();
  bots = [];
  await tg.close();
});

function newBot(extra: { timeoutSeconds?: number; webhookReply?: boolean } = {}): Bot {
  const client = { apiRoot: tg.apiRoot, timeoutSeconds: extra.timeoutSeconds ?? 60, canUseWebhookReply: () => extra.webhookReply === true };
  const bot = new Bot(tg.token, { client, botInfo: tg.botInfo });
  bots.push(bot);
  return bot;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => undefined, (e: unknown) => e);
}

describe('getUpdates long polling', () => {
  it('holds the request until an update arrives, honours offset and limit', async () => {
    const api = newBot().api;
    const pending = api.getUpdates({ timeout: 20 });
    await tg.waitForCall('getUpdates');
    const t0 = Date.now();
    const first = tg.sendUserMessage({ chat: { id: 7, type: 'private' }, text: 'one' });
    expect((await pending).map((u) => u.update_id)).toEqual([first.update_id]);
    expect(Date.now() - t0).toBeLessThan(1000);
    const second = tg.sendUserMessage({ chat: 7, text: 'two' });
    expect(await api.getUpdates({ offset: first.update_id, limit: 1 })).toHaveLength(1); // not yet confirmed
    expect((await api.getUpdates({ offset: first.update_id + 1 })).map((u) => u.update_id)).toEqual([second.update_id]);
    expect(tg.pendingUpdates).toHaveLength(1);
    expect(second.message?.message_id).toBe((first.message?.message_id ?? 0) + 1);
  });

  it('answers [] when the timeout passes, filters by allowed_updates', async () => {
    const api = newBot().api;
    const t0 = Date.now();
    expect(await api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    tg.sendUserMessage({ chat: { id: 7, type: 'private' }, text: 'ignored' });
    const press = tg.pressButton({ chat: 7, messageId: 99, data: 'x' });
    expect((await api.getUpdates({ allowed_updates: ['callback_query'] })).map((u) => u.update_id)).toEqual([press.update_id]);
  });

  it('a newer poll terminates the older one with 409; close() releases a pending poll', async () => {
    const api = newBot().api;
    const older = rejection(api.getUpdates({ timeout: 20 }));
    await tg.waitForCall('getUpdates');
    const newer = api.getUpdates({ timeout: 20 });
    expect(((await older) as GrammyError).error_code).toBe(409);
    await tg.waitForCall('getUpdates', 2);
    const t0 = Date.now();
    await tg.close();
    expect(await newer).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('transport and routing', () => {
  it('401 for a wrong token, 404 for an unknown method', async () => {
    const wrong = new Bot('999:nope', { client: { apiRoot: tg.apiRoot } });
    const e = (await rejection(wrong.api.getMe())) as GrammyError;
    expect([e.error_code, e.description]).toEqual([401, 'Unauthorized']);
    const raw = newBot().api.raw as unknown as Record<string, (p: object) => Promise<unknown>>;
    const missing = (await rejection(raw['noSuchMethod']?.({}) ?? Promise.resolve())) as GrammyError;
    expect([missing.error_code, missing.description]).toEqual([404, 'Not Found']);
    expect(tg.stats.unauthorized).toBe(1);
  });

  it('grammY sends JSON, and multipart when an InputFile is present; form and query bodies parse too', async () => {
    const api = newBot().api;
    await rejection(api.sendPhoto(5, new InputFile(Buffer.from('png'), 'a.png'), { caption: 'c' }));
    const photo = tg.callsOf('sendPhoto')[0];
    expect(photo?.transport).toBe('multipart');
    expect(photo?.params).toMatchObject({ chat_id: '5', caption: 'c' });
    expect(photo?.files.map((f) => [f.filename, f.data.toString()])).toEqual([['a.png', 'png']]);
    const form = new URLSearchParams({ chat_id: '5', text: 'hi', reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'a', callback_data: 'b' }]] }) });
    const res = await fetch(`${tg.apiRoot}/bot${tg.token}/sendMessage`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(tg.sent[0]).toMatchObject({ plainText: 'hi', reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'b' }]] } });
    const get = await fetch(`${tg.apiRoot}/bot${tg.token}/getChat?chat_id=5`);
    expect(await get.json()).toMatchObject({ ok: true, result: { id: 5, type: 'private' } });
    expect(tg.calls.map((c) => c.transport)).toEqual(['multipart', 'form', 'query']);
  });
});

describe('chats, members, commands', () => {
  it('commands per scope and language, validation, delete', async () => {
    const api = newBot().api;
    await api.setMyCommands([{ command: 'demands', description: 'Show demands' }]);
    await api.setMyCommands([{ command: 'subscribe', description: 'Subscribe' }], { scope: { type: 'chat_administrators', chat_id: -1009 }, language_code: 'ru' });
    expect(await api.getMyCommands()).toEqual([{ command: 'demands', description: 'Show demands' }]);
    expect(tg.commands({ type: 'chat_administrators', chat_id: -1009 }, 'ru').map((c) => c.command)).toEqual(['subscribe']);
    expect(await api.getMyCommands({ scope: { type: 'chat_administrators', chat_id: -1009 } })).toEqual([]);
    const bad = (await rejection(api.setMyCommands([{ command: 'Bad-Name', description: 'x' }]))) as GrammyError;
    expect(bad.description).toBe('Bad Request: BOT_COMMAND_INVALID');
    await api.deleteMyCommands();
    expect(await api.getMyCommands()).toEqual([]);
  });

  it('getChatMember statuses, getChat, anonymous admins post as the group', async () => {
    const bot = newBot();
    tg.addChat(GROUP);
    tg.setMemberStatus(GROUP.id, 7, 'creator');
    tg.setMemberStatus(GROUP.id, 8, 'administrator');
    tg.setMemberStatus(GROUP.id, 9, 'kicked');
    const statuses = await Promise.all([7, 8, 9, 10].map(async (id) => (await bot.api.getChatMember(GROUP.id, id)).status));
    expect(statuses).toEqual(['creator', 'administrator', 'kicked', 'member']);
    expect(await bot.api.getChat(GROUP.id)).toMatchObject({ id: GROUP.id, type: 'supergroup', title: 'Union' });
    const senders: (number | undefined)[] = [];
    bot.on('message', (ctx) => void senders.push(ctx.senderChat?.id, ctx.from?.id));
    void bot.start();
    tg.sendUserMessage({ chat: GROUP, text: '/subscribe', senderChat: true });
    await tg.waitFor(() => senders.length === 2);
    expect(senders).toEqual([GROUP.id, 1087968824]);
  });

  it("the bot's own rights: channel admins may post unless told otherwise; a group's default permissions", async () => {
    const api = newBot().api;
    const channel = { id: -1001234, type: 'channel' } as const;
    tg.addChat(channel);
    tg.addChat(GROUP);
    tg.setMemberStatus(channel.id, tg.botInfo.id, 'administrator');
    expect(await api.getChatMember(channel.id, tg.botInfo.id)).toMatchObject({ status: 'administrator', can_post_messages: true });
    tg.setBotRights(channel.id, { can_post_messages: false });
    expect(await api.getChatMember(channel.id, tg.botInfo.id)).toMatchObject({ can_post_messages: false });
    tg.setMemberStatus(GROUP.id, tg.botInfo.id, 'administrator');
    expect(await api.getChatMember(GROUP.id, tg.botInfo.id)).not.toHaveProperty('can_post_messages');
    expect((await api.getChat(GROUP.id)).permissions).toBeUndefined();
    tg.setChatPermissions(GROUP.id, { can_send_messages: false });
    expect((await api.getChat(GROUP.id)).permissions).toEqual({ can_send_messages: false });
  });

  it('my_chat_member: the bot is kicked / blocked, then sending fails with 403', async () => {
    const bot = newBot();
    const changes: string[] = [];
    bot.on('my_chat_member', (ctx) => void changes.push(`${ctx.chat.id}:${ctx.myChatMember.new_chat_member.status}`));
    void bot.start();
    tg.chatMemberUpdate({ chat: GROUP, status: 'kicked' });
    tg.chatMemberUpdate({ chat: { id: 7, type: 'private' }, status: 'kicked' });
    await tg.waitFor(() => changes.length === 2);
    expect(changes).toEqual([`${GROUP.id}:kicked`, '7:kicked']);
    const kicked = (await rejection(bot.api.sendMessage(GROUP.id, 'x'))) as GrammyError;
    expect([kicked.error_code, kicked.description]).toEqual([403, 'Forbidden: bot was kicked from the supergroup chat']);
    expect(((await rejection(bot.api.sendMessage(7, 'x'))) as GrammyError).description).toBe('Forbidden: bot was blocked by the user');
    tg.chatMemberUpdate({ chat: GROUP.id, status: 'member' });
    expect((await bot.api.sendMessage(GROUP.id, 'back')).text).toBe('back');
  });

  it('edits and replies are validated like Telegram', async () => {
    const api = newBot().api;
    const m = await api.sendMessage(5, 'one', { link_preview_options: { is_disabled: true }, message_thread_id: 3 });
    const again = (await rejection(api.editMessageText(5, m.message_id, 'one'))) as GrammyError;
    expect(again.description).toMatch(/^Bad Request: message is not modified/);
    expect(((await rejection(api.editMessageText(5, 999, 'x'))) as GrammyError).description).toBe('Bad Request: message to edit not found');
    const reply = await api.sendMessage(5, 'two', { reply_parameters: { message_id: m.message_id } });
    expect(reply.reply_to_message?.text).toBe('one');
    const lost = (await rejection(api.sendMessage(5, 'x', { reply_parameters: { message_id: 999 } }))) as GrammyError;
    expect(lost.description).toBe('Bad Request: message to be replied not found');
    expect(tg.sent[0]).toMatchObject({ link_preview_options: { is_disabled: true }, message_thread_id: 3 });
  });
});

describe('outages and webhook replies', () => {
  it('setDown refuses connections; a hung request times out in grammY; close() releases it', async () => {
    const api = newBot({ timeoutSeconds: 1 }).api;
    await tg.setDown(true);
    expect(await rejection(api.getMe())).toBeInstanceOf(HttpError);
    await tg.setDown(false);
    expect((await api.getMe()).username).toBe('testbot');
    tg.failNext('getMe', { times: 2 }, Faults.hang());
    expect(await rejection(api.getMe())).toBeInstanceOf(HttpError); // grammY's own timeout
    const hung = rejection(newBot().api.getMe());
    await tg.waitForCall('getMe', 3);
    await tg.close();
    expect(await hung).toBeInstanceOf(HttpError);
  });

  it('getWebhookInfo reports the last failed delivery until the webhook is set again', async () => {
    const api = newBot().api;
    await api.setWebhook('http://127.0.0.1:9/hook');
    expect(await api.getWebhookInfo()).not.toHaveProperty('last_error_message');
    const t0 = Math.floor(Date.now() / 1000);
    expect(await tg.deliverToWebhook(tg.sendUserMessage({ chat: { id: 7, type: 'private' }, text: 'hey' }))).toBe(0);
    const info = await api.getWebhookInfo();
    expect(info).toMatchObject({ last_error_message: 'Connection refused', pending_update_count: 1 });
    expect(info.last_error_date).toBeGreaterThanOrEqual(t0);
    await api.setWebhook('http://127.0.0.1:9/hook');
    expect(await api.getWebhookInfo()).not.toHaveProperty('last_error_message');
  });

  it('executes a webhook reply (method call in the response body)', async () => {
    const bot = newBot({ webhookReply: true });
    bot.on('message', (ctx) => ctx.reply('via webhook reply'));
    const server = createServer(webhookCallback(bot, 'http'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await bot.api.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const status = await tg.deliverToWebhook(tg.sendUserMessage({ chat: { id: 7, type: 'private' }, text: 'hey' }));
    await new Promise((r) => server.close(r));
    expect(status).toBe(200);
    expect(tg.sent[0]).toMatchObject({ chatId: 7, plainText: 'via webhook reply' });
    expect(tg.callsOf('sendMessage')[0]?.transport).toBe('webhook-reply');
  });
});
