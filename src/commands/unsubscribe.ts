/**
 * /unsubscribe — no more reminders in this chat (its time zone stays for /today and /next);
 * on Discord the server's scheduled events it kept are turned off too (the adapter deletes them).
 */
import { message, paragraph, reply, command } from '../rich/build.js';
import { readChatSettings, updateChatSettings } from '../store/chat-settings.js';
import type { Command } from './types.js';

export const unsubscribe: Command = {
  name: 'unsubscribe',
  access: 'admin',
  options: [],
  async run({ voice }, inv, { store }) {
    const settings = await readChatSettings(store, inv.chat);
    if (settings?.subscribed !== true) {
      return reply(message(voice.t('unsubscribe-not-title'), [paragraph(...voice.rich('unsubscribe-not', { subscribe: command('/subscribe') }))]));
    }
    const events = settings.discordEvents?.on === true;
    await updateChatSettings(store, inv.chat, { subscribed: false, ...(events ? { discordEvents: { on: false } } : {}) });
    return reply(message(voice.t('unsubscribe-title'), [
      paragraph(...voice.rich('unsubscribe-done', { subscribe: command('/subscribe') })),
      ...(events ? [paragraph(voice.t('discord-events-unsubscribed'))] : []),
    ]));
  },
};
