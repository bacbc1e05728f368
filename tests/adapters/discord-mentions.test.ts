/**
 * Command mentions from registered ids (kept across restarts), Discord
 * timestamps, and reminders with buttons — real discord.js against the
 * loopback fake.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  commandIdsKey,
  createDiscordAdapter,
  REGISTRATION_NAMESPACE,
  type DiscordAdapter,
  type InteractionOutcome,
} from '../../adapters/discord/index.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Command, Services } from '../../src/commands/types.js';
import { createLogger } from '../../src/log.js';
import { action, command, message, paragraph, reply, text, time } from '../../src/rich/build.js';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../fakes/discord/index.js';
import { testServices } from '../helpers/core.js';

const G = '210000000000000001';
const C = '210000000000000002';
const AT = new Date('2026-12-16T04:00:00Z');

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** `/hint`: a command hint and a date, the way /next and /upcoming write them. */
const hint: Command = {
  name: 'hint', access: 'everyone', options: [],
  run: () => reply(message('Next', [paragraph('Try ', command('/demands smk'), '. Next reminder: ', time('16 December 2026, 09:00', AT), '.')])),
};

/** `/more [n]`: a step with a button to the next one. */
const more: Command = {
  name: 'more', access: 'everyone', options: [{ name: 'n', type: 'string' }],
  run: (_args, inv) => reply(message(`More ${inv.text || '1'}`, [paragraph('x')]), undefined, [action('Again', 'more', String(Number(inv.text || '1') + 1))]),
};

async function fake(): Promise<FakeDiscord> {
  const dc = await startFakeDiscord({ guilds: [{ id: G, name: 'Solidarity', channels: [{ id: C, name: 'general' }] }] });
  cleanups.push(() => dc.close());
  return dc;
}

interface Running { adapter: DiscordAdapter; answered(h: InteractionHandle): Promise<InteractionOutcome> }

async function started(dc: FakeDiscord, services: Services): Promise<Running> {
  const done = new Map<string, InteractionOutcome>();
  const waiting = new Map<string, (o: InteractionOutcome) => void>();
  const adapter = createDiscordAdapter({
    token: dc.token, applicationId: dc.applicationId, guildId: G, apiUrl: dc.restApi, services, log: createLogger({ level: 'silent' }),
    observe: (o) => { done.set(o.interactionId, o); waiting.get(o.interactionId)?.(o); },
  });
  const dispatcher = new Dispatcher(services);
  await adapter.start((inv) => dispatcher.dispatch(inv));
  cleanups.push(() => adapter.stop());
  return { adapter, answered: (h) => new Promise((resolve) => { const o = done.get(h.id); if (o) resolve(o); else waiting.set(h.id, resolve); }) };
}

const descriptionOf = (h: InteractionHandle): string => (h.responses()[0]!.embeds![0] as { description: string }).description;

describe('discord command mentions', () => {
  it('renders command hints as mentions with the ids the overwrite returned, and keeps the ids across restarts', async () => {
    const dc = await fake();
    const base = await testServices();
    const services: Services = { ...base, commands: [...base.commands, hint] };
    const first = await started(dc, services);
    await first.adapter.registered();
    const demands = dc.commands(G).find((c) => c.name === 'demands')!.id;
    expect(first.adapter.knownCommandIds()).toMatchObject({ demands, hint: dc.commands(G).find((c) => c.name === 'hint')!.id });
    expect(await services.store.get(REGISTRATION_NAMESPACE, commandIdsKey(dc.applicationId, G))).toEqual(first.adapter.knownCommandIds());

    const h = dc.slashCommand({ guildId: G, name: 'hint' });
    await first.answered(h);
    expect(descriptionOf(h)).toBe(`Try </demands:${demands}> smk. Next reminder: <t:${AT.getTime() / 1000}:F>.`);
    await first.adapter.stop();

    // A restart: nothing registered again, nothing asked, the same mentions.
    const requests = dc.requests.length;
    const second = await started(dc, services);
    expect(await second.adapter.registered()).toMatchObject({ status: 'unchanged', ids: first.adapter.knownCommandIds() });
    expect(dc.commandRegistrations).toHaveLength(1);
    expect(dc.requests.slice(requests).filter((r) => r.path.includes('/commands'))).toEqual([]);
    const again = dc.slashCommand({ guildId: G, name: 'hint' });
    await second.answered(again);
    expect(descriptionOf(again)).toContain(`</demands:${demands}> smk`);
  });

  it('reads the ids once when an earlier version kept only the hash, and shows code while no id is known', async () => {
    const dc = await fake();
    const base = await testServices();
    const services: Services = { ...base, commands: [...base.commands, hint] };
    dc.failNext('PUT /applications/:app/guilds/:guild/commands', { kind: 'error', status: 400, code: 50035, message: 'Invalid Form Body' });
    const unregistered = await started(dc, services);
    expect(await unregistered.adapter.registered()).toBeUndefined();
    const h = dc.slashCommand({ guildId: G, name: 'hint' });
    await unregistered.answered(h);
    expect(descriptionOf(h)).toMatch(/^Try `\/demands smk`\./);
    await unregistered.adapter.stop();

    const registered = await started(dc, services);
    await registered.adapter.registered();
    await services.store.delete(REGISTRATION_NAMESPACE, commandIdsKey(dc.applicationId, G));
    await registered.adapter.stop();
    const upgraded = await started(dc, services);
    expect(await upgraded.adapter.registered()).toMatchObject({ status: 'unchanged' });
    expect(upgraded.adapter.knownCommandIds().demands).toBe(dc.commands(G).find((c) => c.name === 'demands')!.id);
    expect(dc.requests.filter((r) => r.method === 'GET' && r.route?.endsWith('/commands'))).toHaveLength(1);
    expect(await services.store.get(REGISTRATION_NAMESPACE, commandIdsKey(dc.applicationId, G))).toEqual(upgraded.adapter.knownCommandIds());
  });
});

describe('discord reminders with actions', () => {
  it('posts the actions as buttons; a press answers the presser privately and leaves the reminder for everyone', async () => {
    const dc = await fake();
    const base = await testServices();
    const services: Services = { ...base, commands: [...base.commands, more] };
    const { answered } = await started(dc, services);
    // A send-only adapter (as `placard reminders` would use) finds the kept ids in the store.
    const sender = createDiscordAdapter({ token: dc.token, applicationId: dc.applicationId, guildId: G, apiUrl: dc.restApi, services, log: createLogger({ level: 'silent' }) });
    cleanups.push(() => sender.stop());
    const reminder = message('15 years ago today', [paragraph(text('Striking oil workers were killed in Zhanaozen. See '), command('/timeline'), '.')]);
    expect(await sender.send({ platform: 'discord', chatId: C, kind: 'group' }, reminder, [action('More', 'more', '1'), action('Timeline', 'timeline')])).toEqual({ kind: 'sent' });
    const [posted] = dc.channelMessages(C);
    const before = JSON.stringify(posted);
    expect(posted).toMatchObject({ source: 'channel', allowedMentions: { parse: [] } });
    expect((posted!.embeds[0] as { description: string }).description).toMatch(/See <\/timeline:\d+>\.$/);
    expect(dc.pressables(posted!.id).map((p) => [p.label, p.customId])).toEqual([['More', 'a|more|1'], ['Timeline', 'a|timeline|']]);

    const press = dc.press(posted!.id, 'More');
    expect(await answered(press)).toMatchObject({ ok: true, kind: 'button', command: 'more' });
    expect(press.responses()).toMatchObject([{ callbackType: 4, ephemeral: true, ok: true, allowedMentions: { parse: [] }, embeds: [{ title: 'More 1' }] }]);
    expect(JSON.stringify(dc.message(posted!.id))).toBe(before);

    // The private answer is a conversation of its own: its buttons update it in place.
    const privateAnswer = press.responses()[0]!.messageId!;
    const h = dc.press(privateAnswer, 'Again');
    await answered(h);
    expect(h.responses()).toMatchObject([{ ok: true, callbackType: 7 }]);
    expect(dc.message(privateAnswer)).toMatchObject({ ephemeral: true, embeds: [{ title: 'More 2' }] });
    expect(JSON.stringify(dc.message(posted!.id))).toBe(before);
  });
});
