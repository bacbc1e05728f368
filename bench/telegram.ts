/**
 * Telegram: updates → replies per second and p99 latency through the
 * loopback Bot API fake, Placard's adapter against a bare grammY bot that
 * answers a fixed string (the same HTML Placard sends for the command, so
 * both cost the fake the same), in the same run. Both long-poll through
 * @grammyjs/runner. The fake runs in a worker thread and times the replies
 * itself: like the real Telegram, it takes no CPU or heap from the bot.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { run } from '@grammyjs/runner';
import { TelegramAdapter } from '../adapters/telegram/adapter.js';
import { Dispatcher } from '../src/commands/dispatch.js';
import { createLogger } from '../src/log.js';
import { Bot } from 'grammy';
import { prepareReply } from '../adapters/telegram/keyboard.js';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { testServices } from '../tests/helpers/core.js';
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

type Side = 'placard' | 'bare';
/** The load shapes, each `REPLIES` replies: a closed loop, or all at once for a burst. */
type Shape = 'steady' | 'burst' | 'chatty' | 'uncached';
const SHAPES: readonly Shape[] = ['steady', 'burst', 'chatty', 'uncached'];
/** Pairs of processes, one Placard and one bare each, started one pair after another. */
const PROCESS_PAIRS = 6;
/** Pairs of rounds per shape and pair of processes: one Placard round and one bare round, back to back. */
const PAIRS = 3;
const REPLIES = 3000;

/** One round's figures, as a child process reports them. */
interface Round {
  readonly perSec: number;
  /** CPU time of the bot's thread per reply, in µs (NaN where /proc is missing). */
  readonly cpuUsPerReply: number;
}

/**
 * CPU time used so far by this process's main thread (the bot; the fake runs
 * in a worker thread), from /proc, in ms: steadier than throughput on a busy
 * machine, since time spent waiting for a core is not counted.
 */
async function mainThreadCpuMs(): Promise<number> {
  try {
    const stat = await readFile(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
  } catch {
    return NaN;
  }
}

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
async function round(tg: FakeInWorker, shape: Shape): Promise<Round> {
  const cpu0 = await mainThreadCpuMs();
  const perSec = shape === 'burst' ? await tg.burst(REPLIES, '/start')
    : await tg.steady(100, REPLIES, shape === 'uncached' ? '/next' : '/start', shape === 'chatty' ? undefined : 2000);
  return { perSec, cpuUsPerReply: ((await mainThreadCpuMs()) - cpu0) * 1000 / REPLIES };
}

/** What the parent asks a child: a round of a shape, the p99 latency, or to stop. */
type ChildRequest = { readonly shape: Shape } | { readonly latency: number } | { readonly stop: true };

/** A child process's life: start the fake and the bot, warm up, then answer the parent's requests one at a time. */
async function serveSide(side: Side): Promise<void> {
  const tg = await fakeInWorker();
  const stop = await (side === 'placard' ? placard : bare)(tg);
  await tg.burst(1000, '/start'); // warm-up: JIT, sockets
  await tg.steady(100, 2000, '/next', 2000);
  const lastNext = await tg.lastText();
  await tg.steady(100, 2000, '/start', 2000);
  process.on('message', (req: ChildRequest) => {
    void (async () => {
      if ('stop' in req) { await stop(); await tg.close(); process.exit(0); }
      process.send!('latency' in req ? { p99Ms: await tg.latency(req.latency, '/start') } : await round(tg, req.shape));
    })();
  });
  process.send!({ ready: true, lastTexts: [await tg.lastText(), lastNext] });
}

/** A side in a child process of its own (its own heap and JIT), answering one request at a time. */
async function startSide(side: Side): Promise<{ ask: <T>(req: ChildRequest) => Promise<T>; child: ChildProcess; lastTexts: (string | undefined)[] }> {
  const underTsx = import.meta.url.endsWith('.ts');
  const child = fork(fileURLToPath(import.meta.url), [side], { execArgv: underTsx ? ['--import', 'tsx'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(): Promise<T> => new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`telegram bench ${side} exited ${code}`));
    child.once('exit', onExit);
    child.once('message', (m) => { child.off('exit', onExit); resolve(m as T); });
  });
  const { lastTexts } = await next<{ lastTexts: (string | undefined)[] }>();
  return { child, lastTexts, ask: <T>(req: ChildRequest) => { const answer = next<T>(); child.send(req); return answer; } };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

type Rounds = Record<Side, Record<Shape, Round[]>>;

/**
 * One pair of processes: both sides run at once, each with its own fake, and
 * take turns, a Placard round and a bare round back to back, the first of
 * each pair alternating. Adds the rounds to `rounds`; answers the p99s.
 */
async function processPair(k: number, rounds: Rounds, sameBots: boolean): Promise<Record<Side, number>> {
  const order: Side[] = k % 2 ? ['bare', 'placard'] : ['placard', 'bare'];
  const sides = {} as Record<Side, Awaited<ReturnType<typeof startSide>>>;
  try {
    for (const side of order) sides[side] = await startSide(sameBots ? 'bare' : side);
    // Both must answer /start and /next with the same texts, or the comparison means nothing.
    const [p, b] = [sides.placard.lastTexts, sides.bare.lastTexts];
    if (p.length !== 2 || p.some((t, i) => !t || t !== b[i])) throw new Error(`telegram bench: the two bots answered differently: ${JSON.stringify({ p, b })}`);
    for (let i = 0; i < PAIRS; i++) {
      for (const shape of SHAPES) {
        for (const side of (i % 2 ? [...order].reverse() : order)) rounds[side][shape].push(await sides[side].ask<Round>({ shape }));
      }
    }
    const p99 = async (side: Side): Promise<number> => (await sides[side].ask<{ p99Ms: number }>({ latency: 400 })).p99Ms;
    return { placard: await p99('placard'), bare: await p99('bare') };
  } finally {
    for (const { child } of Object.values(sides)) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ stop: true });
      await exited;
    }
  }
}

/** The median over pairs of rounds of Placard's replies per second over the bare bot's. */
const pairRatio = (rounds: Rounds, shape: Shape): number =>
  +median(rounds.placard[shape].map((p, i) => p.perSec / rounds.bare[shape][i]!.perSec)).toFixed(3);

/** Every process pair's rounds; with `sameBots`, both slots run the bare bot (an A/A run: the bench's own noise). */
async function pairsOfRounds(sameBots: boolean): Promise<{ rounds: Rounds; p99s: Record<Side, number[]> }> {
  const empty = (): Record<Shape, Round[]> => ({ steady: [], burst: [], chatty: [], uncached: [] });
  const rounds: Rounds = { placard: empty(), bare: empty() };
  const p99s: Record<Side, number[]> = { placard: [], bare: [] };
  for (let k = 0; k < PROCESS_PAIRS; k++) {
    const p99 = await processPair(k, rounds, sameBots);
    p99s.placard.push(p99.placard);
    p99s.bare.push(p99.bare);
  }
  return { rounds, p99s };
}

/**
 * The noise floor: the same run with the bare bot in both slots. Ratios
 * away from 1 here are the machine, not Placard. Runs only when named
 * (`npm run bench -- telegram-aa`).
 */
export async function benchTelegramNoise(): Promise<Record<string, number>> {
  const { rounds } = await pairsOfRounds(true);
  return Object.fromEntries(SHAPES.map((shape) => [`telegram_aa_${shape}_ratio`, pairRatio(rounds, shape)]));
}

/**
 * Six pairs of processes (see `processPair`), three pairs of rounds per
 * shape in each. The ratios are medians of the eighteen pairs' ratios: a
 * machine that slows down or speeds up (these are shared) moves both halves
 * of a pair alike, and a process that happens to run slow for its whole life
 * (it happens: JIT, placement) is outvoted by the other pairs. The headline
 * is the steady shape; the burst, chatty and uncached ratios, the bot
 * thread's CPU time per reply (steady and uncached shapes) and p99 latency
 * (one chat, one request at a time; median over the processes) are reported
 * beside it.
 */
export async function benchTelegram(): Promise<Record<string, number>> {
  const { rounds, p99s } = await pairsOfRounds(false);
  // Each pair as Placard/bare replies per second, so a reader can see the spread behind the medians.
  for (const shape of SHAPES) process.stdout.write(`telegram ${shape} pairs: ${rounds.placard[shape].map((p, i) => `${Math.round(p.perSec)}/${Math.round(rounds.bare[shape][i]!.perSec)}`).join(' ')}\n`);
  const ratio = (shape: Shape): number => pairRatio(rounds, shape);
  const mid = (side: Side, shape: Shape, key: keyof Round): number => median(rounds[side][shape].map((r) => r[key]));
  return {
    telegram_placard_replies_per_sec: Math.round(mid('placard', 'steady', 'perSec')),
    telegram_bare_replies_per_sec: Math.round(mid('bare', 'steady', 'perSec')),
    telegram_throughput_ratio: ratio('steady'),
    telegram_burst_throughput_ratio: ratio('burst'),
    telegram_chatty_throughput_ratio: ratio('chatty'),
    telegram_uncached_throughput_ratio: ratio('uncached'),
    telegram_placard_cpu_us_per_reply: +mid('placard', 'steady', 'cpuUsPerReply').toFixed(1),
    telegram_bare_cpu_us_per_reply: +mid('bare', 'steady', 'cpuUsPerReply').toFixed(1),
    telegram_placard_uncached_cpu_us_per_reply: +mid('placard', 'uncached', 'cpuUsPerReply').toFixed(1),
    telegram_bare_uncached_cpu_us_per_reply: +mid('bare', 'uncached', 'cpuUsPerReply').toFixed(1),
    telegram_placard_p99_ms: +median(p99s.placard).toFixed(2),
    telegram_bare_p99_ms: +median(p99s.bare).toFixed(2),
  };
}

// As a child process (`bench/telegram.ts placard|bare`, forked above).
const side = process.argv[2];
if (process.send && (side === 'placard' || side === 'bare')) await serveSide(side);
