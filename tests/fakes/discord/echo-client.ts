/**
 * A bare discord.js bot with no Placard code: answers every slash command
 * with one fixed string. A baseline for benchmarks against the fake.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';

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
 * answer every slash command with `text` (`allowed_mentions: { parse: [] }`).
 * Resolves once the client is ready.
 */
export async function bareDiscordEchoClient(restApi: string, token: string, text = 'pong'): Promise<EchoClient> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: restApi } });
  let answered = 0;
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    interaction
      .reply({ content: text, allowedMentions: { parse: [] } })
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
