/**
 * The two Discord settings for size: `DISCORD_PUBLIC_KEY` (interactions over
 * HTTP at `/discord/interactions`, served by `placard serve`, no gateway)
 * and `DISCORD_SHARDS` (discord.js sharding in one process), from the
 * environment to the fake.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { shardOptions } from '../../adapters/discord/gateway.js';
import { InvalidPublicKeyError, publicKeyFromHex } from '../../adapters/discord/verify.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';
import { serve } from '../../src/main.js';
import { createPlatforms } from '../../src/platforms.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { testServices } from '../helpers/core.js';
import { until } from '../helpers/wait.js';

const G = '210000000000000001';
/** A guild on the other shard of two: `(id >> 22) % 2` differs from G's. */
const G2 = String(BigInt(G) + (1n << 22n));
const C = '210000000000000002';
const C2 = '210000000000000003';
const KEY = 'a'.repeat(64);
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.fake.discord-token';
const APP = '100000000000000001';
const silent = createLogger({ level: 'silent' });

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function fake(options: { recommendedShards?: number; maxConcurrency?: number } = {}): Promise<FakeDiscord> {
  const dc = await startFakeDiscord({
    guilds: [{ id: G, name: 'One', channels: [{ id: C, name: 'general' }] }, { id: G2, name: 'Two', channels: [{ id: C2, name: 'general' }] }],
    ...options,
  });
  cleanups.push(() => dc.close());
  return dc;
}

const configError = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
};

describe('DISCORD_PUBLIC_KEY and DISCORD_SHARDS in the configuration', () => {
  it('reads them, and says in one line what is wrong with them', () => {
    const base = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP };
    expect(loadConfig({ ...base, DISCORD_PUBLIC_KEY: KEY.toUpperCase() }).discord).toMatchObject({ publicKey: KEY });
    expect(loadConfig({ ...base, DISCORD_SHARDS: 'auto' }).discord).toMatchObject({ shards: 'auto' });
    expect(loadConfig({ ...base, DISCORD_SHARDS: '4' }).discord).toMatchObject({ shards: 4 });
    expect(loadConfig(base).discord).not.toHaveProperty('publicKey');
    expect(configError({ ...base, DISCORD_PUBLIC_KEY: 'abc' })).toMatch(/^DISCORD_PUBLIC_KEY: must be the 64 hex characters/);
    expect(configError({ ...base, DISCORD_SHARDS: '0' })).toMatch(/^DISCORD_SHARDS: must be auto or a number/);
    expect(configError({ ...base, DISCORD_PUBLIC_KEY: KEY, DISCORD_SHARDS: '2' })).toMatch(/^DISCORD_SHARDS: is for the gateway/);
    expect(configError({ DISCORD_PUBLIC_KEY: KEY })).toBe('DISCORD_TOKEN: is required when DISCORD_PUBLIC_KEY is set');
  });

  it('builds the key with node:crypto, and refuses one that is not an Ed25519 key', () => {
    expect(publicKeyFromHex(KEY).asymmetricKeyType).toBe('ed25519');
    for (const bad of ['', 'zz'.repeat(32), 'a'.repeat(62)]) expect(() => publicKeyFromHex(bad)).toThrow(InvalidPublicKeyError);
  });

  it('maps a shard count to discord.js\'s list of shard ids (a bare number would be one shard\'s id)', () => {
    expect(shardOptions(undefined)).toEqual({});
    expect(shardOptions('auto')).toEqual({ shards: 'auto' });
    expect(shardOptions(3)).toEqual({ shards: [0, 1, 2], shardCount: 3 });
  });

  it('gives `serve` the interactions route only when the public key is set', async () => {
    const services = await testServices();
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, STORE_URL: 'memory://' };
    expect(Object.keys((await createPlatforms(loadConfig({ ...env, DISCORD_PUBLIC_KEY: KEY }), services, silent)).routes)).toEqual(['/discord/interactions']);
    expect((await createPlatforms(loadConfig(env), services, silent)).routes).toEqual({});
  });
});

describe('placard serve with DISCORD_PUBLIC_KEY', () => {
  it('answers interactions over HTTP on HTTP_PORT, is ready, and never opens the gateway', async () => {
    const dc = await fake();
    const served = await serve(loadConfig({
      DISCORD_TOKEN: dc.token, DISCORD_APPLICATION_ID: dc.applicationId, DISCORD_GUILD_ID: G, DISCORD_API_URL: dc.restApi,
      DISCORD_PUBLIC_KEY: dc.publicKey, STORE_URL: 'memory://', HTTP_PORT: '0',
    }), silent);
    cleanups.push(() => served.stop());
    const readyz = async (): Promise<number> => (await fetch(`http://127.0.0.1:${served.httpPort}/readyz`)).status;
    await until(async () => (await readyz()) === 200, 10_000, '/readyz 200');
    expect(await dc.setInteractionsEndpoint(`http://127.0.0.1:${served.httpPort}/discord/interactions`)).toEqual({ ok: true });
    await dc.waitFor(() => dc.commands(G).length > 0, { what: 'registered commands' });
    const h = dc.slashCommand({ guildId: G, name: 'demands' });
    const [first] = await h.waitForResponses(1);
    expect(first).toMatchObject({ kind: 'callback', callbackType: 4, ok: true, via: 'http-response' });
    expect(h.original()?.embeds.length).toBeGreaterThan(0);
    expect(dc.gatewayStats().connections).toBe(0);
  });

  it('is not ready, naming the token, when Discord refuses it', async () => {
    const dc = await fake();
    const served = await serve(loadConfig({
      DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAx.wrong.discord-token', DISCORD_APPLICATION_ID: dc.applicationId, DISCORD_API_URL: dc.restApi,
      DISCORD_PUBLIC_KEY: dc.publicKey, STORE_URL: 'memory://', HTTP_PORT: '0',
    }), silent);
    cleanups.push(() => served.stop());
    const res = await fetch(`http://127.0.0.1:${served.httpPort}/readyz`);
    expect(res.status).toBe(503);
    expect(JSON.stringify(await res.json())).toMatch(/rejected the token/);
    expect(dc.gatewayStats().connections).toBe(0);
  });
});

describe('the gateway at size: shards in one process', () => {
  for (const [setting, recommended] of [[2, 1], ['auto', 2]] as const) {
    it(`runs ${setting === 'auto' ? 'the recommended number of' : 'two'} shards, each with its servers' interactions`, async () => {
      // Both shards may identify at once (else discord.js waits 5 s between them, as Discord asks).
      const dc = await fake({ recommendedShards: recommended, maxConcurrency: 2 });
      const services = await testServices();
      const dispatcher = new Dispatcher(services);
      const answered: string[] = [];
      const adapter = createDiscordAdapter({
        token: dc.token, applicationId: dc.applicationId, apiUrl: dc.restApi, services, log: silent, shards: setting,
        observe: (o) => { if (o.ok) answered.push(o.interactionId); },
      });
      cleanups.push(() => adapter.stop());
      await adapter.start((inv) => dispatcher.dispatch(inv));
      expect(dc.gatewayStats()).toMatchObject({ identifies: 2, open: 2 });
      expect(adapter.ready()).toBe(true);
      const one = dc.slashCommand({ guildId: G, name: 'start' });
      const two = dc.slashCommand({ guildId: G2, name: 'start' });
      await until(() => answered.includes(one.id) && answered.includes(two.id), 5000, 'both answered');
      expect([one, two].map((h) => h.responses()[0]?.callbackType)).toEqual([4, 4]);
    });
  }
});
