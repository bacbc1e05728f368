/**
 * Paging with inline buttons. Callback data carries the command, the page and
 * the argument text — at most 64 bytes, Telegram's limit; a reply whose
 * arguments would not fit simply gets no buttons.
 */
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Paging } from '../../src/rich/model.js';

const PREFIX = 'pg';
const MAX_BYTES = 64;

/** A decoded page request. */
export interface PageRequest { readonly command: string; readonly page: number; readonly args: string }

/** Callback data for a page, or undefined when it would exceed 64 bytes. */
export function encodePage(command: string, page: number, args: string): string | undefined {
  const data = `${PREFIX}|${command}|${page}|${args}`;
  return Buffer.byteLength(data, 'utf8') <= MAX_BYTES ? data : undefined;
}

/** Decodes callback data; undefined for anything that is not a page request. */
export function decodePage(data: string | undefined): PageRequest | undefined {
  const m = data === undefined ? null : /^pg\|([a-z0-9_]{1,32})\|(\d{1,4})\|([\s\S]*)$/.exec(data);
  return m ? { command: m[1]!, page: Number(m[2]), args: m[3]! } : undefined;
}

/** Previous / position / next buttons for a paged reply. */
export function pagingKeyboard(p: Paging): InlineKeyboardMarkup | undefined {
  const prev = p.page > 1 ? encodePage(p.command, p.page - 1, p.args) : undefined;
  const next = p.page < p.pages ? encodePage(p.command, p.page + 1, p.args) : undefined;
  if ((p.page > 1 && !prev) || (p.page < p.pages && !next)) return undefined;
  const row = [
    ...(prev ? [{ text: '‹ Previous', callback_data: prev }] : []),
    { text: `${p.page} / ${p.pages}`, callback_data: 'noop' },
    ...(next ? [{ text: 'Next ›', callback_data: next }] : []),
  ];
  return { inline_keyboard: [row] };
}
