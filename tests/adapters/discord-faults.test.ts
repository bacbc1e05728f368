/**
 * Ordinary faults, seen by the Discord adapter against the loopback fake:
 * a hung POST, an API that does not answer, failures in a row and the
 * readiness they cost, a lost gateway, unanswered heartbeats, and the log
 * lines a burst of failures leaves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from '../../adapters/discord/index.js';
import type { ChatRef } from '../../src/chat.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import { createLogger } from '../../src/log.js';
import { message, paragraph } from '../../src/rich/build.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { testServices } from '../helpers/core.js';
import { until } from '../helpers/wait.js';
import { captureLogs, type LogCapture } from './discord-harness.js';

const G = '210000000000000001';
const C1 = '210000000000000002';
const C2 = '210000000000000003';
const POST = 'POST /channels/:id/messages';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function fake(heartbeatIntervalMs?: number): Promise<FakeDiscord> {
  const dc = await startFakeDiscord({
    guilds: [{ id: G, name: 'Solidarity', channels: [{ id: C1, name: 'general' }, { id: C2, name: 'news' }] }],
    ...(heartbeatIntervalMs === undefined ? {} : { heartbeatIntervalMs }),
  });
  cleanups.push(() => dc.close());
  return dc;
}

type Extra = Partial<Omit<DiscordAdapterOptions, 'services' | 'log'>>;

/** An adapter on `dc`; started (gateway connected, commands registered) when `start`. */
async function adapterOn(dc: FakeDiscord, start: boolean, extra: Extra = {}, logs?: LogCapture): Promise<DiscordAdapter> {
  const services = await testServices();
  const adapter = createDiscordAdapter({
    token: dc.token, applicationId: dc.applicationId, guildId: G, apiUrl: dc.restApi, services,
    log: logs ? createLogger({ level: 'info', destination: logs.destination }) : createLogger({ level: 'silent' }),
    retry: { initialMs: 20, maxMs: 80 },
    ...extra,
  });
  cleanups.push(() => adapter.stop());
  if (start) {
    const dispatcher = new Dispatcher(services);
    await adapter.start((inv) => dispatcher.dispatch(inv));
    await adapter.registered();
  }
  return adapter;
}

const chat = (chatId: string, kind: ChatRef['kind'] = 'group'): ChatRef => ({ platform: 'discord', chatId, kind });
const reminder = message('On this day in 2011', [paragraph('Striking oil workers were killed in Zhanaozen.')]);
const posts = (dc: FakeDiscord): number => dc.requests.filter((r) => r.method === 'POST' && r.route === '/channels/:channel/messages').length;

describe('discord send under faults', () => {
  it('a hung POST comes back within the timeout as failed and ambiguous, is not re-sent, and holds up no other channel', async () => {
    const dc = await fake();
    const adapter = await adapterOn(dc, false, { requestTimeoutMs: 300 });
    dc.failNext(POST, 'hang');
    const started = Date.now();
    const hung = adapter.send(chat(C1), reminder);
    // Another channel goes out meanwhile (its own bucket, its own request).
    expect(await adapter.send(chat(C2), reminder)).toEqual({ kind: 'sent' });
    expect(Date.now() - started).toBeLessThan(300);
    expect(await hung).toMatchObject({ kind: 'failed', transient: true, ambiguous: true });
    expect(Date.now() - started).toBeLessThan(2000);
    // @discordjs/rest would retry a timed-out request by default; this client must not.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(posts(dc)).toBe(2);
    expect(await adapter.send(chat(C1), reminder)).toEqual({ kind: 'sent' });
  });

  it('an API that refuses connections or a host that does not resolve pauses (nothing was sent)', async () => {
    const dc = await fake();
    const adapter = await adapterOn(dc, false);
    await dc.setDown(true);
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'paused', reason: expect.stringContaining('ECONNREFUSED') });
    await dc.setDown(false);
    expect(await adapter.send(chat(C1), reminder)).toEqual({ kind: 'sent' });
    const nowhere = createDiscordAdapter({
      token: dc.token, applicationId: dc.applicationId, apiUrl: 'http://placard-discord-fake.invalid/api',
      services: await testServices(), log: createLogger({ level: 'silent' }),
    });
    cleanups.push(() => nowhere.stop());
    expect(await nowhere.send(chat(C1), reminder)).toMatchObject({ kind: 'paused', reason: expect.stringMatching(/ENOTFOUND|EAI_AGAIN/) });
  });
});

describe('discord readiness', () => {
  it('is not ready after three API failures in a row, with the reason, and ready again after a success', async () => {
    const dc = await fake();
    const adapter = await adapterOn(dc, true, { probeIntervalMs: 60_000 });
    expect(adapter.ready()).toBe(true);
    dc.failNext(POST, 'serverError', 3);
    for (let i = 0; i < 2; i++) await adapter.send(chat(C1), reminder);
    expect(adapter.ready()).toBe(true);
    await adapter.send(chat(C1), reminder);
    expect(adapter.ready()).toBe(false);
    expect(adapter.notReadyReason()).toMatch(/failed 3 times in a row/);
    // A channel's own answer (gone, forbidden) is Discord answering: that counts as a success.
    dc.failNext(POST, 'missingPermissions');
    expect((await adapter.send(chat(C1), reminder)).kind).toBe('forbidden');
    expect(adapter.ready()).toBe(true);
    expect(adapter.notReadyReason()).toBeUndefined();
  });

  it('a 401 makes it not ready at once, naming the token; it comes back by itself when the API answers again', async () => {
    const dc = await fake();
    const adapter = await adapterOn(dc, true, { probeIntervalMs: 50 });
    dc.failNext(POST, { kind: 'error', status: 401, code: 0, message: '401: Unauthorized' });
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'paused' });
    expect(adapter.ready()).toBe(false);
    expect(adapter.notReadyReason()).toMatch(/token/);
    // No reminder is sent meanwhile (the core paused Discord); the adapter's own probe finds the API answering.
    await until(() => adapter.ready(), 5000, 'ready again');
    expect(dc.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot' && r.status === 200)).toBe(true);
    expect(posts(dc)).toBe(1);
  });

  it('is not ready while the gateway is lost, and ready again once it resumed', async () => {
    const dc = await fake();
    const adapter = await adapterOn(dc, true);
    expect(adapter.ready()).toBe(true);
    await dc.setDown(true);
    await until(() => !adapter.ready(), 5000, 'not ready');
    expect(adapter.notReadyReason()).toMatch(/gateway/);
    await dc.setDown(false);
    await until(() => adapter.ready(), 10_000, 'ready after the gateway came back');
  });

  it('unanswered heartbeats: discord.js finds the zombie connection, not ready until resumed', async () => {
    const dc = await fake(150);
    const adapter = await adapterOn(dc, true);
    expect(adapter.ready()).toBe(true);
    dc.setHeartbeatAcks(false);
    await until(() => !adapter.ready(), 5000, 'not ready on a zombie connection');
    expect(adapter.notReadyReason()).toMatch(/gateway connection was lost/);
    dc.setHeartbeatAcks(true);
    await until(() => adapter.ready() && dc.gatewayStats().resumes >= 1, 10_000, 'resumed');
  });

  it('a rejected token: not ready, and says so', async () => {
    const dc = await fake();
    const adapter = await adapterOn(dc, true, { token: 'bm90LXRoZS10b2tlbg.fake.wrong-discord-token' });
    expect(adapter.ready()).toBe(false);
    expect(adapter.notReadyReason()).toMatch(/rejected the token/);
  });
});

describe('discord send logs', () => {
  it('a burst of the same failure is one line, then one line with the count; a DM channel id never appears', async () => {
    const dc = await fake();
    const logs = captureLogs();
    const adapter = await adapterOn(dc, false, { logIntervalMs: 60_000 }, logs);
    const channels = Array.from({ length: 12 }, (_, i) => String(220000000000000000n + BigInt(i)));
    dc.failNext(POST, { kind: 'rateLimit', retryAfterMs: 30_000 }, channels.length);
    for (const id of channels) expect((await adapter.send(chat(id), reminder)).kind).toBe('retryAfter');
    const dm = '230000000000000777';
    dc.failNext(POST, 'missingAccess', 2);
    await adapter.send(chat(dm, 'private'), reminder);
    await adapter.send(chat(dm, 'private'), reminder);
    expect(logs.matching('rate limited')).toHaveLength(1);
    await adapter.stop();
    const limited = logs.matching('rate limited');
    expect(limited).toHaveLength(2);
    expect(limited[1]).toMatchObject({ repeated: channels.length - 1 });
    expect(logs.matching('may not post')).toHaveLength(2);
    expect(logs.lines.join('\n')).not.toContain(dm);
    expect(String(logs.matching('may not post')[0]!.chat)).toMatch(/^private:[0-9a-f]{10}$/);
  });
});
