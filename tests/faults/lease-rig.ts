/**
 * Several Scheduler instances in one process sharing one store and one
 * platform that enforces a send limit, for the fan-out lease tests (one send
 * budget per bot, see src/schedule/lease.ts). Each instance has its own
 * adapter and pacer, as separate processes would; the platform answers a
 * whole-bot 429 past its limit, counts who sent what and when.
 *
 * Scenarios: every instance ticking (only one may drive), the driver frozen
 * mid fan-out (its store calls and sends never answer again: kill -9 as the
 * others see it), the driver's lease taken from under it. Real time, short
 * leases (1.5 s, renewed every 0.5 s), a scaled limit.
 */
import type { Adapter, SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import type { Campaign } from '../../src/content/campaign.js';
import { createLogger, type Logger } from '../../src/log.js';
import type { RichMessage } from '../../src/rich/model.js';
import { Pacer } from '../../src/schedule/pacer.js';
import { Scheduler, type TickReport } from '../../src/schedule/scheduler.js';
import type { Store } from '../../src/store/store.js';
import { FaultClock, seed, chatIds } from './fanout.js';

export { chatIds, seed };

/** Lease settings of the rig: short, so a takeover takes about 2 s. */
export const LEASE = { fanOutLeaseMs: 1_500, fanOutRenewMs: 500 } as const;
/** Sends in flight per instance. */
export const CONCURRENCY = 16;

const never = new Promise<never>(() => undefined);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One message the platform took. */
export interface Taken { readonly at: number; readonly chatId: string; readonly instance: string }

/** A platform enforcing `perSecond` messages in any one-second window, for the whole bot. */
export class LimitedPlatform {
  readonly taken: Taken[] = [];
  readonly counts = new Map<string, number>();
  tooMany = 0;
  /** Called after each message taken, with how many in all. */
  onTaken: ((total: number) => void) | undefined;
  private recent: number[] = [];

  constructor(readonly perSecond: number) {}

  accept(chatId: string, instance: string): SendResult {
    const at = performance.now();
    let drop = 0;
    while (drop < this.recent.length && this.recent[drop]! <= at - 1000) drop++;
    if (drop > 0) this.recent = this.recent.slice(drop);
    if (this.recent.length >= this.perSecond) {
      this.tooMany++;
      return { kind: 'retryAfter', ms: 1000, scope: 'bot' };
    }
    this.recent.push(at);
    this.taken.push({ at, chatId, instance });
    this.counts.set(chatId, (this.counts.get(chatId) ?? 0) + 1);
    this.onTaken?.(this.taken.length);
    return { kind: 'sent' };
  }

  /** Messages beyond one per chat. */
  doubled(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c - 1;
    return n;
  }

  /** How often the sender changes along the time-ordered messages (0: one instance sent them all). */
  switches(): number {
    let n = 0;
    for (let i = 1; i < this.taken.length; i++) if (this.taken[i]!.instance !== this.taken[i - 1]!.instance) n++;
    return n;
  }
}

/** One instance's adapter: its own pacer at the platform's limit, as a separate process has. */
export class PacedAdapter implements Adapter {
  readonly name = 'telegram' as const;
  /** When `send` was called (before pacing), monotonic ms. */
  readonly calls: number[] = [];
  frozen = false;
  private readonly pacer: Pacer;

  constructor(private readonly platform: LimitedPlatform, readonly instance: string) {
    this.pacer = new Pacer({ global: { count: platform.perSecond, perMs: 1000 }, perChat: { count: 1, perMs: 1000 } });
  }

  async start(): Promise<void> {}
  ready(): boolean { return true; }
  async stop(): Promise<void> {}

  async send(target: ChatRef, _message: RichMessage): Promise<SendResult> {
    if (this.frozen) return never;
    this.calls.push(performance.now());
    await this.pacer.wait(target.chatId, false);
    if (this.frozen) return never;
    return this.platform.accept(target.chatId, this.instance);
  }
}

/** `inner` until `freeze()`; after it, every call never answers (a process stopped dead, as the store sees it). */
export function freezable(inner: Store): { store: Store; freeze: () => void } {
  let frozen = false;
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (frozen ? never : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
  return { store, freeze: () => { frozen = true; } };
}

/** A logger that keeps its lines, each with the monotonic time it was written. */
function timedLogger(): { log: Logger; lines: { at: number; msg: string }[] } {
  const lines: { at: number; msg: string }[] = [];
  const log = createLogger({ level: 'info', destination: { write: (s: string) => { lines.push({ at: performance.now(), msg: String((JSON.parse(s) as { msg?: unknown }).msg) }); } } });
  return { log, lines };
}

/** One instance of a run. */
export interface LeaseInstance {
  readonly name: string;
  readonly scheduler: Scheduler;
  readonly adapter: PacedAdapter;
  readonly lines: { at: number; msg: string }[];
  /** Freezes its store and its sends for good. */
  readonly freeze: () => void;
  /** True once frozen. */
  readonly frozen: () => boolean;
}

/** Builds instance `name` on `store` (its own connection, or a shared store object). */
export function leaseInstance(name: string, campaign: Campaign, store: Store, platform: LimitedPlatform, clock: FaultClock): LeaseInstance {
  const handle = freezable(store);
  const adapter = new PacedAdapter(platform, name);
  const { log, lines } = timedLogger();
  const scheduler = new Scheduler({
    campaign, store: handle.store, adapters: new Map([['telegram', adapter]]), catchUpHours: 6, log, clock: clock.now,
    instanceId: `rig-${name}`, ...LEASE, leaseMs: 3_000, backoffMs: 50, sendTimeoutMs: 1_500, concurrency: CONCURRENCY,
  });
  return { name, scheduler, adapter, lines, freeze: () => { handle.freeze(); adapter.frozen = true; }, frozen: () => adapter.frozen };
}

/** Ticks every live instance every 100 ms until each of `ids` got its message (or `deadlineMs`), then stops the live ones. */
export async function runUntilDelivered(instances: readonly LeaseInstance[], ids: readonly string[], platform: LimitedPlatform, clock: FaultClock, deadlineMs = 60_000): Promise<{ reports: (TickReport | undefined)[]; timedOut: boolean }> {
  clock.start();
  const all = (): boolean => ids.every((id) => platform.counts.has(id));
  const reports: (TickReport | undefined)[] = instances.map(() => undefined);
  let timedOut = false;
  await Promise.all(instances.map(async (inst, k) => {
    while (!all() && !inst.frozen()) {
      if (clock.elapsed() > deadlineMs) { timedOut = true; return; }
      // A frozen instance's tick never ends: do not wait for it.
      reports[k] = await Promise.race([inst.scheduler.tick(), waitUntil(inst.frozen).then(() => undefined)]);
      await sleep(100);
    }
  }));
  await Promise.all(instances.filter((i) => !i.frozen()).map((i) => i.scheduler.stop()));
  return { reports, timedOut };
}

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(20);
}

/** Chats that got no message. */
export const lost = (ids: readonly string[], platform: LimitedPlatform): number => ids.filter((id) => !platform.counts.has(id)).length;

/** Messages each instance had taken. */
export function takenBy(platform: LimitedPlatform): Record<string, number> {
  const by: Record<string, number> = {};
  for (const t of platform.taken) by[t.instance] = (by[t.instance] ?? 0) + 1;
  return by;
}

export { FaultClock };
