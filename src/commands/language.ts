/** /language [en | ru | kk] — show or change the language the bot answers in here. */
import { action, message, paragraph, reply } from '../rich/build.js';
import { chooseLanguage, isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/languages.js';
import { sharedTranslator, type Translator } from '../i18n/translator.js';
import { readChatSettings, updateChatSettings } from '../store/chat-settings.js';
import type { Action, Reply } from '../rich/model.js';
import type { Command } from './types.js';

/** One button per language, each labelled with its own name. */
const choices = (): Action[] => LANGUAGES.map((l) => action(LANGUAGE_NAMES[l], 'language', l));

function refuse(tr: Translator, lang: Language, given: string): Reply {
  return { ...reply(message(tr.t(lang, 'language-title'), [paragraph(tr.t(lang, 'language-unknown', { given }))])), ephemeral: true };
}

export const language: Command = {
  name: 'language',
  access: 'admin',
  options: [{ name: 'language', type: 'string' }],
  async run({ options }, inv, services) {
    const tr = services.translator ?? await sharedTranslator();
    const { store } = services;
    const stored = (await readChatSettings(store, inv.chat))?.language;
    const current = chooseLanguage({ chatSetting: stored, platformHint: inv.locale });
    const given = String(options.language ?? '').trim();
    if (given === '') {
      return reply(message(tr.t(current, 'language-title'), [
        paragraph(tr.t(current, 'language-current', { name: LANGUAGE_NAMES[current] })),
        ...(stored === undefined ? [paragraph(tr.t(current, 'language-not-set'))] : []),
        paragraph(tr.t(current, 'language-choose')),
      ]), undefined, choices());
    }
    const chosen = given.toLowerCase();
    if (!isLanguage(chosen)) return refuse(tr, current, given.slice(0, 40));
    await updateChatSettings(store, inv.chat, { language: chosen, kind: inv.chat.kind });
    return reply(message(tr.t(chosen, 'language-saved-title'), [
      paragraph(tr.t(chosen, 'language-saved', { name: LANGUAGE_NAMES[chosen] })),
      // Said plainly until every answer is in the catalogs (issue 14): most answers are still English.
      ...(chosen === 'en' ? [] : [paragraph(tr.t(chosen, 'language-partial'))]),
    ]));
  },
};
