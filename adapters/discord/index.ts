/**
 * The Discord adapter (discord.js): slash commands with typed options and
 * autocomplete, embeds within Discord's limits, paging buttons, reminders
 * posted to channels, and slash-command registration for `placard register`.
 */
export { DiscordAdapter, createDiscordAdapter, type DiscordAdapterOptions } from './adapter.js';
export type { InteractionOutcome } from './inbound.js';
export {
  REGISTRATION_NAMESPACE,
  definitionsHash,
  registerCommands,
  registrationKey,
  slashCommandDefinitions,
  type RegisterOptions,
  type RegisterOutcome,
  type SlashCommandJson,
} from './register.js';
export { DISCORD_LIMITS, renderDiscordMessage, renderDiscordReply, type DiscordMessage } from './render.js';
export { DEFAULT_TIMEOUT_MS, createDiscordRest, sendResultOf, type DiscordRestOptions } from './send.js';
export { FORBIDDEN_CODES, GONE_CODES } from './classify.js';
export { CHANNEL_ELSEWHERE, CHANNEL_IN_DM } from './channel-option.js';
export { channelPermissions, postingProblem, type PermissionParts } from './permissions.js';
export { discordDoctor, type DoctorOptions } from './doctor.js';
