import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { StoreUrlError } from '../../src/store/errors.js';
import { openStore } from '../../src/store/open.js';

const dir = mkdtempSync(join(tmpdir(), 'placard-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openStore', () => {
  it('rejects an unknown scheme with a typed error that does not repeat the URL', async () => {
    const error: unknown = await openStore('mysql://root:hunter2@db:3306/placard').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUrlError);
    expect((error as StoreUrlError).code).toBe('store_url_invalid');
    expect((error as StoreUrlError).scheme).toBe('mysql');
    expect((error as Error).message).toContain('mysql://');
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('rejects a URL without a scheme and an empty sqlite path', async () => {
    await expect(openStore('./data/placard.sqlite')).rejects.toBeInstanceOf(StoreUrlError);
    await expect(openStore('')).rejects.toBeInstanceOf(StoreUrlError);
    await expect(openStore('sqlite://')).rejects.toBeInstanceOf(StoreUrlError);
  });

  it('accepts schemes in any case and names the backend', async () => {
    const store = await openStore('MEMORY://');
    expect(store.backend).toBe('memory');
    await store.close();
  });

  it('opens a relative sqlite path against the working directory, creating its folders, in WAL mode', async () => {
    const file = join(dir, 'rel', 'deeper', 'placard.sqlite');
    const store = await openStore(`sqlite://./${relative(process.cwd(), file)}`);
    try {
      expect(store.backend).toBe('sqlite');
      await store.set('chat', 'telegram:-1001', { timeZone: 'Asia/Almaty' });
      expect(existsSync(file)).toBe(true);
      expect(existsSync(`${file}-wal`)).toBe(true);
    } finally {
      await store.close();
    }
    const again = await openStore(`sqlite://${file}`);
    expect(await again.get('chat', 'telegram:-1001')).toEqual({ timeZone: 'Asia/Almaty' });
    await again.close();
  });

  it('opens sqlite://:memory: privately per store', async () => {
    const a = await openStore('sqlite://:memory:');
    const b = await openStore('sqlite://:memory:');
    await a.set('n', 'k', 1);
    expect(await b.get('n', 'k')).toBeUndefined();
    await Promise.all([a.close(), b.close()]);
  });

  it('fails with StoreError when the sqlite file cannot be opened', async () => {
    // A directory is not a database file.
    const error: unknown = await openStore(`sqlite://${dir}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).backend).toBe('sqlite');
  });

  it('opens redis and postgres lazily: an unreachable server fails at ping, not at open', async () => {
    for (const url of ['redis://:pw-1234567@127.0.0.1:1', 'postgresql://u:pw-1234567@127.0.0.1:1/db']) {
      const store = await openStore(url);
      const error: unknown = await store.ping().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(String(error)).not.toContain('pw-1234567');
      await store.close();
    }
  });
});
