/**
 * The scale rig: a fake Telegram, three (or more) `placard serve` processes
 * in webhook mode on one store, and a real HAProxy in front of them. The
 * test (haproxy.test.ts) and the bench (bench/scale.ts) drive it the same
 * way: updates POSTed to HAProxy as Telegram would, then an anniversary
 * fan-out against the fake enforcing a limit (see anniversary-run.ts).
 */
import { randomBytes } from 'node:crypto';
import type { FakeDiscord } from '../fakes/discord/index.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram/index.js';
import { dueSlot, groupChatIds, removeCampaign, seedSubscriptions, writeDueCampaign, type DueSlot, type RawStore } from './anniversary.js';
import { startCluster, type Instance } from './cluster.js';
import { saveEndpoint, startDiscord } from './discord.js';
import { FanOutGate } from './gate.js';
import { HaProxy } from './haproxy.js';

/** Options of {@link ScaleRig.start}. */
export interface ScaleRigOptions {
  /** `redis://…` or `postgres://…`: the one store of every instance. */
  readonly storeUrl: string;
  /** The same store, for reading claims raw. */
  readonly raw: RawStore;
  readonly instances?: number;
  /** Telegram's limit in all, scaled: the fake enforces it and the instances' pacers are told it. */
  readonly perSecond: number;
  /** What the pacers are told instead (to measure the margin pacing over a network needs); default `perSecond`. */
  readonly pacerPerSecond?: number;
  /** The claim lease of the instances (production: 3 minutes), so a killed instance's claims lapse soon. */
  readonly leaseMs?: number;
  /** More scheduler options for the instances (e.g. the send budget's lease, when it exists). */
  readonly scheduler?: Readonly<Record<string, unknown>>;
  /** Also Discord over HTTP interactions through HAProxy (a Discord fake; `DISCORD_PUBLIC_KEY`). */
  readonly discord?: boolean;
  /**
   * Chats of the anniversary: subscribed before the instances start, the
   * fan-out held back (gate.ts, holding the send budget's lease) until
   * `runAnniversary`. Without them, `runAnniversary` subscribes its chats
   * and the instances re-read the subscriptions every second to notice them.
   */
  readonly chats?: number;
}

/** What one batch of webhook updates through HAProxy came to. */
export interface WebhookBatch {
  readonly posted: number;
  /** HTTP statuses HAProxy answered, by status. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Chats that got exactly one answer. */
  readonly answeredOnce: number;
  /** Chats that got none / more than one. */
  readonly unanswered: number;
  readonly answeredTwice: number;
  /** Commands each instance answered in this batch (its own metrics). */
  readonly perInstance: Readonly<Record<string, number>>;
}

let nextChat = 5_000_000;

/** Telegram's limit in all, messages per second, which production's concurrency (16) is sized for. */
const PRODUCTION_PER_SECOND = 30;
/** The scheduler's concurrency in production. */
const PRODUCTION_CONCURRENCY = 16;

/**
 * Sends in flight, scaled with the limit as the rest is. A worker holds its
 * job for a claim, its paced slot, the send and the mark; at 30/s 16 workers
 * cover round trips up to half a second, at a tenfold limit only up to 50 ms,
 * which a busy shared machine exceeds (Postgres then fell to 72 % of the
 * limit). Scaling keeps the model of production: the same round trips
 * against the same share of the budget.
 */
export function scaledConcurrency(perSecond: number): number {
  return Math.max(PRODUCTION_CONCURRENCY, Math.ceil(PRODUCTION_CONCURRENCY * perSecond / PRODUCTION_PER_SECOND));
}

/** A started rig; `close()` stops everything it started. */
export class ScaleRig {
  private constructor(
    readonly tg: FakeTelegram, readonly dc: FakeDiscord | undefined, readonly instances: Instance[], readonly proxy: HaProxy, readonly slot: DueSlot,
    readonly options: ScaleRigOptions, private readonly contentDir: string, readonly webhookPath: string, readonly secret: string,
    /** The fan-out held back, with the chats already subscribed; undefined without the send budget. */
    readonly gate: FanOutGate | undefined,
  ) {}

  /** Starts the fake, the instances (waits until each is ready) and HAProxy (waits until it sees them all up). */
  static async start(options: ScaleRigOptions): Promise<ScaleRig> {
    const tg = await startFakeTelegram({ botUsername: 'placardbot' });
    const discord = options.discord ? await startDiscord() : undefined;
    const slot = dueSlot();
    const contentDir = writeDueCampaign(slot);
    const webhookPath = `/telegram/${randomBytes(6).toString('hex')}`;
    const secret = randomBytes(12).toString('hex');
    const instances: Instance[] = [];
    let gate: FanOutGate | undefined;
    let proxy: HaProxy | undefined;
    try {
      if (options.chats !== undefined) {
        gate = await FanOutGate.hold(options.storeUrl);
        await seedSubscriptions(options.storeUrl, groupChatIds(options.chats), slot);
      }
      instances.push(...await startCluster({
        size: options.instances ?? 3, storeUrl: options.storeUrl, contentDir,
        telegram: { token: tg.token, apiRoot: tg.apiRoot, webhookUrl: `https://placard.example${webhookPath}`, secret },
        ...(discord ? { discord: discord.env } : {}),
        tuning: {
          tickEveryMs: 1000, telegramPerSecond: options.pacerPerSecond ?? options.perSecond,
          scheduler: {
            leaseMs: options.leaseMs ?? 10_000, sendTimeoutMs: 5000, ...(gate ? {} : { subscriptionsTtlMs: 1000 }),
            concurrency: scaledConcurrency(options.pacerPerSecond ?? options.perSecond),
            // The send budget's fan-out lease (production 15 s, renewed every 5 s): a killed driver is replaced within seconds.
            fanOutLeaseMs: 6_000, fanOutRenewMs: 2_000, ...options.scheduler,
          },
        },
      }));
      proxy = await HaProxy.start(instances.map((i) => ({ name: i.name, port: i.port })));
      await proxy.waitFor(instances.map((i) => i.name), 'UP');
      if (discord) await saveEndpoint(discord.dc, `${proxy.url}/discord/interactions`);
      return new ScaleRig(tg, discord?.dc, instances, proxy, slot, options, contentDir, webhookPath, secret, gate);
    } catch (error: unknown) {
      await Promise.allSettled(instances.map((i) => i.kill9()));
      await proxy?.stop();
      await gate?.open();
      await tg.close();
      await discord?.dc.close();
      removeCampaign(contentDir);
      throw error;
    }
  }

  /** Instances still running. */
  get alive(): Instance[] {
    return this.instances.filter((i) => i.running);
  }

  /** POSTs one update to HAProxy's frontend as Telegram does (secret header); resolves with the status (0: no answer). */
  async post(update: unknown): Promise<number> {
    const res = await fetch(`${this.proxy.url}${this.webhookPath}`, {
      method: 'POST', body: JSON.stringify(update),
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': this.secret },
    }).catch(() => undefined);
    await res?.arrayBuffer();
    return res?.status ?? 0;
  }

  /**
   * `/start` from `count` new private chats, POSTed to HAProxy `parallel` at a
   * time; waits (up to `timeoutMs`) until each chat was answered, then a
   * little longer for any second answer.
   */
  async webhooks(count: number, parallel = 4, timeoutMs = 15_000): Promise<WebhookBatch> {
    const before = await this.commandsPerInstance('telegram');
    const chats = Array.from({ length: count }, () => nextChat++);
    const statuses: Record<string, number> = {};
    for (let i = 0; i < chats.length; i += parallel) {
      await Promise.all(chats.slice(i, i + parallel).map(async (id) => {
        const update = this.tg.sendUserMessage({ chat: { id, type: 'private' }, from: { id, first_name: 'Ana' }, text: '/start' });
        const status = await this.post(update);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }));
    }
    const answers = (id: number): number => this.tg.sentTo(id).length;
    await this.tg.waitFor(() => chats.every((id) => answers(id) > 0), timeoutMs, `answers to ${count} updates`).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    const after = await this.commandsPerInstance('telegram');
    const perInstance = Object.fromEntries(Object.entries(after).map(([name, n]) => [name, n - (before[name] ?? 0)]));
    return {
      posted: count, statuses,
      answeredOnce: chats.filter((id) => answers(id) === 1).length,
      unanswered: chats.filter((id) => answers(id) === 0).length,
      answeredTwice: chats.filter((id) => answers(id) > 1).length,
      perInstance,
    };
  }

  /** Commands each running instance answered so far on `platform` (its metrics). */
  async commandsPerInstance(platform: string): Promise<Record<string, number>> {
    const alive = this.alive;
    const counts = await Promise.all(alive.map((i) => i.commands(platform).catch(() => 0)));
    return Object.fromEntries(alive.map((i, n) => [i.name, counts[n] ?? 0]));
  }

  /** Stops every instance (SIGTERM), HAProxy and the fake; removes the campaign copy. */
  async close(): Promise<void> {
    await Promise.allSettled(this.instances.map((i) => i.stop()));
    await this.gate?.open();
    await this.proxy.stop();
    await this.tg.close();
    await this.dc?.close();
    removeCampaign(this.contentDir);
  }
}
