/**
 * Paging with inline buttons. Callback data carries the command, the page and
 * the argument text — at most 64 bytes, Telegram's limit. A page whose data
 * would not fit is offered as a command to type instead (see keyboard.ts).
 */
import type { InlineKeyboardButton } from 'grammy/types';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import type { Action, Paging } from '../../src/rich/model.js';

const PREFIX = 'pg';
/** Telegram's limit for an inline button's callback data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;
/** Callback data of the page counter: pressing it does nothing. */
export const NOOP = 'noop';

/** A decoded page request. */
export interface PageRequest { readonly command: string; readonly page: number; readonly args: string }

/** Callback data for a page, or undefined when it would exceed 64 bytes. */
export function encodePage(command: string, page: number, args: string): string | undefined {
  const data = `${PREFIX}|${command}|${page}|${args}`;
  return Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_LIMIT ? data : undefined;
}

/** Decodes callback data; undefined for anything that is not a page request. */
export function decodePage(data: string | undefined): PageRequest | undefined {
  const m = data === undefined ? null : /^pg\|([a-z0-9_]{1,32})\|(\d{1,4})\|([\s\S]*)$/.exec(data);
  return m ? { command: m[1]!, page: Number(m[2]), args: m[3]! } : undefined;
}

/** The argument text that asks a command for `page`, as typed and as a page button runs it. */
export const pageArgs = (args: string, page: number): string => `${args} ${page}`.trim();

/** A page row, and the page moves whose data would not fit (to offer as commands to type). */
export interface PagingRow {
  readonly row: readonly InlineKeyboardButton[] | undefined;
  readonly overflow: readonly Action[];
}

/** Previous / position / next buttons (labelled in the voice's language); no row at all when a move does not fit in callback data. */
export function pagingRow(p: Paging, voice: Voice = defaultVoice()): PagingRow {
  if (p.pages <= 1) return { row: undefined, overflow: [] };
  const previous = `‹ ${voice.t('adapter-previous')}`;
  const next = `${voice.t('adapter-next')} ›`;
  const moves = [
    ...(p.page > 1 ? [{ label: previous, page: p.page - 1 }] : []),
    ...(p.page < p.pages ? [{ label: next, page: p.page + 1 }] : []),
  ].map((m) => ({ ...m, data: encodePage(p.command, m.page, p.args) }));
  if (moves.some((m) => m.data === undefined)) {
    return { row: undefined, overflow: moves.map((m) => ({ label: m.label, command: p.command, args: pageArgs(p.args, m.page) })) };
  }
  const button = (label: string, page: number): InlineKeyboardButton[] => {
    const m = moves.find((x) => x.page === page);
    return m?.data === undefined ? [] : [{ text: label, callback_data: m.data }];
  };
  return {
    row: [...button(previous, p.page - 1), { text: `${p.page} / ${p.pages}`, callback_data: NOOP }, ...button(next, p.page + 1)],
    overflow: [],
  };
}
