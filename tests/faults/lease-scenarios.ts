/**
 * The fan-out lease scenarios, registered once per backend (memory and SQLite
 * in tests/unit/schedule-lease.test.ts, Redis and Postgres in
 * tests/stores/lease-fanout.test.ts): one send budget per bot, whatever the
 * number of instances; a killed driver replaced within about a lease; a
 * driver that loses its lease stops sending at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/content/campaign.js';
import { fanOutLeaseKey } from '../../src/schedule/lease.js';
import type { Store } from '../../src/store/store.js';
import { shippedCampaign } from '../helpers/core.js';
import {
  CONCURRENCY, FaultClock, LEASE, LimitedPlatform, chatIds, leaseInstance, lost, runUntilDelivered, seed, takenBy, type LeaseInstance,
} from './lease-rig.js';

/** How one backend is reached for the scenarios. */
export interface LeaseBackend {
  readonly name: string;
  /** Why it cannot run here; undefined when it can. */
  readonly unavailable: string | undefined;
  /** Prepares an empty store for one scenario; `open()` then gives each instance its own store on it. */
  prepare(): Promise<{ open: () => Promise<Store>; dispose: () => Promise<void> }>;
}

const CHATS = 900;
/** The platform's limit, scaled (messages per second for the whole bot). */
const LIMIT = 450;

/** Registers the three scenarios for `backend`. */
export function leaseScenarios(backend: LeaseBackend): void {
  describe.skipIf(backend.unavailable !== undefined)(`one send budget per bot: the fan-out lease on ${backend.name}`, () => {
    let campaign: Campaign;
    const cleanups: (() => Promise<void>)[] = [];
    beforeAll(async () => { campaign = await shippedCampaign(); });
    afterAll(async () => { for (const c of cleanups) await c(); }, 60_000);

    /** A fresh store with `ids` subscribed, a platform, and `n` instances on it. */
    async function setUp(n: number, base: number): Promise<{ ids: string[]; platform: LimitedPlatform; instances: LeaseInstance[]; clock: FaultClock; admin: Store }> {
      const { open, dispose } = await backend.prepare();
      const stores: Store[] = [];
      for (let i = 0; i <= n; i++) stores.push(await open()); // one at a time: a fresh SQLite file switches to WAL on first open
      cleanups.push(async () => { for (const s of new Set(stores)) await s.close().catch(() => undefined); await dispose(); });
      const ids = chatIds(CHATS, base);
      await seed(stores[0]!, ids);
      const platform = new LimitedPlatform(LIMIT);
      const clock = new FaultClock();
      const instances = ['a', 'b', 'c'].slice(0, n).map((name, i) => leaseInstance(name, campaign, stores[i + 1]!, platform, clock));
      return { ids, platform, instances, clock, admin: stores[0]! };
    }

    it('three instances ticking: one drives, under the limit, no 429, none lost, none doubled', async () => {
      const { ids, platform, instances, clock } = await setUp(3, 1_000_000);
      const { timedOut } = await runUntilDelivered(instances, ids, platform, clock);
      expect(timedOut).toBe(false);
      expect(lost(ids, platform)).toBe(0);
      expect(platform.doubled()).toBe(0);
      expect(platform.tooMany).toBe(0);
      expect(platform.switches()).toBe(0);
      expect(Object.values(takenBy(platform))).toEqual([CHATS]);
      const standby = instances.map((i) => i.scheduler.counters.standby);
      expect(standby.filter((n) => n > 0)).toHaveLength(2); // the other two stood by
    }, 60_000);

    it('the driver killed mid fan-out: another takes over once its lease lapses and finishes; only its sends in flight double', async () => {
      const { ids, platform, instances, clock } = await setUp(2, 2_000_000);
      let killedAt = 0;
      let killed: LeaseInstance | undefined;
      platform.onTaken = (total) => {
        if (total !== CHATS / 3) return;
        killed = instances.find((i) => i.name === platform.taken.at(-1)!.instance)!;
        killed.freeze(); // its store calls and sends never answer again, and it hands nothing back
        killedAt = performance.now();
      };
      const { timedOut } = await runUntilDelivered(instances, ids, platform, clock);
      expect(timedOut).toBe(false);
      expect(killed).toBeDefined();
      expect(lost(ids, platform)).toBe(0);
      expect(platform.doubled()).toBeLessThanOrEqual(CONCURRENCY); // accepted, marker not yet written
      expect(platform.tooMany).toBe(0);
      expect(platform.switches()).toBe(1); // never two drivers: every send of the successor comes after the last of the killed one
      const successor = platform.taken.find((t) => t.instance !== killed!.name)!;
      const takeoverMs = successor.at - killedAt;
      // Liveness, not a measurement: within about a lease and a standby interval (the bench measures it).
      expect(takeoverMs).toBeLessThan(3 * (LEASE.fanOutLeaseMs + LEASE.fanOutRenewMs));
      expect(takeoverMs).toBeGreaterThan(LEASE.fanOutLeaseMs * 0.5); // it waited for the lease to lapse
    }, 60_000);

    it('a lease taken from the driver mid fan-out: it starts no send once it learns, and the new driver finishes', async () => {
      const { ids, platform, instances, clock, admin } = await setUp(2, 3_000_000);
      let driver: LeaseInstance | undefined;
      let stolen: Promise<void> | undefined;
      platform.onTaken = (total) => {
        if (total !== CHATS / 3) return;
        driver = instances.find((i) => i.name === platform.taken.at(-1)!.instance)!;
        const other = instances.find((i) => i !== driver)!;
        // As if the lease had lapsed under the driver and the other had taken it.
        stolen = (async () => {
          await admin.release(fanOutLeaseKey('telegram'));
          await admin.claim(fanOutLeaseKey('telegram'), LEASE.fanOutLeaseMs, `rig-${other.name}`);
        })();
      };
      const { timedOut } = await runUntilDelivered(instances, ids, platform, clock);
      await stolen;
      expect(timedOut).toBe(false);
      expect(lost(ids, platform)).toBe(0);
      expect(platform.doubled()).toBe(0);
      const learnt = driver!.lines.find((l) => l.msg.startsWith('reminder fan-out lease lost'));
      expect(learnt).toBeDefined();
      expect(driver!.adapter.calls.filter((at) => at > learnt!.at)).toEqual([]);
      expect(Object.keys(takenBy(platform)).sort()).toEqual(['a', 'b']);
    }, 60_000);
  });
}
