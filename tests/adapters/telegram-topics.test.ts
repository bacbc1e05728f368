/**
 * Telegram as groups use it now: a subscription made inside a forum topic
 * posts its reminders into that topic; a channel subscribes with a
 * `/subscribe` posted in it (a `channel_post`, the channel itself the
 * invoker) and gets its reminders there.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readChatSettings } from '../../src/store/chat-settings.js';
import { Faults } from '../fakes/telegram/index.js';
import type { ChatInput } from '../fakes/telegram/types.js';
import { ADMIN, GROUP, MEMBER, startTelegramRig, tickAt, type TelegramRig } from './telegram-harness.js';

let rig: TelegramRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const TOPIC = 7;
const ALMATY_9AM = '2026-12-16T04:00:00Z';
const settingsOf = (chatId: number) => readChatSettings(rig!.services.store, { platform: 'telegram', chatId: String(chatId) });

/** Sends `text` in forum topic TOPIC of GROUP and waits for the answer (in the same topic). */
async function sayInTopic(r: TelegramRig, text: string, from = ADMIN) {
  const before = r.tg.sentTo(GROUP.id).length;
  r.tg.sendUserMessage({ chat: GROUP, from, text, messageThreadId: TOPIC });
  return r.tg.waitFor(() => r.tg.sentTo(GROUP.id)[before], 5000, `answer to ${text}`);
}

describe('Telegram forum topics', () => {
  it('a /subscribe sent in a topic posts the reminders into that topic; one sent outside moves them to General', async () => {
    rig = await startTelegramRig();
    const answer = await sayInTopic(rig, '/subscribe');
    expect(answer.message_thread_id).toBe(TOPIC);
    expect(await settingsOf(GROUP.id)).toMatchObject({ subscribed: true, threadId: String(TOPIC) });
    const [reminder] = await tickAt(rig, ALMATY_9AM);
    expect(reminder).toMatchObject({ chatId: GROUP.id, message_thread_id: TOPIC });
    expect(reminder?.reply_parameters).toBeUndefined();

    await rig.say('/subscribe', GROUP, ADMIN); // in General
    expect((await settingsOf(GROUP.id))?.threadId).toBeUndefined();
    const [next] = await tickAt(rig, '2027-12-16T04:00:00Z');
    expect(next?.chatId).toBe(GROUP.id);
    expect(next?.message_thread_id).toBeUndefined();
  });

  it('a refused /subscribe in a topic changes nothing; /settings in a topic does not move the reminders', async () => {
    rig = await startTelegramRig();
    await rig.say('/subscribe', GROUP, ADMIN);
    await sayInTopic(rig, '/subscribe', MEMBER);
    await sayInTopic(rig, '/settings 10:00', ADMIN);
    expect((await settingsOf(GROUP.id))?.threadId).toBeUndefined();
  });

  it('a topic deleted since: the reminder goes to General and the topic is forgotten', async () => {
    rig = await startTelegramRig();
    await sayInTopic(rig, '/subscribe');
    rig.tg.failNext('sendMessage', { chatId: GROUP.id }, Faults.error(400, 'Bad Request: message thread not found'));
    const posted = await tickAt(rig, ALMATY_9AM);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.message_thread_id).toBeUndefined();
    expect(await settingsOf(GROUP.id)).toMatchObject({ subscribed: true });
    expect((await settingsOf(GROUP.id))?.threadId).toBeUndefined();
    expect(rig.logs.text).toContain('forum topic of reminders is gone');
    expect(rig.logs.text).not.toContain('Solidarity group');
  });
});

describe('Telegram channels', () => {
  const CHANNEL: ChatInput = { id: -1001234, type: 'channel', title: 'Solidarity news' };

  it('asks Telegram for channel posts and inline queries', async () => {
    rig = await startTelegramRig();
    await rig.say('/start');
    const allowed = rig.tg.callsOf('getUpdates').at(-1)?.params['allowed_updates'];
    expect(allowed).toEqual(expect.arrayContaining(['message', 'channel_post', 'callback_query', 'inline_query', 'my_chat_member', 'chat_member']));
  });

  it('/subscribe posted in a channel subscribes it (the channel is its own admin) and the reminders are posted there', async () => {
    rig = await startTelegramRig();
    rig.tg.addChat(CHANNEL);
    rig.tg.setMemberStatus(CHANNEL.id, rig.tg.botInfo.id, 'administrator');
    const [answer] = await rig.say('/subscribe', CHANNEL);
    expect(answer?.plainText).not.toMatch(/Only admins/);
    expect(rig.tg.callsOf('getChatMember').filter((c) => c.params['user_id'] !== rig!.tg.botInfo.id)).toHaveLength(0);
    expect(await settingsOf(CHANNEL.id)).toMatchObject({ subscribed: true, kind: 'channel' });
    const posted = await tickAt(rig, ALMATY_9AM);
    expect(posted.map((m) => m.chatId)).toEqual([CHANNEL.id]);
    expect(posted[0]?.message_thread_id).toBeUndefined();
  });

  it('other commands posted in a channel are answered in the channel', async () => {
    rig = await startTelegramRig();
    rig.tg.addChat(CHANNEL);
    rig.tg.setMemberStatus(CHANNEL.id, rig.tg.botInfo.id, 'administrator');
    const [answer] = await rig.say('/demands', CHANNEL);
    expect(answer?.chatId).toBe(CHANNEL.id);
    expect(answer?.plainText.length).toBeGreaterThan(0);
  });
});
