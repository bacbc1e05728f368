/**
 * The store's conditional claims, part of the contract every backend meets:
 * claim-unless-done (the delivery ledger's one round trip) and the
 * compare-and-extend / compare-and-delete of a lease (the fan-out lease of
 * src/schedule/lease.ts). Registered inside `storeContract`'s describe.
 */
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import type { ContractTarget } from './contract.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** What the cases need from the enclosing suite. */
export interface LeaseContractContext {
  readonly target: ContractTarget | undefined;
  /** The suite's store (opened in its beforeAll). */
  readonly store: () => Store;
  /** A namespace of the run's own, cleaned up afterwards. */
  readonly use: (label: string) => string;
  /** A claim key of the run's own, released afterwards. */
  readonly useClaim: (label: string) => string;
}

/** Registers the conditional-claim and lease cases. */
export function leaseContract({ target, store, use, useClaim }: LeaseContractContext): void {
    it('claims unless done, reading what the work needs in the same call', async () => {
      const key = useClaim('unless');
      const n = use('unless');
      await store().set(n, 'settings', { subscribed: true, zone: 'Asia/Almaty' });
      const won = await store().claimUnlessDone(key, 60_000, 'job-a', { namespace: n, key: 'marker' }, { namespace: n, key: 'settings' });
      expect(won).toEqual({ outcome: 'won', value: { subscribed: true, zone: 'Asia/Almaty' } });
      expect(await store().claimHolder(key)).toBe('job-a');
      expect(await store().claimUnlessDone(key, 60_000, 'job-b', { namespace: n, key: 'marker' })).toEqual({ outcome: 'held' });
      await store().set(n, 'marker', { outcome: 'sent' });
      await store().release(key);
      // Done wins over a free claim, and nothing is claimed.
      expect(await store().claimUnlessDone(key, 60_000, 'job-b', { namespace: n, key: 'marker' })).toEqual({ outcome: 'done' });
      expect(await store().claimHolder(key)).toBeUndefined();
      // Nothing to read, or an expired done marker: won, value undefined.
      await store().set(n, 'marker', { outcome: 'sent' }, 100);
      await sleep(250);
      expect(await store().claimUnlessDone(key, 60_000, 'job-c', { namespace: n, key: 'marker' }, { namespace: n, key: 'nothing' })).toEqual({ outcome: 'won', value: undefined });
      await store().delete(n, 'marker');
    });

    it('takes over an expired claim unless done, and gives one of 50 concurrent callers the key', async () => {
      const peers = target?.shared === true ? await Promise.all(range(5).map(() => target.open())) : [store()];
      try {
        const n = use('unless-race');
        const key = useClaim('unless-race');
        expect((await store().claimUnlessDone(key, 80, 'first', { namespace: n, key: 'm' })).outcome).toBe('won');
        await sleep(200);
        const attempts = peers.flatMap((peer, p) => range(50 / peers.length).map((i) => peer.claimUnlessDone(key, 60_000, `o-${p}-${i}`, { namespace: n, key: 'm' })));
        const outcomes = (await Promise.all(attempts)).map((r) => r.outcome);
        expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
        expect(outcomes.filter((o) => o === 'held')).toHaveLength(49);
      } finally {
        if (peers[0] !== store()) await Promise.all(peers.map((peer) => peer.close()));
      }
    }, 60_000);

    it('renews a lease only for its holder, and only while it lives', async () => {
      const key = useClaim('lease');
      expect(await store().claim(key, 300, 'holder')).toBe(true);
      expect(await store().renewIfHeld(key, 1_000, 'someone-else')).toBe(false);
      expect(await store().renewIfHeld(key, 1_000, 'holder')).toBe(true);
      await sleep(500);
      expect(await store().claim(key, 300, 'taker')).toBe(false); // outlived its first ttl
      expect(await store().claimHolder(key)).toBe('holder');
      await sleep(700);
      // Lapsed: the holder cannot extend it any more, though nobody took it.
      expect(await store().renewIfHeld(key, 1_000, 'holder')).toBe(false);
      expect(await store().claim(key, 60_000, 'taker')).toBe(true);
      expect(await store().renewIfHeld(key, 60_000, 'holder')).toBe(false);
      expect(await store().claimHolder(key)).toBe('taker');
    });

    it('releases a lease only for its holder', async () => {
      const key = useClaim('lease-release');
      expect(await store().releaseIfHeld(key, 'holder')).toBe(false);
      expect(await store().claim(key, 60_000, 'holder')).toBe(true);
      expect(await store().releaseIfHeld(key, 'someone-else')).toBe(false);
      expect(await store().claimHolder(key)).toBe('holder');
      expect(await store().releaseIfHeld(key, 'holder')).toBe(true);
      expect(await store().claimHolder(key)).toBeUndefined();
      expect(await store().renewIfHeld(key, 60_000, 'holder')).toBe(false);
    });

    it('lets exactly one of 5 instances hold a contended lease, renewing while the others keep trying', async () => {
      const peers = target?.shared === true ? await Promise.all(range(5).map(() => target.open())) : range(5).map(() => store());
      try {
        const key = useClaim('lease-race');
        const owners = range(5).map((i) => `instance-${i}`);
        const held = new Set<string>();
        for (let round = 0; round < 6; round++) {
          const results = await Promise.all(peers.map(async (peer, i) =>
            (held.has(owners[i]!) ? peer.renewIfHeld(key, 400, owners[i]!) : peer.claim(key, 400, owners[i]!)).then((ok) => (ok ? owners[i]! : undefined))));
          const holders = results.filter((r): r is string => r !== undefined);
          expect(holders).toHaveLength(1);
          held.clear();
          held.add(holders[0]!);
          if (round === 2) await sleep(600); // the holder stops renewing: the lease lapses, and one other takes it
          else await sleep(50);
        }
      } finally {
        if (target?.shared === true) await Promise.all(peers.map((peer) => peer.close()));
      }
    }, 60_000);
}
