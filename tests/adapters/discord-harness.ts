/**
 * Runs the real Discord adapter (discord.js) against the loopback fake of
 * Discord's REST API and gateway, with the shipped content and a memory store.
 */
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions, type InteractionOutcome } from '../../adapters/discord/index.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Command, Services } from '../../src/commands/types.js';
import { createLogger } from '../../src/log.js';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle, type MessageRecord } from '../fakes/discord/index.js';
import { testServices } from '../helpers/core.js';

/** The test guild and its channel. */
export const G = '210000000000000001';
export const C = '210000000000000002';

/** A started adapter with its fake and services. */
export interface DiscordRig {
  readonly dc: FakeDiscord;
  readonly adapter: DiscordAdapter;
  readonly services: Services;
  /** Resolves once the adapter has finished answering the interaction. */
  answered(h: InteractionHandle): Promise<InteractionOutcome>;
  /** The messages the interaction left in its channel, oldest first. */
  shown(h: InteractionHandle): MessageRecord[];
  close(): Promise<void>;
}

/** Options of `startDiscordRig`. */
export interface DiscordRigOptions {
  /** Commands added to the shipped list (e.g. an admin-only test command). */
  readonly extra?: readonly Command[];
  /** Channels of the test guild besides C. */
  readonly channels?: readonly { id: string; name: string }[];
  readonly adapter?: Partial<Pick<DiscordAdapterOptions, 'deferAfterMs' | 'log'>>;
}

/** Starts the fake, the core and the adapter (commands registered in guild G). */
export async function startDiscordRig(options: DiscordRigOptions = {}): Promise<DiscordRig> {
  const dc = await startFakeDiscord({ guilds: [{ id: G, name: 'Solidarity', channels: [{ id: C, name: 'general' }, ...(options.channels ?? [])] }] });
  const base = await testServices();
  const services: Services = { ...base, commands: [...base.commands, ...(options.extra ?? [])] };
  const dispatcher = new Dispatcher(services);
  const done = new Map<string, InteractionOutcome>();
  const waiting = new Map<string, (o: InteractionOutcome) => void>();
  const adapter = createDiscordAdapter({
    token: dc.token, applicationId: dc.applicationId, guildId: G, apiUrl: dc.restApi, services,
    log: createLogger({ level: 'silent' }),
    ...options.adapter,
    observe: (o) => { done.set(o.interactionId, o); waiting.get(o.interactionId)?.(o); },
  });
  await adapter.start((inv) => dispatcher.dispatch(inv));
  return {
    dc, adapter, services,
    answered: (h) => new Promise((resolve) => { const o = done.get(h.id); if (o) resolve(o); else waiting.set(h.id, resolve); }),
    shown: (h) => dc.channelMessages(String(h.payload.channel_id)).filter((m) => m.interactionId === h.id),
    close: async () => { await adapter.stop(); await dc.close(); },
  };
}

/** Log lines written so far (pino JSON), and a logger-destination that collects them. */
export interface LogCapture {
  readonly lines: string[];
  readonly destination: { write(line: string): void };
  /** Parsed lines whose `msg` contains `text`. */
  matching(text: string): Record<string, unknown>[];
}

/** Collects log lines for assertions. */
export function captureLogs(): LogCapture {
  const lines: string[] = [];
  return {
    lines,
    destination: { write: (line: string) => { lines.push(line); } },
    matching: (text) => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => String(l.msg).includes(text)),
  };
}

/**
 * Resolves once `probe` is true, checked every 10 ms; rejects after `timeoutMs`.
 * For the adapter's own state (readiness), which has no change signal to wait on.
 */
export async function waitUntil(probe: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
