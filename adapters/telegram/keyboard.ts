/**
 * A reply's actions as Telegram's inline keyboard, under its last message:
 * the paging row first, then the actions, two to a row when both labels are
 * short, one when either is long. A button carries `a|<command>|<args>` as
 * callback data (at most 64 bytes); an action whose data would not fit is
 * never dropped: it is shown in the text as a command to tap or type.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Language } from '../../src/i18n/languages.js';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import { bullets, command, text } from '../../src/rich/build.js';
import type { Action, Reply } from '../../src/rich/model.js';
import { CALLBACK_DATA_LIMIT, pagingRow } from './paging.js';
import { renderTelegramReply, type TelegramText } from './render.js';

/** Labels up to this many characters share a row with another short one (two fit side by side on a phone). */
export const SHORT_LABEL = 16;

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;

/** A decoded action button. */
export interface ActionRequest { readonly command: string; readonly args: string }

/** Callback data for an action, or undefined when it would exceed 64 bytes (or the name is not a command's). */
export function encodeAction(action: Pick<Action, 'command' | 'args'>): string | undefined {
  if (!COMMAND_NAME.test(action.command)) return undefined;
  const data = `a|${action.command}|${action.args}`;
  return Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_LIMIT ? data : undefined;
}

/** Decodes an action button's callback data; undefined for anything else. */
export function decodeAction(data: string | undefined): ActionRequest | undefined {
  const m = data === undefined ? null : /^a\|([a-z0-9_]{1,32})\|([\s\S]*)$/.exec(data);
  return m ? { command: m[1]!, args: m[2]! } : undefined;
}

/** The line a person would type for an action. */
export const commandLine = (action: Pick<Action, 'command' | 'args'>): string => `/${action.command} ${action.args}`.trim();

const isShort = (label: string): boolean => [...label].length <= SHORT_LABEL;

/** Buttons one or two to a row, in order: two consecutive short labels share a row. */
export function actionRows(buttons: readonly InlineKeyboardButton[]): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i++) {
    const a = buttons[i]!;
    const b = buttons[i + 1];
    if (b !== undefined && isShort(a.text) && isShort(b.text)) { rows.push([a, b]); i++; } else rows.push([a]);
  }
  return rows;
}

/** A reply as Telegram shows it: the reply (with the actions that did not fit as commands in its text) and the keyboard. */
export interface TelegramLayout {
  readonly reply: Reply;
  readonly markup: InlineKeyboardMarkup | undefined;
}

/**
 * Lays out a reply's paging and actions as a keyboard (the paging buttons
 * in the voice's language); what does not fit goes into the last message as commands.
 */
export function layoutReply(reply: Reply, voice: Voice = defaultVoice()): TelegramLayout {
  const paging = reply.paging ? pagingRow(reply.paging, voice) : { row: undefined, overflow: [] };
  const buttons: InlineKeyboardButton[] = [];
  const overflow: Action[] = [...paging.overflow];
  for (const action of reply.actions ?? []) {
    const data = encodeAction(action);
    if (data === undefined) overflow.push(action);
    else buttons.push({ text: action.label, callback_data: data });
  }
  const rows = [...(paging.row ? [[...paging.row]] : []), ...actionRows(buttons)];
  const markup = rows.length > 0 ? { inline_keyboard: rows } : undefined;
  return { reply: overflow.length === 0 ? reply : withCommands(reply, overflow), markup };
}

/** The reply with `actions` listed under its last message as commands to tap or type. */
function withCommands(reply: Reply, actions: readonly Action[]): Reply {
  const last = reply.messages.length - 1;
  const list = bullets(actions.map((a) => [text(`${a.label}: `), command(commandLine(a))]));
  const messages = last < 0
    ? [{ blocks: [list] }]
    : reply.messages.map((m, i) => (i === last ? { ...m, blocks: [...m.blocks, list] } : m));
  return { ...reply, messages };
}

/** What to send for a reply: its HTML pieces, each within Telegram's limit, and the keyboard for the last one. */
export interface PreparedReply {
  readonly texts: readonly TelegramText[];
  readonly markup: InlineKeyboardMarkup | undefined;
}

/** What was prepared for each frozen reply (the dispatcher's cached answers), by language: laid out and rendered once. */
const preparedFor = new WeakMap<Reply, Map<Language, PreparedReply>>();

/** Renders a reply with its keyboard (its own words in the voice's language); a frozen reply (a cached answer) only the first time. */
export function prepareReply(reply: Reply, voice: Voice = defaultVoice()): PreparedReply {
  const known = preparedFor.get(reply)?.get(voice.language);
  if (known) return known;
  const layout = layoutReply(reply, voice);
  const prepared: PreparedReply = { texts: renderTelegramReply(layout.reply), markup: layout.markup };
  if (Object.isFrozen(reply)) {
    let byLanguage = preparedFor.get(reply);
    if (byLanguage === undefined) preparedFor.set(reply, (byLanguage = new Map()));
    byLanguage.set(voice.language, Object.freeze(prepared));
  }
  return prepared;
}
