/**
 * Telegram's command menu (setMyCommands), generated from the command list:
 * everything in private chats (the user is the admin there) and for group
 * admins, the commands for everyone in groups. Set only when it changed.
 */
import { createHash } from 'node:crypto';
import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope } from 'grammy/types';
import type { Command } from '../../src/commands/types.js';
import type { Logger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';
import { describeTelegramError } from './errors.js';

const REGISTRATION = 'registration';

const entry = (c: Command): BotCommand => ({ command: c.name, description: c.description.slice(0, 256) });

/** The menus to set, by scope. */
export function telegramMenus(commands: readonly Command[]): { scope: BotCommandScope; commands: BotCommand[] }[] {
  const all = commands.map(entry);
  const everyone = commands.filter((c) => c.access === 'everyone').map(entry);
  return [
    { scope: { type: 'default' }, commands: all },
    { scope: { type: 'all_group_chats' }, commands: everyone },
    { scope: { type: 'all_chat_administrators' }, commands: all },
  ];
}

/** Sets the menus when they differ from the last ones set; failures are logged, never thrown. */
export async function syncTelegramMenu(api: Api, botId: number, commands: readonly Command[], store: Store, log: Logger): Promise<'set' | 'unchanged' | 'failed'> {
  const menus = telegramMenus(commands);
  const hash = createHash('sha256').update(JSON.stringify(menus)).digest('hex');
  const key = `telegram:${botId}`;
  try {
    if ((await store.get<string>(REGISTRATION, key)) === hash) return 'unchanged';
    for (const m of menus) await api.setMyCommands(m.commands, { scope: m.scope });
    await store.set(REGISTRATION, key, hash);
    log.info({ scopes: menus.length }, 'telegram command menu set');
    return 'set';
  } catch (error: unknown) {
    log.warn(describeTelegramError(error), 'telegram command menu could not be set; serving anyway');
    return 'failed';
  }
}
