import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { StoreKeyError, redact } from '../../src/store/errors.js';
import { escapeGlob, prefixUpperBound, MAX_KEY_LENGTH } from '../../src/store/keys.js';
import { KeyvStore } from '../../src/store/keyv-store.js';
import { openMemoryDriver } from '../../src/store/memory.js';
import { openStore } from '../../src/store/open.js';

describe('store keys', () => {
  it('refuses empty namespaces, namespaces with ":" and the reserved claim namespace', async () => {
    const store = await openStore('memory://');
    await expect(store.set('', 'k', 1)).rejects.toBeInstanceOf(StoreKeyError);
    await expect(store.get('a:b', 'k')).rejects.toBeInstanceOf(StoreKeyError);
    await expect(store.set('claim', 'k', 1)).rejects.toBeInstanceOf(StoreKeyError);
    const listing = async (): Promise<void> => {
      for await (const entry of store.entries('claim')) expect(entry).toBeUndefined();
    };
    await expect(listing()).rejects.toBeInstanceOf(StoreKeyError);
    await store.close();
  });

  it('allows ":" inside keys and refuses keys longer than the SQL column', async () => {
    const store = await openStore('memory://');
    await store.set('chat', 'telegram:-100:1', 'ok');
    expect(await store.get('chat', 'telegram:-100:1')).toBe('ok');
    await expect(store.set('chat', 'x'.repeat(MAX_KEY_LENGTH), 1)).rejects.toBeInstanceOf(StoreKeyError);
    await expect(store.claim('x'.repeat(MAX_KEY_LENGTH), 1000)).rejects.toBeInstanceOf(StoreKeyError);
    await expect(store.claim('', 1000)).rejects.toBeInstanceOf(StoreKeyError);
    await store.close();
  });

  it('refuses ttls that are not positive and finite', async () => {
    const store = await openStore('memory://');
    for (const ttl of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expect(store.set('n', 'k', 1, ttl)).rejects.toBeInstanceOf(StoreKeyError);
      await expect(store.claim('k', ttl)).rejects.toBeInstanceOf(StoreKeyError);
    }
    await store.close();
  });

  it('computes prefix bounds and escapes glob characters', () => {
    expect(prefixUpperBound('chat:')).toBe('chat;');
    expect(escapeGlob('a*b?c[d]e^f\\g')).toBe('a\\*b\\?c\\[d\\]e\\^f\\\\g');
  });
});

describe('store error redaction', () => {
  it('scrubs a password from the message, stack and cause chain, raw and decoded', () => {
    const inner = new Error('auth failed for p%40ss');
    const outer = new Error('connect to redis://u:p@ss@host failed', { cause: inner });
    const clean = redact(outer, ['p%40ss', 'p@ss']) as Error;
    expect(clean).not.toBe(outer);
    expect(clean.message).toBe('connect to redis://u:***@host failed');
    expect((clean.cause as Error).message).toBe('auth failed for ***');
    expect(clean.stack).not.toContain('p@ss');
  });

  it('returns the cause untouched when no secret appears in it', () => {
    const error = new Error('connect ECONNREFUSED 127.0.0.1:1');
    expect(redact(error, ['s3cret'])).toBe(error);
    expect(redact(error, [''])).toBe(error);
  });

  it('wraps backend failures in StoreError without the secret', async () => {
    const driver = openMemoryDriver();
    const store = new KeyvStore({
      ...driver,
      backend: 'fake',
      secrets: ['s3cret'],
      ping: () => Promise.reject(new Error('login with s3cret refused')),
    });
    const error: unknown = await store.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).operation).toBe('ping');
    expect((error as Error).message).toBe('fake store: ping failed: login with *** refused');
    await store.close();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreError);
  });
});
