/**
 * The Signal fault rig: the real SignalAdapter against the signal-cli daemon
 * fake, the real Scheduler over a memory store with subscribed groups (and
 * people), a clock that can jump (a paused platform waits at least
 * PAUSE_PROBE_MS, at most PAUSE_MS), and a fan-out driver that measures a
 * fault row from what the fake actually took.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { SignalAdapter, type SignalAdapterOptions } from '../../adapters/signal/adapter.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import { createLogger } from '../../src/log.js';
import { Scheduler, type SchedulerOptions } from '../../src/schedule/scheduler.js';
import { startFakeSignal, type FakeSignal } from '../fakes/signal/index.js';
import { testServices } from '../helpers/core.js';
import { seedSubscriptions } from '../schedule/harness.js';
import { JumpClock } from './discord-rig.js';
import { FAST, LATE_MS, type Measured } from './fanout.js';
import { tickThroughFault } from './tick-loops.js';

/** Options of {@link startSignalFaultRig}. */
export interface SignalFaultRigOptions {
  /** Subscribed groups the bot is in. */
  readonly groups: number;
  /** Subscribed private chats (people, by ACI). */
  readonly people?: number;
  readonly adapter?: Partial<Omit<SignalAdapterOptions, 'services' | 'log' | 'url' | 'account'>>;
  readonly scheduler?: Partial<SchedulerOptions>;
  readonly keepAliveMs?: number;
}

/** A running rig. */
export interface SignalFaultRig {
  readonly sig: FakeSignal;
  readonly adapter: SignalAdapter;
  readonly services: Services;
  readonly scheduler: Scheduler;
  readonly clock: JumpClock;
  /** Every subscribed chat: groups first, then people. */
  readonly ids: readonly string[];
  readonly groups: readonly string[];
  readonly people: readonly string[];
  /** Every log line (pino JSON, parsed). */
  readonly lines: Record<string, unknown>[];
  /** Reminders the fake took for a chat. */
  posts(chatId: string): number;
  close(): Promise<void>;
}

/** Paced well above the suite's needs: the faults, not the pacing, are measured. */
const QUICK = { global: { count: 200, perMs: 1000 }, perChat: { count: 5, perMs: 1000 } };

/** Starts the fake and a ready adapter, and a scheduler over the subscribed chats. */
export async function startSignalFaultRig(options: SignalFaultRigOptions): Promise<SignalFaultRig> {
  const sig = await startFakeSignal({ keepAliveMs: options.keepAliveMs ?? 15_000 });
  // Each group has a member besides the bot: signal-cli reports a send's outcome per member.
  const groups = Array.from({ length: options.groups }, () => sig.addGroup({
    id: randomBytes(32).toString('base64'), name: 'Group', members: [{ person: { uuid: randomUUID() }, admin: true }],
  }));
  const people = Array.from({ length: options.people ?? 0 }, () => randomUUID());
  const services = await testServices();
  await seedSubscriptions(services.store, 'signal', groups);
  await seedSubscriptions(services.store, 'signal', people, { kind: 'private' });
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: 'info', secrets: [sig.account], destination: { write: (s: string) => { lines.push(JSON.parse(s) as Record<string, unknown>); } } });
  const adapter = new SignalAdapter({
    url: sig.url, account: sig.account, services, log, limits: QUICK, backoff: { initialMs: 50, maxMs: 300 }, probeIntervalMs: 100,
    timeouts: { send: 2_000, api: 2_000 }, ...options.adapter,
  });
  await adapter.start((inv) => new Dispatcher(services).dispatch(inv));
  await sig.waitFor(() => adapter.ready() || undefined, 5000, 'the adapter to be ready');
  const clock = new JumpClock();
  const scheduler = new Scheduler({
    campaign: services.campaign, store: services.store, adapters: new Map([['signal', adapter]]), catchUpHours: 6,
    log: log.child({ component: 'reminders' }), clock: clock.now, ...FAST, ...options.scheduler,
  });
  return {
    sig, adapter, services, scheduler, clock, ids: [...groups, ...people], groups, people, lines,
    posts: (id) => sig.sentTo(id).length,
    close: async () => { await scheduler.stop(); await adapter.stop(); await sig.close(); await services.store.close(); },
  };
}

/** Counts, from the fake's own records, who got the reminder, how often, and how late; `expected` are the chats that should. */
export function measure(rig: SignalFaultRig, ticks: number, timedOut: boolean, expected: readonly string[] = rig.ids): Measured {
  let lost = 0;
  let doubled = 0;
  const doubledChats: string[] = [];
  const delays: number[] = [];
  for (const id of expected) {
    const posts = rig.sig.sentTo(id);
    if (posts.length === 0) lost++;
    if (posts.length > 1) { doubled += posts.length - 1; doubledChats.push(id.slice(0, 8)); }
    if (posts[0]) delays.push(rig.clock.elapsedAt(posts[0].at));
  }
  const worst = Math.max(0, ...delays);
  return {
    chats: expected.length, lost, doubled, doubledChats, seconds: Math.round(worst / 100) / 10,
    late: delays.filter((t) => t > LATE_MS).length, ticks: [ticks], timedOut,
  };
}

/**
 * Starts the clock at the due instant and ticks every `TICK_EVERY_MS`
 * while `fault` plays out, until it is done, a tick was quiet and every
 * expected chat has its reminder (or `deadlineMs` of real time passed): see
 * {@link tickThroughFault}.
 */
export async function runSignalFanOut(rig: SignalFaultRig, fault: () => Promise<void>, opts: { deadlineMs?: number; expected?: readonly string[] } = {}): Promise<Measured> {
  const expected = opts.expected ?? rig.ids;
  const { ticks, timedOut } = await tickThroughFault({
    scheduler: rig.scheduler, clock: rig.clock, fault, deadlineMs: opts.deadlineMs ?? 30_000,
    delivered: () => expected.every((id) => rig.posts(id) > 0),
  });
  return measure(rig, ticks, timedOut, expected);
}
