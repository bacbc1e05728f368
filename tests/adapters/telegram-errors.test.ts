/**
 * How the Telegram adapter classifies what the Bot API answers to a
 * reminder, through real grammY against the loopback fake: a chat that is
 * gone, a chat where the bot lost its rights, a flood wait for the whole bot,
 * configuration-shaped failures, timeouts and broken connections.
 */
import { GrammyError, HttpError } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyTelegramError } from '../../adapters/telegram/errors.js';
import { paragraph } from '../../src/rich/build.js';
import { CHAT_SETTINGS, readChatSettings } from '../../src/store/chat-settings.js';
import { until } from '../helpers/wait.js';
import { Faults, type Fault } from '../fakes/telegram/index.js';
import { ADMIN, GROUP, PRIVATE, startTelegramRig, type TelegramRig } from './telegram-harness.js';

let rig: TelegramRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const msg = { title: 'Reminder', blocks: [paragraph('15 years ago today')] };
const bad = (description: string): Fault => Faults.error(400, `Bad Request: ${description}`);
const refused = (description: string): Fault => Faults.error(403, `Forbidden: ${description}`);

describe('Telegram send results', () => {
  it('tells a chat that is gone from one where the bot only lost its rights', async () => {
    rig = await startTelegramRig();
    const cases: [Fault, string][] = [
      [Faults.kicked('supergroup'), 'gone'],
      [Faults.kicked('channel'), 'gone'],
      [Faults.blocked(), 'gone'],
      [refused('user is deactivated'), 'gone'],
      [refused('bot is not a member of the channel chat'), 'gone'],
      [Faults.chatNotFound(), 'gone'],
      [bad('group chat was deactivated'), 'gone'],
      [bad('have no rights to send a message'), 'forbidden'],
      [bad('need administrator rights in the channel chat'), 'forbidden'],
      [bad('not enough rights to send text messages to the chat'), 'forbidden'],
      [refused('CHAT_WRITE_FORBIDDEN'), 'forbidden'],
      [bad('CHAT_WRITE_FORBIDDEN'), 'forbidden'],
      [bad('CHAT_RESTRICTED'), 'forbidden'],
      [bad('CHAT_SEND_PLAIN_FORBIDDEN'), 'forbidden'],
      // A refusal nobody has seen before keeps the subscription: an admin is told, nothing is deleted.
      [refused('SOMETHING_NEW'), 'forbidden'],
      [bad("can't parse entities: unsupported start tag"), 'failed'],
    ];
    const seen: string[] = [];
    // Each case on its own chat: the pacer allows one message per second per chat.
    for (const [i, [fault]] of cases.entries()) {
      rig.tg.failNext('sendMessage', {}, fault);
      const result = await rig.adapter.send({ platform: 'telegram', chatId: String(-300 - i), kind: 'group' }, msg);
      seen.push(result.kind);
      if (result.kind === 'forbidden') expect(result.reason).not.toBe('');
    }
    expect(seen).toEqual(cases.map(([, kind]) => kind));
  });

  it('a 429 is a flood wait for the whole bot; 401 and 404 pause the platform; 5xx is transient', async () => {
    rig = await startTelegramRig();
    const chat = (n: number) => ({ platform: 'telegram' as const, chatId: String(-400 - n), kind: 'group' as const });
    rig.tg.failNext('sendMessage', {}, Faults.retryAfter(600));
    expect(await rig.adapter.send(chat(1), msg)).toEqual({ kind: 'retryAfter', ms: 600_000, scope: 'bot' });
    rig.tg.failNext('sendMessage', {}, Faults.error(401, 'Unauthorized'));
    expect(await rig.adapter.send(chat(2), msg)).toMatchObject({ kind: 'paused', reason: expect.stringContaining('401') });
    rig.tg.failNext('sendMessage', {}, Faults.error(404, 'Not Found'));
    expect(await rig.adapter.send(chat(3), msg)).toMatchObject({ kind: 'paused', reason: expect.stringContaining('404') });
    rig.tg.failNext('sendMessage', {}, Faults.internal());
    expect(await rig.adapter.send(chat(4), msg)).toEqual({ kind: 'failed', transient: true, reason: '500 Internal Server Error' });
    // An HTML error page (Telegram's front end in a passing 502, or a wrong TELEGRAM_API_ROOT): transient, never final.
    rig.tg.failNext('sendMessage', {}, Faults.badGateway(true));
    expect(await rig.adapter.send(chat(5), msg)).toMatchObject({ kind: 'failed', transient: true, reason: expect.stringContaining('HTML') });
  });

  it('a broken connection after the request went out is ambiguous; a refused connection pauses', async () => {
    rig = await startTelegramRig();
    const chat = (n: number) => ({ platform: 'telegram' as const, chatId: String(-500 - n), kind: 'group' as const });
    rig.tg.failNext('sendMessage', {}, Faults.dropAfterProcessing());
    expect(await rig.adapter.send(chat(1), msg)).toMatchObject({ kind: 'failed', transient: true, ambiguous: true });
    expect(rig.tg.sentTo(-501)).toHaveLength(1); // Telegram did take it: a retry would double it.
    await rig.tg.setDown(true);
    expect(await rig.adapter.send(chat(2), msg)).toMatchObject({ kind: 'paused', reason: expect.stringContaining('ECONNREFUSED') });
  });

  it('classifies DNS failures and timeouts as grammY reports them (HttpError wrapping the cause)', () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND api.example'), { code: 'ENOTFOUND', type: 'system' });
    expect(classifyTelegramError(new HttpError("Network request for 'sendMessage' failed!", dns))).toMatchObject({ kind: 'paused' });
    const timeout = new Error("Request to 'sendMessage' timed out after 10 seconds");
    expect(classifyTelegramError(new HttpError("Network request for 'sendMessage' failed!", timeout)))
      .toEqual({ kind: 'failed', transient: true, ambiguous: true, reason: 'request timed out' });
    const migrated = new GrammyError('x', { ok: false, error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: -1009 } }, 'sendMessage', {});
    expect(classifyTelegramError(migrated)).toEqual({ kind: 'migrated', newChatId: '-1009' });
  });

  it('a reply refused for missing rights keeps the chat and logs no private chat id; a blocked one is forgotten', async () => {
    rig = await startTelegramRig();
    const store = rig.services.store;
    await store.set(CHAT_SETTINGS, `telegram:${GROUP.id}`, { subscribed: true });
    await store.set(CHAT_SETTINGS, `telegram:${PRIVATE.id}`, { subscribed: true });
    rig.tg.failNext('sendMessage', { chatId: GROUP.id }, bad('have no rights to send a message'));
    rig.tg.failNext('sendMessage', { chatId: PRIVATE.id }, refused('CHAT_WRITE_FORBIDDEN'));
    rig.tg.sendUserMessage({ chat: GROUP, from: ADMIN, text: '/start' });
    rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/start' });
    await rig.tg.waitFor(() => (rig!.logs.text.match(/telegram update failed/g) ?? []).length >= 2 || undefined);
    expect(await readChatSettings(store, { platform: 'telegram', chatId: String(GROUP.id) })).toMatchObject({ subscribed: true });
    expect(await readChatSettings(store, { platform: 'telegram', chatId: String(PRIVATE.id) })).toMatchObject({ subscribed: true });
    expect(rig.logs.text).toContain('"result":"forbidden"');
    expect(rig.logs.text).toContain(String(GROUP.id));
    expect(rig.logs.text).not.toContain(String(PRIVATE.id));
    expect(rig.logs.text).toMatch(/"chat":"private:[0-9a-f]{10}"/);

    rig.tg.failNext('sendMessage', { chatId: PRIVATE.id }, Faults.blocked());
    rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/start' });
    await until(async () => (await readChatSettings(store, { platform: 'telegram', chatId: String(PRIVATE.id) })) === undefined);
    rig.tg.chatMemberUpdate({ chat: PRIVATE, status: 'kicked', oldStatus: 'member' });
    await rig.tg.waitFor(() => rig!.logs.text.includes('telegram chat left') || undefined);
    expect(rig.logs.text).not.toContain(String(PRIVATE.id));
  });
});
