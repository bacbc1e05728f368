/**
 * Telegram: updates → replies per second and p99 latency through the
 * loopback Bot API fake, Placard's adapter against a bare grammY bot that
 * answers a fixed string (the same HTML Placard sends for /start, so both
 * cost the fake the same), in the same run. Both long-poll through
 * @grammyjs/runner. The fake runs in a worker thread and times the replies
 * itself: like the real Telegram, it takes no CPU or heap from the bot.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { run } from '@grammyjs/runner';
import { TelegramAdapter } from '../adapters/telegram/adapter.js';
import { Dispatcher } from '../src/commands/dispatch.js';
import { createLogger } from '../src/log.js';
import { Bot } from 'grammy';
import { renderTelegramReply } from '../adapters/telegram/render.js';
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

/** The fixed answer of the baseline: Placard's own /start reply, so both send the same bytes and the fake parses the same HTML. */
async function startReplyHtml(): Promise<string> {
  const services = await testServices();
  const reply = await new Dispatcher(services).dispatch({
    command: 'start', text: '', chat: { platform: 'telegram', chatId: '1', kind: 'private' }, role: async () => 'admin', now: new Date(),
  });
  return renderTelegramReply(reply)[0]!.html;
}

const bare: Starter = async (tg) => {
  const html = await startReplyHtml();
  const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot }, botInfo: tg.botInfo });
  bot.on('message:text', (ctx) => ctx.reply(html, { parse_mode: 'HTML' }));
  const handle = run(bot, { runner: { silent: true } });
  return () => handle.stop();
};

/** One process's figures. */
interface Figures {
  /** Replies per second with 100 chats each waiting for its answer before asking again. */
  readonly perSec: number;
  /** Replies per second when 4,000 chats ask at once. */
  readonly burstPerSec: number;
  readonly p99Ms: number;
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

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** One side's figures: the median of three bursts of 4,000 (one update per chat), and p99 over 400 one-at-a-time round trips. */
async function measure(start: Starter): Promise<Figures> {
  const tg = await fakeInWorker();
  const stop = await start(tg);
  try {
    // One update per chat: Placard handles each chat's updates in order (as it must),
    // the bare bot does not, so several updates of one chat would measure that rule, not overhead.
    await tg.burst(1000, '/start'); // warm-up: JIT, sockets
    const bursts: number[] = [];
    for (let i = 0; i < 3; i++) bursts.push(await tg.burst(4000, '/start'));
    await tg.steady(100, 2000, '/start');
    const cpu0 = await mainThreadCpuMs();
    const steady: number[] = [];
    for (let i = 0; i < 3; i++) steady.push(await tg.steady(100, 4000, '/start'));
    const cpuUsPerReply = ((await mainThreadCpuMs()) - cpu0) * 1000 / 12_000;
    const p99Ms = await tg.latency(400, '/start');
    return { perSec: median(steady), burstPerSec: median(bursts), p99Ms, cpuUsPerReply };
  } finally {
    await stop();
    await tg.close();
  }
}

/** Runs one side in a child process of its own (a clean heap and JIT), returning its figures. */
function inChild(side: 'placard' | 'bare'): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), side], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`telegram bench ${side} exited ${code}`))));
  });
}

/**
 * Both sides, each in its own process (a clean heap and JIT), five times
 * each in the order P B B P P B B P P B, so neither always runs on a warmer
 * or busier machine. Each figure is the median over a side's processes.
 * The headline ratio is the steady one (100 chats, each waiting for its
 * answer); the burst ratio (4,000 chats at once) and the bot thread's CPU
 * time per reply are reported beside it.
 */
export async function benchTelegram(): Promise<Record<string, number>> {
  const runs: Record<'placard' | 'bare', Figures[]> = { placard: [], bare: [] };
  const order = ['placard', 'bare', 'bare', 'placard', 'placard', 'bare', 'bare', 'placard', 'placard', 'bare'] as const;
  for (const side of order) runs[side].push(await inChild(side));
  const mid = (side: 'placard' | 'bare', key: keyof Figures): number => median(runs[side].map((r) => r[key]));
  const ratio = (key: keyof Figures): number => +(mid('placard', key) / mid('bare', key)).toFixed(3);
  return {
    telegram_placard_replies_per_sec: Math.round(mid('placard', 'perSec')),
    telegram_bare_replies_per_sec: Math.round(mid('bare', 'perSec')),
    telegram_throughput_ratio: ratio('perSec'),
    telegram_burst_throughput_ratio: ratio('burstPerSec'),
    telegram_placard_cpu_us_per_reply: +mid('placard', 'cpuUsPerReply').toFixed(1),
    telegram_bare_cpu_us_per_reply: +mid('bare', 'cpuUsPerReply').toFixed(1),
    telegram_placard_p99_ms: +mid('placard', 'p99Ms').toFixed(2),
    telegram_bare_p99_ms: +mid('bare', 'p99Ms').toFixed(2),
  };
}

// As a child process: `tsx bench/telegram.ts placard|bare` prints one JSON line.
const side = process.argv[2];
if (side === 'placard' || side === 'bare') {
  process.stdout.write(`${JSON.stringify(await measure(side === 'placard' ? placard : bare))}\n`);
  process.exit(0);
}
