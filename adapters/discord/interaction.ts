/**
 * An interaction as Discord sends it, read as plain API JSON: the same
 * object arrives in a gateway INTERACTION_CREATE (`d`) and in the body of an
 * HTTP interaction, so both paths build their Invocations here, the same way.
 * Pure: nothing here calls Discord.
 *
 * Field meanings follow Discord's documentation, "Interactions → Receiving
 * and Responding" (Interaction Object): `member` is present in a server and
 * `user` in a DM; `member.permissions` and `app_permissions` are the
 * invoker's and the bot's permissions in the channel, as decimal strings;
 * `guild_locale` is the server's preferred locale and `locale` the user's.
 */
import {
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  InteractionType,
  PermissionFlagsBits,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIMessageButtonInteractionData,
  type APIMessageComponentInteraction,
  type APIMessageStringSelectInteractionData,
} from 'discord.js';
import type { PostingProblem } from '../../src/adapter.js';
import type { Invocation, OptionValues, Role, Services } from '../../src/commands/types.js';
import { postingProblem } from './permissions.js';

/** A slash command (chat input) interaction. */
export type CommandInteraction = APIChatInputApplicationCommandInteraction;
/** An autocomplete request of a slash command's option. */
export type AutocompleteInteraction = APIApplicationCommandAutocompleteInteraction;
/** A press on a button or a choice in a string select, with the message it sits under. */
export type PressInteraction = APIMessageComponentInteraction & { data: APIMessageButtonInteractionData | APIMessageStringSelectInteractionData };

/** An interaction Placard answers. */
export type Answerable = CommandInteraction | AutocompleteInteraction | PressInteraction;

/** What an interaction is to Placard; `other` is anything it does not answer (a context-menu command, a modal…). */
export type Classified =
  | { readonly kind: 'command'; readonly interaction: CommandInteraction }
  | { readonly kind: 'autocomplete'; readonly interaction: AutocompleteInteraction }
  | { readonly kind: 'button' | 'select'; readonly interaction: PressInteraction }
  | { readonly kind: 'other'; readonly interaction: APIInteraction };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The interaction in `value`, when it has what every interaction has (an
 * id, a token, an application id and a type); undefined otherwise. The rest
 * is read defensively where it is used.
 */
export function interactionOf(value: unknown): APIInteraction | undefined {
  if (!isRecord(value)) return undefined;
  const ok = typeof value.id === 'string' && typeof value.token === 'string'
    && typeof value.application_id === 'string' && typeof value.type === 'number';
  return ok ? (value as unknown as APIInteraction) : undefined;
}

/** What kind of interaction this is, for the answering code. */
export function classify(interaction: APIInteraction): Classified {
  const data: Record<string, unknown> = isRecord(interaction.data) ? interaction.data : {};
  if (interaction.type === InteractionType.ApplicationCommand && data.type === ApplicationCommandType.ChatInput) {
    return { kind: 'command', interaction: interaction as CommandInteraction };
  }
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return { kind: 'autocomplete', interaction: interaction as AutocompleteInteraction };
  }
  if (interaction.type === InteractionType.MessageComponent && isRecord(interaction.message)) {
    if (data.component_type === ComponentType.Button) return { kind: 'button', interaction: interaction as PressInteraction };
    if (data.component_type === ComponentType.StringSelect) return { kind: 'select', interaction: interaction as PressInteraction };
  }
  return { kind: 'other', interaction };
}

/** True in a server (a `member` and a `guild_id`), false in a DM with the bot. */
export const inGuild = (interaction: APIInteraction): boolean =>
  interaction.guild_id !== undefined && interaction.member !== undefined;

/** The channel the interaction came from ('' when Discord sent none). */
export const channelIdOf = (interaction: APIInteraction): string =>
  interaction.channel?.id ?? interaction.channel_id ?? '';

/** A permission bitfield sent as a decimal string; 0 when absent or malformed. */
function bits(value: unknown): bigint {
  if (typeof value !== 'string' || !/^\d{1,30}$/.test(value)) return 0n;
  return BigInt(value);
}

const has = (permissions: bigint, flag: bigint): boolean => (permissions & flag) === flag;

/** The invoker's role: admin in a DM, or with Manage Server (or Administrator) in a server. */
export function roleOf(interaction: APIInteraction): Role {
  if (!inGuild(interaction)) return 'admin';
  const permissions = bits(interaction.member?.permissions);
  return has(permissions, PermissionFlagsBits.Administrator) || has(permissions, PermissionFlagsBits.ManageGuild) ? 'admin' : 'member';
}

const THREADS: ReadonlySet<number> = new Set([ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.AnnouncementThread]);

/**
 * Whether the bot may post in `targetId` (default: the interaction's own
 * channel). For the own channel, `app_permissions` tells at no cost; another
 * channel is asked through `other`.
 */
export function checkPostingFor(
  interaction: APIInteraction,
  other: (channelId: string) => Promise<PostingProblem | undefined>,
): (targetId?: string) => Promise<PostingProblem | undefined> {
  return async (targetId) => {
    if (targetId !== undefined && targetId !== channelIdOf(interaction)) return other(targetId);
    if (!inGuild(interaction)) return undefined; // a DM the user wrote in: nothing an admin grants
    const type = interaction.channel?.type;
    return postingProblem(bits(interaction.app_permissions), type !== undefined && THREADS.has(type));
  };
}

/** An Invocation for a command run from an interaction; `checkPosting` is given when `other` is. */
export function invocationFrom(
  interaction: Answerable,
  command: string,
  text: string,
  options?: OptionValues,
  other?: (channelId: string) => Promise<PostingProblem | undefined>,
): Invocation {
  const guild = inGuild(interaction);
  // Public answers: the server's language in a server, the user's in a DM; answers only the invoker sees: theirs.
  const locale = guild ? interaction.guild_locale : interaction.locale;
  return {
    command,
    text,
    ...(options === undefined ? {} : { options }),
    chat: { platform: 'discord', chatId: channelIdOf(interaction), kind: guild ? 'group' : 'private' },
    role: async () => roleOf(interaction),
    ...(locale === undefined ? {} : { locale }),
    ...(interaction.locale === undefined ? {} : { userLocale: interaction.locale }),
    now: new Date(),
    ...(other === undefined ? {} : { checkPosting: checkPostingFor(interaction, other) }),
  };
}

/** The top-level options of a command (no subcommands in Placard's definitions). */
const optionList = (interaction: CommandInteraction | AutocompleteInteraction): readonly APIApplicationCommandInteractionDataBasicOption[] =>
  (Array.isArray(interaction.data.options) ? interaction.data.options : []) as readonly APIApplicationCommandInteractionDataBasicOption[];

/** Option values by name, and the values joined in the command's option order (for echoing). */
export function optionsOf(interaction: CommandInteraction, services: Pick<Services, 'commands'>): { options: OptionValues; text: string } {
  const options: Record<string, string | number> = {};
  for (const o of optionList(interaction)) {
    const value: unknown = o.value;
    if (typeof value === 'string' || typeof value === 'number') options[o.name] = value;
    else if (typeof value === 'boolean') options[o.name] = String(value); // a BOOLEAN option (`/subscribe events:`): 'true' / 'false'
  }
  const spec = services.commands.find((c) => c.name === interaction.data.name)?.options.map((o) => o.name);
  const order = spec ?? Object.keys(options);
  const text = order.map((name) => options[name]).filter((v) => v !== undefined && v !== '').join(' ');
  return { options, text };
}

/** The option being typed in an autocomplete request, and what has been typed so far. */
export function focusedOf(interaction: AutocompleteInteraction): { name: string; value: string } | undefined {
  const focused = optionList(interaction).find((o) => 'focused' in o && o.focused === true);
  if (focused === undefined) return undefined;
  const value: unknown = 'value' in focused ? focused.value : '';
  return { name: focused.name, value: String(value ?? '') };
}

/** A press's custom id and, for a select, the values chosen. */
export function pressedOf(interaction: PressInteraction): { customId: string; values: readonly string[] } {
  const data = interaction.data;
  const values = 'values' in data && Array.isArray(data.values) ? data.values.filter((v): v is string => typeof v === 'string') : [];
  return { customId: typeof data.custom_id === 'string' ? data.custom_id : '', values };
}

/**
 * Whether the message a press is on was posted by the bot on its own (a
 * reminder in a channel): it then answers no interaction (`interaction_metadata`)
 * and came through no webhook (`webhook_id`, which follow-ups have).
 */
export function onOwnPost(interaction: PressInteraction): boolean {
  const m = interaction.message as { interaction_metadata?: unknown; webhook_id?: unknown };
  return (m.interaction_metadata === undefined || m.interaction_metadata === null) && (m.webhook_id === undefined || m.webhook_id === null);
}
