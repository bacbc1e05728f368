/** `send` for the scheduler: channel posts and how Discord's answers map to SendResult. */
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter, sendResultOf, type DiscordAdapter } from '../../adapters/discord/index.js';
import type { ChatRef } from '../../src/chat.js';
import { createLogger } from '../../src/log.js';
import { message, paragraph } from '../../src/rich/build.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { testServices } from '../helpers/core.js';

const G = '210000000000000001';
const channels = ['210000000000000002', '210000000000000003', '210000000000000004', '210000000000000005'] as const;
const [C1, C2, C3, C4] = channels;
const POST = 'POST /channels/:id/messages';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** A fake and an adapter that is never started: sending needs no gateway session. */
async function rig(): Promise<{ dc: FakeDiscord; adapter: DiscordAdapter }> {
  const dc = await startFakeDiscord({ guilds: [{ id: G, name: 'Solidarity', channels: channels.map((id, i) => ({ id, name: `c${i}` })) }] });
  cleanups.push(() => dc.close());
  const adapter = createDiscordAdapter({
    token: dc.token, applicationId: dc.applicationId, guildId: G, apiUrl: dc.restApi,
    services: await testServices(), log: createLogger({ level: 'silent' }),
  });
  cleanups.push(() => adapter.stop());
  return { dc, adapter };
}

const chat = (chatId: string): ChatRef => ({ platform: 'discord', chatId, kind: 'group' });
const reminder = message('On this day in 2011', [paragraph('Striking oil workers were killed in Zhanaozen. @everyone')]);

describe('discord send', () => {
  it('posts an embed to the channel without pinging anyone', async () => {
    const { dc, adapter } = await rig();
    expect(await adapter.send(chat(C1), reminder)).toEqual({ kind: 'sent' });
    const [posted] = dc.channelMessages(C1);
    expect(posted).toMatchObject({ source: 'channel', allowedMentions: { parse: [] }, embeds: [{ title: 'On this day in 2011' }] });
    expect(JSON.stringify(posted!.embeds)).not.toContain('@everyone');
  });

  it('posts a long message in several parts, each within the limits', async () => {
    const { dc, adapter } = await rig();
    const long = message('Long', Array.from({ length: 30 }, (_, i) => paragraph(`${i} `, 'solidarity '.repeat(40))));
    expect(await adapter.send(chat(C1), long)).toEqual({ kind: 'sent' });
    const posted = dc.channelMessages(C1);
    expect(posted.length).toBeGreaterThan(1);
    expect(posted.every((m) => JSON.stringify(m.allowedMentions) === '{"parse":[]}')).toBe(true);
  });

  it('a deleted channel or server is gone; missing access or permissions is forbidden (the subscription stays)', async () => {
    const { dc, adapter } = await rig();
    dc.removeChannel(C2);
    expect(await adapter.send(chat(C2), reminder)).toMatchObject({ kind: 'gone', reason: expect.stringContaining('10003') });
    dc.failNext(POST, { kind: 'error', status: 404, code: 10004, message: 'Unknown Guild' });
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'gone', reason: expect.stringContaining('10004') });
    dc.failNext(POST, 'missingAccess');
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'forbidden', reason: expect.stringContaining('50001') });
    dc.failNext(POST, 'missingPermissions');
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'forbidden', reason: expect.stringContaining('50013') });
    // A refusal with a code we do not know (here: a locked thread) keeps the subscription too.
    dc.failNext(POST, { kind: 'error', status: 403, code: 160005, message: 'Thread is locked' });
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'forbidden', reason: expect.stringContaining('160005') });
    expect(dc.channelMessages(C1)).toHaveLength(0);
  });

  it('5xx is transient and tried once: the client does not repeat a post by itself', async () => {
    const { dc, adapter } = await rig();
    dc.failNext(POST, 'serverError');
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'failed', transient: true });
    dc.failNext(POST, 'badGateway');
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'failed', transient: true });
    expect(await adapter.send(chat(C1), reminder)).toEqual({ kind: 'sent' });
    expect(dc.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([500, 502, 200]);
    expect(dc.channelMessages(C1)).toHaveLength(1);
  });

  it('a connection broken after the request went out is transient and ambiguous (it may have been posted)', async () => {
    const { dc, adapter } = await rig();
    dc.failNext(POST, 'drop');
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'failed', transient: true, ambiguous: true });
    dc.failNext(POST, 'reset');
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'failed', transient: true, ambiguous: true });
    expect(dc.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('other client errors fail for good; 401 and a 403/404 without a Discord code pause (configuration, not the chat)', async () => {
    const { dc, adapter } = await rig();
    dc.failNext(POST, { kind: 'error', status: 400, code: 50035, message: 'Invalid Form Body' });
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'failed', transient: false });
    dc.failNext(POST, { kind: 'error', status: 404, code: 0, message: '404: Not Found' });
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'paused', reason: expect.stringContaining('DISCORD_API_URL') });
    dc.failNext(POST, { kind: 'error', status: 403, code: 0, message: 'Forbidden' });
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'paused' });
    dc.failNext(POST, { kind: 'error', status: 401, code: 0, message: '401: Unauthorized' });
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'paused', reason: expect.stringContaining('401') });
    // @discordjs/rest drops its token after a 401; the next post works again once Discord takes it.
    expect(await adapter.send(chat(C1), reminder)).toEqual({ kind: 'sent' });
    dc.failNext(POST, { kind: 'error', status: 403, code: 50007, message: 'Cannot send messages to this user' });
    expect(await adapter.send(chat(C1), reminder)).toMatchObject({ kind: 'gone' });
    expect(await adapter.send({ platform: 'telegram', chatId: '1', kind: 'group' }, reminder)).toMatchObject({ kind: 'failed', transient: false });
  });

  it('a long rate limit surfaces as retryAfter; a short one is waited out', async () => {
    const { dc, adapter } = await rig();
    dc.failNext(POST, { kind: 'rateLimit', retryAfterMs: 60 });
    expect(await adapter.send(chat(C3), reminder)).toEqual({ kind: 'sent' });
    dc.failNext(POST, { kind: 'rateLimit', retryAfterMs: 30_000 });
    const limited = await adapter.send(chat(C4), reminder);
    expect(limited).toMatchObject({ kind: 'retryAfter', scope: 'chat' });
    expect(limited.kind === 'retryAfter' && limited.ms).toBeGreaterThanOrEqual(29_000);
    expect(limited.kind === 'retryAfter' && limited.ms).toBeLessThanOrEqual(31_000);
    // The bucket of that channel is known to be empty now: refused at once, without a request.
    const before = dc.requests.length;
    expect((await adapter.send(chat(C4), reminder)).kind).toBe('retryAfter');
    expect(dc.requests.length).toBe(before);
    expect(await adapter.send(chat(C1), reminder)).toEqual({ kind: 'sent' });
  });

  it('the global rate limit is for the whole bot: scope bot, and other channels wait too', async () => {
    const { dc, adapter } = await rig();
    dc.failNext(POST, { kind: 'rateLimit', retryAfterMs: 30_000, global: true });
    const limited = await adapter.send(chat(C1), reminder);
    expect(limited).toMatchObject({ kind: 'retryAfter', scope: 'bot' });
    expect(limited.kind === 'retryAfter' && limited.ms).toBeGreaterThanOrEqual(29_000);
    // @discordjs/rest now holds every route: another channel is refused without a request.
    const before = dc.requests.length;
    expect(await adapter.send(chat(C2), reminder)).toMatchObject({ kind: 'retryAfter', scope: 'bot' });
    expect(dc.requests.length).toBe(before);
  });

  it('maps plain errors as transient', () => {
    expect(sendResultOf(new TypeError('fetch failed'))).toMatchObject({ kind: 'failed', transient: true });
    expect(sendResultOf('weird')).toMatchObject({ kind: 'failed', transient: true });
  });
});
