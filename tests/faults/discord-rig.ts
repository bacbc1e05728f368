/**
 * The Discord fault rig: the real DiscordAdapter (discord.js, gateway and
 * REST) against the loopback fake, the real Scheduler over a store with
 * subscribed channels, a clock that can jump (a paused platform waits
 * at least PAUSE_PROBE_MS), and a fan-out driver that measures a fault
 * row from what the fake actually received.
 */
import type { Adapter } from '../../src/adapter.js';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from '../../adapters/discord/index.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log.js';
import { Scheduler, type SchedulerOptions } from '../../src/schedule/scheduler.js';
import type { Store } from '../../src/store/store.js';
import { startFakeDiscord, type FakeDiscord, type FakeGuildInit } from '../fakes/discord/index.js';
import { testServices } from '../helpers/core.js';
import { seedSubscriptions } from '../schedule/harness.js';
import { DiscordRestProxy } from './discord-proxy.js';
import { FAST, FaultClock, LATE_MS, type Measured } from './fanout.js';
import { tickThroughFault } from './tick-loops.js';

/** The test server. */
export const G = '210000000000000001';
/** The test server's #general, not subscribed. */
export const GENERAL = '210000000000000002';

/** `count` channel ids of the test server (18-digit snowflakes). */
export const channelIds = (count: number): string[] => Array.from({ length: count }, (_, i) => `22000000000000${String(1000 + i)}`);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A {@link FaultClock} that can jump ahead, remembering when it did (to date what the fake received). */
export class JumpClock extends FaultClock {
  private base = Date.now();
  private readonly jumps: { readonly at: number; readonly ms: number }[] = [];
  override start(): void { super.start(); this.base = Date.now(); this.jumps.length = 0; }
  /** Moves the scheduler's time `ms` ahead (e.g. the minute a paused platform waits). */
  advance(ms: number): void { this.jumps.push({ at: Date.now(), ms }); }
  /** Time jumped so far, ms. */
  jumped(): number { return this.jumps.reduce((n, j) => n + j.ms, 0); }
  override elapsed(): number { return super.elapsed() + this.jumped(); }
  /** The scheduler's elapsed time at the real instant `t` (ms since the epoch). */
  elapsedAt(t: number): number { return t - this.base + this.jumps.filter((j) => j.at <= t).reduce((n, j) => n + j.ms, 0); }
}

/** Options of {@link startDiscordFaultRig}. */
export interface DiscordFaultRigOptions {
  /** Channels of the test server, subscribed unless `seed` is false. */
  readonly chats: number;
  /** Subscribe the channels in the store (default true). */
  readonly seed?: boolean;
  /** Put a {@link DiscordRestProxy} between the adapter and the fake. */
  readonly proxy?: boolean;
  readonly heartbeatIntervalMs?: number;
  /** Other servers the bot is in (the test server is {@link G}). */
  readonly otherGuilds?: readonly FakeGuildInit[];
  /** A store of the caller's (default: a fresh memory store); the rig does not close it. */
  readonly store?: Store;
  readonly adapter?: Partial<Omit<DiscordAdapterOptions, 'services' | 'log'>>;
  readonly scheduler?: Partial<SchedulerOptions>;
}

/** A running rig. */
export interface DiscordFaultRig {
  readonly dc: FakeDiscord;
  readonly proxy: DiscordRestProxy | undefined;
  readonly adapter: DiscordAdapter;
  readonly services: Services;
  readonly scheduler: Scheduler;
  readonly clock: JumpClock;
  /** The subscribed channels. */
  readonly ids: readonly string[];
  /** Every log line of the adapter and the scheduler (pino JSON, parsed). */
  readonly lines: Record<string, unknown>[];
  /** Reminders the fake holds for `channelId` (channel posts). */
  posts(channelId: string): number;
  close(): Promise<void>;
}

/** Starts the fake (and proxy), a started adapter, and a scheduler with `chats` subscribed channels. */
export async function startDiscordFaultRig(options: DiscordFaultRigOptions): Promise<DiscordFaultRig> {
  const ids = channelIds(options.chats);
  const dc = await startFakeDiscord({
    guilds: [{ id: G, name: 'Solidarity', channels: [{ id: GENERAL, name: 'general' }, ...ids.map((id, i) => ({ id, name: `chan-${i}` }))] }, ...(options.otherGuilds ?? [])],
    ...(options.heartbeatIntervalMs === undefined ? {} : { heartbeatIntervalMs: options.heartbeatIntervalMs }),
  });
  const proxy = options.proxy === true ? await DiscordRestProxy.start(dc.port) : undefined;
  const base = await testServices();
  const services: Services = { ...base, store: options.store ?? base.store };
  if (options.seed !== false) await seedSubscriptions(services.store, 'discord', ids);
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: 'info', destination: { write: (s: string) => { lines.push(JSON.parse(s) as Record<string, unknown>); } } });
  const adapter = createDiscordAdapter({
    token: dc.token, applicationId: dc.applicationId, guildId: G, apiUrl: proxy?.apiUrl ?? dc.restApi, services, log,
    retry: { initialMs: 50, maxMs: 300 }, probeIntervalMs: 100, ...options.adapter,
  });
  const dispatcher = new Dispatcher(services);
  await adapter.start((inv) => dispatcher.dispatch(inv));
  await adapter.registered();
  const clock = new JumpClock();
  const scheduler = new Scheduler({
    campaign: services.campaign, store: services.store, adapters: new Map([['discord', adapter]]), catchUpHours: 6,
    log: log.child({ component: 'reminders' }), clock: clock.now, ...FAST, ...options.scheduler,
  });
  return {
    dc, proxy, adapter, services, scheduler, clock, ids, lines,
    posts: (id) => dc.channelMessages(id).filter((m) => m.source === 'channel').length,
    close: async () => {
      await scheduler.stop();
      await adapter.stop();
      await proxy?.close();
      await dc.close();
      if (options.store === undefined) await services.store.close();
    },
  };
}

/** What a Discord run measured, with the worst delay of the chats the fault did not touch. */
export interface DiscordMeasured extends Measured {
  /** Worst delay (s) over `healthy` chats; 0 when none. */
  readonly healthySeconds: number;
}

/** Counts, from the fake's own records, who got the reminder, how often, and how late (scheduler time). */
export function measure(rig: DiscordFaultRig, ticks: number, timedOut: boolean, healthy: readonly string[] = []): DiscordMeasured {
  let lost = 0;
  let doubled = 0;
  const doubledChats: string[] = [];
  const delays = new Map<string, number>();
  for (const id of rig.ids) {
    const posts = rig.dc.channelMessages(id).filter((m) => m.source === 'channel');
    if (posts.length === 0) lost++;
    if (posts.length > 1) { doubled += posts.length - 1; doubledChats.push(id); }
    const first = posts[0];
    if (first) delays.set(id, rig.clock.elapsedAt(first.createdAt));
  }
  const s = (ms: number): number => Math.round(ms / 100) / 10;
  const worst = Math.max(0, ...delays.values());
  const worstHealthy = Math.max(0, ...healthy.map((id) => delays.get(id) ?? Number.POSITIVE_INFINITY));
  return {
    chats: rig.ids.length, lost, doubled, doubledChats, seconds: s(worst), healthySeconds: s(worstHealthy),
    late: [...delays.values()].filter((t) => t > LATE_MS).length, ticks: [ticks], timedOut,
  };
}

/**
 * Starts the clock at the due instant and ticks every `TICK_EVERY_MS`
 * while `fault` plays out, until it is done, a tick was quiet and every
 * channel has its reminder (or `deadlineMs` of real time passed): see
 * {@link tickThroughFault}.
 */
export async function runDiscordFanOut(rig: DiscordFaultRig, fault: () => Promise<void>, opts: { deadlineMs?: number; healthy?: readonly string[] } = {}): Promise<DiscordMeasured> {
  const { ticks, timedOut } = await tickThroughFault({
    scheduler: rig.scheduler, clock: rig.clock, fault, deadlineMs: opts.deadlineMs ?? 30_000,
    delivered: () => rig.ids.every((id) => rig.posts(id) > 0),
  });
  return measure(rig, ticks, timedOut, opts.healthy);
}

/** An HTTP server with `/readyz` wired as src/main.ts wires it: the store's ping and each adapter's readiness. */
export function readinessServer(store: Store, adapters: readonly Adapter[]): Promise<HttpServer> {
  const readiness: Record<string, () => Promise<string | undefined>> = {
    store: async () => store.ping().then(() => undefined, (e: unknown) => (e instanceof Error ? e.message : 'unreachable')),
  };
  for (const adapter of adapters) {
    const fallback = `not connected to ${adapter.name === 'telegram' ? 'the Bot API' : 'the Discord gateway'}`;
    readiness[adapter.name] = async () => (adapter.ready() ? undefined : adapter.notReadyReason?.() ?? fallback);
  }
  return startHttpServer({ port: 0, host: '127.0.0.1', readiness });
}

/** One `/readyz` answer and how long it took. */
export interface ReadyzAnswer {
  readonly status: number;
  readonly ms: number;
  readonly failures: Readonly<Record<string, string>>;
}

/** Asks `/readyz` once. */
export async function readyz(port: number): Promise<ReadyzAnswer> {
  const t0 = Date.now();
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  const body = (await res.json()) as { failures?: Record<string, string> };
  return { status: res.status, ms: Date.now() - t0, failures: body.failures ?? {} };
}

/** Polls `/readyz` every 50 ms until it answers `status`; resolves with the answers seen and the time taken. */
export async function readyzUntil(port: number, status: number, timeoutMs: number): Promise<{ ms: number; last: ReadyzAnswer; slowestMs: number }> {
  const t0 = Date.now();
  let slowest = 0;
  for (;;) {
    const last = await readyz(port);
    slowest = Math.max(slowest, last.ms);
    if (last.status === status) return { ms: Date.now() - t0, last, slowestMs: slowest };
    if (Date.now() - t0 > timeoutMs) return { ms: Number.POSITIVE_INFINITY, last, slowestMs: slowest };
    await sleep(50);
  }
}
