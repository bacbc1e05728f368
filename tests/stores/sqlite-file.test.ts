/**
 * SQLite privacy and file safety: a forgotten chat leaves no bytes behind in
 * the database or its WAL, and a store whose file (or WAL) was deleted or
 * replaced says so — ping fails with a StoreError naming the file, writes
 * fail too, and /readyz reports it.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

let dirs: string[] = [];
let stores: Store[] = [];
let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const s of stores) await s.close().catch(() => undefined);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
  stores = [];
});

async function fresh(): Promise<{ dir: string; file: string; store: Store }> {
  const dir = mkdtempSync(join(tmpdir(), 'placard-sqlite-'));
  dirs.push(dir);
  const file = join(dir, 'data', 'placard.sqlite');
  const store = await openStore(`sqlite://${file}`);
  stores.push(store);
  return { dir, file, store };
}

/** Every byte SQLite keeps for this database: the file and its WAL. */
const bytesOf = (file: string): Buffer =>
  Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));

describe('SQLite store: forgotten chats', () => {
  it('leaves neither the value nor the key of a deleted chat in the file or its WAL', async () => {
    const { file, store } = await fresh();
    const key = 'telegram:-1009876543210';
    const trace = 'TRACE-of-a-forgotten-chat-7f3a9c';
    for (let i = 0; i < 50; i++) await store.set('chat', `telegram:-100${i}`, { subscribed: true, zone: 'Asia/Almaty' });
    await store.set('chat', key, { subscribed: true, note: trace });
    for (let i = 50; i < 100; i++) await store.set('chat', `telegram:-100${i}`, { subscribed: true, zone: 'Asia/Almaty' });
    // Control: the trace is on disk before the delete, so its absence afterwards means something.
    expect(bytesOf(file).includes(trace)).toBe(true);

    expect(await store.delete('chat', key)).toBe(true);
    const after = bytesOf(file);
    expect(after.includes(trace)).toBe(false);
    expect(after.includes(key)).toBe(false);
    // The other chats are intact.
    expect(await store.get('chat', 'telegram:-1007')).toEqual({ subscribed: true, zone: 'Asia/Almaty' });
  });
});

describe('SQLite store: its file deleted or replaced under it', () => {
  it('ping fails with a StoreError saying the file was deleted, writes fail, and /readyz says so', async () => {
    const { dir, file, store } = await fresh();
    await store.set('chat', 'telegram:-1001', { subscribed: true });
    await store.ping();
    server = await startHttpServer({
      port: 0, host: '127.0.0.1',
      readiness: { store: () => store.ping().then(() => undefined, (e: unknown) => (e instanceof Error ? e.message : 'unreachable')) },
    });
    expect((await fetch(`http://127.0.0.1:${server.port}/readyz`)).status).toBe(200);

    rmSync(join(dir, 'data'), { recursive: true, force: true });
    const failure = await store.ping().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as Error).message).toBe(`sqlite store: ping failed: the database file ${file} was deleted while in use; restore it (or remove the rest of it) and restart Placard`);
    await expect(store.set('chat', 'telegram:-1002', { subscribed: true })).rejects.toThrow(/set failed: the database file .* was deleted/);
    const ready = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { failures: { store: string } }).failures.store).toContain('was deleted');
  });

  it('notices a file renamed over it (replaced) on the next write, within a second, without a ping', async () => {
    const { dir, file, store } = await fresh();
    await store.set('chat', 'telegram:-1001', { subscribed: true });
    const copy = join(dir, 'copy.sqlite');
    copyFileSync(file, copy);
    renameSync(copy, file);
    await new Promise((r) => setTimeout(r, 1_100));
    await expect(store.set('chat', 'telegram:-1002', { subscribed: true })).rejects.toThrow(`the database file ${file} was replaced`);
  });

  it('notices its WAL file deleted', async () => {
    const { file, store } = await fresh();
    await store.set('chat', 'telegram:-1001', { subscribed: true });
    expect(existsSync(`${file}-wal`)).toBe(true);
    rmSync(`${file}-wal`);
    await expect(store.ping()).rejects.toThrow(`the database file ${file}-wal was deleted`);
  });

  it('stays healthy through ordinary use: many writes, deletes and pings on one file', async () => {
    const { store } = await fresh();
    for (let i = 0; i < 30; i++) {
      await store.set('chat', `k${i}`, i);
      if (i % 3 === 0) await store.delete('chat', `k${i}`);
      await store.ping();
    }
    expect(await store.get('chat', 'k1')).toBe(1);
  });
});
