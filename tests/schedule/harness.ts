/**
 * Test doubles for the reminder scheduler: a controlled clock whose sleep
 * advances it, a scripted adapter that records sends, a logger that keeps
 * its lines, and a store wrapper that counts calls.
 */
import type { Adapter, SendResult } from '../../src/adapter.js';
import type { ChatRef, Platform } from '../../src/chat.js';
import { createLogger, type Logger } from '../../src/log.js';
import type { RichMessage } from '../../src/rich/model.js';
import { CHAT_SETTINGS, type ChatSettings } from '../../src/store/chat-settings.js';
import type { Store } from '../../src/store/store.js';
import type { Campaign } from '../../src/content/campaign.js';
import { Scheduler, type SchedulerOptions } from '../../src/schedule/scheduler.js';
import { openStore } from '../../src/store/open.js';
import { shippedCampaign } from '../helpers/core.js';

/** A clock that only moves when told (or when `sleep` is awaited). */
export class TestClock {
  readonly sleeps: number[] = [];
  constructor(public ms: number) {}
  static at(iso: string): TestClock {
    return new TestClock(Date.parse(iso));
  }
  readonly now = (): Date => new Date(this.ms);
  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.ms += ms;
  };
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

/** One recorded send. */
export interface SentRecord {
  readonly target: ChatRef;
  readonly message: RichMessage;
}

/** An adapter whose `send` answers from a script per chat id (default: sent). */
export class ScriptedAdapter implements Adapter {
  readonly sent: SentRecord[] = [];
  readonly attempts: ChatRef[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly scripts = new Map<string, SendResult[]>();

  constructor(readonly name: Platform = 'telegram', private readonly delay: () => Promise<void> = async () => undefined) {}

  /** The next sends to `chatId` answer these results, in order; then `sent`. */
  script(chatId: string, ...results: SendResult[]): void {
    this.scripts.set(chatId, [...(this.scripts.get(chatId) ?? []), ...results]);
  }

  async start(): Promise<void> {}
  ready(): boolean { return true; }
  async stop(): Promise<void> {}

  async send(target: ChatRef, message: RichMessage): Promise<SendResult> {
    this.attempts.push(target);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.delay();
      const next = this.scripts.get(target.chatId)?.shift() ?? { kind: 'sent' };
      if (next.kind === 'sent') this.sent.push({ target, message });
      return next;
    } finally {
      this.inFlight--;
    }
  }

  /** Chat ids sent to, with how many times. */
  counts(): Map<string, number> {
    const m = new Map<string, number>();
    for (const s of this.sent) m.set(s.target.chatId, (m.get(s.target.chatId) ?? 0) + 1);
    return m;
  }
}

/** A logger that keeps its JSON lines. */
export function memoryLogger(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: 'debug', destination: { write: (s: string) => { lines.push(JSON.parse(s) as Record<string, unknown>); } } });
  return { log, lines };
}

/** Wraps a store, counting every call by method name. */
export function countingStore(inner: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, calls };
}

/** Subscribes chats directly in the store (as /subscribe would). */
export async function seedSubscriptions(
  store: Store, platform: Platform, chatIds: readonly (string | number)[], settings: ChatSettings = {},
): Promise<void> {
  for (const id of chatIds) {
    await store.set<ChatSettings>(CHAT_SETTINGS, `${platform}:${id}`, {
      subscribed: true, timeZone: 'Asia/Almaty', reminderTime: '09:00', kind: 'group', ...settings,
    });
  }
}

/** What the scheduler unit tests share: the shipped campaign, a memory store with subscribed chats, a test clock, a scripted adapter and a logger. */
export interface SchedulerRig {
  readonly campaign: Campaign;
  readonly store: Store;
  readonly clock: TestClock;
  readonly adapter: ScriptedAdapter;
  readonly logged: ReturnType<typeof memoryLogger>;
}

/** A fresh rig at 2026-12-16 04:00 UTC (09:00 in Almaty) with `chatIds` subscribed on Telegram. */
export async function schedulerRig(chatIds: readonly string[]): Promise<SchedulerRig> {
  const rig = {
    campaign: await shippedCampaign(), store: await openStore('memory://'), clock: TestClock.at('2026-12-16T04:00:00Z'),
    adapter: new ScriptedAdapter(), logged: memoryLogger(),
  };
  await seedSubscriptions(rig.store, 'telegram', chatIds);
  return rig;
}

/** A scheduler on the rig's store, clock and logger; the rig's adapter unless `adapters` is given. */
export function rigScheduler(rig: SchedulerRig, extra: Partial<SchedulerOptions> = {}, adapters?: ReadonlyMap<Platform, Adapter>): Scheduler {
  const { campaign, store, clock, logged } = rig;
  return new Scheduler({
    campaign, store, adapters: adapters ?? new Map([['telegram', rig.adapter]]), catchUpHours: 6, log: logged.log, clock: clock.now, sleep: clock.sleep, ...extra,
  });
}
