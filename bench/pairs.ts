/**
 * The pairs-of-processes method of the Telegram and Discord benches: Placard
 * against a bare bot of the same platform that answers fixed bodies, so what
 * differs is Placard's own work. Each side runs in a child process of its own
 * (its own heap, JIT and fake, the fake in a worker thread that times the
 * answers itself), forked from the bench's own module with the argument
 * `placard` or `bare`. A pair of processes, one per side, runs at once and
 * takes turns, a Placard round and a bare round back to back; every ratio is
 * the median over those pairs of rounds. A machine that slows down or speeds
 * up (these are shared) moves both halves of a pair alike, and a process that
 * happens to run slow for its whole life (it happens: JIT, placement) is
 * outvoted by the other pairs. An A/A run puts the bare bot in both slots: how
 * far its ratios stray from 1 is this machine's noise.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The two bots compared. */
export type Side = 'placard' | 'bare';

/** One round's figures, as a child process reports them. */
export interface Round {
  readonly perSec: number;
  /** CPU time of the bot's thread per answer (a Telegram reply, a Discord answer), in µs (NaN where /proc is missing). */
  readonly cpuUsPerAnswer: number;
}

/** Every round of a run, per side and shape, in the order they ran: Placard's i-th and bare's i-th of a shape are a pair. */
export type Rounds<S extends string> = Record<Side, Record<S, Round[]>>;

/**
 * CPU time used so far by this process's main thread (the bot; the fake runs
 * in a worker thread), from /proc, in ms: steadier than throughput on a busy
 * machine, since time spent waiting for a core is not counted.
 */
export async function mainThreadCpuMs(): Promise<number> {
  try {
    const stat = await readFile(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
  } catch {
    return NaN;
  }
}

/** One round in a child: `drive` makes the fake ask for `answers` answers and resolves with the fake's answers per second. */
export async function timedRound(answers: number, drive: () => Promise<number>): Promise<Round> {
  const cpu0 = await mainThreadCpuMs();
  const perSec = await drive();
  return { perSec, cpuUsPerAnswer: ((await mainThreadCpuMs()) - cpu0) * 1000 / answers };
}

/** What the parent asks a child for a round of a shape. */
export interface RoundRequest<S extends string> { readonly shape: S }
/** What the parent sends a child to end it. */
interface StopRequest { readonly stop: true }
const isStop = (req: object): req is StopRequest => 'stop' in req;

/** A side as its child process serves it, once its fake and bot are up and warmed up. */
export interface ServedSide<Req extends object> {
  /** What the bot answered to /start and /next after the warm-up; both sides must show the same. */
  readonly shown: readonly (string | undefined)[];
  /** Answers one of the parent's requests (a round, or a bench's own request). */
  answer(req: Req): Promise<unknown>;
  /** Stops the bot and closes the fake. */
  stop(): Promise<void>;
}

/**
 * A child process's life, when this process was forked as a side (argument
 * `placard` or `bare`): `start` starts the fake and the bot and warms up,
 * then the child answers the parent's requests one at a time. Does nothing
 * in any other process.
 */
export async function serveIfForked<Req extends object>(start: (side: Side) => Promise<ServedSide<Req>>): Promise<void> {
  const side = process.argv[2];
  if (!process.send || (side !== 'placard' && side !== 'bare')) return;
  const served = await start(side);
  process.on('message', (req: Req | StopRequest) => {
    void (async () => {
      if (isStop(req)) { await served.stop(); process.exit(0); }
      process.send!(await served.answer(req));
    })();
  });
  process.send({ ready: true, shown: served.shown });
}

/** A side in a child process of its own, answering one request at a time. */
interface SideProcess {
  readonly child: ChildProcess;
  readonly shown: readonly (string | null | undefined)[];
  ask<T>(req: object): Promise<T>;
}

/** A bench run by this method. */
export interface PairsPlan<S extends string> {
  /** The bench's name, in errors. */
  readonly bench: string;
  /** The bench module's `import.meta.url`: each side is that module forked (it calls `serveIfForked`). */
  readonly module: string;
  /** The load shapes, each a round per side in every pair of rounds, in this order. */
  readonly shapes: readonly S[];
  /** Pairs of processes, one Placard and one bare each, started one pair after another. */
  readonly processPairs: number;
  /** Pairs of rounds per shape and pair of processes: one Placard round and one bare round, back to back. */
  readonly pairs: number;
}

async function startSide(plan: PairsPlan<string>, side: Side): Promise<SideProcess> {
  const underTsx = plan.module.endsWith('.ts');
  const child = fork(fileURLToPath(plan.module), [side], { execArgv: underTsx ? ['--import', 'tsx'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(): Promise<T> => new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`${plan.bench} bench ${side} exited ${code}`));
    child.once('exit', onExit);
    child.once('message', (m) => { child.off('exit', onExit); resolve(m as T); });
  });
  const { shown } = await next<{ shown: (string | null)[] }>();
  return { child, shown, ask: <T>(req: object) => { const answer = next<T>(); child.send(req); return answer; } };
}

/** Asks a side of the current pair of processes a bench's own request. */
export type AskSide = <T>(side: Side, req: object) => Promise<T>;

/**
 * One pair of processes: both sides run at once, each with its own fake, and
 * take turns, a Placard round and a bare round back to back, the first of
 * each pair alternating. Adds the rounds to `rounds`; then `after` may ask
 * the sides more (Telegram's p99 latency) before they stop.
 */
async function processPair<S extends string, X>(plan: PairsPlan<S>, k: number, rounds: Rounds<S>, sameBots: boolean, after: (ask: AskSide) => Promise<X>): Promise<X> {
  const order: Side[] = k % 2 ? ['bare', 'placard'] : ['placard', 'bare'];
  const sides = {} as Record<Side, SideProcess>;
  try {
    for (const side of order) sides[side] = await startSide(plan, sameBots ? 'bare' : side);
    // Both must answer /start and /next alike, or the comparison means nothing ('null': Discord's masked nothing).
    const [p, b] = [sides.placard.shown, sides.bare.shown];
    if (p.length !== 2 || p.some((t, i) => !t || t === 'null' || t !== b[i])) throw new Error(`${plan.bench} bench: the two bots answered differently: ${JSON.stringify({ p, b })}`);
    for (let i = 0; i < plan.pairs; i++) {
      for (const shape of plan.shapes) {
        for (const side of (i % 2 ? [...order].reverse() : order)) rounds[side][shape].push(await sides[side].ask<Round>({ shape }));
      }
    }
    return await after((side, req) => sides[side].ask(req));
  } finally {
    for (const { child } of Object.values(sides)) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ stop: true });
      await exited;
    }
  }
}

/**
 * Every process pair's rounds, and what `after` answered for each pair; with
 * `sameBots`, both slots run the bare bot (an A/A run: the bench's own noise).
 */
export async function pairsOfRounds<S extends string, X = undefined>(
  plan: PairsPlan<S>, sameBots: boolean, after: (ask: AskSide) => Promise<X> = async () => undefined as X,
): Promise<{ rounds: Rounds<S>; after: X[] }> {
  const empty = (): Record<S, Round[]> => Object.fromEntries(plan.shapes.map((shape) => [shape, []])) as unknown as Record<S, Round[]>;
  const rounds: Rounds<S> = { placard: empty(), bare: empty() };
  const afters: X[] = [];
  for (let k = 0; k < plan.processPairs; k++) afters.push(await processPair(plan, k, rounds, sameBots, after));
  return { rounds, after: afters };
}

/** The median (the upper one of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Rounded to three decimals, as the ratios are reported. */
export const round3 = (x: number): number => +x.toFixed(3);

/** Placard's answers per second over the bare bot's, per pair of rounds. */
export const pairRatios = <S extends string>(rounds: Rounds<S>, shape: S): number[] =>
  rounds.placard[shape].map((p, i) => p.perSec / rounds.bare[shape][i]!.perSec);

/** The median over pairs of rounds of Placard's answers per second over the bare bot's, to three decimals. */
export const pairRatio = <S extends string>(rounds: Rounds<S>, shape: S): number => round3(median(pairRatios(rounds, shape)));

/** The median of one side's figure over its rounds of a shape. */
export const medianOf = <S extends string>(rounds: Rounds<S>, side: Side, shape: S, key: keyof Round): number =>
  median(rounds[side][shape].map((r) => r[key]));
