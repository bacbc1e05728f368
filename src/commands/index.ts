/**
 * The one explicit list of commands. Help, Telegram's command menu and
 * Discord's slash commands are all generated from it; order is display order.
 */
import { about } from './about.js';
import { demands } from './demands.js';
import { help } from './help.js';
import { language } from './language.js';
import { next } from './next.js';
import { signatories } from './signatories.js';
import { sources } from './sources.js';
import { start } from './start.js';
import { statement } from './statement.js';
import { settings } from './settings.js';
import { statements } from './statements.js';
import { timeline } from './timeline.js';
import { subscribe } from './subscribe.js';
import { today } from './today.js';
import { unsubscribe } from './unsubscribe.js';
import { upcoming } from './upcoming.js';
import type { Command } from './types.js';

/** Every command, in the order help lists them. */
export const commands: readonly Command[] = Object.freeze([
  start, help, about, demands, signatories, statements, statement, timeline, today, next, sources,
  subscribe, unsubscribe, settings, language, upcoming,
]);
