/**
 * Reminders through Discord end to end: channels subscribe with /subscribe,
 * the scheduler posts on the anniversary, and a deleted channel ends its
 * subscription.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type InteractionOutcome } from '../../adapters/discord/index.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import { createLogger } from '../../src/log.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { readChatSettings } from '../../src/store/chat-settings.js';
import { ADMIN_PERMISSIONS, startFakeDiscord, type InteractionHandle } from '../fakes/discord/index.js';
import { testServices } from '../helpers/core.js';
import { C, startDiscordRig } from './discord-harness.js';

const G = '210000000000000001';
const KEPT = '210000000000000002';
const DELETED = '210000000000000003';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

describe('discord reminders', () => {
  it('posts the anniversary reminder to subscribed channels; a deleted channel ends its subscription', async () => {
    const dc = await startFakeDiscord({ guilds: [{ id: G, name: 'Solidarity', channels: [{ id: KEPT, name: 'general' }, { id: DELETED, name: 'old' }] }] });
    cleanups.push(() => dc.close());
    const services = await testServices();
    const dispatcher = new Dispatcher(services);
    const waiting = new Map<string, (o: InteractionOutcome) => void>();
    const log = createLogger({ level: 'silent' });
    const adapter = createDiscordAdapter({
      token: dc.token, applicationId: dc.applicationId, guildId: G, apiUrl: dc.restApi, services, log,
      observe: (o) => waiting.get(o.interactionId)?.(o),
    });
    const answered = (h: InteractionHandle): Promise<InteractionOutcome> => new Promise((resolve) => waiting.set(h.id, resolve));
    await adapter.start((inv) => dispatcher.dispatch(inv));
    cleanups.push(() => adapter.stop());

    for (const channelId of [KEPT, DELETED]) {
      const h = dc.slashCommand({ guildId: G, channelId, name: 'subscribe', memberPermissions: ADMIN_PERMISSIONS });
      expect(await answered(h)).toMatchObject({ ok: true });
      expect(h.responses()[0]).toMatchObject({ ok: true, ephemeral: false });
      expect(await readChatSettings(services.store, { platform: 'discord', chatId: channelId })).toMatchObject({ subscribed: true, kind: 'group' });
    }
    dc.removeChannel(DELETED);

    // 09:00 in Asia/Almaty (UTC+5) on the 15th anniversary of the Zhanaozen massacre.
    const scheduler = new Scheduler({
      campaign: services.campaign, store: services.store, adapters: new Map([['discord', adapter]]), catchUpHours: 6, log,
      clock: () => new Date('2026-12-16T04:00:00Z'), sleep: async () => undefined,
    });
    const report = await scheduler.tick();
    expect(report).toMatchObject({ near: true, sent: 1 });

    const posted = dc.channelMessages(KEPT).filter((m) => m.source === 'channel');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ allowedMentions: { parse: [] } });
    expect((posted[0]!.embeds[0] as { title?: string }).title).toMatch(/Zhanaozen/);
    expect(await readChatSettings(services.store, { platform: 'discord', chatId: DELETED })).toBeUndefined();
    expect(await readChatSettings(services.store, { platform: 'discord', chatId: KEPT })).toMatchObject({ subscribed: true });
  });

  it('posts to the channel chosen with /subscribe channel:, and /help on Telegram does not offer that option', async () => {
    const ANNOUNCE = '210000000000000009';
    const rig = await startDiscordRig({ channels: [{ id: ANNOUNCE, name: 'announcements' }] });
    cleanups.push(() => rig.close());
    const { dc, adapter, services, answered } = rig;
    const dispatcher = new Dispatcher(services);
    const log = createLogger({ level: 'silent' });
    const registered = dc.commands(G).find((c) => c.name === 'subscribe');
    expect((registered?.options as { name: string; type: number }[] | undefined)?.find((o) => o.name === 'channel')).toMatchObject({ type: 7 });

    const h = dc.slashCommand({ guildId: G, channelId: C, name: 'subscribe', memberPermissions: ADMIN_PERMISSIONS, options: { time: '10:00', channel: ANNOUNCE } });
    expect(await answered(h)).toMatchObject({ ok: true });
    expect(await readChatSettings(services.store, { platform: 'discord', chatId: C })).toMatchObject({ subscribed: true, targetId: ANNOUNCE, reminderTime: '10:00' });

    const scheduler = new Scheduler({
      campaign: services.campaign, store: services.store, adapters: new Map([['discord', adapter]]), catchUpHours: 6, log,
      clock: () => new Date('2026-12-16T05:00:00Z'), sleep: async () => undefined,
    });
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(dc.channelMessages(ANNOUNCE).filter((m) => m.source === 'channel')).toHaveLength(1);
    expect(dc.channelMessages(C).filter((m) => m.source === 'channel')).toHaveLength(0);

    const telegramHelp = await dispatcher.dispatch({ command: 'help', text: 'subscribe', chat: { platform: 'telegram', chatId: '1', kind: 'private' }, role: async () => 'admin', now: new Date() });
    expect(JSON.stringify(telegramHelp)).not.toContain('Channel to post');
  });
});
