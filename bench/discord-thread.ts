/**
 * Starts the Discord fake in a worker thread (bench/discord-worker.ts) and
 * talks to it through bench/worker-rpc.ts: the bot under test connects to
 * `restApi` (and through it to the fake's gateway) as to Discord.
 */
import { startWorkerRpc } from './worker-rpc.js';

/** The bench's server and channel in the fake. */
export const BENCH_GUILD = '210000000000000001';
export const BENCH_CHANNEL = '210000000000000002';

/** The fake Discord running in a worker thread. */
export interface DiscordInWorker {
  readonly restApi: string;
  readonly token: string;
  readonly applicationId: string;
  /** `count` slash commands `/name` at once; resolves with answers per second, timed in the fake. */
  burst(count: number, name: string): Promise<number>;
  /** `inFlight` commands outstanding until `total` answers, each answer bringing the next; resolves with answers per second. */
  steady(inFlight: number, total: number, name: string): Promise<number>;
  /** What the last answer of the last round showed, as JSON with ids masked. */
  lastShown(): Promise<string>;
  close(): Promise<void>;
}

/** Starts the fake in its own thread. */
export async function discordInWorker(): Promise<DiscordInWorker> {
  const { ready, ask, close } = await startWorkerRpc<{ restApi: string; token: string; applicationId: string }>('discord-worker', 'discord fake');
  return {
    restApi: ready.restApi, token: ready.token, applicationId: ready.applicationId,
    burst: async (count, name) => (await ask<{ perSec: number }>({ type: 'burst', count, name })).perSec,
    steady: async (inFlight, total, name) => (await ask<{ perSec: number }>({ type: 'steady', inFlight, total, name })).perSec,
    lastShown: async () => (await ask<{ shown: string }>({ type: 'last' })).shown,
    close,
  };
}
