/**
 * The one behavioural contract every Store backend must meet. Each backend's
 * test file calls `storeContract` with a factory; a backend whose server is
 * not configured passes `undefined` and the whole suite is reported skipped.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { claimAcrossProcesses } from './processes.js';
import { leaseContract } from './lease-contract.js';

/** How to reach the backend under test. */
export interface ContractTarget {
  /** Opens a new store instance with its own connection(s) to the backend under test. */
  open(): Promise<Store>;
  /** True when instances from `open()` see the same data (false for `memory://`, `sqlite://:memory:`). */
  shared: boolean;
  /** URL for child processes of the cross-process claim test; omit to leave that test out. */
  url?: string;
  /** A URL of the same backend that cannot be reached, with a password that must not leak. */
  unreachable?: { url: string; password: string };
  /** Delete what the suite wrote when done (false when the database is thrown away anyway). */
  cleanup: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

async function collect<T>(store: Store, namespace: string): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for await (const [key, value] of store.entries<T>(namespace)) {
    expect(found.has(key), `duplicate key ${key}`).toBe(false);
    found.set(key, value);
  }
  return found;
}

async function inChunks<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** Registers the contract suite for one backend; `target` undefined → reported as skipped. */
export function storeContract(name: string, target: ContractTarget | undefined): void {
  describe.skipIf(target === undefined)(`Store contract: ${name}`, () => {
    const run = randomUUID().slice(0, 8);
    const ns = (label: string): string => `t-${run}-${label}`;
    const claimKeyOf = (label: string): string => `t-${run}:${label}`;
    const namespaces = new Set<string>();
    const claims = new Set<string>();
    const use = (label: string): string => {
      namespaces.add(ns(label));
      return ns(label);
    };
    const useClaim = (label: string): string => {
      claims.add(claimKeyOf(label));
      return claimKeyOf(label);
    };
    let store: Store;

    beforeAll(async () => {
      if (target === undefined) return;
      store = await target.open();
    });

    afterAll(async () => {
      if (target === undefined || store === undefined) return;
      if (target.cleanup) {
        for (const namespace of namespaces) {
          const keys = [...(await collect(store, namespace)).keys()];
          await inChunks(keys, 200, (key) => store.delete(namespace, key));
        }
        for (const key of claims) await store.release(key);
      }
      await store.close();
    }, 120_000);

    it('pings', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      expect(store.backend).toBe(name.split(' ')[0]);
    });

    it('round-trips get/set/delete with JSON values', async () => {
      const n = use('rt');
      const value = { chat: '-100123', zones: ['Asia/Almaty'], on: true, n: 3, colon: ':x', nested: { a: null } };
      expect(await store.get(n, 'missing')).toBeUndefined();
      await store.set(n, 'a', value);
      expect(await store.get(n, 'a')).toEqual(value);
      await store.set(n, 'a', 'replaced');
      expect(await store.get(n, 'a')).toBe('replaced');
      expect(await store.delete(n, 'a')).toBe(true);
      expect(await store.delete(n, 'a')).toBe(false);
      expect(await store.get(n, 'a')).toBeUndefined();
    });

    it('expires values after their ttl', async () => {
      const n = use('ttl');
      await store.set(n, 'short', 'soon gone', 150);
      await store.set(n, 'long', 'stays', 60_000);
      expect(await store.get(n, 'short')).toBe('soon gone');
      await sleep(300);
      expect(await store.get(n, 'short')).toBeUndefined();
      expect(await store.get(n, 'long')).toBe('stays');
    });

    it('lists the entries of one namespace only, even when names hold LIKE/glob characters or differ in case', async () => {
      const main = use('a_b*c?[d]%\\');
      const others = [use('aXb*c?[d]%\\'), use('a_bZZcQd%\\'), use('A_B*C?[D]%\\'), use('a_b*c?[d]%\\x'), use('a')];
      await store.set(main, 'k1', 1);
      await store.set(main, 'k:2', { two: 2 });
      for (const other of others) await store.set(other, 'k1', 'other');
      const found = await collect<unknown>(store, main);
      expect(Object.fromEntries(found)).toEqual({ k1: 1, 'k:2': { two: 2 } });
    });

    it('lists only the keys that start with a given prefix', async () => {
      const n = use('pre');
      for (const key of ['telegram:-100:a:2026', 'telegram:-100:b:2025', 'telegram:-1001:a:2026', 'discord:-100:a:2026', 'telegram:-10']) await store.set(n, key, key);
      const found: string[] = [];
      for await (const [key] of store.entries(n, 'telegram:-100:')) found.push(key);
      expect(found.sort()).toEqual(['telegram:-100:a:2026', 'telegram:-100:b:2025']);
      const globby: string[] = [];
      await store.set(n, 'a*b?[c]:1', 1);
      for await (const [key] of store.entries(n, 'a*b?[c]:')) globby.push(key);
      expect(globby).toEqual(['a*b?[c]:1']);
    });

    it('skips expired entries', async () => {
      const n = use('exp');
      await store.set(n, 'live', 'yes');
      await store.set(n, 'dying', 'no', 100);
      await sleep(250);
      expect(Object.fromEntries(await collect(store, n))).toEqual({ live: 'yes' });
      await store.delete(n, 'dying'); // SQL tables keep expired rows until they are read or deleted
    });

    it('lists 10,000 entries, each exactly once', async () => {
      const n = use('many');
      const keys = range(10_000).map((i) => `chat-${i}`);
      await inChunks(keys, 500, (key) => store.set(n, key, { key }));
      const found = await collect<{ key: string }>(store, n);
      expect(found.size).toBe(10_000);
      for (const key of keys) expect(found.get(key)?.key).toBe(key);
      let seen = 0;
      for await (const entry of store.entries(n)) {
        expect(entry[0]).toMatch(/^chat-\d+$/);
        if (++seen === 3) break; // stopping early must neither hang nor leak
      }
      expect(seen).toBe(3);
    }, 120_000);

    it('claims once until released', async () => {
      const key = useClaim('release');
      expect(await store.claim(key, 60_000)).toBe(true);
      expect(await store.claim(key, 60_000)).toBe(false);
      await store.release(key);
      expect(await store.claim(key, 60_000)).toBe(true);
      expect(await store.claim(key, 60_000)).toBe(false);
    });

    it('claims again once the ttl has passed', async () => {
      const key = useClaim('ttl');
      expect(await store.claim(key, 150)).toBe(true);
      expect(await store.claim(key, 150)).toBe(false);
      await sleep(300);
      expect(await store.claim(key, 150)).toBe(true);
    });

    it('renews a claim it holds: it outlives its first ttl, then lapses after the renewed one', async () => {
      const key = useClaim('renew');
      expect(await store.claim(key, 300)).toBe(true);
      await store.renew(key, 1_000);
      await sleep(500);
      expect(await store.claim(key, 300)).toBe(false);
      await sleep(700);
      expect(await store.claim(key, 300)).toBe(true);
    });

    it('tells who holds a claim: its owner while it lives, nobody once released or lapsed; renewing keeps the owner', async () => {
      const key = useClaim('holder');
      expect(await store.claimHolder(key)).toBeUndefined();
      expect(await store.claim(key, 300, 'job-a')).toBe(true);
      expect(await store.claimHolder(key)).toBe('job-a');
      expect(await store.claim(key, 300, 'job-b')).toBe(false);
      expect(await store.claimHolder(key)).toBe('job-a');
      await store.renew(key, 300, 'job-a');
      expect(await store.claimHolder(key)).toBe('job-a');
      await store.release(key);
      expect(await store.claimHolder(key)).toBeUndefined();
      expect(await store.claim(key, 150, 'job-b')).toBe(true);
      await sleep(300);
      expect(await store.claimHolder(key)).toBeUndefined();
    });

    leaseContract({ target, store: () => store, use, useClaim });

    it('keeps claims apart from values', async () => {
      const key = useClaim('apart');
      const n = use('apart');
      await store.set(n, key, 'value');
      expect(await store.claim(key, 60_000)).toBe(true);
      expect(await store.get(n, key)).toBe('value');
      expect(await collect(store, n)).toEqual(new Map([[key, 'value']]));
    });

    it('gives exactly one of 50 concurrent claims the key (5 instances × 10)', async () => {
      const peers = target?.shared === true ? await Promise.all(range(5).map(() => target.open())) : [store];
      try {
        const fresh = useClaim('contended');
        const attempts = peers.flatMap((peer) => range(50 / peers.length).map(() => peer.claim(fresh, 60_000)));
        expect((await Promise.all(attempts)).filter(Boolean)).toHaveLength(1);
        // Taking over an expired claim is just as exclusive.
        const stale = useClaim('takeover');
        expect(await store.claim(stale, 50)).toBe(true);
        await sleep(150);
        const takeovers = peers.flatMap((peer) => range(50 / peers.length).map(() => peer.claim(stale, 60_000)));
        expect((await Promise.all(takeovers)).filter(Boolean)).toHaveLength(1);
      } finally {
        if (peers[0] !== store) await Promise.all(peers.map((peer) => peer.close()));
      }
    }, 60_000);

    it.skipIf(target?.url === undefined)('gives exactly one of 50 claims from 5 separate processes the key', async () => {
      const key = useClaim('processes');
      const wins = await claimAcrossProcesses(target?.url ?? '', key, 5, 10);
      expect(wins.reduce((a, b) => a + b, 0)).toBe(1);
    }, 60_000);

    it('rejects with StoreError once closed', async () => {
      const other = await target!.open();
      await other.close();
      await expect(other.get(use('closed'), 'k')).rejects.toBeInstanceOf(StoreError);
      await expect(other.close()).resolves.toBeUndefined();
    });

    it.skipIf(target?.unreachable === undefined)('rejects ping on an unreachable server without leaking the password', async () => {
      const { url, password } = target!.unreachable!;
      const dead = await openStore(url);
      try {
        const error: unknown = await dead.ping().then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(StoreError);
        const text = `${String(error)} ${JSON.stringify(error)} ${String((error as Error).cause)} ${(error as Error).stack ?? ''}`;
        expect(text).not.toContain(password);
        await expect(dead.get(use('down'), 'k')).rejects.toBeInstanceOf(StoreError);
      } finally {
        await dead.close();
      }
    }, 30_000);
  });
}
