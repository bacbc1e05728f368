/**
 * Bot-token routes: gateway discovery, the bot's user and application,
 * application command bulk overwrites, and channel messages.
 */
import type { FakeState } from './state.js';
import type { Route, RestReply } from './rest.js';
import { errorReply } from './rest.js';
import { apiChannel, apiCommand, apiMessage, apiRoles, botMember, botUser } from './objects.js';
import { createMessage } from './messages.js';
import { apiError, validateCommands, validateMessage } from './validate.js';

/** What the channel routes need besides the state. */
export interface ChannelRoutesEnv {
  state: FakeState;
  gatewayUrl(): string;
  applicationFlags: number;
  /** Shards recommended by `GET /gateway/bot`. Default 1. */
  recommendedShards?: number;
  /** `max_concurrency` of the session start limit. Default 1. */
  maxConcurrency?: number;
  /** The application's public key (hex), `verify_key` of `GET /applications/@me`. */
  publicKey?: string;
  /** The saved Interactions Endpoint URL, if any (`interactions_endpoint_url`). */
  interactionsEndpoint?: () => string | undefined;
}

const unknownChannel = (): RestReply => errorReply(apiError(404, 10003, 'Unknown Channel'));
const missingAccess = (): RestReply => errorReply(apiError(403, 50001, 'Missing Access'));

/** The routes that need `Authorization: Bot <token>`. */
export function channelRoutes(env: ChannelRoutesEnv): Route[] {
  const { state } = env;

  const bulkOverwrite = (guildId: string | null, app: string, body: unknown): RestReply => {
    const scope = guildId === null ? 'global' : 'guild';
    const reply = ((): RestReply => {
      if (app !== state.applicationId) return missingAccess();
      if (guildId !== null && !state.guilds.has(guildId)) return missingAccess();
      const invalid = validateCommands(body);
      if (invalid) return errorReply(invalid);
      const commands = (body as Record<string, unknown>[]).map((c) => apiCommand(state, c, guildId));
      if (guildId === null) state.globalCommands.splice(0, state.globalCommands.length, ...commands);
      else state.guildCommands.set(guildId, commands);
      return { status: 200, body: commands };
    })();
    state.registrations.push({ scope, guildId, body, status: reply.status, at: Date.now() });
    return reply;
  };

  const listCommands = (guildId: string | null, app: string): RestReply => {
    if (app !== state.applicationId) return missingAccess();
    if (guildId !== null && !state.guilds.has(guildId)) return missingAccess();
    return { status: 200, body: state.commandsFor(guildId) };
  };

  return [
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          url: env.gatewayUrl(),
          shards: env.recommendedShards ?? 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: env.maxConcurrency ?? 1 },
        },
      }),
    },
    { method: 'GET', pattern: '/gateway', auth: false, handle: () => ({ status: 200, body: { url: env.gatewayUrl() } }) },
    { method: 'GET', pattern: '/users/@me', auth: true, handle: () => ({ status: 200, body: botUser(state) }) },
    {
      method: 'GET',
      pattern: '/applications/@me',
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          id: state.applicationId,
          name: state.botUsername,
          icon: null,
          description: '',
          bot_public: true,
          bot_require_code_grant: false,
          flags: env.applicationFlags,
          bot: botUser(state),
          verify_key: env.publicKey ?? '0'.repeat(64),
          interactions_endpoint_url: env.interactionsEndpoint?.() ?? null,
          team: null,
        },
      }),
    },
    {
      method: 'PUT',
      pattern: '/applications/:app/commands',
      auth: true,
      handle: (c) => bulkOverwrite(null, c.params.app!, c.body),
    },
    {
      method: 'GET',
      pattern: '/applications/:app/commands',
      auth: true,
      handle: (c) => listCommands(null, c.params.app!),
    },
    {
      method: 'PUT',
      pattern: '/applications/:app/guilds/:guild/commands',
      auth: true,
      handle: (c) => bulkOverwrite(c.params.guild!, c.params.app!, c.body),
    },
    {
      method: 'GET',
      pattern: '/applications/:app/guilds/:guild/commands',
      auth: true,
      handle: (c) => listCommands(c.params.guild!, c.params.app!),
    },
    {
      method: 'GET',
      pattern: '/channels/:channel',
      auth: true,
      handle: (c) => {
        const channel = state.channels.get(c.params.channel!);
        return channel ? { status: 200, body: apiChannel(channel) } : unknownChannel();
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guild/roles',
      auth: true,
      handle: (c) => {
        const guild = state.guilds.get(c.params.guild!);
        return guild ? { status: 200, body: apiRoles(guild) } : missingAccess();
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guild/members/:user',
      auth: true,
      handle: (c) => {
        const guild = state.guilds.get(c.params.guild!);
        if (!guild) return missingAccess();
        // Only the bot's own member is known to the fake (Placard asks for no one else).
        if (c.params.user !== state.applicationId) return errorReply(apiError(404, 10007, 'Unknown Member'));
        return { status: 200, body: botMember(state, guild) };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channel/messages',
      auth: true,
      handle: (c) => {
        const channel = state.channels.get(c.params.channel!);
        if (!channel) return unknownChannel();
        const invalid = validateMessage(c.body, [], c.files.length > 0);
        if (invalid) return errorReply(invalid);
        const message = createMessage(state, {
          channelId: channel.id,
          guildId: channel.guildId,
          body: c.body,
          files: c.files,
          source: 'channel',
        });
        // Channel messages cannot be ephemeral.
        message.flags &= ~64;
        message.ephemeral = false;
        return { status: 200, body: apiMessage(state, message) };
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channel/messages/:message',
      auth: true,
      handle: (c) => {
        if (!state.channels.has(c.params.channel!)) return unknownChannel();
        const message = state.messages.get(c.params.message!);
        if (!message || message.deleted || message.channelId !== c.params.channel || message.ephemeral) {
          return errorReply(apiError(404, 10008, 'Unknown Message'));
        }
        return { status: 200, body: apiMessage(state, message) };
      },
    },
  ];
}
