/**
 * Builders of the JSON objects the fake sends over the wire (Discord API v10
 * shapes): users, members, roles, channels, guilds, messages, commands.
 */
import type { ChannelState, FakeState, GuildState, RegisteredCommand } from './state.js';
import type { FakeUser, MessageRecord } from './types.js';

type Json = Record<string, unknown>;

/** A user object. */
export function apiUser(user: FakeUser, bot = false): Json {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName ?? null,
    discriminator: '0',
    avatar: null,
    bot,
    public_flags: 0,
  };
}

/** The bot's own user (READY `user`, message authors). */
export function botUser(state: FakeState): Json {
  return {
    ...apiUser({ id: state.applicationId, username: state.botUsername }, true),
    verified: true,
    mfa_enabled: false,
    flags: 0,
    email: null,
  };
}

/** A guild member; `permissions` is only present on interaction members. */
export function apiMember(user: FakeUser, joinedAt: string, permissions?: string, bot = false): Json {
  const member: Json = {
    user: apiUser(user, bot),
    nick: null,
    avatar: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
  if (permissions !== undefined) member.permissions = permissions;
  return member;
}

/** A channel object (GET /channels/:id, GUILD_CREATE channels, interaction `channel`). */
export function apiChannel(channel: ChannelState, position = 0): Json {
  if (channel.type === 1) {
    return {
      id: channel.id,
      type: 1,
      last_message_id: channel.lastMessageId,
      flags: 0,
      recipients: channel.recipient ? [apiUser(channel.recipient)] : [],
    };
  }
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position,
    permission_overwrites: channel.overwrites.map((o) => ({ ...o })),
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

/** The guild's roles: @everyone (id = guild id) first, then the others, as `GET /guilds/:id/roles` returns them. */
export function apiRoles(guild: GuildState): Json[] {
  const role = (id: string, name: string, permissions: string, position: number): Json => ({
    id, name, color: 0, hoist: false, icon: null, unicode_emoji: null, position, permissions, managed: false, mentionable: false, flags: 0,
  });
  return [role(guild.id, '@everyone', guild.everyonePermissions, 0), ...guild.roles.map((r, i) => role(r.id, r.name, r.permissions, i + 1))];
}

/** The bot's own member in a guild (GUILD_CREATE `members`, `GET /guilds/:id/members/:bot`). */
export function botMember(state: FakeState, guild: GuildState): Json {
  return { ...apiMember({ id: state.applicationId, username: state.botUsername }, guild.joinedAt, undefined, true), roles: [...guild.botRoleIds] };
}

/** The full guild object of a GUILD_CREATE dispatch. */
export function apiGuildCreate(state: FakeState, guild: GuildState): Json {
  const channels = guild.channelIds.flatMap((id, index) => {
    const channel = state.channels.get(id);
    if (!channel) return [];
    const { guild_id: _omitted, ...rest } = apiChannel(channel, index);
    return [rest];
  });
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: apiRoles(guild),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.locale,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [botMember(state, guild)],
    channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** A message object as REST returns it. */
export function apiMessage(state: FakeState, message: MessageRecord): Json {
  const fromInteraction = message.source !== 'channel';
  const json: Json = {
    id: message.id,
    type: message.source === 'interaction' ? 20 : 0,
    channel_id: message.channelId,
    author: apiUser({ id: state.applicationId, username: state.botUsername }, true),
    content: message.content,
    timestamp: new Date(message.createdAt).toISOString(),
    edited_timestamp: message.editedAt === null ? null : new Date(message.editedAt).toISOString(),
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: message.attachments.map((a, i) => ({
      id: String(i),
      filename: a.filename,
      size: a.size,
      url: `https://cdn.invalid/${a.filename}`,
      proxy_url: `https://cdn.invalid/${a.filename}`,
    })),
    embeds: message.embeds,
    pinned: false,
    flags: message.flags,
    components: message.components,
  };
  if (message.guildId) json.guild_id = message.guildId;
  if (fromInteraction) {
    json.webhook_id = state.applicationId;
    json.application_id = state.applicationId;
  }
  const metadata = interactionMetadata(state, message);
  if (metadata) json.interaction_metadata = metadata;
  return json;
}

/**
 * `interaction_metadata` of a message sent in answer to an interaction:
 * the interaction's id, type and user, the original response's id on a
 * follow-up, and the message whose component was used for an answer to a press.
 */
function interactionMetadata(state: FakeState, message: MessageRecord): Json | undefined {
  const it = message.interactionId === undefined ? undefined : state.interactions.get(message.interactionId);
  if (!it) return undefined;
  const member = it.payload.member as { user?: unknown } | undefined;
  const json: Json = {
    id: it.id,
    type: it.type,
    user: member?.user ?? it.payload.user,
    authorizing_integration_owners: it.payload.authorizing_integration_owners,
  };
  if (message.source === 'followup' && it.originalMessageId !== null) json.original_response_message_id = it.originalMessageId;
  const pressed = it.payload.message as { id?: unknown } | undefined;
  if (it.type === 3 && typeof pressed?.id === 'string') json.interacted_message_id = pressed.id;
  return json;
}

/** An application command as a bulk overwrite / GET returns it. */
export function apiCommand(state: FakeState, input: Json, guildId: string | null): RegisteredCommand {
  const type = typeof input.type === 'number' ? input.type : 1;
  const name = String(input.name);
  const key = `${guildId ?? 'global'}:${type}:${name}`;
  let id = state.commandIds.get(key);
  if (!id) {
    id = state.snowflake();
    state.commandIds.set(key, id);
  }
  const command: RegisteredCommand = {
    id,
    application_id: state.applicationId,
    version: state.snowflake(),
    default_member_permissions: input.default_member_permissions ?? null,
    type,
    name,
    name_localizations: input.name_localizations ?? null,
    description: typeof input.description === 'string' ? input.description : '',
    description_localizations: input.description_localizations ?? null,
    dm_permission: input.dm_permission ?? true,
    contexts: input.contexts ?? null,
    integration_types: input.integration_types ?? [0],
    nsfw: input.nsfw ?? false,
  };
  if (guildId) command.guild_id = guildId;
  if (Array.isArray(input.options)) command.options = input.options;
  return command;
}
