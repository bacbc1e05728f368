/**
 * Starts the Discord fake in a worker thread (bench/discord-worker.ts) and
 * talks to it: the bot under test connects to `restApi` (and through it to
 * the fake's gateway) as to Discord.
 */
import { Worker } from 'node:worker_threads';

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
  // Under tsx the worker is TypeScript too: it imports it through tsx's API (workers do not inherit tsx's hooks).
  // Compiled (`npm run build`), it is plain JavaScript beside this file.
  const compiled = import.meta.url.endsWith('.js');
  const file = new URL(compiled ? './discord-worker.js' : './discord-worker.ts', import.meta.url);
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const href = JSON.stringify(file.href);
  const worker = compiled
    ? new Worker(file)
    : new Worker(`import(${api}).then(({ tsImport }) => tsImport(${href}, ${href}))`, { eval: true });
  let lastId = 0;
  const answerTo = <T>(type: string, id?: number): Promise<T> => new Promise((resolve, reject) => {
    const onMessage = (m: { type: string; id?: number; message?: string } & T): void => {
      if (m.id !== id || (m.type !== type && m.type !== 'error')) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      if (m.type === 'error') reject(new Error(`discord fake: ${m.message}`)); else resolve(m);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  const ask = async <T>(request: Record<string, unknown> & { type: string }): Promise<T> => {
    const id = ++lastId;
    const answer = answerTo<T>(request.type, id);
    worker.postMessage({ ...request, id });
    return answer;
  };
  const ready = await answerTo<{ restApi: string; token: string; applicationId: string }>('ready');
  return {
    restApi: ready.restApi, token: ready.token, applicationId: ready.applicationId,
    burst: async (count, name) => (await ask<{ perSec: number }>({ type: 'burst', count, name })).perSec,
    steady: async (inFlight, total, name) => (await ask<{ perSec: number }>({ type: 'steady', inFlight, total, name })).perSec,
    lastShown: async () => (await ask<{ shown: string }>({ type: 'last' })).shown,
    close: async () => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ type: 'close', id: ++lastId });
      await exited;
    },
  };
}
