/**
 * `/subscribe events:true` end to end: the real adapter (gateway, and HTTP
 * interactions) against the loopback fake — the slash command's BOOLEAN
 * option, the permission checked when it runs, and the server's events made
 * and removed just after, on the real clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readMessage, startDiscordRig, G, C, type DiscordRig } from './discord-harness.js';

const CREATE_EVENTS = String(1n << 44n);

let cleanups: (() => Promise<unknown>)[] = [];
// The clock (Date only, running on) at 20 November 2026, 25 days before the Zhanaozen anniversary, so the server has events to show whatever the day the test runs.
beforeEach(() => { vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-20T12:00:00Z'), shouldAdvanceTime: true }); });
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
  vi.useRealTimers();
});

async function rig(http = false): Promise<DiscordRig> {
  const r = await startDiscordRig(http ? { http: true } : {});
  cleanups.push(() => r.close());
  return r;
}

describe('discord scheduled events: /subscribe events:', () => {
  it('registers events as a BOOLEAN option of /subscribe', async () => {
    const { dc } = await rig();
    const subscribe = dc.commands(G).find((c) => c.name === 'subscribe') as { options?: { name: string; type: number }[] } | undefined;
    expect(subscribe?.options?.find((o) => o.name === 'events')).toMatchObject({ type: 5 });
  });

  for (const http of [false, true]) {
    it(`events:true makes the server's events at once, events:false removes them${http ? ' (HTTP interactions)' : ''}`, async () => {
      const r = await rig(http);
      r.dc.setBotPermissions(G, CREATE_EVENTS);
      const on = await r.converse({ name: 'subscribe', channelId: C, options: { events: true } }, { group: true, admin: true });
      const text = on.messages.map(readMessage).join('\n');
      expect(text).toContain('Server events: the anniversaries of the next two months');
      expect(text).not.toContain('it lacks');
      const made = await r.dc.waitFor(() => { const e = r.dc.scheduledEvents.of(G); return e.length === 5 && e; }, { what: 'the server\'s five events', timeoutMs: 10_000 });
      for (const e of made) expect(e).toMatchObject({ entityType: 3, privacyLevel: 2, creatorId: r.dc.applicationId });
      // The shipped defaults: 09:00 in Asia/Almaty (UTC+5).
      expect(made[0]).toMatchObject({ start: '2026-12-16T04:00:00.000Z', location: 'Zhanaozen' });
      const off = await r.converse({ name: 'subscribe', channelId: C, options: { events: false } }, { group: true, admin: true });
      expect(off.messages.map(readMessage).join('\n')).toContain('Server events: off.');
      await r.dc.waitFor(() => r.dc.scheduledEvents.of(G).length === 0, { what: 'no events left', timeoutMs: 10_000 });
    });
  }

  it('says the bot lacks Create Events when it does, and /settings shows it flagged after the sync tried', async () => {
    const r = await rig();
    const on = await r.converse({ name: 'subscribe', channelId: C, options: { events: true } }, { group: true, admin: true });
    expect(on.messages.map(readMessage).join('\n')).toContain('it lacks the Create Events permission in this server');
    await r.dc.waitFor(() => r.dc.requests.some((q) => q.method === 'POST' && q.route === '/guilds/:guild/scheduled-events' && q.code === 50013), { what: 'a refused create' });
    const settings = await r.converse({ name: 'settings', channelId: C }, { group: true, admin: true });
    expect(settings.messages.map(readMessage).join('\n')).toContain('The server’s events could not be updated: the bot lacks the Create Events permission');
    expect(r.dc.scheduledEvents.of(G)).toEqual([]);
  });
});
