/**
 * Paging buttons. A paged reply gets "Previous" / "Next" buttons whose
 * custom id says what to re-run: `pg|<command>|<page>|<args>`. Pressing one
 * re-runs the command for that page and updates the message in place. The
 * custom id is all the state there is: nothing is stored, so a button keeps
 * working across restarts, and a button that no longer makes sense gets a
 * polite answer rather than an error.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import type { Paging } from '../../src/rich/model.js';

/** Discord's limit for a component's custom id. */
export const CUSTOM_ID_LIMIT = 100;

const PREFIX = 'pg';
const SEPARATOR = '|';

/** What a paging button asks for. */
export interface PageRequest {
  readonly command: string;
  readonly page: number;
  readonly args: string;
}

/** The custom id of a button that shows `page`; undefined when it would be longer than Discord allows. */
export function pageCustomId(paging: Pick<Paging, 'command' | 'args'>, page: number): string | undefined {
  const id = [PREFIX, paging.command, String(page), paging.args].join(SEPARATOR);
  return id.length <= CUSTOM_ID_LIMIT ? id : undefined;
}

/** Reads a paging custom id; undefined for anything that is not one. */
export function parsePageCustomId(customId: string): PageRequest | undefined {
  const parts = customId.split(SEPARATOR);
  if (parts.length < 4 || parts[0] !== PREFIX) return undefined;
  const [, command = '', pageText = ''] = parts;
  if (!/^[\p{Ll}\p{N}_-]{1,32}$/u.test(command) || !/^\d{1,6}$/.test(pageText)) return undefined;
  const page = Number(pageText);
  if (page < 1) return undefined;
  return { command, page, args: parts.slice(3).join(SEPARATOR) };
}

/**
 * The button row for a paged reply: Previous and Next (in the voice's
 * language), each disabled at its end. No row when there is one page, or
 * when a custom id would not fit.
 */
export function pagingRow(paging: Paging | undefined, voice: Voice = defaultVoice()): APIActionRowComponent<APIButtonComponent> | undefined {
  if (!paging || paging.pages <= 1) return undefined;
  const previous = pageCustomId(paging, Math.max(0, paging.page - 1));
  const next = pageCustomId(paging, paging.page + 1);
  if (previous === undefined || next === undefined) return undefined;
  const button = (customId: string, label: string, disabled: boolean): APIButtonComponent =>
    ({ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label, disabled });
  return {
    type: ComponentType.ActionRow,
    components: [
      button(previous, `◀ ${voice.t('adapter-previous')}`, paging.page <= 1),
      button(next, `${voice.t('adapter-next')} ▶`, paging.page >= paging.pages),
    ],
  };
}
