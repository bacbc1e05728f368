/**
 * Starts the Telegram fake in a worker thread (bench/telegram-worker.ts) and
 * talks to it: the bot under test connects to `apiRoot` as to any Bot API server.
 */
import { Worker } from 'node:worker_threads';
import type { RateLimitOptions } from '../tests/fakes/telegram/index.js';
import type { UserFromGetMe } from '../tests/fakes/telegram/types.js';
import type { FakeTelegramStats } from './telegram-worker.js';

/** The fake Telegram running in a worker thread. */
export interface FakeInWorker {
  readonly token: string;
  readonly apiRoot: string;
  readonly botInfo: UserFromGetMe;
  /** Broadcast figures: 429s, accepted sends, messages per chat. */
  stats(): Promise<FakeTelegramStats>;
  /** `count` private chats each send `text` at once; resolves with replies per second, timed in the fake. */
  burst(count: number, text: string): Promise<number>;
  /**
   * `inFlight` updates outstanding until `total` replies, each reply bringing
   * the next: from the next of `chats` chats in turn, or without `chats` from
   * the chat just answered; resolves with replies per second.
   */
  steady(inFlight: number, total: number, text: string, chats?: number): Promise<number>;
  /** The text (as users see it) of the last message the bot sent. */
  lastText(): Promise<string | undefined>;
  /** One chat sends `text` `count` times, each after the last reply; resolves with the p99 round trip in ms. */
  latency(count: number, text: string): Promise<number>;
  close(): Promise<void>;
}

/** Starts the fake in its own thread, with a rate limit or none. */
export async function fakeInWorker(limits?: RateLimitOptions): Promise<FakeInWorker> {
  // Under tsx the worker is TypeScript too: it imports it through tsx's API (workers do not inherit tsx's hooks).
  // Compiled (`npm run build`), it is plain JavaScript beside this file.
  const compiled = import.meta.url.endsWith('.js');
  const file = new URL(compiled ? './telegram-worker.js' : './telegram-worker.ts', import.meta.url);
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const href = JSON.stringify(file.href);
  const worker = compiled
    ? new Worker(file, { workerData: limits })
    : new Worker(`import(${api}).then(({ tsImport }) => tsImport(${href}, ${href}))`, { eval: true, workerData: limits });
  let lastId = 0;
  const answerTo = <T>(type: string, id?: number): Promise<T> => new Promise((resolve, reject) => {
    const onMessage = (m: { type: string; id?: number; message?: string } & T): void => {
      if (m.id !== id || (m.type !== type && m.type !== 'error')) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      if (m.type === 'error') reject(new Error(`telegram fake: ${m.message}`)); else resolve(m);
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
  const ready = await answerTo<{ token: string; apiRoot: string; botInfo: UserFromGetMe }>('ready');
  return {
    token: ready.token, apiRoot: ready.apiRoot, botInfo: ready.botInfo,
    stats: async () => (await ask<{ stats: FakeTelegramStats }>({ type: 'stats' })).stats,
    burst: async (count, text) => (await ask<{ perSec: number }>({ type: 'burst', count, chats: count, text })).perSec,
    steady: async (inFlight, total, text, chats) => (await ask<{ perSec: number }>({ type: 'steady', inFlight, total, text, ...(chats === undefined ? {} : { chats }) })).perSec,
    lastText: async () => (await ask<{ text?: string }>({ type: 'last' })).text,
    latency: async (count, text) => (await ask<{ p99Ms: number }>({ type: 'latency', count, text })).p99Ms,
    close: async () => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ type: 'close', id: ++lastId });
      await exited;
    },
  };
}
