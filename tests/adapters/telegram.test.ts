/** The Telegram adapter end to end: real grammY and runner against the loopback Bot API fake. */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import type { Command } from '../../src/commands/types.js';
import { paragraph, reply } from '../../src/rich/build.js';
import { CHAT_SETTINGS, readChatSettings } from '../../src/store/chat-settings.js';
import { Faults } from '../fakes/telegram/index.js';
import { describeCommand } from '../../src/commands/describe.js';
import { testServices, voice } from '../helpers/core.js';
import { until } from '../helpers/wait.js';
import { ADMIN, GROUP, MEMBER, PRIVATE, startTelegramRig, type TelegramRig } from './telegram-harness.js';

/** Menus set at start: three scopes, each by default and for Russian and Kazakh apps. */
const MENUS = 9;

let rig: TelegramRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const secret: Command = {
  name: 'secret', options: [], access: 'admin',
  run: () => reply({ blocks: [paragraph('admin ok')] }),
};

describe('Telegram adapter', () => {
  it('answers /start as HTML with link previews off; in a group it quotes the command, in a private chat it does not', async () => {
    rig = await startTelegramRig();
    const [m] = await rig.say('/start');
    expect(m).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(m?.reply_parameters).toBeUndefined();
    expect(m?.plainText).toContain(rig.services.campaign.meta.title);
    const [g] = await rig.say('/start', GROUP, MEMBER);
    expect(g?.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
  });

  it('answers /demands@placardbot in a group and ignores /demands@otherbot', async () => {
    rig = await startTelegramRig();
    const ignored = await rig.say('/demands@otherbot', GROUP, MEMBER);
    expect(ignored).toHaveLength(0);
    const answered = await rig.say('/demands@PlacardBot', GROUP, MEMBER);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.map((m) => m.plainText).join('\n')).toContain('Release of all political prisoners and detainees!');
  });

  it('escapes HTML from arguments: <script> arrives as text', async () => {
    rig = await startTelegramRig();
    const [m] = await rig.say('/signatories <script>alert(1)</script> & <b>');
    expect(m?.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;');
    expect(m?.plainText).toContain('<script>alert(1)</script> & <b>');
    expect(m?.entities?.some((e) => e.type === 'bold' && m.plainText.slice(e.offset, e.offset + e.length) === '<b>')).toBe(false);
  });

  it('pages /signatories with buttons forward and back, and answers a stale button politely', async () => {
    rig = await startTelegramRig();
    const [first] = await rig.say('/signatories');
    const markup = first?.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
    const next = markup?.inline_keyboard?.[0]?.find((b) => b.text.startsWith('Next'));
    expect(next?.callback_data).toBe('pg|signatories|2|');
    rig.tg.pressButton({ chat: PRIVATE, from: ADMIN, messageId: first!.message_id, data: 'pg|signatories|2|' });
    const page2 = await rig.tg.waitFor(() => rig!.tg.sent.find((m) => m.method === 'editMessageText' && m.plainText.includes('page 2 of 4')));
    expect(page2.plainText).toContain('MLPD');
    rig.tg.pressButton({ chat: PRIVATE, from: ADMIN, messageId: first!.message_id, data: 'pg|signatories|1|' });
    await rig.tg.waitFor(() => rig!.tg.sent.find((m) => m.method === 'editMessageText' && m.plainText.includes('page 1 of 4')));
    rig.tg.pressButton({ chat: PRIVATE, from: ADMIN, messageId: first!.message_id, data: 'pg|signatories|9|' });
    rig.tg.pressButton({ chat: PRIVATE, from: ADMIN, messageId: first!.message_id, data: 'garbage' });
    const answers = await rig.tg.waitFor(() => (rig!.tg.callbackAnswers.length >= 4 ? rig!.tg.callbackAnswers : undefined));
    expect(answers.slice(2).map((a) => a.text)).toEqual([
      'This list has changed. Please send the command again.', 'This list has changed. Please send the command again.']);
  });

  it("answers one chat's commands in order, even when the first reply has to wait out a 429", async () => {
    rig = await startTelegramRig();
    // What the three commands answer, asked one at a time.
    const firstLine = (m: { plainText: string }): string => m.plainText.split('\n')[0]!;
    const expected: string[] = [];
    for (const text of ['/about', '/sources', '/help']) expected.push(...(await rig.say(text)).map(firstLine));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    rig.tg.clearLog();
    rig.tg.failNext('sendMessage', { chatId: PRIVATE.id }, Faults.retryAfter(2));
    rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/about' });
    rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/sources' });
    rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/help' });
    // Meanwhile another chat is not held up behind it: answered while the first still waits.
    const other = { id: 4343, type: 'private' as const, first_name: 'Eva' };
    rig.tg.sendUserMessage({ chat: other, from: { id: other.id, first_name: 'Eva' }, text: '/start' });
    await rig.tg.waitForMessages(1, { chatId: other.id, timeoutMs: 1500 });
    expect(rig.tg.sentTo(PRIVATE.id)).toHaveLength(0);
    const answers = await rig.tg.waitForMessages(expected.length, { chatId: PRIVATE.id, timeoutMs: 5000 });
    expect(answers.map(firstLine)).toEqual(expected);
  });

  it('refuses a member on an admin command; admins, anonymous admins and private users pass', async () => {
    const services = { ...(await testServices()), commands: [...commands, secret] };
    rig = await startTelegramRig({ services });
    expect((await rig.say('/secret', GROUP, MEMBER))[0]?.plainText).toBe('Only admins of this chat can use /secret.');
    expect((await rig.say('/secret', GROUP, ADMIN))[0]?.plainText).toBe('admin ok');
    expect((await rig.say('/secret', PRIVATE, MEMBER))[0]?.plainText).toBe('admin ok');
    const before = rig.tg.sentTo(GROUP.id).length;
    rig.tg.sendUserMessage({ chat: GROUP, text: '/secret', senderChat: true });
    const anon = await rig.tg.waitFor(() => rig!.tg.sentTo(GROUP.id)[before]);
    expect(anon.plainText).toBe('admin ok');
    expect(rig.tg.callsOf('getChatMember').length).toBe(2); // one per user, then cached
  });

  it('sets the command menu at start for private chats, groups and group admins, and only when it changed', async () => {
    const services = await testServices();
    rig = await startTelegramRig({ services });
    await rig.tg.waitFor(() => rig!.tg.callsOf('setMyCommands').length === MENUS || undefined);
    expect(rig.tg.commands({ type: 'default' }).map((c) => c.command)).toEqual(commands.map((c) => c.name));
    expect(rig.tg.commands({ type: 'all_group_chats' }).map((c) => c.command)).toEqual(commands.filter((c) => c.access === 'everyone').map((c) => c.name));
    await rig.close();
    rig = await startTelegramRig({ services });
    await rig.say('/start');
    expect(rig.tg.callsOf('setMyCommands')).toHaveLength(0);
  });

  it('sets a menu per language: the default one in the campaign’s language, and Russian and Kazakh ones for those apps', async () => {
    rig = await startTelegramRig();
    await rig.tg.waitFor(() => rig!.tg.callsOf('setMyCommands').length === MENUS || undefined);
    const described = (language: 'en' | 'ru' | 'kk', name: string): string => describeCommand(voice(language), { name });
    for (const scope of [{ type: 'default' }, { type: 'all_group_chats' }, { type: 'all_chat_administrators' }]) {
      const [english, russian, kazakh] = [undefined, 'ru', 'kk'].map((code) => rig!.tg.commands(scope, code));
      expect(english!.length, scope.type).toBeGreaterThan(0);
      for (const menu of [russian!, kazakh!]) expect(menu.map((c) => c.command), scope.type).toEqual(english!.map((c) => c.command));
      for (const c of english!) expect(c.description).toBe(described('en', c.command));
      for (const c of russian!) expect(c.description, c.command).toBe(described('ru', c.command));
      for (const c of kazakh!) expect(c.description, c.command).toBe(described('kk', c.command));
    }
    const demands = (code?: string): string => rig!.tg.commands({ type: 'default' }, code).find((c) => c.command === 'demands')!.description;
    expect(demands('ru')).toMatch(/Требования/);
    expect(demands('kk')).toMatch(/Талаптар/);
    expect(demands()).toMatch(/demands/);
    // No menu for English users apart from the default one, which is English here.
    expect(rig.tg.commands({ type: 'default' }, 'en')).toEqual([]);
  });

  it('keeps serving when the menu cannot be set', async () => {
    rig = await startTelegramRig({ down: false });
    rig.tg.failNext('setMyCommands', { times: 5 }, Faults.internal());
    expect((await rig.say('/start')).length).toBe(1);
  });

  it('forgets a chat that removed or blocked the bot, and moves one that became a supergroup', async () => {
    rig = await startTelegramRig();
    const store = rig.services.store;
    await store.set(CHAT_SETTINGS, `telegram:${GROUP.id}`, { subscribed: true, timeZone: 'Asia/Almaty' });
    rig.tg.chatMemberUpdate({ chat: GROUP, status: 'kicked', oldStatus: 'member' });
    await until(async () => (await readChatSettings(store, { platform: 'telegram', chatId: String(GROUP.id) })) === undefined);
    const old = { id: -4321, type: 'group' as const, title: 'Old group' };
    rig.tg.addChat(old);
    await store.set(CHAT_SETTINGS, `telegram:${old.id}`, { subscribed: true, timeZone: 'Europe/Paris' });
    const { newChatId } = rig.tg.migrateChat({ chatId: old.id });
    await until(async () => (await readChatSettings(store, { platform: 'telegram', chatId: String(old.id) })) === undefined);
    expect(await readChatSettings(store, { platform: 'telegram', chatId: String(old.id) })).toBeUndefined();
    expect((await readChatSettings(store, { platform: 'telegram', chatId: String(newChatId) }))?.timeZone).toBe('Europe/Paris');
  });

  it('forgets a chat when a reply fails with 403', async () => {
    rig = await startTelegramRig();
    await rig.services.store.set(CHAT_SETTINGS, `telegram:${PRIVATE.id}`, { subscribed: true });
    rig.tg.failNext('sendMessage', { chatId: PRIVATE.id }, Faults.blocked());
    rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/start' });
    await until(async () => (await readChatSettings(rig!.services.store, { platform: 'telegram', chatId: String(PRIVATE.id) })) === undefined);
  });

  it('maps send errors to SendResults for the scheduler', async () => {
    rig = await startTelegramRig();
    const target = { platform: 'telegram' as const, chatId: String(GROUP.id), kind: 'group' as const };
    const msg = { title: 'Reminder', blocks: [paragraph('15 years ago today')] };
    expect(await rig.adapter.send(target, msg)).toEqual({ kind: 'sent' });
    const cases = [
      [Faults.retryAfter(7), { kind: 'retryAfter', ms: 7000, scope: 'bot' }],
      [Faults.kicked('supergroup'), { kind: 'gone' }],
      [Faults.chatNotFound(), { kind: 'gone' }],
      [Faults.migrated(-100999), { kind: 'migrated', newChatId: '-100999' }],
      [Faults.internal(), { kind: 'failed', transient: true }],
      [Faults.drop(), { kind: 'failed', transient: true, ambiguous: true }],
    ] as const;
    // Each case on its own chat: the pacer allows one message per second per chat.
    for (const [i, [fault, expected]] of cases.entries()) {
      const chat = { ...target, chatId: String(-200 - i) };
      rig.tg.failNext('sendMessage', {}, fault);
      expect(await rig.adapter.send(chat, msg)).toMatchObject(expected);
    }
  });

  it('stays up while Telegram is unreachable at start, then serves', async () => {
    rig = await startTelegramRig({ down: true, botInfo: undefined });
    expect(rig.adapter.ready()).toBe(false);
    await rig.tg.waitFor(() => rig!.logs.text.includes('telegram unreachable at start') || undefined);
    await rig.tg.setDown(false);
    await rig.tg.waitFor(() => rig!.adapter.ready() || undefined, 10_000);
    expect((await rig.say('/start'))[0]?.plainText).toContain(rig.services.campaign.meta.title);
    expect(rig.logs.text).not.toContain(rig.tg.token);
    expect(rig.logs.text).not.toContain(rig.tg.token.split(':')[1]);
  });
});
