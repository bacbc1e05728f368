/**
 * A reply's actions as message components: buttons (five to a row) after
 * the paging row, a string select menu for the actions that do not fit as
 * buttons, and — never dropped — the actions that fit in neither (a custom
 * id over Discord's 100 characters, or more actions than a message holds)
 * as commands to type in the message itself.
 *
 * A button's custom id is all the state there is: `a|<command>|<args>`
 * (a select option carries the same text as its value), so a button keeps
 * working across restarts and needs nothing stored.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APISelectMenuOption,
} from 'discord.js';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import type { Action, Paging } from '../../src/rich/model.js';
import { CUSTOM_ID_LIMIT, pagingRow } from './paging.js';

/** One action row of a message: buttons, or one select menu. */
export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Discord's limits for message components. */
export const COMPONENT_LIMITS = Object.freeze({ rows: 5, buttonsPerRow: 5, buttonLabel: 80, selectOptions: 25, optionText: 100 });

/** The custom id of the select menu that holds the actions that did not fit as buttons. */
export const ACTION_SELECT_ID = 'as|more';
/** Catalog id of that select menu's placeholder ("More…"). */
export const ACTION_SELECT_PLACEHOLDER = 'adapter-more';

const PREFIX = 'a';
const SEPARATOR = '|';
const NAME = /^[\p{Ll}\p{N}_-]{1,32}$/u;

/** The custom id of an action (`a|<command>|<args>`); undefined when it would be longer than Discord allows. */
export function actionCustomId(action: Pick<Action, 'command' | 'args'>): string | undefined {
  const id = [PREFIX, action.command, action.args].join(SEPARATOR);
  return NAME.test(action.command) && id.length <= CUSTOM_ID_LIMIT ? id : undefined;
}

/** Reads an action custom id (or select value); undefined for anything that is not one. */
export function parseActionCustomId(customId: string): Pick<Action, 'command' | 'args'> | undefined {
  const parts = customId.split(SEPARATOR);
  if (parts.length < 3 || parts[0] !== PREFIX || !NAME.test(parts[1] ?? '')) return undefined;
  return { command: parts[1]!, args: parts.slice(2).join(SEPARATOR) };
}

/** The command an action runs, as a person would type it. */
export const typedCommand = (action: Pick<Action, 'command' | 'args'>): string =>
  `/${action.command}${action.args.trim() === '' ? '' : ` ${action.args.trim()}`}`;

/** Whitespace that `clip` would change: anything but a single space (most labels have none; replacing each space cost more). */
const ODD_SPACE = /[^\S ]| {2}/;

const clip = (s: string, max: number): string => {
  const one = (ODD_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s).trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
};

/** The label of an action within `max`; its command when the label is empty. */
const labelOf = (action: Action, max: number): string => clip(action.label, max) || clip(typedCommand(action), max);

/** How a reply's paging and actions are laid out on Discord. */
export interface ActionLayout {
  /** Component rows: the paging row first, then buttons, then the select menu. */
  readonly rows: readonly ActionRow[];
  /** Actions that fit neither as a button nor as a select option: shown as commands to type. */
  readonly typed: readonly Action[];
}

const button = (action: Action, customId: string): APIButtonComponent => ({
  type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: labelOf(action, COMPONENT_LIMITS.buttonLabel),
});

const option = (action: Action, value: string): APISelectMenuOption => ({
  label: labelOf(action, COMPONENT_LIMITS.optionText), value, description: clip(typedCommand(action), COMPONENT_LIMITS.optionText),
});

const chunk = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Lays out paging and actions: the paging row, then every action as a button
 * when they all fit in the rows left; otherwise one row fewer of buttons and
 * a select menu (up to 25 options) for the rest. An action repeated with the
 * same command and arguments is shown once. The adapter's own words (paging,
 * the menu's placeholder) in the voice's language.
 */
export function layoutActions(paging: Paging | undefined, actions: readonly Action[] = [], voice: Voice = defaultVoice()): ActionLayout {
  const rows: ActionRow[] = [];
  const paged = pagingRow(paging, voice);
  if (paged) rows.push(paged);
  const typed: Action[] = [];
  const placeable: { action: Action; id: string }[] = [];
  const seen = new Set<string>();
  for (const action of actions) {
    const id = actionCustomId(action);
    if (id === undefined) typed.push(action);
    else if (!seen.has(id)) { seen.add(id); placeable.push({ action, id }); }
  }
  const free = COMPONENT_LIMITS.rows - rows.length;
  const perRow = COMPONENT_LIMITS.buttonsPerRow;
  const buttons = placeable.length <= free * perRow ? placeable : placeable.slice(0, (free - 1) * perRow);
  for (const group of chunk(buttons, perRow)) {
    rows.push({ type: ComponentType.ActionRow, components: group.map((p) => button(p.action, p.id)) });
  }
  const rest = placeable.slice(buttons.length);
  const listed = rest.slice(0, COMPONENT_LIMITS.selectOptions);
  if (listed.length > 0) {
    rows.push({
      type: ComponentType.ActionRow,
      components: [{
        type: ComponentType.StringSelect, custom_id: ACTION_SELECT_ID, placeholder: voice.t(ACTION_SELECT_PLACEHOLDER),
        min_values: 1, max_values: 1, options: listed.map((p) => option(p.action, p.id)),
      }],
    });
  }
  if (typed.length === 0 && rest.length === listed.length) return { rows, typed: [] };
  const unshown = new Set([...typed, ...rest.slice(listed.length).map((p) => p.action)]);
  return { rows, typed: actions.filter((a) => unshown.has(a)) };
}
