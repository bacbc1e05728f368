/**
 * Slash-command definitions generated from the core's command list, and
 * their registration: one bulk overwrite (guild or global), done only when
 * the definitions changed since the last successful registration (a sha256
 * of their JSON kept in the store). The commands' ids, which the overwrite
 * answers with, are kept next to the hash (for command mentions).
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
import { describeCommand, describeOption } from '../../src/commands/describe.js';
import type { Command, OptionSpec, Services } from '../../src/commands/types.js';
import { chooseLanguage, LANGUAGES, type Language } from '../../src/i18n/languages.js';
import { sharedTranslator, type Translator } from '../../src/i18n/translator.js';
import { voiceOf, type Voice } from '../../src/i18n/voice.js';
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
 * Discord's locales for each language the bot speaks. Discord has Russian
 * but no Kazakh: a server that wants Kazakh answers sets `/language kk`,
 * and its menus stay in the default language.
 */
export const DISCORD_LOCALES: Readonly<Record<Language, readonly string[]>> = Object.freeze({ en: ['en-US', 'en-GB'], ru: ['ru'], kk: [] });

/** What the definitions are written with. */
export interface DefinitionWords {
  /** The catalogs (default: the project's own). */
  readonly translator?: Translator;
  /** The language of the default descriptions: the campaign's (default: English). */
  readonly language?: string;
}

/** The words of the services: their catalogs, the campaign's language as the default. */
export const definitionWords = (services: Pick<Services, 'translator' | 'campaign'>): DefinitionWords => ({
  ...(services.translator === undefined ? {} : { translator: services.translator }), language: services.campaign.meta.language,
});

/** The default voice and the others', for localisations. */
interface Voices { readonly main: Voice; readonly others: readonly Voice[] }

function voicesOf(words: DefinitionWords): Voices {
  const translator = words.translator ?? sharedTranslator();
  const main = chooseLanguage({ campaignDefault: words.language });
  return { main: voiceOf(translator, main), others: LANGUAGES.filter((l) => l !== main).map((l) => voiceOf(translator, l)) };
}

/** A description and its localisations (`description_localizations`) where Discord has the locale and the words differ. */
function described(voices: Voices, words: (voice: Voice) => string): { text: string; localized: Record<string, string> | null } {
  const text = describe(words(voices.main));
  const localized: Record<string, string> = {};
  for (const voice of voices.others) {
    const own = describe(words(voice));
    if (own !== text) for (const locale of DISCORD_LOCALES[voice.language]) localized[locale] = own;
  }
  return { text, localized: Object.keys(localized).length > 0 ? localized : null };
}

/** An option's description, localised (see {@link described}). */
const optionWords = (voices: Voices, command: Command, spec: OptionSpec) => described(voices, (v) => describeOption(v, command, spec));

/**
 * One command as a slash command: typed options (required ones first, as
 * Discord demands), min/max for integers, autocomplete where the option has
 * a choice source; descriptions from the catalogs in the default language,
 * with localisations where Discord has the locale. Usable in servers and in
 * the bot's DMs; admin commands are hidden from members without Manage
 * Server (and re-checked when run).
 *
 * @throws when a name is not a valid Discord command or option name
 */
export function slashCommandJson(command: Command, words: DefinitionWords = {}): SlashCommandJson {
  const voices = voicesOf(words);
  const own = described(voices, (v) => describeCommand(v, command));
  const builder = new SlashCommandBuilder()
    .setName(command.name)
    .setDescription(own.text)
    .setDescriptionLocalizations(own.localized)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  if (command.access === 'admin') builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
  const options = [...command.options].sort((a, b) => Number(b.required === true) - Number(a.required === true));
  for (const spec of options) {
    if (spec.platforms && !spec.platforms.includes('discord')) continue;
    const { text, localized } = optionWords(voices, command, spec);
    if (spec.type === 'channel') {
      builder.addChannelOption((o) => o
        .setName(spec.name)
        .setDescription(text)
        .setDescriptionLocalizations(localized)
        .setRequired(spec.required === true)
        .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement));
    } else if (spec.type === 'boolean') {
      builder.addBooleanOption((o) => o.setName(spec.name).setDescription(text).setDescriptionLocalizations(localized).setRequired(spec.required === true));
    } else if (spec.type === 'integer') {
      builder.addIntegerOption((o) => {
        o.setName(spec.name).setDescription(text).setDescriptionLocalizations(localized).setRequired(spec.required === true);
        if (spec.min !== undefined) o.setMinValue(spec.min);
        if (spec.max !== undefined) o.setMaxValue(spec.max);
        return o;
      });
    } else {
      builder.addStringOption((o) => o
        .setName(spec.name)
        .setDescription(text)
        .setDescriptionLocalizations(localized)
        .setRequired(spec.required === true)
        .setAutocomplete(spec.choices !== undefined));
    }
  }
  return builder.toJSON();
}

/** Every command of the list as slash-command JSON, in list order. */
export function slashCommandDefinitions(commands: readonly Command[], words: DefinitionWords = {}): SlashCommandJson[] {
  return commands.map((c) => slashCommandJson(c, words));
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
  /** The catalogs and the default language the descriptions are written in. */
  readonly words?: DefinitionWords;
}

/** What {@link registerCommands} did. */
export interface RegisterOutcome {
  readonly status: 'registered' | 'unchanged';
  readonly scope: 'guild' | 'global';
  readonly commands: number;
  readonly hash: string;
  /** Each registered command's id by name (for command mentions `</name:id>`); empty when Discord could not be asked. */
  readonly ids: Readonly<Record<string, string>>;
}

/** Store key of a scope's command ids (next to its hash). */
export const commandIdsKey = (applicationId: string, guildId?: string): string => `${registrationKey(applicationId, guildId)}:ids`;

/** Command ids by name from a bulk overwrite's or a listing's answer (commands of other types ignored). */
export function idsOf(answer: unknown): Record<string, string> {
  const ids: Record<string, string> = {};
  if (!Array.isArray(answer)) return ids;
  for (const c of answer as { id?: unknown; name?: unknown; type?: unknown }[]) {
    if (typeof c.id === 'string' && typeof c.name === 'string' && (c.type ?? 1) === 1) ids[c.name] = c.id;
  }
  return ids;
}

/** The command ids kept in the store for a scope (empty when none were kept). */
export async function storedCommandIds(store: Store, applicationId: string, guildId?: string): Promise<Record<string, string>> {
  return (await store.get<Record<string, string>>(REGISTRATION_NAMESPACE, commandIdsKey(applicationId, guildId))) ?? {};
}

/**
 * The ids of registered commands that were not kept (registered by an
 * earlier version): one read of the command list, then kept. A failure
 * leaves them unknown (command hints then show as code).
 */
async function fetchIds(options: RegisterOptions, route: `/${string}`, idsKey: string): Promise<Record<string, string>> {
  try {
    const ids = idsOf(await options.rest.get(route));
    await options.store.set(REGISTRATION_NAMESPACE, idsKey, ids);
    return ids;
  } catch {
    options.log.warn({ platform: 'discord' }, 'could not read the registered command ids; command hints show as code');
    return {};
  }
}

/**
 * Registers the slash commands with one bulk overwrite when their
 * definitions differ from the last registered ones (or `force`), then
 * remembers the hash and each command's id (the overwrite answers with
 * them), so the ids survive restarts without registering again.
 *
 * @throws the REST error when Discord refuses or cannot be reached (the hash is then not stored)
 */
export async function registerCommands(options: RegisterOptions): Promise<RegisterOutcome> {
  const definitions = slashCommandDefinitions(options.commands, options.words);
  const hash = definitionsHash(definitions);
  const scope = options.guildId === undefined ? 'global' : 'guild';
  const key = registrationKey(options.applicationId, options.guildId);
  const idsKey = commandIdsKey(options.applicationId, options.guildId);
  const outcome = { scope, commands: definitions.length, hash } as const;
  const route = options.guildId === undefined
    ? Routes.applicationCommands(options.applicationId)
    : Routes.applicationGuildCommands(options.applicationId, options.guildId);
  if (!options.force && (await options.store.get<string>(REGISTRATION_NAMESPACE, key)) === hash) {
    options.log.debug({ platform: 'discord', scope }, 'slash commands unchanged; not registering');
    const kept = await storedCommandIds(options.store, options.applicationId, options.guildId);
    const ids = Object.keys(kept).length > 0 ? kept : await fetchIds(options, route, idsKey);
    return { status: 'unchanged', ...outcome, ids };
  }
  const ids = idsOf(await options.rest.put(route, { body: definitions }));
  await options.store.set(REGISTRATION_NAMESPACE, idsKey, ids);
  await options.store.set(REGISTRATION_NAMESPACE, key, hash);
  options.log.info({ platform: 'discord', scope, commands: definitions.length }, 'slash commands registered');
  return { status: 'registered', ...outcome, ids };
}
