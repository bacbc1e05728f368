/**
 * Telegram: updates → replies per second and p99 latency through the
 * loopback Bot API fake, Placard's adapter against a bare grammY bot that
 * answers a fixed string (the same HTML Placard sends for /start, so both
 * cost the fake the same), in the same run. Both long-poll through
 * @grammyjs/runner.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '@grammyjs/runner';
import { TelegramAdapter } from '../adapters/telegram/adapter.js';
import { Dispatcher } from '../src/commands/dispatch.js';
import { createLogger } from '../src/log.js';
import { Bot } from 'grammy';
import { renderTelegramReply } from '../adapters/telegram/render.js';
import { startFakeTelegram, type FakeTelegram } from '../tests/fakes/telegram/index.js';
import { testServices } from '../tests/helpers/core.js';

type Starter = (tg: FakeTelegram) => Promise<() => Promise<void>>;

const placard: Starter = async (tg) => {
  const services = await testServices();
  const log = createLogger({ level: 'silent' });
  const adapter = new TelegramAdapter({ token: tg.token, apiRoot: tg.apiRoot, botInfo: tg.botInfo, services, log });
  const dispatcher = new Dispatcher(services, log);
  await adapter.start((inv) => dispatcher.dispatch(inv));
  await tg.waitFor(() => adapter.ready() || undefined);
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

/** Sends `count` commands spread over `chats` chats at once; resolves with replies per second. */
async function burst(tg: FakeTelegram, count: number, chats: number): Promise<number> {
  const before = tg.sent.length;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    tg.sendUserMessage({ chat: { id: 10_000 + (i % chats), type: 'private' }, from: { id: 10_000 + (i % chats), first_name: 'U' }, text: '/start' });
  }
  await tg.waitFor(() => tg.sent.length - before >= count || undefined, 120_000);
  return count / ((performance.now() - t0) / 1000);
}

/** One command at a time; resolves with the 99th percentile round trip in ms. */
async function latency(tg: FakeTelegram, count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const before = tg.sent.length;
    const t0 = performance.now();
    tg.sendUserMessage({ chat: { id: 777, type: 'private' }, from: { id: 777, first_name: 'U' }, text: '/start' });
    await tg.waitFor(() => tg.sent.length > before || undefined, 10_000);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length * 0.99)]!;
}

async function measure(start: Starter): Promise<{ perSec: number; p99Ms: number }> {
  const tg = await startFakeTelegram({ botUsername: 'placardbot' });
  const stop = await start(tg);
  try {
    // One update per chat: Placard handles each chat's updates in order (as it must),
    // the bare bot does not, so several updates of one chat would measure that rule, not overhead.
    await burst(tg, 1000, 1000); // warm-up: JIT, sockets
    const perSec = await burst(tg, 4000, 4000);
    const p99Ms = await latency(tg, 400);
    return { perSec, p99Ms };
  } finally {
    await stop();
    await tg.close();
  }
}

/** Runs one side in a child process of its own (a clean heap and JIT), returning its figures. */
function inChild(side: 'placard' | 'bare'): Promise<{ perSec: number; p99Ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), side], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`telegram bench ${side} exited ${code}`))));
  });
}

/**
 * Both sides, each in its own process, in the order placard, bare, bare,
 * placard (so neither always runs on a warmer or busier machine); each side's
 * best throughput and best p99 count.
 */
export async function benchTelegram(): Promise<Record<string, number>> {
  const runs = { placard: [] as { perSec: number; p99Ms: number }[], bare: [] as { perSec: number; p99Ms: number }[] };
  for (const side of ['placard', 'bare', 'bare', 'placard'] as const) runs[side].push(await inChild(side));
  const best = (r: { perSec: number; p99Ms: number }[]) => ({ perSec: Math.max(...r.map((x) => x.perSec)), p99Ms: Math.min(...r.map((x) => x.p99Ms)) });
  const p = best(runs.placard);
  const b = best(runs.bare);
  return {
    telegram_placard_replies_per_sec: Math.round(p.perSec),
    telegram_bare_replies_per_sec: Math.round(b.perSec),
    telegram_throughput_ratio: +(p.perSec / b.perSec).toFixed(3),
    telegram_placard_p99_ms: +p.p99Ms.toFixed(2),
    telegram_bare_p99_ms: +b.p99Ms.toFixed(2),
  };
}

// As a child process: `tsx bench/telegram.ts placard|bare` prints one JSON line.
const side = process.argv[2];
if (side === 'placard' || side === 'bare') {
  process.stdout.write(`${JSON.stringify(await measure(side === 'placard' ? placard : bare))}\n`);
  process.exit(0);
}
