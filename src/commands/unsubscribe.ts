/** /unsubscribe — no more reminders in this chat (its time zone stays for /today and /next). */
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
    await updateChatSettings(store, inv.chat, { subscribed: false });
    return reply(message(voice.t('unsubscribe-title'), [
      paragraph(...voice.rich('unsubscribe-done', { subscribe: command('/subscribe') })),
    ]));
  },
};
