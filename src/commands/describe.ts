/**
 * A command's words, from the catalogs: its one-line description, its usage
 * line and its options' descriptions. Help, Telegram's menus and Discord's
 * slash commands all read them here, in each language.
 */
import type { Voice } from '../i18n/voice.js';
import type { Command, OptionSpec } from './types.js';

/** Catalog id of a command's description. */
export const descriptionId = (c: Pick<Command, 'name'>): string => `command-${c.name}`;

/** Catalog id of a command's usage line. */
export const usageId = (c: Pick<Command, 'name'>): string => `command-${c.name}-usage`;

/** The command's one-line description in the voice's language. */
export const describeCommand = (voice: Voice, c: Pick<Command, 'name'>): string => voice.t(descriptionId(c));

/**
 * An option's description: `command-<command>-<option>` when the catalogs
 * have it, else the shared `option-<option>`.
 */
export function describeOption(voice: Voice, c: Pick<Command, 'name'>, o: Pick<OptionSpec, 'name'>): string {
  const own = `command-${c.name}-${o.name}`;
  const text = voice.t(own);
  return text === own ? voice.t(`option-${o.name}`) : text;
}

/** The usage line: the catalog's (`/demands [statement | organisation | topic]`), else built from the option names. */
export function usageOf(voice: Voice, c: Command): string {
  const id = usageId(c);
  const given = voice.t(id);
  if (given !== id) return given;
  const opts = c.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return [`/${c.name}`, ...opts].join(' ');
}
