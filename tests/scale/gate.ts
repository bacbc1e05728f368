/**
 * Holds the instances' Telegram fan-out back until the test says go, by
 * holding the send budget's lease (src/schedule/lease.ts) from the test
 * process: the subscriptions can then be in the store before the instances
 * start (each loads them once, as in production, instead of re-reading them
 * every second to notice new ones), the instances all stand by while the
 * webhook checks run, and the fan-out starts within a tick of `open()`.
 */
import { fanOutLeaseKey } from '../../src/schedule/lease.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

const OWNER = 'tests-scale-gate';
/** Longer than any rig's start-up and webhook checks; released by `open()` long before. */
const HOLD_MS = 10 * 60_000;

/** The Telegram fan-out lease, held by the test. */
export class FanOutGate {
  private constructor(private store: Store | undefined) {}

  /** Takes the lease in the store at `storeUrl`; throws when something already holds it. */
  static async hold(storeUrl: string): Promise<FanOutGate> {
    const store = await openStore(storeUrl);
    if (!(await store.claim(fanOutLeaseKey('telegram'), HOLD_MS, OWNER))) {
      await store.close();
      throw new Error('scale: the Telegram fan-out lease is already held');
    }
    return new FanOutGate(store);
  }

  /** True until `open()`. */
  get closed(): boolean {
    return this.store !== undefined;
  }

  /** Gives the lease up: the next standby attempt (a tick, at most a renewal interval) takes it and drives. */
  async open(): Promise<void> {
    const store = this.store;
    this.store = undefined;
    if (store === undefined) return;
    try {
      await store.release(fanOutLeaseKey('telegram'));
    } finally {
      await store.close();
    }
  }
}
