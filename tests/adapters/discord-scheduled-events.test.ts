/**
 * Discord scheduled events for the coming anniversaries (`/subscribe
 * events:true`): the adapter's sync against the loopback fake, which checks
 * each request as Discord does (EXTERNAL needs a place and an end; name
 * 1–100, description ≤ 1000; privacy 2; Create Events, else 403 50013).
 * The clocks of the sync and of the fake are pinned to 20 November 2026.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordRest } from '../../adapters/discord/send.js';
import { ScheduledEventsSync } from '../../adapters/discord/scheduled-events.js';
import { reminderTitle } from '../../src/present/reminder.js';
import { campaignIn } from '../../src/content/editions.js';
import { defaultVoice } from '../../src/i18n/voice.js';
import { createLogger } from '../../src/log.js';
import { CHAT_SETTINGS, type ChatSettings } from '../../src/store/chat-settings.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { EventStatus, startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { shippedCampaign } from '../helpers/core.js';
import { captureLogs, type LogCapture } from './discord-harness.js';

const G = '220000000000000001';
const C = '220000000000000002';
const C2 = '220000000000000003';
const NOW = Date.parse('2026-11-20T00:00:00Z');
const CREATE_EVENTS = String(1n << 44n);
const PUBLIC_URL = 'https://placard.example';

let cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

interface Rig {
  readonly dc: FakeDiscord;
  readonly store: Store;
  readonly logs: LogCapture;
  /** A sync over the rig's fake, on `store` (default the rig's), its clock at `now()`. */
  sync(store?: Store): ScheduledEventsSync;
  setNow(ms: number): void;
  settings(chatId?: string): Promise<ChatSettings | undefined>;
  set(chatId: string, settings: ChatSettings): Promise<void>;
  posts(): number;
}

async function rig(options: { permissions?: string; store?: Store } = {}): Promise<Rig> {
  const dc = await startFakeDiscord({ guilds: [{ id: G, name: 'Solidarity', channels: [{ id: C, name: 'general' }, { id: C2, name: 'news' }] }] });
  cleanups.push(() => dc.close());
  let now = NOW;
  dc.scheduledEvents.now = () => now;
  if (options.permissions !== undefined) dc.setBotPermissions(G, options.permissions);
  const store = options.store ?? await openStore('memory://');
  if (options.store === undefined) cleanups.push(() => store.close());
  const logs = captureLogs();
  const campaign = await shippedCampaign();
  const sync = (on: Store = store): ScheduledEventsSync => new ScheduledEventsSync({
    rest: createDiscordRest({ token: dc.token, apiUrl: dc.restApi }),
    services: { campaign, store: on, publicUrl: PUBLIC_URL },
    log: createLogger({ level: 'info', destination: logs.destination }),
    botId: async () => dc.applicationId,
    now: () => new Date(now),
  });
  return {
    dc, store, logs, sync,
    setNow: (ms) => { now = ms; },
    settings: (chatId = C) => store.get<ChatSettings>(CHAT_SETTINGS, `discord:${chatId}`),
    set: (chatId, settings) => store.set(CHAT_SETTINGS, `discord:${chatId}`, settings),
    posts: () => dc.requests.filter((r) => r.method === 'POST' && r.route === '/guilds/:guild/scheduled-events' && r.status === 200).length,
  };
}

/** A subscribed server channel with the events on: Berlin, 18:30, Russian. */
const ON: ChatSettings = { subscribed: true, kind: 'group', timeZone: 'Europe/Berlin', reminderTime: '18:30', language: 'ru', discordEvents: { on: true } };

describe('discord scheduled events: the sync', () => {
  it('turning them on makes the next anniversaries as external events: name in the chat\'s language, place, times in its zone, summary and sources', async () => {
    const r = await rig({ permissions: CREATE_EVENTS });
    await r.set(C, ON);
    const done = await r.sync().sync();
    expect(done).toMatchObject({ created: 5, forbidden: 0, failed: 0 });
    const events = r.dc.scheduledEvents.of(G);
    // 20 Nov + 60 days: 16 Dec, then 2, 3, 4 and 5 January (6 January is the sixth: at most five).
    expect(events.map((e) => e.start)).toEqual([
      '2026-12-16T17:30:00.000Z', '2027-01-02T17:30:00.000Z', '2027-01-03T17:30:00.000Z', '2027-01-04T17:30:00.000Z', '2027-01-05T17:30:00.000Z',
    ]);
    const campaign = await shippedCampaign();
    const ru = campaignIn(campaign, 'ru');
    const zhanaozen = ru.events.find((e) => e.id === 'zhanaozen-massacre-2011')!;
    const first = events[0]!;
    expect(first).toMatchObject({
      name: reminderTitle(defaultVoice('ru'), zhanaozen, 15), location: 'Жанаозен', entityType: 3, privacyLevel: 2, channelId: null,
      end: '2026-12-16T23:00:00.000Z', creatorId: r.dc.applicationId,
    });
    expect(first.name).toMatch(/^15 лет назад в этот день: /);
    expect(first.description).toContain(zhanaozen.summary);
    expect(first.description).toMatch(/Источники: [^\n]+\./);
    expect(first.description).toContain(`${PUBLIC_URL}/ru/#event-zhanaozen-massacre-2011`);
    for (const e of events) {
      expect(e.name.length).toBeLessThanOrEqual(100);
      expect(e.description!.length).toBeLessThanOrEqual(1000);
      expect(e.location!.length).toBeGreaterThan(0);
      expect(r.dc.scheduledEvents.status(e)).toBe(EventStatus.Scheduled);
    }
    // The uprising's place is the country; an event without a place shows the campaign's title.
    expect(events[1]!.location).toBe(ru.events.find((e) => e.id === 'uprising-begins')!.place);
    expect(events[3]!.location).toBe(ru.meta.title.slice(0, 100));
  });

  it('a second round makes nothing new; changing the reminder time modifies the same events', async () => {
    const r = await rig({ permissions: CREATE_EVENTS });
    await r.set(C, ON);
    const sync = r.sync();
    await sync.sync();
    const ids = r.dc.scheduledEvents.of(G).map((e) => e.id);
    expect(await sync.sync()).toMatchObject({ created: 0, adopted: 0, updated: 0, deleted: 0 });
    expect(r.posts()).toBe(5);
    await r.set(C, { ...ON, reminderTime: '08:00', language: 'en' });
    expect(await sync.sync()).toMatchObject({ created: 0, updated: 5 });
    const events = r.dc.scheduledEvents.of(G);
    expect(events.map((e) => e.id)).toEqual(ids);
    expect(events[0]).toMatchObject({ start: '2026-12-16T07:00:00.000Z', location: 'Zhanaozen' });
    expect(events[0]!.name).toMatch(/^15 years ago today: /);
    expect(r.dc.requests.filter((q) => q.method === 'PATCH').length).toBe(5);
  });

  it('turning them off, or unsubscribing, deletes the bot\'s events', async () => {
    const r = await rig({ permissions: CREATE_EVENTS });
    await r.set(C, ON);
    const sync = r.sync();
    await sync.sync();
    await r.set(C, { ...ON, discordEvents: { on: false } });
    expect(await sync.sync()).toMatchObject({ deleted: 5 });
    expect(r.dc.scheduledEvents.of(G)).toEqual([]);
    expect(await sync.sync()).toMatchObject({ created: 0, deleted: 0 });
    await r.set(C, ON);
    expect(await sync.sync()).toMatchObject({ created: 5 });
    await r.set(C, { ...ON, subscribed: false });
    expect(await sync.sync()).toMatchObject({ deleted: 5 });
    expect(r.dc.scheduledEvents.of(G)).toEqual([]);
  });

  it('without Create Events: nothing made, the chat flagged, one log line, and made once the permission is given', async () => {
    const r = await rig();
    await r.set(C, ON);
    const sync = r.sync();
    expect(await sync.sync()).toMatchObject({ created: 0, forbidden: 1 });
    expect(await sync.sync()).toMatchObject({ forbidden: 1 });
    expect((await r.settings())?.discordEvents).toMatchObject({ on: true, problem: { reason: expect.stringContaining('50013') as unknown } });
    expect(r.logs.matching('lacks Create Events')).toHaveLength(1);
    // Manage Events alone does not let a bot create events (since 23 February 2026).
    r.dc.setBotPermissions(G, String(1n << 33n));
    expect(await sync.sync()).toMatchObject({ created: 0, forbidden: 1 });
    r.dc.setBotPermissions(G, CREATE_EVENTS);
    expect(await sync.sync()).toMatchObject({ created: 5, forbidden: 0 });
    expect((await r.settings())?.discordEvents).toEqual({ on: true });
    expect(await r.sync().check(C)).toBeUndefined();
    r.dc.setBotPermissions(G, '0');
    expect(await r.sync().check(C)).toMatchObject({ missing: ['Create Events'] });
  });

  it('two instances syncing at once on one store make each event once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-events-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'placard.sqlite');
    const a = await openStore(`sqlite://${file}`);
    const b = await openStore(`sqlite://${file}`);
    cleanups.push(() => a.close(), () => b.close());
    const r = await rig({ permissions: CREATE_EVENTS, store: a });
    await r.set(C, ON);
    await r.set(C2, { ...ON, reminderTime: '20:00' });
    const [x, y] = await Promise.all([r.sync(a).sync(), r.sync(b).sync()]);
    expect(x.created + y.created + x.adopted + y.adopted).toBe(5);
    expect(r.posts()).toBe(5);
    // The first channel by id speaks for the server: its time.
    expect(r.dc.scheduledEvents.of(G).map((e) => e.start.slice(11, 16))).toEqual(Array(5).fill('17:30'));
  });

  it('adopts the bot\'s own event whose create answer was lost instead of making it twice', async () => {
    const r = await rig({ permissions: CREATE_EVENTS });
    await r.set(C, ON);
    const sync = r.sync();
    await sync.sync();
    const lost = r.dc.scheduledEvents.of(G)[0]!;
    await r.store.delete('discord-events', `${G}:zhanaozen-massacre-2011:2026`);
    expect(await sync.sync()).toMatchObject({ created: 0, adopted: 1 });
    expect(r.dc.scheduledEvents.of(G).map((e) => e.id)).toContain(lost.id);
    expect(r.posts()).toBe(5);
  });

  it('leaves an event that has started or ended to Discord, and does not make again one an admin deleted', async () => {
    const r = await rig({ permissions: CREATE_EVENTS });
    await r.set(C, ON);
    const sync = r.sync();
    await sync.sync();
    const [zhanaozen, uprising] = r.dc.scheduledEvents.of(G);
    r.setNow(Date.parse('2026-12-16T18:00:00Z'));
    // Started: Discord's now (left as it is); the next five are the ones to come, so 6 January joins.
    expect(await sync.sync()).toMatchObject({ created: 1, deleted: 0, updated: 0 });
    expect(r.dc.scheduledEvents.status(zhanaozen!)).toBe(EventStatus.Active);
    r.setNow(Date.parse('2026-12-17T00:00:00Z'));
    // Over: completed by Discord at its end, and forgotten here.
    expect(await sync.sync()).toMatchObject({ created: 0, deleted: 0, updated: 0 });
    expect(r.dc.scheduledEvents.status(zhanaozen!)).toBe(EventStatus.Completed);
    expect(zhanaozen!.deleted).toBe(false);
    expect(await r.store.get('discord-events', `${G}:zhanaozen-massacre-2011:2026`)).toBeUndefined();
    uprising!.deleted = true; // an admin deleted it in Discord
    await r.set(C, { ...ON, reminderTime: '10:00' });
    expect(await sync.sync()).toMatchObject({ created: 0, updated: 4 });
    expect(await sync.sync()).toMatchObject({ created: 0, updated: 0 });
    expect(r.dc.scheduledEvents.of(G).filter((e) => e.name === uprising!.name)).toEqual([]);
  });

  it('stops and resumes with its timers, and a chat\'s server is synced soon after a command there', async () => {
    const r = await rig({ permissions: CREATE_EVENTS });
    await r.set(C, ON);
    const sync = new ScheduledEventsSync({
      rest: createDiscordRest({ token: r.dc.token, apiUrl: r.dc.restApi }),
      services: { campaign: await shippedCampaign(), store: r.store },
      log: createLogger({ level: 'silent' }), botId: async () => r.dc.applicationId,
      now: () => new Date(NOW), firstRunMs: 60_000, soonMs: 10,
    });
    sync.start();
    const handler = sync.wrap(async (inv) => {
      expect(inv.checkScheduledEvents).toBeDefined();
      return { messages: [] };
    });
    await handler({ command: 'subscribe', text: '', chat: { platform: 'discord', chatId: C, kind: 'group' }, role: async () => 'admin', now: new Date(NOW) });
    await r.dc.waitFor(() => r.dc.scheduledEvents.of(G).length === 5, { what: 'five events' });
    await sync.stop();
  });
});
