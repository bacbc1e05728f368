/**
 * A claim won just before a store error: the claim landed but its answer was
 * lost (a killed connection, a terminated backend). It used to end the
 * attempt holding a claim it did not know it had; the retry then found the
 * claim taken and the chat waited out the lease (3 minutes in production,
 * against the 30 s of issue 11). Found by the Postgres
 * (pg_terminate_backend) and CLIENT KILL rows. The claim, the marker check
 * and the settings read are one round trip now (`claimUnlessDone`), so the
 * fault is that call's answer lost after it took effect; the retry must
 * recognise the claim as its own (`claimHolder`) and send at once.
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { shippedCampaign } from '../helpers/core.js';
import { memoryLogger, seedSubscriptions } from '../schedule/harness.js';
import { CountingAdapter, FaultClock, instance, TICK_EVERY_MS } from './fanout.js';

const LEASE_MS = 3_000;

/** `inner`, except that the `failOn`-th claim of a delivery takes effect and then rejects, as a lost answer would. */
function losingNthClaimAnswer(inner: Store, failOn: number): { store: Store; lost: () => boolean } {
  let claims = 0;
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'claimUnlessDone') {
        return async (...args: Parameters<Store['claimUnlessDone']>) => {
          const outcome = await target.claimUnlessDone(...args);
          if (++claims === failOn) throw new Error('Socket closed unexpectedly');
          return outcome;
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store, lost: () => claims >= failOn };
}

describe('a claim won just before a store error', () => {
  it('does not hold the chat back for the lease', async () => {
    const inner = await openStore('memory://');
    await seedSubscriptions(inner, 'telegram', ['-1001']);
    const clock = new FaultClock();
    const adapter = new CountingAdapter(clock);
    const { store, lost } = losingNthClaimAnswer(inner, 1);
    const a = instance(await shippedCampaign(), store, adapter, clock, memoryLogger().log, { leaseMs: LEASE_MS });
    clock.start();
    while (adapter.total === 0 && clock.elapsed() < 3 * LEASE_MS) {
      await a.scheduler.tick();
      await new Promise((r) => setTimeout(r, TICK_EVERY_MS));
    }
    await a.scheduler.stop();
    expect(lost(), 'the fault was reached').toBe(true);
    expect(adapter.counts.get('-1001')).toBe(1);
    // Before the fix the reminder went out only once the claim lapsed, ≈ LEASE_MS after it fell due.
    expect(adapter.firstAt.get('-1001')).toBeLessThan(LEASE_MS / 2);
  }, 20_000);
});
