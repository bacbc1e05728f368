/** /language [en | ru | kk] — show or change the language the bot answers in here. */
import { action, message, paragraph, reply } from '../rich/build.js';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages.js';
import { sharedTranslator } from '../i18n/translator.js';
import { voiceOf, type Voice } from '../i18n/voice.js';
import { readChatSettings, updateChatSettings } from '../store/chat-settings.js';
import type { Action, Reply } from '../rich/model.js';
import type { Command } from './types.js';

/** One button per language, each labelled with its own name. */
const choices = (): Action[] => LANGUAGES.map((l) => action(LANGUAGE_NAMES[l], 'language', l));

function refuse(voice: Voice, given: string): Reply {
  return { ...reply(message(voice.t('language-title'), [paragraph(voice.t('language-unknown', { given }))])), ephemeral: true };
}

export const language: Command = {
  name: 'language',
  access: 'admin',
  options: [{ name: 'language', type: 'string' }],
  async run({ options, voice }, inv, services) {
    const { store } = services;
    // The dispatcher chose `voice` as it chooses every answer's language here: the chat's
    // setting, else the platform's hint for the chat, else the campaign's default, else English.
    const current = voice.language;
    const given = String(options.language ?? '').trim();
    if (given === '') {
      const stored = (await readChatSettings(store, inv.chat))?.language;
      return reply(message(voice.t('language-title'), [
        paragraph(voice.t('language-current', { name: LANGUAGE_NAMES[current] })),
        ...(stored === undefined ? [paragraph(voice.t('language-not-set'))] : []),
        paragraph(voice.t('language-choose')),
      ]), undefined, choices());
    }
    const chosen = given.toLowerCase();
    if (!isLanguage(chosen)) return refuse(voice, given.slice(0, 40));
    await updateChatSettings(store, inv.chat, { language: chosen, kind: inv.chat.kind });
    const said = voiceOf(services.translator ?? sharedTranslator(), chosen);
    return reply(message(said.t('language-saved-title'), [paragraph(said.t('language-saved', { name: LANGUAGE_NAMES[chosen] }))]));
  },
};
