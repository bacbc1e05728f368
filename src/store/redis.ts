/**
 * `redis://…` / `rediss://…` on @keyv/redis. We build the node-redis client
 * ourselves (re-exported by @keyv/redis) so that an unreachable server fails
 * fast instead of retrying forever, then hand it to the adapter. Values are
 * keyv envelopes in plain string keys, with Redis' own expiry (PX) as well;
 * claims are `SET claim:key … NX PX ttl`; the conditional claim, renewal and
 * release are Lua scripts (redis-scripts.ts), each one atomic step on the server.
 */
import { Keyv } from 'keyv';
import KeyvRedis, { createClient } from '@keyv/redis';
import { KEYV_OPTIONS, type Driver, type DriverWorkClaim, type RawRow } from './driver.js';
import { SCAN_BATCH, escapeGlob } from './keys.js';
import { luaScripts } from './redis-scripts.js';

/** Connection attempts before an operation gives up (the next operation tries again). */
const CONNECT_ATTEMPTS = 3;
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * Bound on one operation. The offline queue is off, so commands fail at once
 * while disconnected; but a paused or wedged server keeps the socket open and
 * a command sent to it would wait for ever.
 */
const OPERATION_TIMEOUT_MS = 10_000;

/** Opens a lazily connecting Redis driver; `secrets` are scrubbed from error messages. */
export function openRedisDriver(url: string, secrets: readonly string[]): Driver {
  const client = createClient({
    url,
    // Fail commands at once while disconnected rather than queueing them without limit.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number, cause: Error) =>
        retries >= CONNECT_ATTEMPTS ? cause : Math.min(100 * 2 ** retries, 1_000),
    },
  });
  // The adapter also listens, but a listener of our own guarantees an 'error' never crashes the process.
  client.on('error', () => undefined);
  const adapter = new KeyvRedis(client, { throwOnErrors: true, throwOnConnectError: true });
  const keyv = new Keyv<unknown>(adapter, KEYV_OPTIONS);

  const lua = luaScripts(client);
  let connecting: Promise<unknown> | undefined;
  // `isOpen` turns true as soon as connect() starts, `isReady` only once connected: callers arriving
  // while the first connect is under way wait for that same attempt instead of failing as "offline".
  // While an established connection is re-connecting, commands fail fast (no offline queue).
  const ready = async (): Promise<void> => {
    if (client.isReady) return;
    if (connecting === undefined && client.isOpen) return;
    connecting ??= client.connect().finally(() => {
      connecting = undefined;
    });
    await connecting;
  };

  return {
    backend: 'redis',
    operationTimeoutMs: OPERATION_TIMEOUT_MS,
    keyv,
    secrets,
    ready,
    async *scan(prefix: string): AsyncIterable<readonly RawRow[]> {
      const match = `${escapeGlob(prefix)}*`;
      // SCAN may return a key more than once; remember keys (not values) to yield each once.
      const seen = new Set<string>();
      let cursor = '0';
      do {
        const page = await client.scan(cursor, { MATCH: match, COUNT: SCAN_BATCH });
        cursor = String(page.cursor);
        const keys = page.keys.map(String).filter((key) => !seen.has(key));
        if (keys.length === 0) continue;
        for (const key of keys) seen.add(key);
        const values = await client.mGet(keys);
        yield keys.map((key, i): RawRow => {
          const value = values[i];
          return [key, value === null || value === undefined ? undefined : String(value)];
        });
      } while (cursor !== '0');
    },
    async claim(key: string, raw: string, _now: number, ttlMs: number): Promise<boolean> {
      const reply = await client.set(key, raw, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
      return reply !== null;
    },
    async claimUnlessDone(key: string, raw: string, _now: number, ttlMs: number, doneKey: string, readKey: string | undefined): Promise<DriverWorkClaim> {
      return lua.claimUnlessDone(key, raw, ttlMs, doneKey, readKey);
    },
    async renewIfHeld(key: string, owner: string, raw: string, _now: number, ttlMs: number): Promise<boolean> {
      return lua.renewIfHeld(key, owner, raw, ttlMs);
    },
    async releaseIfHeld(key: string, owner: string): Promise<boolean> {
      return lua.releaseIfHeld(key, owner);
    },
    async ping(): Promise<void> {
      await client.ping();
    },
    async close(): Promise<void> {
      await connecting?.catch(() => undefined);
      if (client.isReady) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}
