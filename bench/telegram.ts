/**
 * Telegram: updates → replies per second and p99 latency through the
 * loopback Bot API fake, Placard's adapter against a bare grammY bot that
 * answers a fixed string (the same HTML Placard sends for the command, so
 * both cost the fake the same), in the same run. Both long-poll through
 * @grammyjs/runner. The fake runs in a worker thread and times the replies
 * itself: like the real Telegram, it takes no CPU or heap from the bot.
 * The method, pairs of processes taking turns, is bench/pairs.ts's.
 */
import { run } from '@grammyjs/runner';
import { TelegramAdapter } from '../adapters/telegram/adapter.js';
import { Dispatcher } from '../src/commands/dispatch.js';
import { createLogger } from '../src/log.js';
import { Bot } from 'grammy';
import { prepareReply } from '../adapters/telegram/keyboard.js';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { testServices } from '../tests/helpers/core.js';
import { median, medianOf, pairRatio, pairsOfRounds, serveIfForked, timedRound, type PairsPlan, type Round, type RoundRequest, type Rounds, type Side } from './pairs.js';
import { fakeInWorker, type FakeInWorker } from './telegram-thread.js';

type Starter = (tg: FakeInWorker) => Promise<() => Promise<void>>;

const placard: Starter = async (tg) => {
  const services = await testServices();
  const log = createLogger({ level: 'silent' });
  const adapter = new TelegramAdapter({ token: tg.token, apiRoot: tg.apiRoot, botInfo: tg.botInfo, services, log });
  const dispatcher = new Dispatcher(services, log);
  await adapter.start((inv) => dispatcher.dispatch(inv));
  while (!adapter.ready()) await new Promise((r) => setTimeout(r, 10));
  return () => adapter.stop();
};

/** One fixed answer of the baseline: Placard's HTML and its inline keyboard (buttons), if any. */
interface FixedAnswer { readonly html: string; readonly markup?: InlineKeyboardMarkup }

/**
 * The baseline's fixed answers: Placard's own replies, text and buttons, so
 * both bots send the same bytes and the fake parses the same HTML and
 * keyboard. (Since answers carry buttons, /start has six; before, the
 * baseline sent the text alone, which was the same bytes then.)
 */
async function fixedAnswers(): Promise<{ start: FixedAnswer; next: FixedAnswer }> {
  const dispatcher = new Dispatcher(await testServices());
  const answer = async (command: string): Promise<FixedAnswer> => {
    const { texts, markup } = prepareReply(await dispatcher.dispatch({
      command, text: '', chat: { platform: 'telegram', chatId: '1', kind: 'private' }, role: async () => 'admin', now: new Date(),
    }));
    return { html: texts[0]!.html, ...(markup ? { markup } : {}) };
  };
  return { start: await answer('start'), next: await answer('next') };
}

const bare: Starter = async (tg) => {
  const { start, next } = await fixedAnswers();
  const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot }, botInfo: tg.botInfo });
  bot.on('message:text', (ctx) => {
    const a = ctx.message.text === '/next' ? next : start;
    return ctx.reply(a.html, { parse_mode: 'HTML', ...(a.markup ? { reply_markup: a.markup } : {}) });
  });
  const handle = run(bot, { runner: { silent: true } });
  return () => handle.stop();
};

/** The load shapes, each `REPLIES` replies: a closed loop, or all at once for a burst. */
type Shape = 'steady' | 'burst' | 'chatty' | 'uncached';
const REPLIES = 3000;
/** Six pairs of processes, three pairs of rounds per shape in each (see bench/pairs.ts). */
const PLAN: PairsPlan<Shape> = { bench: 'telegram', module: import.meta.url, shapes: ['steady', 'burst', 'chatty', 'uncached'], processPairs: 6, pairs: 3 };

/**
 * One round of a shape, timed by the fake:
 * - burst: 3,000 chats send at once, one update each. Placard handles one chat's
 *   updates in order (as it must) and the bare bot does not, so several updates
 *   of one chat would measure that rule, not overhead;
 * - steady: 100 updates in flight from 2,000 chats in turn, so each chat's
 *   previous update is long done (a busy bot: many chats, each now and then);
 * - chatty: 100 chats each asking again the moment it is answered; here a chat's
 *   next update may wait for its previous one to be fully handled, which the
 *   bare bot skips;
 * - uncached: as steady, but /next, whose answer depends on the time and the
 *   chat's zone, so Placard reads the chat's settings, builds and renders it
 *   every time (/start comes from its cache of content-only replies, see
 *   `Command.cacheable`). Until 30 November 2026 this shape used /help, which
 *   is now cached per platform and language.
 */
const round = (tg: FakeInWorker, shape: Shape): Promise<Round> => timedRound(REPLIES, () => (shape === 'burst' ? tg.burst(REPLIES, '/start')
  : tg.steady(100, REPLIES, shape === 'uncached' ? '/next' : '/start', shape === 'chatty' ? undefined : 2000)));

/** What the parent asks a child besides rounds: the p99 latency over that many requests. */
interface LatencyRequest { readonly latency: number }

/** Every process pair's rounds, and after each pair's rounds the p99 of each side (Placard's asked first). */
async function pairsWithLatency(sameBots: boolean): Promise<{ rounds: Rounds<Shape>; p99s: Record<Side, number[]> }> {
  const { rounds, after } = await pairsOfRounds(PLAN, sameBots, async (ask) => {
    const p99 = async (side: Side): Promise<number> => (await ask<{ p99Ms: number }>(side, { latency: 400 })).p99Ms;
    return { placard: await p99('placard'), bare: await p99('bare') };
  });
  return { rounds, p99s: { placard: after.map((p) => p.placard), bare: after.map((p) => p.bare) } };
}

/**
 * The noise floor: the same run with the bare bot in both slots. Ratios
 * away from 1 here are the machine, not Placard. Runs only when named
 * (`npm run bench -- telegram-aa`).
 */
export async function benchTelegramNoise(): Promise<Record<string, number>> {
  const { rounds } = await pairsWithLatency(true);
  return Object.fromEntries(PLAN.shapes.map((shape) => [`telegram_aa_${shape}_ratio`, pairRatio(rounds, shape)]));
}

/**
 * Six pairs of processes (see bench/pairs.ts), three pairs of rounds per
 * shape in each. The ratios are medians of the eighteen pairs' ratios. The
 * headline is the steady shape; the burst, chatty and uncached ratios, the bot
 * thread's CPU time per reply (steady and uncached shapes) and p99 latency
 * (one chat, one request at a time; median over the processes) are reported
 * beside it.
 */
export async function benchTelegram(): Promise<Record<string, number>> {
  const { rounds, p99s } = await pairsWithLatency(false);
  // Each pair as Placard/bare replies per second, so a reader can see the spread behind the medians.
  for (const shape of PLAN.shapes) process.stdout.write(`telegram ${shape} pairs: ${rounds.placard[shape].map((p, i) => `${Math.round(p.perSec)}/${Math.round(rounds.bare[shape][i]!.perSec)}`).join(' ')}\n`);
  const ratio = (shape: Shape): number => pairRatio(rounds, shape);
  const mid = (side: Side, shape: Shape, key: keyof Round): number => medianOf(rounds, side, shape, key);
  return {
    telegram_placard_replies_per_sec: Math.round(mid('placard', 'steady', 'perSec')),
    telegram_bare_replies_per_sec: Math.round(mid('bare', 'steady', 'perSec')),
    telegram_throughput_ratio: ratio('steady'),
    telegram_burst_throughput_ratio: ratio('burst'),
    telegram_chatty_throughput_ratio: ratio('chatty'),
    telegram_uncached_throughput_ratio: ratio('uncached'),
    telegram_placard_cpu_us_per_reply: +mid('placard', 'steady', 'cpuUsPerAnswer').toFixed(1),
    telegram_bare_cpu_us_per_reply: +mid('bare', 'steady', 'cpuUsPerAnswer').toFixed(1),
    telegram_placard_uncached_cpu_us_per_reply: +mid('placard', 'uncached', 'cpuUsPerAnswer').toFixed(1),
    telegram_bare_uncached_cpu_us_per_reply: +mid('bare', 'uncached', 'cpuUsPerAnswer').toFixed(1),
    telegram_placard_p99_ms: +median(p99s.placard).toFixed(2),
    telegram_bare_p99_ms: +median(p99s.bare).toFixed(2),
  };
}

// As a child process (`bench/telegram.ts placard|bare`, forked by bench/pairs.ts): start the fake and the bot, warm up, answer.
await serveIfForked<RoundRequest<Shape> | LatencyRequest>(async (side) => {
  const tg = await fakeInWorker();
  const stop = await (side === 'placard' ? placard : bare)(tg);
  await tg.burst(1000, '/start'); // warm-up: JIT, sockets
  await tg.steady(100, 2000, '/next', 2000);
  const lastNext = await tg.lastText();
  await tg.steady(100, 2000, '/start', 2000);
  return {
    shown: [await tg.lastText(), lastNext],
    answer: async (req) => ('latency' in req ? { p99Ms: await tg.latency(req.latency, '/start') } : round(tg, req.shape)),
    stop: async () => { await stop(); await tg.close(); },
  };
});
