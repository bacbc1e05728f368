/**
 * Slash-command definitions generated from the core's command list, and
 * their registration: one bulk overwrite (guild or global), done only when
 * the definitions changed since the last successful registration (a sha256
 * of their JSON kept in the store).
 */
import { createHash } from 'node:crypto';
import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from '../../src/commands/types.js';
import type { Logger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';

/** Store namespace of the registration hashes. */
export const REGISTRATION_NAMESPACE = 'registration';

/** A slash command's JSON, as sent in the bulk overwrite. */
export type SlashCommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

const DESCRIPTION_LIMIT = 100;
const describe = (s: string): string => {
  const one = s.replace(/\s+/g, ' ').trim() || '—';
  return one.length <= DESCRIPTION_LIMIT ? one : `${one.slice(0, DESCRIPTION_LIMIT - 1)}…`;
};

/**
 * One command as a slash command: typed options (required ones first, as
 * Discord demands), min/max for integers, autocomplete where the option has
 * a choice source. Usable in servers and in the bot's DMs; admin commands
 * are hidden from members without Manage Server (and re-checked when run).
 *
 * @throws when a name is not a valid Discord command or option name
 */
export function slashCommandJson(command: Command): SlashCommandJson {
  const builder = new SlashCommandBuilder()
    .setName(command.name)
    .setDescription(describe(command.description))
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  if (command.access === 'admin') builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
  const options = [...command.options].sort((a, b) => Number(b.required === true) - Number(a.required === true));
  for (const spec of options) {
    if (spec.platforms && !spec.platforms.includes('discord')) continue;
    if (spec.type === 'channel') {
      builder.addChannelOption((o) => o
        .setName(spec.name)
        .setDescription(describe(spec.description))
        .setRequired(spec.required === true)
        .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement));
    } else if (spec.type === 'integer') {
      builder.addIntegerOption((o) => {
        o.setName(spec.name).setDescription(describe(spec.description)).setRequired(spec.required === true);
        if (spec.min !== undefined) o.setMinValue(spec.min);
        if (spec.max !== undefined) o.setMaxValue(spec.max);
        return o;
      });
    } else {
      builder.addStringOption((o) => o
        .setName(spec.name)
        .setDescription(describe(spec.description))
        .setRequired(spec.required === true)
        .setAutocomplete(spec.choices !== undefined));
    }
  }
  return builder.toJSON();
}

/** Every command of the list as slash-command JSON, in list order. */
export function slashCommandDefinitions(commands: readonly Command[]): SlashCommandJson[] {
  return commands.map(slashCommandJson);
}

/** sha256 (hex) of the definitions' JSON. */
export const definitionsHash = (definitions: readonly SlashCommandJson[]): string =>
  createHash('sha256').update(JSON.stringify(definitions)).digest('hex');

/** Store key of a registration scope: `discord:<applicationId>:<guildId|global>`. */
export const registrationKey = (applicationId: string, guildId?: string): string =>
  `discord:${applicationId}:${guildId ?? 'global'}`;

/** Options of {@link registerCommands}. */
export interface RegisterOptions {
  /** A REST client with the bot token set (see `createDiscordRest`). */
  readonly rest: REST;
  readonly applicationId: string;
  /** Register in this guild only (instant); global otherwise. */
  readonly guildId?: string;
  readonly commands: readonly Command[];
  readonly store: Store;
  readonly log: Logger;
  /** Overwrite even when the hash is unchanged. */
  readonly force?: boolean;
}

/** What {@link registerCommands} did. */
export interface RegisterOutcome {
  readonly status: 'registered' | 'unchanged';
  readonly scope: 'guild' | 'global';
  readonly commands: number;
  readonly hash: string;
}

/**
 * Registers the slash commands with one bulk overwrite when their
 * definitions differ from the last registered ones (or `force`), then
 * remembers the hash. Used at start-up and by `placard register`.
 *
 * @throws the REST error when Discord refuses or cannot be reached (the hash is then not stored)
 */
export async function registerCommands(options: RegisterOptions): Promise<RegisterOutcome> {
  const definitions = slashCommandDefinitions(options.commands);
  const hash = definitionsHash(definitions);
  const scope = options.guildId === undefined ? 'global' : 'guild';
  const key = registrationKey(options.applicationId, options.guildId);
  const outcome = { scope, commands: definitions.length, hash } as const;
  if (!options.force && (await options.store.get<string>(REGISTRATION_NAMESPACE, key)) === hash) {
    options.log.debug({ platform: 'discord', scope }, 'slash commands unchanged; not registering');
    return { status: 'unchanged', ...outcome };
  }
  const route = options.guildId === undefined
    ? Routes.applicationCommands(options.applicationId)
    : Routes.applicationGuildCommands(options.applicationId, options.guildId);
  await options.rest.put(route, { body: definitions });
  await options.store.set(REGISTRATION_NAMESPACE, key, hash);
  options.log.info({ platform: 'discord', scope, commands: definitions.length }, 'slash commands registered');
  return { status: 'registered', ...outcome };
}
