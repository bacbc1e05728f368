/**
 * Whether the bot may post reminders in a channel: View Channel, Send
 * Messages (Send Messages in Threads in a thread) and Embed Links, the
 * permissions a reminder (an embed) needs. Read from the gateway cache when
 * it has the channel, else over REST (the channel, the guild's roles and the
 * bot's own member). Never sends a message.
 *
 * i18n-exempt-file: reasons in English for logs and the doctor (chats are told by `why`, in their language), and the permissions as Discord's settings name them.
 */
import {
  ChannelType,
  DiscordAPIError,
  PermissionFlagsBits,
  PermissionsBitField,
  Routes,
  type APIChannel,
  type APIGuildMember,
  type APIOverwrite,
  type APIRole,
  type Client,
  type REST,
} from 'discord.js';
import type { PostingProblem } from '../../src/adapter.js';

/** The permissions a reminder needs, with the names Discord's settings show. */
const NEEDED: readonly (readonly [bigint, string])[] = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];
const IN_THREAD: readonly (readonly [bigint, string])[] = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  // In a thread Send Messages does not apply; Send Messages in Threads does.
  [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

const THREADS: ReadonlySet<number> = new Set([ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.AnnouncementThread]);

/** The problem, if any, with the bot's `permissions` in a channel (a thread when `thread`). */
export function postingProblem(permissions: bigint, thread = false): PostingProblem | undefined {
  const missing = (thread ? IN_THREAD : NEEDED).filter(([flag]) => (permissions & flag) !== flag).map(([, name]) => name);
  if (missing.length === 0) return undefined;
  return { reason: `The bot is missing ${missing.join(', ')} in that channel.`, missing, why: 'missing-permissions' };
}

/** What a channel's permissions are computed from (as Discord documents the computation). */
export interface PermissionParts {
  readonly guildId: string;
  readonly memberId: string;
  readonly roles: readonly Pick<APIRole, 'id' | 'permissions'>[];
  readonly memberRoleIds: readonly string[];
  readonly overwrites: readonly APIOverwrite[];
}

/**
 * The member's permissions in a channel: @everyone and the member's roles,
 * Administrator grants everything, then the channel's overwrites for
 * @everyone, the member's roles (denies before allows) and the member.
 */
export function channelPermissions(parts: PermissionParts): bigint {
  const byId = new Map(parts.roles.map((r) => [r.id, BigInt(r.permissions)]));
  let base = byId.get(parts.guildId) ?? 0n;
  for (const id of parts.memberRoleIds) base |= byId.get(id) ?? 0n;
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return PermissionsBitField.All;
  const apply = (allow: bigint, deny: bigint): void => { base = (base & ~deny) | allow; };
  const everyone = parts.overwrites.find((o) => o.id === parts.guildId);
  if (everyone) apply(BigInt(everyone.allow), BigInt(everyone.deny));
  let allow = 0n;
  let deny = 0n;
  for (const o of parts.overwrites) {
    if (o.type === 0 && o.id !== parts.guildId && parts.memberRoleIds.includes(o.id)) { allow |= BigInt(o.allow); deny |= BigInt(o.deny); }
  }
  apply(allow, deny);
  const member = parts.overwrites.find((o) => o.type === 1 && o.id === parts.memberId);
  if (member) apply(BigInt(member.allow), BigInt(member.deny));
  return base;
}

/** From the gateway cache; undefined when the cache cannot tell (channel or own member not cached). */
export function fromCache(client: Client | undefined, channelId: string): PostingProblem | undefined | 'unknown' {
  const channel = client?.channels.cache.get(channelId);
  if (!channel || channel.isDMBased()) return 'unknown';
  const me = channel.guild.members.me;
  if (!me) return 'unknown';
  const permissions = channel.permissionsFor(me);
  return postingProblem(permissions.bitfield, channel.isThread());
}

const CHANNEL_GONE: PostingProblem = { reason: 'That channel no longer exists, or the bot cannot see it.', missing: ['View Channel'], why: 'channel-gone' };

/**
 * Over REST: the channel (and a thread's parent, whose overwrites apply),
 * the guild's roles, the bot's member.
 *
 * @throws when Discord cannot be asked (network, 5xx, 401): the answer is unknown, not "fine"
 */
export async function fromRest(rest: REST, channelId: string, botId: string): Promise<PostingProblem | undefined> {
  let channel: APIChannel;
  try {
    channel = await rest.get(Routes.channel(channelId)) as APIChannel;
  } catch (error: unknown) {
    // Unknown Channel, or Missing Access: the bot cannot even see the channel.
    if (error instanceof DiscordAPIError && (error.code === 10003 || error.code === 50001)) return CHANNEL_GONE;
    throw error;
  }
  if (!('guild_id' in channel) || channel.guild_id === undefined) return undefined; // a DM: nothing to grant
  const thread = THREADS.has(channel.type);
  const parentId = thread && 'parent_id' in channel ? channel.parent_id : undefined;
  const source = parentId ? await rest.get(Routes.channel(parentId)) as APIChannel : channel;
  const guildId = channel.guild_id;
  const [roles, member] = await Promise.all([
    rest.get(Routes.guildRoles(guildId)) as Promise<APIRole[]>,
    rest.get(Routes.guildMember(guildId, botId)) as Promise<APIGuildMember>,
  ]);
  const overwrites = 'permission_overwrites' in source ? source.permission_overwrites ?? [] : [];
  return postingProblem(channelPermissions({ guildId, memberId: botId, roles, memberRoleIds: member.roles, overwrites }), thread);
}
