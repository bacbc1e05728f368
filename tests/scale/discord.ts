/**
 * Discord over HTTP interactions through HAProxy, for the scale rig: the
 * loopback Discord fake (tests/fakes/discord) with the instances configured
 * with `DISCORD_PUBLIC_KEY`, and HAProxy's `/discord/interactions` saved as
 * the application's Interactions Endpoint URL (the fake checks it as Discord
 * does: a signed PING answered PONG, a forged signature 401). Each slash
 * command is then POSTed, signed, to HAProxy, which hands it to one instance.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../fakes/discord/index.js';

/** Whether `serve` reads DISCORD_PUBLIC_KEY in this tree (issue 15 part 2). */
export const discordInteractionsWired: boolean = readFileSync(resolve(import.meta.dirname, '../../src/config.ts'), 'utf8').includes('DISCORD_PUBLIC_KEY');

/** The test guild and its channel. */
export const GUILD = '200000000000000001';
const CHANNEL = '200000000000000002';

/** What an instance needs to serve the fake over HTTP interactions. */
export interface DiscordEnv {
  readonly token: string;
  readonly applicationId: string;
  readonly publicKey: string;
  readonly apiUrl: string;
  readonly guildId: string;
}

/** Starts the fake with one guild. */
export async function startDiscord(): Promise<{ dc: FakeDiscord; env: DiscordEnv }> {
  const dc = await startFakeDiscord({ guilds: [{ id: GUILD, name: 'Solidarity', channels: [{ id: CHANNEL, name: 'general' }] }] });
  return { dc, env: { token: dc.token, applicationId: dc.applicationId, publicKey: dc.publicKey, apiUrl: dc.restApi, guildId: GUILD } };
}

/** Saves `url` (HAProxy's) as the Interactions Endpoint URL; throws with the fake's reason when refused. */
export async function saveEndpoint(dc: FakeDiscord, url: string): Promise<void> {
  const check = await dc.setInteractionsEndpoint(url);
  if (!check.ok) throw new Error(`the Discord fake refused ${url}: ${check.reason ?? ''}`);
}

/** What a batch of slash commands through HAProxy came to. */
export interface InteractionBatch {
  readonly sent: number;
  /** Interactions whose first answer (the HTTP response, or a deferral followed up) was accepted. */
  readonly answered: number;
  /** Interactions with a failed first answer (no answer in 3 s, a non-2xx, …). */
  readonly failed: number;
  /** Interactions answered by more than one callback. */
  readonly doubled: number;
}

/** `/demands` in the guild `count` times, `parallel` at a time; waits for every first answer. */
export async function slashCommands(dc: FakeDiscord, count: number, parallel = 4): Promise<InteractionBatch> {
  const handles: InteractionHandle[] = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - i) }, () => dc.slashCommand({ guildId: GUILD, channelId: CHANNEL, name: 'demands' }));
    handles.push(...batch);
    await Promise.all(batch.map((h) => h.waitForResponse({ timeoutMs: 10_000 }).catch(() => undefined)));
  }
  await new Promise((r) => setTimeout(r, 300));
  const callbacks = (h: InteractionHandle): number => h.responses().filter((r) => r.kind === 'callback').length;
  const firstOk = (h: InteractionHandle): boolean => h.responses()[0]?.ok === true;
  return {
    sent: count,
    answered: handles.filter(firstOk).length,
    failed: handles.filter((h) => !firstOk(h)).length,
    doubled: handles.filter((h) => callbacks(h) > 1).length,
  };
}
