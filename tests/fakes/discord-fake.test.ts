/**
 * Self-test of the Discord fake: a bare discord.js Client (no Placard code)
 * logs in over the loopback REST + gateway and is driven end to end.
 */
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Routes,
  type ClientOptions,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './discord/index.js';
import { bareDiscordEchoClient } from './discord/echo-client.js';

const G = '210000000000000001';
const C = '210000000000000002';
const C2 = '210000000000000003';
const guilds = [{ id: G, name: 'Solidarity', ownerId: '310000000000000009', channels: [{ id: C, name: 'general' }, { id: C2, name: 'news' }] }];

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function setup(
  onInteraction?: (i: Interaction, client: Client) => Promise<unknown>,
  options: FakeDiscordOptions = {},
  clientOptions: Partial<ClientOptions> = {},
): Promise<{ dc: FakeDiscord; client: Client; errors: unknown[] }> {
  const dc = await startFakeDiscord({ guilds, ...options });
  cleanups.push(() => dc.close());
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: dc.restApi }, ...clientOptions });
  cleanups.push(() => client.destroy());
  const errors: unknown[] = [];
  if (onInteraction) client.on(Events.InteractionCreate, (i) => void onInteraction(i, client).catch((e: unknown) => errors.push(e)));
  const ready = once(client, Events.ClientReady);
  await client.login(dc.token);
  await ready;
  return { dc, client, errors };
}

/** A promise plus its resolver, for waiting on the bot's side without sleeps. */
function signal<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const apiError = (e: unknown): DiscordAPIError => {
  expect(e).toBeInstanceOf(DiscordAPIError);
  return e as DiscordAPIError;
};

describe('discord fake: gateway', () => {
  it('logs a bare client in: READY, GUILD_CREATE, application', async () => {
    const { dc, client } = await setup();
    expect(client.user?.id).toBe(dc.applicationId);
    expect(client.application?.id).toBe(dc.applicationId);
    expect(client.guilds.cache.get(G)?.name).toBe('Solidarity');
    expect(client.channels.cache.get(C)?.isTextBased()).toBe(true);
    expect(dc.gatewayStats()).toMatchObject({ identifies: 1, resumes: 0, open: 1 });
    expect(dc.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /gateway/bot');
  });

  it('acknowledges heartbeats; unacknowledged ones make the client resume', async () => {
    const { dc, client } = await setup(undefined, { heartbeatIntervalMs: 100 });
    await dc.waitFor(() => dc.gatewayStats().heartbeats >= 2, { what: 'two heartbeats' });
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
    dc.setHeartbeatAcks(false);
    await dc.waitFor(() => dc.gatewayStats().resumes >= 1, { what: 'a resume after a zombied connection' });
    expect(dc.gatewayStats().identifies).toBe(1);
  });

  it('resumes after a dropped socket and replays what was missed', async () => {
    const { dc } = await setup(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: `re:${i.commandName}`, allowedMentions: { parse: [] } });
    });
    dc.dropGateway();
    // Dispatched while the socket is down: delivered by the RESUME replay.
    const missed = dc.slashCommand({ guildId: G, channelId: C, name: 'missed' });
    await dc.waitFor(() => dc.gatewayStats().resumes === 1, { what: 'a resume' });
    expect((await missed.waitForResponse()).content).toBe('re:missed');
    const after = dc.slashCommand({ guildId: G, channelId: C, name: 'after' });
    expect((await after.waitForResponse()).content).toBe('re:after');
    expect(dc.gatewayStats()).toMatchObject({ identifies: 1, resumes: 1 });
    expect(dc.gatewayStats().closeCodes).toContain(1006);
    expect(dc.gatewayStats().urls).toEqual(['/gateway?v=10&encoding=json', '/gateway-resume?v=10&encoding=json']);
  });

  it('re-identifies after being down, on the same port', async () => {
    const noThrottle = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) };
    const { dc, client } = await setup(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'back' });
    }, {}, { ws: noThrottle });
    const refused = signal<void>();
    client.on(Events.Debug, (m) => m.includes('network error') && refused.resolve());
    await dc.setDown(true);
    await refused.promise; // the client's resume was refused, so it drops its session and will identify anew
    await dc.setDown(false);
    await dc.waitFor(() => dc.gatewayStats().identifies === 2, { what: 'a second identify', timeoutMs: 10_000 });
    const handle = dc.slashCommand({ guildId: G, name: 'ping' });
    expect((await handle.waitForResponse()).content).toBe('back');
  });

  it('closes 4004 on a bad token; the client rejects a bad REST token', async () => {
    const dc = await startFakeDiscord({ guilds });
    cleanups.push(() => dc.close());
    const ws = new WebSocket(`${dc.gatewayUrl}?v=10&encoding=json`);
    await once(ws, 'message');
    ws.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    const [code] = (await once(ws, 'close')) as [number];
    expect(code).toBe(4004);
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: dc.restApi } });
    cleanups.push(() => client.destroy());
    await expect(client.login('not-the-token')).rejects.toThrow(/token/i);
  });
});

describe('discord fake: interactions', () => {
  it('records a reply with allowed_mentions and typed options', async () => {
    const seen: unknown[] = [];
    const { dc } = await setup(async (i) => {
      if (!i.isChatInputCommand()) return;
      seen.push(i.options.getString('topic'), i.options.getInteger('count'), i.memberPermissions?.bitfield, i.guildId);
      await i.reply({ content: 'hi', allowedMentions: { parse: [] } });
    });
    const handle = dc.slashCommand({ guildId: G, channelId: C, name: 'demands', options: { topic: 'wages', count: 3 } });
    const reply = await handle.waitForResponse();
    expect(reply).toMatchObject({ kind: 'callback', callbackType: 4, ok: true, content: 'hi', allowedMentions: { parse: [] } });
    expect(seen).toEqual(['wages', 3, expect.any(BigInt), G]);
    expect(dc.channelMessages(C).map((m) => m.content)).toEqual(['hi']);
  });

  it('records deferReply, editReply and followUp in order; ephemeral flag 64', async () => {
    const returned = signal<unknown[]>();
    const { dc } = await setup(async (i) => {
      if (!i.isChatInputCommand()) return;
      if (i.commandName === 'secret') {
        const res = await i.reply({ content: 'only you', flags: MessageFlags.Ephemeral, withResponse: true });
        return returned.resolve([res.resource?.message?.content, res.interaction.responseMessageEphemeral]);
      }
      await i.deferReply();
      await i.editReply({ content: 'done', allowedMentions: { parse: [] } });
      await i.followUp({ content: 'more', allowedMentions: { parse: [] } });
    });
    const slow = dc.slashCommand({ guildId: G, name: 'timeline' });
    const [defer, edit, follow] = await slow.waitForResponses(3);
    expect([defer?.kind, defer?.callbackType, edit?.kind, follow?.kind]).toEqual(['callback', 5, 'edit', 'followup']);
    expect(slow.original()).toMatchObject({ content: 'done', loading: false });
    expect(follow).toMatchObject({ content: 'more', allowedMentions: { parse: [] } });
    const secret = await dc.slashCommand({ guildId: G, name: 'secret' }).waitForResponse();
    expect(secret).toMatchObject({ flags: 64, ephemeral: true });
    expect(await returned.promise).toEqual(['only you', true]);
  });

  it('rejects a second callback (40060) and a late one (10062)', async () => {
    const outcomes: number[] = [];
    const settled = signal<void>();
    const record = (e: unknown): void => {
      outcomes.push(apiError(e).code as number);
      if (outcomes.length === 3) settled.resolve();
    };
    const { dc } = await setup(async (i, client) => {
      if (!i.isChatInputCommand()) return;
      if (i.commandName === 'slow') await new Promise((r) => setTimeout(r, 600)); // a slow bot, not a test wait
      await i.reply({ content: 'first' }).catch(record);
      const again = { type: 4, data: { content: 'second' } };
      await client.rest.post(Routes.interactionCallback(i.id, i.token), { body: again, auth: false }).catch(record);
    }, { interactionTimeoutMs: 500 });
    const fast = dc.slashCommand({ guildId: G, name: 'fast' });
    await fast.waitForResponses(2);
    dc.slashCommand({ guildId: G, name: 'slow' });
    await settled.promise;
    expect(outcomes).toEqual([40060, 10062, 10062]);
    expect(fast.responses().map((r) => [r.ok, r.error?.code])).toEqual([[true, undefined], [false, 40060]]);
  });

  it('autocomplete: up to 25 choices accepted, more rejected', async () => {
    const { dc } = await setup(async (i) => {
      if (!i.isAutocomplete()) return;
      const n = Number(i.options.getFocused());
      await i.respond(Array.from({ length: n }, (_, k) => ({ name: `choice ${k}`, value: `v${k}` })));
    });
    const ok = await dc.autocomplete({ guildId: G, name: 'statement', options: { id: '25' } }).waitForResponse();
    expect(ok).toMatchObject({ callbackType: 8, ok: true });
    expect(ok.choices).toHaveLength(25);
    const tooMany = await dc.autocomplete({ guildId: G, name: 'statement', options: { id: '26' } }).waitForResponse();
    expect(tooMany).toMatchObject({ ok: false, status: 400, error: { code: 50035 } });
  });

  it('component press: update edits the message', async () => {
    const { dc } = await setup(async (i) => {
      if (i.isChatInputCommand()) {
        const button = { type: 2, style: 1, label: 'Next', custom_id: 'page:2' };
        await i.reply({ content: 'page 1', components: [{ type: 1, components: [button] }] });
      } else if (i.isButton()) {
        await i.update({ content: `now ${i.customId}` });
      }
    });
    const first = await dc.slashCommand({ guildId: G, name: 'signatories' }).waitForResponse();
    const press = dc.pressButton({ customId: 'page:2', messageId: first.messageId! });
    expect(await press.waitForResponse()).toMatchObject({ callbackType: 7, ok: true });
    expect(dc.message(first.messageId!)?.content).toBe('now page:2');
  });

  it('DM interactions carry user instead of member', async () => {
    const { dc } = await setup(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: `dm:${String(i.inGuild())}:${i.user.username}` });
    });
    const handle = dc.slashCommand({ name: 'help', user: { id: '320000000000000001', username: 'ally' } });
    expect((await handle.waitForResponse()).content).toBe('dm:false:ally');
    expect(handle.payload.member).toBeUndefined();
  });
});

describe('discord fake: REST', () => {
  it('records global and guild bulk overwrites; slash commands use the registered ids', async () => {
    const { dc, client } = await setup(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: i.commandId });
    });
    const defs = [{ name: 'demands', description: 'Show the demands' }, { name: 'subscribe', description: 'Admins', defaultMemberPermissions: '32' }];
    await client.application!.commands.set(defs);
    await client.application!.commands.set([defs[0]!], G);
    expect(dc.commandRegistrations.map((r) => [r.scope, r.guildId, r.status])).toEqual([['global', null, 200], ['guild', G, 200]]);
    expect(dc.commands().map((c) => [c.name, c.default_member_permissions])).toEqual([['demands', null], ['subscribe', '32']]);
    const registered = dc.commands(G)[0]!;
    expect((await dc.slashCommand({ guildId: G, name: 'demands' }).waitForResponse()).content).toBe(registered.id);
    await expect(client.application!.commands.set([{ name: 'Bad Name', description: '' }])).rejects.toMatchObject({ code: 50035 });
  });

  it('channel.send records the message; injected 404 surfaces as DiscordAPIError 10003', async () => {
    const { dc, client } = await setup();
    const channel = client.channels.cache.get(C) as TextChannel;
    await channel.send({ content: 'On this day', allowedMentions: { parse: [] } });
    expect(dc.channelMessages(C)[0]).toMatchObject({ content: 'On this day', allowedMentions: { parse: [] }, source: 'channel' });
    dc.failNext('POST /channels/:id/messages', 'unknownChannel');
    const error = apiError(await channel.send('x').catch((e: unknown) => e));
    expect([error.status, error.code]).toEqual([404, 10003]);
    dc.failNext('POST /channels/:id/messages', 'missingPermissions');
    expect(apiError(await channel.send('x').catch((e: unknown) => e)).code).toBe(50013);
    dc.removeChannel(C2);
    expect(apiError(await client.rest.post(Routes.channelMessages(C2), { body: { content: 'x' } }).catch((e: unknown) => e)).code).toBe(10003);
  });

  it('a 429 is retried by @discordjs/rest and then succeeds; 5xx retried too', async () => {
    const { dc, client } = await setup();
    const channel = client.channels.cache.get(C) as TextChannel;
    dc.failNext('POST /channels/:id/messages', { kind: 'rateLimit', retryAfterMs: 60 });
    await channel.send('after the limit');
    const posts = dc.requests.filter((r) => r.path === `/channels/${C}/messages`).map((r) => r.status);
    expect(posts).toEqual([429, 200]);
    dc.failNext('POST /channels/:id/messages', 'badGateway', 2);
    await channel.send('after two 502s');
    expect(dc.channelMessages(C)).toHaveLength(2);
  });

  it('enforces its own buckets with X-RateLimit headers the client honours', async () => {
    const { dc, client } = await setup(undefined, { rateLimit: { limit: 2, windowMs: 300 } });
    const channel = client.channels.cache.get(C) as TextChannel;
    await Promise.all([1, 2, 3, 4, 5].map((n) => channel.send(`n${n}`)));
    expect(dc.channelMessages(C).map((m) => m.content)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(dc.requests.filter((r) => r.status === 429)).toHaveLength(0);
  });

  it('rejects oversized content and embeds (50035) and empty messages (50006)', async () => {
    const { dc, client } = await setup();
    const send = (body: object): Promise<number> =>
      client.rest.post(Routes.channelMessages(C), { body }).then(() => 0, (e: unknown) => apiError(e).code as number);
    expect(await send({ content: 'x'.repeat(2001) })).toBe(50035);
    expect(await send({ embeds: [{ description: 'x'.repeat(4097) }] })).toBe(50035);
    expect(await send({ embeds: [{ title: 'x'.repeat(257) }] })).toBe(50035);
    expect(await send({ embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] })).toBe(50035);
    expect(await send({ embeds: [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2001) }] })).toBe(50035);
    expect(await send({ embeds: Array.from({ length: 11 }, () => ({ description: 'x' })) })).toBe(50035);
    expect(await send({ content: '' })).toBe(50006);
    expect(await send({ content: 'x'.repeat(2000), embeds: [{ description: 'x'.repeat(4096) }] })).toBe(0);
    expect(dc.channelMessages(C)).toHaveLength(1);
  });

  it('bareDiscordEchoClient answers every slash command', async () => {
    const dc = await startFakeDiscord({ guilds });
    cleanups.push(() => dc.close());
    const echo = await bareDiscordEchoClient(dc.restApi, dc.token, 'echo');
    cleanups.push(() => echo.stop());
    const handles = [dc.slashCommand({ guildId: G, name: 'a' }), dc.slashCommand({ name: 'b' })];
    const replies = await Promise.all(handles.map((h) => h.waitForResponse()));
    expect(replies.map((r) => [r.content, r.allowedMentions])).toEqual([['echo', { parse: [] }], ['echo', { parse: [] }]]);
  });
});
