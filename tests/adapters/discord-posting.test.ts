/**
 * Where reminders may go: the bot's permissions in a channel (checkPosting,
 * from the gateway cache and over REST, and on the Invocations the adapter
 * builds), a `channel` option that must belong to the server, and
 * `placard doctor`'s read-only checks.
 */
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHANNEL_ELSEWHERE,
  CHANNEL_IN_DM,
  channelPermissions,
  createDiscordAdapter,
  postingProblem,
  type DiscordAdapter,
} from '../../adapters/discord/index.js';
import type { ChatRef } from '../../src/chat.js';
import type { Invocation } from '../../src/commands/types.js';
import { createLogger } from '../../src/log.js';
import { message, paragraph } from '../../src/rich/build.js';
import { ADMIN_PERMISSIONS, DEFAULT_MEMBER_PERMISSIONS, startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { testServices } from '../helpers/core.js';

const G = '210000000000000001';
const OK = '210000000000000002';
const NO_EMBEDS = '210000000000000003';
const BOT_ROLE_ONLY = '210000000000000004';
const G2 = '250000000000000001';
const ELSEWHERE = '250000000000000002';
const ROLE = '210000000000000099';

const bits = (...flags: bigint[]): string => String(flags.reduce((a, b) => a | b, 0n));
const { ViewChannel, SendMessages, EmbedLinks } = PermissionFlagsBits;
const WITHOUT_EMBEDS = String(BigInt(DEFAULT_MEMBER_PERMISSIONS) & ~EmbedLinks);

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function fake(): Promise<FakeDiscord> {
  const dc = await startFakeDiscord({
    guilds: [
      {
        id: G, name: 'Solidarity', roles: [{ id: ROLE, name: 'Placard', permissions: '0' }], botRoleIds: [ROLE],
        channels: [
          { id: OK, name: 'general' },
          { id: NO_EMBEDS, name: 'no-embeds', overwrites: [{ id: G, type: 0, allow: '0', deny: bits(EmbedLinks) }] },
          // Closed to everyone, opened to the bot's role: the bot may post.
          { id: BOT_ROLE_ONLY, name: 'staff', overwrites: [
            { id: G, type: 0, allow: '0', deny: bits(ViewChannel, SendMessages) },
            { id: ROLE, type: 0, allow: bits(ViewChannel, SendMessages), deny: '0' },
          ] },
        ],
      },
      { id: G2, name: 'Elsewhere', everyonePermissions: WITHOUT_EMBEDS, channels: [{ id: ELSEWHERE, name: 'general' }] },
    ],
  });
  cleanups.push(() => dc.close());
  return dc;
}

/** An adapter whose handler records each Invocation; started when `start`. */
async function adapterOn(dc: FakeDiscord, start: boolean, applicationId = dc.applicationId): Promise<{ adapter: DiscordAdapter; seen: Invocation[] }> {
  const services = await testServices();
  const seen: Invocation[] = [];
  const adapter = createDiscordAdapter({
    token: dc.token, applicationId, guildId: G, apiUrl: dc.restApi, services, log: createLogger({ level: 'silent' }),
  });
  cleanups.push(() => adapter.stop());
  if (start) {
    await adapter.start(async (inv) => { seen.push(inv); return { messages: [message('ok', [paragraph('ok')])] }; });
    await adapter.registered();
  }
  return { adapter, seen };
}

const chat = (chatId: string): ChatRef => ({ platform: 'discord', chatId, kind: 'group' });
const expected = {
  [OK]: undefined,
  [NO_EMBEDS]: { missing: ['Embed Links'] },
  [BOT_ROLE_ONLY]: undefined,
  [ELSEWHERE]: { missing: ['Embed Links'] },
};
const writes = (dc: FakeDiscord): string[] => dc.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

describe('discord checkPosting', () => {
  it('reads the bot’s permissions from the gateway cache, without a request', async () => {
    const dc = await fake();
    const { adapter } = await adapterOn(dc, true);
    const before = dc.requests.length;
    for (const [channel, want] of Object.entries(expected)) {
      const problem = await adapter.checkPosting(chat(channel));
      if (want === undefined) expect(problem, channel).toBeUndefined();
      else expect(problem, channel).toMatchObject({ ...want, reason: expect.stringContaining('Embed Links') });
    }
    expect(dc.requests.length).toBe(before);
  });

  it('asks over REST without a gateway session (channel, roles, own member), with the same answers, and never posts', async () => {
    const dc = await fake();
    const { adapter } = await adapterOn(dc, false);
    for (const [channel, want] of Object.entries(expected)) {
      const problem = await adapter.checkPosting(chat(channel));
      if (want === undefined) expect(problem, channel).toBeUndefined();
      else expect(problem, channel).toMatchObject(want);
    }
    expect(dc.requests.some((r) => r.path === `/guilds/${G}/roles`)).toBe(true);
    expect(dc.requests.some((r) => r.path === `/guilds/${G}/members/${dc.applicationId}`)).toBe(true);
    dc.removeChannel(OK);
    expect(await adapter.checkPosting(chat(OK))).toMatchObject({ missing: ['View Channel'] });
    expect(writes(dc)).toEqual([]);
  });

  it('computes permissions as Discord documents: roles, Administrator, overwrites in order', () => {
    const roles = [{ id: G, permissions: bits(ViewChannel, SendMessages, EmbedLinks) }, { id: ROLE, permissions: bits(PermissionFlagsBits.Administrator) }];
    const denyAll = [{ id: G, type: 0 as const, allow: '0', deny: bits(ViewChannel, SendMessages, EmbedLinks) }];
    expect(postingProblem(channelPermissions({ guildId: G, memberId: '1', roles, memberRoleIds: [ROLE], overwrites: denyAll }))).toBeUndefined();
    const member = [...denyAll, { id: '1', type: 1 as const, allow: bits(ViewChannel), deny: '0' }];
    expect(postingProblem(channelPermissions({ guildId: G, memberId: '1', roles, memberRoleIds: [], overwrites: member }))?.missing).toEqual(['Send Messages', 'Embed Links']);
    // In a thread, Send Messages in Threads is what counts.
    expect(postingProblem(ViewChannel | SendMessages | EmbedLinks, true)?.missing).toEqual(['Send Messages in Threads']);
  });

  it('gives Invocations a lazy checkPosting: the own channel from app_permissions, another channel asked', async () => {
    const dc = await fake();
    const { seen } = await adapterOn(dc, true);
    await dc.slashCommand({ guildId: G, channelId: OK, name: 'about', appPermissions: WITHOUT_EMBEDS }).waitForResponse();
    const inv = seen.at(-1)!;
    const before = dc.requests.length;
    expect(await inv.checkPosting?.()).toMatchObject({ missing: ['Embed Links'] });
    expect(dc.requests.length).toBe(before);
    expect(await inv.checkPosting?.(BOT_ROLE_ONLY)).toBeUndefined();
    expect(await inv.checkPosting?.(NO_EMBEDS)).toMatchObject({ missing: ['Embed Links'] });
  });
});

describe('discord channel option', () => {
  it('refuses a channel of another server, and any channel from a DM, before the command runs', async () => {
    const dc = await fake();
    const { seen } = await adapterOn(dc, true);
    const subscribe = (where: { guildId?: string }, channel: string): Promise<{ ephemeral: boolean; body: unknown }> =>
      dc.slashCommand({ ...where, name: 'subscribe', memberPermissions: ADMIN_PERMISSIONS, options: [{ name: 'channel', type: 7, value: channel }] }).waitForResponse();

    const elsewhere = await subscribe({ guildId: G }, ELSEWHERE);
    expect(elsewhere.ephemeral).toBe(true);
    expect(JSON.stringify(elsewhere.body)).toContain(CHANNEL_ELSEWHERE);
    const fromDm = await subscribe({}, OK);
    expect(fromDm.ephemeral).toBe(true);
    expect(JSON.stringify(fromDm.body)).toContain(CHANNEL_IN_DM.slice(0, 40));
    expect(seen).toHaveLength(0);

    const here = await subscribe({ guildId: G }, NO_EMBEDS);
    expect(here.ephemeral).toBe(false);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.options).toMatchObject({ channel: NO_EMBEDS });
  });
});

describe('discord doctor', () => {
  it('checks the token, the application id, the gateway and the registered commands, only reading', async () => {
    const dc = await fake();
    const { adapter: fresh } = await adapterOn(dc, false);
    const before = await fresh.doctor();
    expect(before.map((f) => [f.check, f.ok])).toEqual([['token', true], ['application', true], ['interactions', true], ['gateway', true], ['commands', false]]);
    expect(before.find((f) => f.check === 'commands')?.detail).toMatch(/placard register/);
    expect(writes(dc)).toEqual([]);

    await adapterOn(dc, true);
    expect((await fresh.doctor()).every((f) => f.ok)).toBe(true);

    const { adapter: wrongApp } = await adapterOn(dc, false, '100000000000000099');
    const app = (await wrongApp.doctor()).find((f) => f.check === 'application');
    expect(app).toMatchObject({ ok: false, detail: expect.stringContaining(dc.applicationId) });
    expect(writes(dc).filter((w) => !w.startsWith('PUT /applications/'))).toEqual([]);
  });

  it('a rejected token or an API that does not answer is one finding that says what to fix', async () => {
    const dc = await fake();
    const bad = createDiscordAdapter({
      token: 'bm90LXRoZS10b2tlbg.fake.wrong-discord-token', applicationId: dc.applicationId, apiUrl: dc.restApi,
      services: await testServices(), log: createLogger({ level: 'silent' }),
    });
    cleanups.push(() => bad.stop());
    expect(await bad.doctor()).toEqual([{ ok: false, check: 'token', detail: expect.stringContaining('DISCORD_TOKEN') }]);
    const { adapter } = await adapterOn(dc, false);
    await dc.setDown(true);
    expect(await adapter.doctor()).toEqual([{ ok: false, check: 'token', detail: expect.stringContaining('DISCORD_API_URL') }]);
  });
});
