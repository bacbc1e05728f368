/**
 * The Redis side of the store's atomic compare-and-act operations, as Lua
 * scripts run with EVALSHA (EVAL once when the server does not know a script
 * yet, e.g. after a restart). A script runs as one step on the server: no
 * other client's command lands between its check and its write.
 *
 * Claims are keyv envelopes (`{"value":"<owner>","expires":…}`) in plain
 * string keys with Redis' own expiry, so "live" is "the key exists" and the
 * owner is the envelope's `value`. Every key a script touches is passed in
 * KEYS (not built inside), as Redis asks of scripts.
 */
import { createHash } from 'node:crypto';
import type { DriverWorkClaim } from './driver.js';

/** The part of node-redis' client the scripts use. */
interface ScriptClient {
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** KEYS: claim, done[, read]. ARGV: envelope, ttl ms. → {'done'} | {'held'} | {'won'[, raw read]} */
const CLAIM_UNLESS_DONE = `
if redis.call('EXISTS', KEYS[2]) == 1 then return {'done'} end
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'held'} end
if #KEYS > 2 then return {'won', redis.call('GET', KEYS[3])} end
return {'won'}`;

/** The claim at KEYS[1] when ARGV[1] holds it, else returns 0. */
const IF_HELD = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local ok, envelope = pcall(cjson.decode, current)
if not ok or type(envelope) ~= 'table' or envelope['value'] ~= ARGV[1] then return 0 end`;

/** KEYS: claim. ARGV: owner, new envelope, ttl ms. → 1 when extended. */
const RENEW_IF_HELD = `${IF_HELD}
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

/** KEYS: claim. ARGV: owner. → 1 when deleted. */
const RELEASE_IF_HELD = `${IF_HELD}
redis.call('DEL', KEYS[1])
return 1`;

/** The store's scripts bound to one client. */
export interface LuaScripts {
  claimUnlessDone(key: string, raw: string, ttlMs: number, doneKey: string, readKey: string | undefined): Promise<DriverWorkClaim>;
  renewIfHeld(key: string, owner: string, raw: string, ttlMs: number): Promise<boolean>;
  releaseIfHeld(key: string, owner: string): Promise<boolean>;
}

const isNoScript = (error: unknown): boolean => error instanceof Error && error.message.startsWith('NOSCRIPT');

/** Binds the scripts to `client`. */
export function luaScripts(client: ScriptClient): LuaScripts {
  const run = async (script: string, keys: string[], args: string[]): Promise<unknown> => {
    const sha = createHash('sha1').update(script).digest('hex');
    try {
      return await client.evalSha(sha, { keys, arguments: args });
    } catch (error: unknown) {
      if (!isNoScript(error)) throw error;
      return client.eval(script, { keys, arguments: args });
    }
  };
  return {
    async claimUnlessDone(key, raw, ttlMs, doneKey, readKey) {
      const keys = readKey === undefined ? [key, doneKey] : [key, doneKey, readKey];
      const reply = await run(CLAIM_UNLESS_DONE, keys, [raw, String(ttlMs)]);
      if (!Array.isArray(reply)) throw new Error('unexpected reply to the claim script');
      const [outcome, read] = reply as unknown[];
      if (outcome !== 'won' && outcome !== 'done' && outcome !== 'held') throw new Error('unexpected reply to the claim script');
      return { outcome, read: read === null || read === undefined ? undefined : String(read) };
    },
    async renewIfHeld(key, owner, raw, ttlMs) {
      return Number(await run(RENEW_IF_HELD, [key], [owner, raw, String(ttlMs)])) === 1;
    },
    async releaseIfHeld(key, owner) {
      return Number(await run(RELEASE_IF_HELD, [key], [owner])) === 1;
    },
  };
}
