/**
 * A store error between winning a claim and sending (the marker re-check or
 * the settings read fails: a killed connection, a terminated backend) used to
 * end the attempt without releasing the claim it won; the retry then found
 * the claim taken and the chat waited out the lease (3 minutes in
 * production, against the 30 s of issue 11). Found by the Postgres
 * (pg_terminate_backend) and CLIENT KILL rows. Now the retry renews the claim
 * it still holds (`HeldClaim` in src/schedule/ledger.ts).
 */
import { describe, expect, it } from 'vitest';
import { DELIVERED } from '../../src/schedule/delivery.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { shippedCampaign } from '../helpers/core.js';
import { memoryLogger, seedSubscriptions } from '../schedule/harness.js';
import { CountingAdapter, FaultClock, instance, TICK_EVERY_MS } from './fanout.js';

const LEASE_MS = 3_000;

/** `inner`, except that the `failOn`-th read of a delivered marker rejects as a dropped connection would. */
function failingNthMarkerRead(inner: Store, failOn: number): Store {
  let reads = 0;
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'get') {
        return (namespace: string, key: string) => (namespace === DELIVERED && ++reads === failOn
          ? Promise.reject(new Error('Socket closed unexpectedly'))
          : target.get(namespace, key));
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('a claim won just before a store error', () => {
  it('does not hold the chat back for the lease', async () => {
    const inner = await openStore('memory://');
    await seedSubscriptions(inner, 'telegram', ['-1001']);
    const clock = new FaultClock();
    const adapter = new CountingAdapter(clock);
    // Read 1: the marker check before the claim; read 2: the re-check after winning it.
    const a = instance(await shippedCampaign(), failingNthMarkerRead(inner, 2), adapter, clock, memoryLogger().log, { leaseMs: LEASE_MS });
    clock.start();
    while (adapter.total === 0 && clock.elapsed() < 3 * LEASE_MS) {
      await a.scheduler.tick();
      await new Promise((r) => setTimeout(r, TICK_EVERY_MS));
    }
    await a.scheduler.stop();
    expect(adapter.counts.get('-1001')).toBe(1);
    // Before the fix the reminder went out only once the claim lapsed, ≈ LEASE_MS after it fell due.
    expect(adapter.firstAt.get('-1001')).toBeLessThan(LEASE_MS / 2);
  }, 20_000);
});
