/**
 * A `channel` option (`/subscribe channel:`) names where reminders will be
 * posted, so it must be a channel of the server the command ran in: never
 * another server's (whose admins did not agree), and never from a DM (which
 * has no server). Discord's picker only offers the server's channels, but
 * the interaction's values are not to be trusted blindly.
 */
import { DiscordAPIError, Routes, type APIChannel, type APIInteraction, type Client, type REST } from 'discord.js';
import type { Command, OptionValues } from '../../src/commands/types.js';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import { inGuild } from './interaction.js';

/** Catalog ids of the refusals: a channel option given in a DM; one naming a channel of another server, or one the bot cannot see. */
const IN_DM = 'adapter-channel-in-dm';
const ELSEWHERE = 'adapter-channel-elsewhere';
/** The refusal of a channel option given in a DM, in English (the invoker reads it in their language). */
export const CHANNEL_IN_DM = defaultVoice().t(IN_DM);
/** The refusal of a channel of another server, in English. */
export const CHANNEL_ELSEWHERE = defaultVoice().t(ELSEWHERE);

/** The server a channel belongs to, as Discord says; undefined when unknown or not visible to the bot. */
export type GuildOfChannel = (guildId: string, channelId: string) => Promise<string | undefined>;

/**
 * The server of a channel: from the gateway cache when there is one (a
 * server's channel list comes from GUILD_CREATE / CHANNEL_CREATE, so it is
 * Discord's word), else over REST.
 *
 * @throws when Discord cannot be asked (network, 5xx)
 */
export function guildOfChannel(rest: REST, client: () => Client | undefined): GuildOfChannel {
  return async (guildId, channelId) => {
    const cached = client()?.guilds.cache.get(guildId)?.channels.cache.get(channelId);
    if (cached) return cached.guildId;
    try {
      const channel = await rest.get(Routes.channel(channelId)) as APIChannel;
      return 'guild_id' in channel ? channel.guild_id : undefined;
    } catch (error: unknown) {
      if (error instanceof DiscordAPIError && error.status < 500) return undefined;
      throw error;
    }
  };
}

/**
 * Checks every `channel` option of `command` in `options`; answers the
 * refusal to show (in the language `words` gives), or undefined when they are all fine.
 *
 * @throws when Discord cannot be asked about the channel (network, 5xx)
 */
export async function refuseChannelOption(
  interaction: APIInteraction,
  command: Command | undefined,
  options: OptionValues,
  guildOf: GuildOfChannel,
  words: () => Promise<Voice> = async () => defaultVoice(),
): Promise<string | undefined> {
  for (const spec of command?.options ?? []) {
    const value = options[spec.name];
    if (spec.type !== 'channel' || value === undefined || value === '') continue;
    const guildId = interaction.guild_id;
    if (!inGuild(interaction) || guildId === undefined) return (await words()).t(IN_DM);
    if ((await guildOf(guildId, String(value))) !== guildId) return (await words()).t(ELSEWHERE);
  }
  return undefined;
}
