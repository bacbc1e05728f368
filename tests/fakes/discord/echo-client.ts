/**
 * A bare discord.js bot with no Placard code: answers every slash command
 * with one fixed string. A baseline for benchmarks against the fake.
 */
import { Client, Events, GatewayIntentBits, type APIEmbed, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord.js';

/** A fixed answer: content, embeds and components as Discord's API takes them. */
export interface EchoAnswer {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** A running echo bot. */
export interface EchoClient {
  readonly client: Client;
  /** Slash commands answered so far. */
  readonly answered: () => number;
  /** Destroy the client (closes the gateway socket, stops REST timers). */
  stop(): Promise<void>;
}

/**
 * Log a bare discord.js `Client` into `restApi` (a fake's `restApi`) and
 * answer every slash command with `text`, or with what `answers` gives for
 * the command's name (`allowed_mentions: { parse: [] }`). Resolves once the
 * client is ready.
 */
export async function bareDiscordEchoClient(restApi: string, token: string, text: string | ((command: string) => EchoAnswer) = 'pong'): Promise<EchoClient> {
  const answerTo = typeof text === 'string' ? (): EchoAnswer => ({ content: text }) : text;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: restApi } });
  let answered = 0;
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    const answer = answerTo(interaction.commandName);
    interaction
      .reply({
        ...(answer.content === undefined ? {} : { content: answer.content }),
        ...(answer.embeds === undefined ? {} : { embeds: [...answer.embeds] }),
        ...(answer.components === undefined ? {} : { components: [...answer.components] }),
        allowedMentions: { parse: [] },
      })
      .then(() => {
        answered += 1;
      })
      .catch((error: unknown) => client.emit(Events.Error, error instanceof Error ? error : new Error(String(error))));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return { client, answered: () => answered, stop: () => client.destroy() };
}
