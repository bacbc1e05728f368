/**
 * Discord: slash interactions → answers per second through the loopback fake
 * (REST + gateway), Placard's adapter against a bare discord.js bot that
 * answers with fixed bodies: Placard's own rendered /start and /next, embeds
 * and buttons, command mentions with the same ids, so both cost the fake the
 * same and what differs is Placard's own work (reading the interaction,
 * dispatch, rendering, the deferral timer). The fake runs in a worker thread
 * and times the answers itself, so the bot's process pays only for the bot.
 *
 * The method is the Telegram bench's: pairs of processes (one Placard, one
 * bare, each with its own heap, JIT and fake) running side by side and taking
 * turns, a Placard round and a bare round back to back; every ratio is the
 * median over those pairs of rounds. An A/A run (`discord-aa`) puts the bare
 * bot in both slots: how far its ratios stray from 1 is this machine's noise.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createDiscordAdapter, createDiscordRest, definitionWords, registerCommands, renderDiscordReply } from '../adapters/discord/index.js';
import { Dispatcher } from '../src/commands/dispatch.js';
import { createLogger } from '../src/log.js';
import { bareDiscordEchoClient, type EchoAnswer } from '../tests/fakes/discord/echo-client.js';
import { testServices } from '../tests/helpers/core.js';
import { BENCH_CHANNEL, BENCH_GUILD, discordInWorker, type DiscordInWorker } from './discord-thread.js';

type Side = 'placard' | 'bare';
type Starter = (dc: DiscordInWorker) => Promise<() => Promise<void>>;
const silent = createLogger({ level: 'silent' });

const placard: Starter = async (dc) => {
  const services = await testServices();
  const dispatcher = new Dispatcher(services, silent);
  const adapter = createDiscordAdapter({
    token: dc.token, applicationId: dc.applicationId, guildId: BENCH_GUILD, apiUrl: dc.restApi, services, languages: dispatcher, log: silent,
  });
  await adapter.start((inv) => dispatcher.dispatch(inv));
  return () => adapter.stop();
};

/**
 * The bare bot's fixed answers: Placard's /start and /next as Placard renders
 * them for a member in the bench's server, with command mentions of the same
 * commands registered in this process's fake (registration is set-up, not
 * measured).
 */
async function fixedAnswers(dc: DiscordInWorker): Promise<Record<string, EchoAnswer>> {
  const services = await testServices();
  const { ids } = await registerCommands({
    rest: createDiscordRest({ token: dc.token, apiUrl: dc.restApi }), applicationId: dc.applicationId, guildId: BENCH_GUILD,
    commands: services.commands, store: services.store, log: silent, words: definitionWords(services),
  });
  const dispatcher = new Dispatcher(services);
  const answer = async (command: string): Promise<EchoAnswer> => {
    const reply = await dispatcher.dispatch({
      command, text: '', chat: { platform: 'discord', chatId: BENCH_CHANNEL, kind: 'group' }, role: async () => 'member', locale: 'en-US', userLocale: 'en-US', now: new Date(),
    });
    const [first] = renderDiscordReply(reply, { commandId: (name) => ids[name], voice: dispatcher.voice('en') });
    return first ?? { content: '' };
  };
  return { start: await answer('start'), next: await answer('next') };
}

const bare: Starter = async (dc) => {
  const answers = await fixedAnswers(dc);
  const echo = await bareDiscordEchoClient(dc.restApi, dc.token, (name) => answers[name] ?? answers.start!);
  return () => echo.stop();
};

/** The load shapes, each `ANSWERS` answers. */
type Shape = 'steady' | 'burst' | 'uncached';
const SHAPES: readonly Shape[] = ['steady', 'burst', 'uncached'];
/** Pairs of processes, one Placard and one bare each, started one pair after another. */
const PROCESS_PAIRS = 4;
/** Pairs of rounds per shape and pair of processes: one Placard round and one bare round, back to back. */
const PAIRS = 3;
const ANSWERS = 2000;

/** One round's figures, as a child process reports them. */
interface Round {
  readonly perSec: number;
  /** CPU time of the bot's thread per answer, in µs (NaN where /proc is missing). */
  readonly cpuUsPerAnswer: number;
}

/** CPU time used so far by this process's main thread (the bot; the fake runs in a worker thread), in ms. */
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
 * - steady: 100 /start in flight, each answer bringing the next (a busy bot);
 * - burst: 2,000 /start at once;
 * - uncached: as steady, but /next, which depends on the time and the chat's
 *   zone, so Placard reads the chat's settings, builds and renders it every
 *   time (/start comes from the dispatcher's cache of content-only replies).
 *   Until 30 November 2026 this shape used /help, which is now cached per
 *   platform and language like /start; /next is the heavier of the two.
 */
async function round(dc: DiscordInWorker, shape: Shape): Promise<Round> {
  const cpu0 = await mainThreadCpuMs();
  const perSec = shape === 'burst' ? await dc.burst(ANSWERS, 'start') : await dc.steady(100, ANSWERS, shape === 'uncached' ? 'next' : 'start');
  return { perSec, cpuUsPerAnswer: ((await mainThreadCpuMs()) - cpu0) * 1000 / ANSWERS };
}

/** What the parent asks a child: a round of a shape, or to stop. */
type ChildRequest = { readonly shape: Shape } | { readonly stop: true };

/** A child process's life: start the fake and the bot, warm up, then answer the parent's requests one at a time. */
async function serveSide(side: Side): Promise<void> {
  const dc = await discordInWorker();
  const stop = await (side === 'placard' ? placard : bare)(dc);
  await dc.burst(500, 'start'); // warm-up: JIT, sockets
  await dc.steady(100, 1000, 'next');
  const lastNext = await dc.lastShown();
  await dc.steady(100, 1000, 'start');
  process.on('message', (req: ChildRequest) => {
    void (async () => {
      if ('stop' in req) { await stop(); await dc.close(); process.exit(0); }
      process.send!(await round(dc, req.shape));
    })();
  });
  process.send!({ ready: true, lastShown: [await dc.lastShown(), lastNext] });
}

/** A side in a child process of its own, answering one request at a time. */
async function startSide(side: Side): Promise<{ ask: <T>(req: ChildRequest) => Promise<T>; child: ChildProcess; lastShown: string[] }> {
  const underTsx = import.meta.url.endsWith('.ts');
  const child = fork(fileURLToPath(import.meta.url), [side], { execArgv: underTsx ? ['--import', 'tsx'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(): Promise<T> => new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`discord bench ${side} exited ${code}`));
    child.once('exit', onExit);
    child.once('message', (m) => { child.off('exit', onExit); resolve(m as T); });
  });
  const { lastShown } = await next<{ lastShown: string[] }>();
  return { child, lastShown, ask: <T>(req: ChildRequest) => { const answer = next<T>(); child.send(req); return answer; } };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

type Rounds = Record<Side, Record<Shape, Round[]>>;

/**
 * One pair of processes: both run at once, each with its own fake, and take
 * turns, a Placard round and a bare round back to back, the first of each
 * pair alternating. Adds the rounds to `rounds`.
 */
async function processPair(k: number, rounds: Rounds, sameBots: boolean): Promise<void> {
  const order: Side[] = k % 2 ? ['bare', 'placard'] : ['placard', 'bare'];
  const sides = {} as Record<Side, Awaited<ReturnType<typeof startSide>>>;
  try {
    for (const side of order) sides[side] = await startSide(sameBots ? 'bare' : side);
    // Both must show the same /start and /next, or the comparison means nothing.
    const [p, b] = [sides.placard.lastShown, sides.bare.lastShown];
    if (p.length !== 2 || p.some((t, i) => t === 'null' || t !== b[i])) throw new Error(`discord bench: the two bots answered differently: ${JSON.stringify({ p, b })}`);
    for (let i = 0; i < PAIRS; i++) {
      for (const shape of SHAPES) {
        for (const side of (i % 2 ? [...order].reverse() : order)) rounds[side][shape].push(await sides[side].ask<Round>({ shape }));
      }
    }
  } finally {
    for (const { child } of Object.values(sides)) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ stop: true });
      await exited;
    }
  }
}

/** Placard's answers per second over the bare bot's, per pair of rounds. */
const pairRatios = (rounds: Rounds, shape: Shape): number[] => rounds.placard[shape].map((p, i) => p.perSec / rounds.bare[shape][i]!.perSec);
const round3 = (x: number): number => +x.toFixed(3);

/** Every process pair's rounds; with `sameBots`, both slots run the bare bot (an A/A run). */
async function pairsOfRounds(sameBots: boolean): Promise<Rounds> {
  const empty = (): Record<Shape, Round[]> => ({ steady: [], burst: [], uncached: [] });
  const rounds: Rounds = { placard: empty(), bare: empty() };
  for (let k = 0; k < PROCESS_PAIRS; k++) await processPair(k, rounds, sameBots);
  return rounds;
}

/** The noise floor: the same run with the bare bot in both slots (`npm run bench -- discord-aa`). */
export async function benchDiscordNoise(): Promise<Record<string, number>> {
  const rounds = await pairsOfRounds(true);
  return Object.fromEntries(SHAPES.map((shape) => [`discord_aa_${shape}_ratio`, round3(median(pairRatios(rounds, shape)))]));
}

/**
 * Four pairs of processes, three pairs of rounds per shape in each: twelve
 * ratios per shape, and their median. The headline (`discord_throughput_ratio`)
 * is steady's; its lowest and highest pair show the spread.
 */
export async function benchDiscord(): Promise<Record<string, number>> {
  const rounds = await pairsOfRounds(false);
  const mid = (side: Side, shape: Shape, key: keyof Round): number => median(rounds[side][shape].map((r) => r[key]));
  const steady = pairRatios(rounds, 'steady');
  return {
    discord_placard_answers_per_sec: Math.round(mid('placard', 'steady', 'perSec')),
    discord_bare_answers_per_sec: Math.round(mid('bare', 'steady', 'perSec')),
    discord_throughput_ratio: round3(median(steady)),
    discord_steady_ratio_min: round3(Math.min(...steady)),
    discord_steady_ratio_max: round3(Math.max(...steady)),
    discord_burst_ratio: round3(median(pairRatios(rounds, 'burst'))),
    discord_uncached_ratio: round3(median(pairRatios(rounds, 'uncached'))),
    discord_placard_cpu_us_per_answer: +mid('placard', 'steady', 'cpuUsPerAnswer').toFixed(1),
    discord_bare_cpu_us_per_answer: +mid('bare', 'steady', 'cpuUsPerAnswer').toFixed(1),
    discord_placard_uncached_cpu_us_per_answer: +mid('placard', 'uncached', 'cpuUsPerAnswer').toFixed(1),
    discord_bare_uncached_cpu_us_per_answer: +mid('bare', 'uncached', 'cpuUsPerAnswer').toFixed(1),
  };
}

// As a child process (`bench/discord.ts placard|bare`, forked above).
const side = process.argv[2];
if (process.send && (side === 'placard' || side === 'bare')) await serveSide(side);
