/**
 * The Discord adapter (discord.js): slash commands with typed options and
 * autocomplete, embeds within Discord's limits, command mentions and
 * timestamps, paging and action buttons (a select menu for the rest),
 * reminders posted to channels, and slash-command registration for
 * `placard register`.
 */
export { DiscordAdapter, createDiscordAdapter, type DiscordAdapterOptions } from './adapter.js';
export type { InteractionOutcome } from './inbound.js';
export {
  DISCORD_LOCALES,
  REGISTRATION_NAMESPACE,
  commandIdsKey,
  definitionWords,
  definitionsHash,
  registerCommands,
  registrationKey,
  slashCommandDefinitions,
  type DefinitionWords,
  type RegisterOptions,
  type RegisterOutcome,
  type SlashCommandJson,
} from './register.js';
export { DISCORD_LIMITS, renderDiscordMessage, renderDiscordReply, type DiscordMessage, type MarkdownContext } from './render.js';
export { ACTION_SELECT_ID, COMPONENT_LIMITS, actionCustomId, layoutActions, parseActionCustomId, type ActionLayout, type ActionRow } from './actions.js';
export { DEFAULT_TIMEOUT_MS, createDiscordRest, sendResultOf, type DiscordRestOptions } from './send.js';
export { FORBIDDEN_CODES, GONE_CODES } from './classify.js';
export { CHANNEL_ELSEWHERE, CHANNEL_IN_DM } from './channel-option.js';
export { channelPermissions, postingProblem, type PermissionParts } from './permissions.js';
export { discordDoctor, type DoctorOptions } from './doctor.js';
