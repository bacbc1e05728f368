/**
 * Discord: slash interactions → answers per second through the loopback fake
 * (REST + gateway), Placard's adapter against a bare discord.js bot that
 * answers with fixed bodies: Placard's own rendered /start and /next, embeds
 * and buttons, command mentions with the same ids, so both cost the fake the
 * same and what differs is Placard's own work (reading the interaction,
 * dispatch, rendering, the deferral timer). The fake runs in a worker thread
 * and times the answers itself, so the bot's process pays only for the bot.
 *
 * The method is the Telegram bench's, in bench/pairs.ts: pairs of processes
 * (one Placard, one bare, each with its own heap, JIT and fake) running side
 * by side and taking turns, a Placard round and a bare round back to back;
 * every ratio is the median over those pairs of rounds. An A/A run
 * (`discord-aa`) puts the bare bot in both slots: how far its ratios stray
 * from 1 is this machine's noise.
 */
import { createDiscordAdapter, createDiscordRest, definitionWords, registerCommands, renderDiscordReply } from '../adapters/discord/index.js';
import { Dispatcher } from '../src/commands/dispatch.js';
import { createLogger } from '../src/log.js';
import { bareDiscordEchoClient, type EchoAnswer } from '../tests/fakes/discord/echo-client.js';
import { testServices } from '../tests/helpers/core.js';
import { BENCH_CHANNEL, BENCH_GUILD, discordInWorker, type DiscordInWorker } from './discord-thread.js';
import { median, medianOf, pairRatio, pairRatios, pairsOfRounds, round3, serveIfForked, timedRound, type PairsPlan, type Round, type RoundRequest, type Side } from './pairs.js';

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
const ANSWERS = 2000;
/** Four pairs of processes, three pairs of rounds per shape in each (see bench/pairs.ts). */
const PLAN: PairsPlan<Shape> = { bench: 'discord', module: import.meta.url, shapes: ['steady', 'burst', 'uncached'], processPairs: 4, pairs: 3 };

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
const round = (dc: DiscordInWorker, shape: Shape): Promise<Round> =>
  timedRound(ANSWERS, () => (shape === 'burst' ? dc.burst(ANSWERS, 'start') : dc.steady(100, ANSWERS, shape === 'uncached' ? 'next' : 'start')));

/** The noise floor: the same run with the bare bot in both slots (`npm run bench -- discord-aa`). */
export async function benchDiscordNoise(): Promise<Record<string, number>> {
  const { rounds } = await pairsOfRounds(PLAN, true);
  return Object.fromEntries(PLAN.shapes.map((shape) => [`discord_aa_${shape}_ratio`, pairRatio(rounds, shape)]));
}

/**
 * Four pairs of processes, three pairs of rounds per shape in each: twelve
 * ratios per shape, and their median. The headline (`discord_throughput_ratio`)
 * is steady's; its lowest and highest pair show the spread.
 */
export async function benchDiscord(): Promise<Record<string, number>> {
  const { rounds } = await pairsOfRounds(PLAN, false);
  const mid = (side: Side, shape: Shape, key: keyof Round): number => medianOf(rounds, side, shape, key);
  const steady = pairRatios(rounds, 'steady');
  return {
    discord_placard_answers_per_sec: Math.round(mid('placard', 'steady', 'perSec')),
    discord_bare_answers_per_sec: Math.round(mid('bare', 'steady', 'perSec')),
    discord_throughput_ratio: round3(median(steady)),
    discord_steady_ratio_min: round3(Math.min(...steady)),
    discord_steady_ratio_max: round3(Math.max(...steady)),
    discord_burst_ratio: pairRatio(rounds, 'burst'),
    discord_uncached_ratio: pairRatio(rounds, 'uncached'),
    discord_placard_cpu_us_per_answer: +mid('placard', 'steady', 'cpuUsPerAnswer').toFixed(1),
    discord_bare_cpu_us_per_answer: +mid('bare', 'steady', 'cpuUsPerAnswer').toFixed(1),
    discord_placard_uncached_cpu_us_per_answer: +mid('placard', 'uncached', 'cpuUsPerAnswer').toFixed(1),
    discord_bare_uncached_cpu_us_per_answer: +mid('bare', 'uncached', 'cpuUsPerAnswer').toFixed(1),
  };
}

// As a child process (`bench/discord.ts placard|bare`, forked by bench/pairs.ts): start the fake and the bot, warm up, answer.
await serveIfForked<RoundRequest<Shape>>(async (side) => {
  const dc = await discordInWorker();
  const stop = await (side === 'placard' ? placard : bare)(dc);
  await dc.burst(500, 'start'); // warm-up: JIT, sockets
  await dc.steady(100, 1000, 'next');
  const lastNext = await dc.lastShown();
  await dc.steady(100, 1000, 'start');
  return {
    shown: [await dc.lastShown(), lastNext],
    answer: (req) => round(dc, req.shape),
    stop: async () => { await stop(); await dc.close(); },
  };
});
