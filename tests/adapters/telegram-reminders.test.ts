/**
 * Reminders through Telegram end to end: a group subscribes with /subscribe,
 * the scheduler posts on the anniversary at the group's local hour, a chat
 * that blocked the bot is forgotten and an upgraded group is followed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { action, message, paragraph } from '../../src/rich/build.js';
import { readChatSettings } from '../../src/store/chat-settings.js';
import { Faults } from '../fakes/telegram/index.js';
import { ADMIN, GROUP, MEMBER, PRIVATE, startTelegramRig, type TelegramRig } from './telegram-harness.js';

let rig: TelegramRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const at = (iso: string, r: TelegramRig): Scheduler => new Scheduler({
  campaign: r.services.campaign, store: r.services.store, adapters: new Map([['telegram', r.adapter]]), catchUpHours: 6,
  log: createLogger({ level: 'silent' }), clock: () => new Date(iso), sleep: async () => undefined,
});

describe('Telegram reminders', () => {
  it('posts the 15th anniversary of Zhanaozen once, at each chat’s own local hour', async () => {
    rig = await startTelegramRig();
    expect((await rig.say('/subscribe', GROUP, MEMBER))[0]?.plainText).toBe('Only admins of this chat can use /subscribe.');
    expect((await rig.say('/subscribe 08:30 europe/berlin', GROUP, ADMIN))[0]?.plainText).toContain('Europe/Berlin');
    await rig.say('/subscribe', PRIVATE, ADMIN); // the campaign's default: 09:00 Asia/Almaty
    // What each tick posted: a reminder is any message the scheduler sent (answers to commands come before).
    const posted: { chatId: number; plainText: string; parse_mode?: string }[] = [];
    const tick = async (iso: string): Promise<unknown> => {
      const before = rig!.tg.sent.length;
      const result = await at(iso, rig!).tick();
      posted.push(...rig!.tg.sent.slice(before));
      return result;
    };
    const reminders = (chatId: number) => posted.filter((m) => m.chatId === chatId && /Zhanaozen/.test(m.plainText));

    // 04:00 UTC = 09:00 in Almaty: the private chat is due, Berlin (05:00 local) is not yet.
    expect(await tick('2026-12-16T04:00:00Z')).toMatchObject({ sent: 1 });
    expect(reminders(PRIVATE.id)).toHaveLength(1);
    expect(reminders(GROUP.id)).toHaveLength(0);
    // 07:30 UTC = 08:30 in Berlin (UTC+1 in December): the group is due; the private chat is not sent again.
    expect(await tick('2026-12-16T07:30:00Z')).toMatchObject({ sent: 1 });
    expect(await tick('2026-12-16T07:31:00Z')).toMatchObject({ sent: 0 });
    expect(reminders(GROUP.id)).toHaveLength(1);
    expect(reminders(PRIVATE.id)).toHaveLength(1);
    expect(reminders(GROUP.id)[0]?.parse_mode).toBe('HTML');
  });

  it('forgets a chat that blocked the bot, and follows a group that became a supergroup', async () => {
    rig = await startTelegramRig();
    const old = { id: -555, type: 'group' as const, title: 'Old group' };
    rig.tg.addChat(old);
    rig.tg.setMemberStatus(old.id, ADMIN.id, 'creator');
    await rig.say('/subscribe', PRIVATE, ADMIN);
    await rig.say('/subscribe', old, ADMIN);
    rig.tg.failNext('sendMessage', { chatId: PRIVATE.id }, Faults.blocked());
    rig.tg.failNext('sendMessage', { chatId: old.id }, Faults.migrated(-100555));
    await at('2026-12-16T04:00:00Z', rig).tick();
    expect(await readChatSettings(rig.services.store, { platform: 'telegram', chatId: String(PRIVATE.id) })).toBeUndefined();
    expect(await readChatSettings(rig.services.store, { platform: 'telegram', chatId: String(old.id) })).toBeUndefined();
    expect(await readChatSettings(rig.services.store, { platform: 'telegram', chatId: '-100555' })).toMatchObject({ subscribed: true });
    expect(rig.tg.sentTo(-100555).filter((m) => /Zhanaozen/.test(m.plainText))).toHaveLength(1);
  });

  it('sends one reminder message to many chats as the same text and keyboard, and each other message as its own', async () => {
    rig = await startTelegramRig();
    // The fan-out sends one message object to every chat; what is kept of its rendering must follow the object and its actions.
    const reminder = message('Zhanaozen, 15 years', [paragraph('On 16 December 2011 the police fired on striking oil workers.')]);
    const buttons = [action('Timeline', 'timeline')];
    const otherButtons = [action('Sources', 'sources')];
    const another = message('The uprising, 5 years', [paragraph('On 2 January 2022 the protests began in Zhanaozen.')]);
    const to = (chatId: number) => ({ platform: 'telegram' as const, chatId: String(chatId), kind: 'group' as const });
    for (const [chat, m, a] of [[-701, reminder, buttons], [-702, reminder, buttons], [-703, reminder, otherButtons], [-704, another, buttons]] as const) {
      rig.tg.addChat({ id: chat, type: 'supergroup', title: `Group ${chat}` });
      expect(await rig.adapter.send(to(chat), m, a)).toEqual({ kind: 'sent' });
    }
    const first = (id: number) => { const m = rig!.tg.sentTo(id)[0]; expect(m, `a message to ${id}`).toBeDefined(); return m!; };
    const [a, b, c, d] = [first(-701), first(-702), first(-703), first(-704)];
    expect(b.plainText).toBe(a.plainText);
    expect(b.reply_markup).toEqual(a.reply_markup);
    expect(JSON.stringify(a.reply_markup)).toContain('Timeline');
    expect(c.plainText).toBe(a.plainText);
    expect(JSON.stringify(c.reply_markup)).toContain('Sources');
    expect(JSON.stringify(c.reply_markup)).not.toContain('Timeline');
    expect(d.plainText).toContain('2 January 2022');
    expect(d.plainText).not.toContain('16 December 2011');
  });
});
