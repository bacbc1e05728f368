/**
 * Starts the Telegram fake in a worker thread (bench/telegram-worker.ts) and
 * talks to it through bench/worker-rpc.ts: the bot under test connects to
 * `apiRoot` as to any Bot API server.
 */
import type { RateLimitOptions } from '../tests/fakes/telegram/index.js';
import type { UserFromGetMe } from '../tests/fakes/telegram/types.js';
import type { FakeTelegramStats } from './telegram-worker.js';
import { startWorkerRpc } from './worker-rpc.js';

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
  const { ready, ask, close } = await startWorkerRpc<{ token: string; apiRoot: string; botInfo: UserFromGetMe }>('telegram-worker', 'telegram fake', limits);
  return {
    token: ready.token, apiRoot: ready.apiRoot, botInfo: ready.botInfo,
    stats: async () => (await ask<{ stats: FakeTelegramStats }>({ type: 'stats' })).stats,
    burst: async (count, text) => (await ask<{ perSec: number }>({ type: 'burst', count, chats: count, text })).perSec,
    steady: async (inFlight, total, text, chats) => (await ask<{ perSec: number }>({ type: 'steady', inFlight, total, text, ...(chats === undefined ? {} : { chats }) })).perSec,
    lastText: async () => (await ask<{ text?: string }>({ type: 'last' })).text,
    latency: async (count, text) => (await ask<{ p99Ms: number }>({ type: 'latency', count, text })).p99Ms,
    close,
  };
}
