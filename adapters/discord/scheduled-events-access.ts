/**
 * Whether the bot may keep a server's scheduled events, and which server a
 * chat (a channel) belongs to.
 *
 * Discord's rule for EXTERNAL events ("Guild Scheduled Event → Permissions
 * Requirements"): the bot's guild-level permissions must include
 * CREATE_EVENTS (1 << 44) to create one; to modify or delete one it created,
 * CREATE_EVENTS or MANAGE_EVENTS. Since 23 February 2026 MANAGE_EVENTS alone
 * no longer lets a bot create events (change log of 20 November 2025,
 * "Guild Expressions and Events Permissions now available to developers").
 * Administrator grants everything. Guild-level means no channel overwrites:
 * the @everyone role and the bot's roles.
 *
 * i18n-exempt-file: the permission's name as Discord's settings show it, and reasons for logs and the store; the chats read their own words from the catalogs.
 */
import { DiscordAPIError, PermissionFlagsBits, Routes, type APIChannel, type APIGuildMember, type APIRole, type Client, type REST } from 'discord.js';
import type { PostingProblem } from '../../src/adapter.js';
import { channelPermissions } from './permissions.js';

/** Discord's name of the permission, as its server settings show it. */
export const CREATE_EVENTS_NAME = 'Create Events';

/** The problem of a server where the bot lacks Create Events. */
export const MISSING_CREATE_EVENTS: PostingProblem = {
  reason: `The bot is missing ${CREATE_EVENTS_NAME} in this server.`,
  missing: [CREATE_EVENTS_NAME],
};

/** The problem, if any, with the bot's guild-level `permissions` for keeping scheduled events. */
export function eventsProblem(permissions: bigint): PostingProblem | undefined {
  const flag = PermissionFlagsBits.CreateEvents;
  return (permissions & flag) === flag ? undefined : MISSING_CREATE_EVENTS;
}

/**
 * The bot's guild-level permissions over REST (the guild's roles and the
 * bot's member): always fresh, as an admin who just granted the permission expects.
 *
 * @throws when Discord cannot be asked (network, 5xx, 401) or refuses (the bot left the server)
 */
export async function guildPermissions(rest: REST, guildId: string, botId: string): Promise<bigint> {
  const [roles, member] = await Promise.all([
    rest.get(Routes.guildRoles(guildId)) as Promise<APIRole[]>,
    rest.get(Routes.guildMember(guildId, botId)) as Promise<APIGuildMember>,
  ]);
  return channelPermissions({ guildId, memberId: botId, roles, memberRoleIds: member.roles, overwrites: [] });
}

/** A channel's server: its id, or null when the channel is gone, hidden from the bot or not in a server (a DM). */
export type GuildOf = (channelId: string) => Promise<string | null>;

/**
 * The server of a channel, from the gateway cache when it has the channel,
 * else over REST; kept for the process's life (a channel never changes server).
 *
 * @throws from the returned function when Discord cannot be asked (network, 5xx)
 */
export function guildResolver(rest: REST, client: () => Client | undefined): GuildOf {
  const known = new Map<string, string | null>();
  return async (channelId) => {
    const seen = known.get(channelId);
    if (seen !== undefined) return seen;
    const cached = client()?.channels.cache.get(channelId);
    let guildId: string | null;
    if (cached !== undefined) guildId = cached.isDMBased() ? null : cached.guildId;
    else {
      try {
        const channel = await rest.get(Routes.channel(channelId)) as APIChannel;
        guildId = 'guild_id' in channel && typeof channel.guild_id === 'string' ? channel.guild_id : null;
      } catch (error: unknown) {
        // Unknown Channel, Missing Access: gone for the bot (not kept: access may come back).
        if (error instanceof DiscordAPIError && error.status < 500 && error.status !== 429) return null;
        throw error;
      }
    }
    known.set(channelId, guildId);
    return guildId;
  };
}
