/**
 * The loopback Telegram fake in a worker thread, so that in the broadcast
 * benchmark the platform does not compete with the bot for one CPU (as the
 * real Telegram would not). workerData: the rate limit. Messages in:
 * `stats` (answers the figures), `close`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeTelegram, type RateLimitOptions } from '../tests/fakes/telegram/index.js';

/** What the worker reports at the end. */
export interface FakeTelegramStats {
  readonly tooManyRequests: number;
  /** Instants (ms) of the successful sendMessage calls. */
  readonly okAt: readonly number[];
  /** Messages received per chat id. */
  readonly perChat: readonly (readonly [number, number])[];
}

const port = parentPort;
if (!port) throw new Error('telegram-worker must run in a worker thread');
const tg = await startFakeTelegram();
tg.setRateLimit(workerData as RateLimitOptions);
port.postMessage({ type: 'ready', token: tg.token, apiRoot: tg.apiRoot, botInfo: tg.botInfo });
port.on('message', (msg: { type: string }) => {
  if (msg.type === 'stats') {
    const perChat = new Map<number, number>();
    for (const m of tg.sent) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
    const stats: FakeTelegramStats = {
      tooManyRequests: tg.stats.tooManyRequests,
      okAt: tg.callsOf('sendMessage').filter((c) => c.status === 200).map((c) => c.at),
      perChat: [...perChat],
    };
    port.postMessage({ type: 'stats', stats });
  } else if (msg.type === 'close') {
    void tg.close().then(() => port.close());
  }
});
