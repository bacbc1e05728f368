/**
 * The loopback Telegram fake in a worker thread, so that the platform does
 * not compete with the bot for its heap and event loop (as the real Telegram
 * would not). workerData: a rate limit, or nothing for none. Messages in:
 * `stats` (answers the figures), `burst` and `latency` (drive users and time
 * the bot's replies from the platform's side), `close`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeTelegram, type RateLimitOptions } from '../tests/fakes/telegram/index.js';

/** What the worker reports at the end of a broadcast. */
export interface FakeTelegramStats {
  readonly tooManyRequests: number;
  /** Instants (ms) of the successful sendMessage calls. */
  readonly okAt: readonly number[];
  /** Messages received per chat id. */
  readonly perChat: readonly (readonly [number, number])[];
}

/** Requests the worker answers; each answer has the same `type` and `id`. */
export type WorkerRequest =
  | { readonly type: 'stats'; readonly id: number }
  | { readonly type: 'close'; readonly id: number }
  /** Answers the text (as users see it) of the last message sent. */
  | { readonly type: 'last'; readonly id: number }
  /** `count` users each send `text` at once, one per chat over `chats` private chats; answers replies per second. */
  | { readonly type: 'burst'; readonly id: number; readonly count: number; readonly chats: number; readonly text: string }
  /** One user sends `text` `count` times, each after the previous reply; answers the 99th percentile in ms. */
  | { readonly type: 'latency'; readonly id: number; readonly count: number; readonly text: string }
  /** Closed loop with `inFlight` updates outstanding until `total` replies (see `steady`); answers replies per second. */
  | { readonly type: 'steady'; readonly id: number; readonly inFlight: number; readonly total: number; readonly text: string; readonly chats?: number };

const port = parentPort;
if (!port) throw new Error('telegram-worker must run in a worker thread');
const tg = await startFakeTelegram({ botUsername: 'placardbot' });
if (workerData) tg.setRateLimit(workerData as RateLimitOptions);

const user = (id: number, text: string): void => {
  tg.sendUserMessage({ chat: { id, type: 'private' }, from: { id, first_name: 'U' }, text });
};

async function burst(count: number, chats: number, text: string): Promise<number> {
  const before = tg.sent.length;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) user(10_000 + (i % chats), text);
  await tg.waitFor(() => tg.sent.length - before >= count || undefined, 120_000, `${count} replies`);
  return count / ((performance.now() - t0) / 1000);
}

/**
 * Closed loop, until `total` replies: `inFlight` updates are outstanding at
 * any time, each reply bringing the next one. With `chats`, the next update
 * comes from the next of that many private chats in turn (a busy bot: many
 * chats, each asking now and then, so a chat's earlier update is long done);
 * without, the chat just answered asks again at once (a few very chatty
 * chats: this also measures one chat's updates waiting for each other).
 * Resolves with replies per second.
 */
async function steady(inFlight: number, total: number, text: string, chats?: number): Promise<number> {
  let cursor = tg.sent.length;
  const end = cursor + total;
  let asked = 0;
  const nextChat = (answered: number): number => (chats === undefined ? answered : 20_000 + (asked % chats));
  const ask = (chatId: number): void => { asked++; user(chatId, text); };
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    let busy = false;
    const off = tg.onChange(() => {
      if (busy) return; // asking notifies again; the outer pass picks up what arrives meanwhile
      busy = true;
      while (cursor < tg.sent.length) {
        const answered = tg.sent[cursor++]!.chatId;
        if (asked < total) ask(nextChat(answered));
      }
      busy = false;
      if (cursor >= end) { off(); resolve(); }
    });
    for (let i = 0; i < inFlight; i++) ask(20_000 + i);
  });
  return total / ((performance.now() - t0) / 1000);
}

async function latency(count: number, text: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const before = tg.sent.length;
    const t0 = performance.now();
    user(777, text);
    await tg.waitFor(() => tg.sent.length > before || undefined, 10_000, 'a reply');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length * 0.99)]!;
}

function stats(): FakeTelegramStats {
  const perChat = new Map<number, number>();
  for (const m of tg.sent) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
  return {
    tooManyRequests: tg.stats.tooManyRequests,
    okAt: tg.callsOf('sendMessage').filter((c) => c.status === 200).map((c) => c.at),
    perChat: [...perChat],
  };
}

port.postMessage({ type: 'ready', token: tg.token, apiRoot: tg.apiRoot, botInfo: tg.botInfo });
port.on('message', (req: WorkerRequest) => {
  const answer = (value: Record<string, unknown>): void => port.postMessage({ type: req.type, id: req.id, ...value });
  const fail = (e: unknown): void => port.postMessage({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
  switch (req.type) {
    case 'stats': answer({ stats: stats() }); break;
    case 'last': answer({ text: tg.sent.at(-1)?.plainText }); break;
    case 'burst': burst(req.count, req.chats, req.text).then((perSec) => answer({ perSec }), fail); break;
    case 'latency': latency(req.count, req.text).then((p99Ms) => answer({ p99Ms }), fail); break;
    case 'steady': steady(req.inFlight, req.total, req.text, req.chats).then((perSec) => answer({ perSec }), fail); break;
    case 'close': void tg.close().then(() => port.close()); break;
  }
});
