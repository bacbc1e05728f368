/**
 * Telegram's command menu (setMyCommands), generated from the command list:
 * everything in private chats (the user is the admin there) and for group
 * admins, the commands for everyone in groups. One menu per language: the
 * default one (no `language_code`) in the campaign's language, and one for
 * each other language the bot speaks, which Telegram shows to users whose
 * app is set to it. Descriptions come from the catalogs. Set only when they changed.
 */
import { createHash } from 'node:crypto';
import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope } from 'grammy/types';
import { describeCommand } from '../../src/commands/describe.js';
import type { Command } from '../../src/commands/types.js';
import { chooseLanguage, LANGUAGES, type Language } from '../../src/i18n/languages.js';
import { sharedTranslator, type Translator } from '../../src/i18n/translator.js';
import { voiceOf, type Voice } from '../../src/i18n/voice.js';
import type { Logger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';
import { describeTelegramError } from './errors.js';

const REGISTRATION = 'registration';

/** Telegram's limit for a command's description. */
const DESCRIPTION_LIMIT = 256;

const entry = (voice: Voice, c: Command): BotCommand => ({ command: c.name, description: describeCommand(voice, c).slice(0, DESCRIPTION_LIMIT) });

/** One menu to set: its scope, its language (none: the default menu) and its commands. */
export interface TelegramMenu {
  readonly scope: BotCommandScope;
  readonly language_code?: Language;
  readonly commands: BotCommand[];
}

/** What the menus are written with. */
export interface MenuWords {
  /** The catalogs (default: the project's own). */
  readonly translator?: Translator;
  /** The language of the default menu: the campaign's (default: English). */
  readonly language?: string;
}

/** The menus to set: by scope, the default menu and one per other language. */
export function telegramMenus(commands: readonly Command[], words: MenuWords = {}): TelegramMenu[] {
  const translator = words.translator ?? sharedTranslator();
  const fallback = chooseLanguage({ campaignDefault: words.language });
  const menus: TelegramMenu[] = [];
  for (const language of [undefined, ...LANGUAGES.filter((l) => l !== fallback)]) {
    const voice = voiceOf(translator, language ?? fallback);
    const all = commands.map((c) => entry(voice, c));
    const everyone = commands.filter((c) => c.access === 'everyone').map((c) => entry(voice, c));
    const lang = language === undefined ? {} : { language_code: language };
    menus.push(
      { scope: { type: 'default' }, ...lang, commands: all },
      { scope: { type: 'all_group_chats' }, ...lang, commands: everyone },
      { scope: { type: 'all_chat_administrators' }, ...lang, commands: all },
    );
  }
  return menus;
}

/** Sets the menus when they differ from the last ones set; failures are logged, never thrown. */
export async function syncTelegramMenu(
  api: Api, botId: number, commands: readonly Command[], store: Store, log: Logger, words: MenuWords = {},
): Promise<'set' | 'unchanged' | 'failed'> {
  const menus = telegramMenus(commands, words);
  const hash = createHash('sha256').update(JSON.stringify(menus)).digest('hex');
  const key = `telegram:${botId}`;
  try {
    if ((await store.get<string>(REGISTRATION, key)) === hash) return 'unchanged';
    for (const m of menus) {
      await api.setMyCommands(m.commands, { scope: m.scope, ...(m.language_code === undefined ? {} : { language_code: m.language_code }) });
    }
    await store.set(REGISTRATION, key, hash);
    log.info({ scopes: 3, menus: menus.length }, 'telegram command menu set');
    return 'set';
  } catch (error: unknown) {
    log.warn(describeTelegramError(error), 'telegram command menu could not be set; serving anyway');
    return 'failed';
  }
}
