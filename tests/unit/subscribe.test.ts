/** /subscribe, /unsubscribe, /settings and /upcoming through the real dispatcher. */
import { beforeEach, describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/console/render.js';
import type { Dispatcher } from '../../src/commands/dispatch.js';
import type { Invocation, Services } from '../../src/commands/types.js';
import type { Reply } from '../../src/rich/model.js';
import { readChatSettings } from '../../src/store/chat-settings.js';
import { describeCommand } from '../../src/commands/describe.js';
import { invocation, testDispatcher, voice } from '../helpers/core.js';

const plain = (r: Reply): string => renderReply(r, { ansi: false }).replace(/\s+/g, ' ');
const GROUP = { platform: 'telegram', chatId: '-100777', kind: 'group' } as const;

describe('subscriptions', () => {
  let dispatcher: Dispatcher;
  let services: Services;
  const run = (command: string, text = '', extra: Parameters<typeof invocation>[2] = {}): Promise<Reply> =>
    dispatcher.dispatch(invocation(command, text, { now: new Date('2026-11-22T12:00:00Z'), ...extra }));
  const settingsOf = (chat: { platform: 'console' | 'telegram'; chatId: string } = { platform: 'console', chatId: 'test' }) =>
    readChatSettings(services.store, chat);
  beforeEach(async () => { ({ dispatcher, services } = await testDispatcher()); });

  it('/subscribe with no arguments uses the campaign’s 09:00 Asia/Almaty and names the next reminder', async () => {
    const out = plain(await run('subscribe'));
    expect(out).toContain('at 09:00, Asia/Almaty time');
    expect(out).toContain('The next: 16 December 2026, 09:00 — Striking oil workers killed in Zhanaozen');
    expect(await settingsOf()).toEqual({ subscribed: true, kind: 'private', timeZone: 'Asia/Almaty', reminderTime: '09:00' });
  });

  it('/subscribe takes a time and a zone in either order, any case, and keeps what is not given', async () => {
    await run('subscribe', 'europe/berlin 8:30');
    expect(await settingsOf()).toMatchObject({ timeZone: 'Europe/Berlin', reminderTime: '08:30', subscribed: true });
    await run('subscribe', '07:15');
    expect(await settingsOf()).toMatchObject({ timeZone: 'Europe/Berlin', reminderTime: '07:15' });
    await run('subscribe', 'America/New York');
    expect(await settingsOf()).toMatchObject({ timeZone: 'America/New_York', reminderTime: '07:15' });
    expect(plain(await run('subscribe', '10:00 UTC'))).toContain('Reminders updated');
  });

  it('takes named options as Discord sends them', async () => {
    const inv: Invocation = { ...invocation('subscribe', ''), options: { time: '06:45', zone: 'Asia/Tokyo' } };
    await dispatcher.dispatch(inv);
    expect(await settingsOf()).toMatchObject({ timeZone: 'Asia/Tokyo', reminderTime: '06:45' });
  });

  it('refuses bad zones with the closest names, and bad times, and stores nothing', async () => {
    const berln = await run('subscribe', 'Europe/Berln');
    expect(berln.ephemeral).toBe(true);
    expect(plain(berln)).toContain('Unknown time zone “Europe/Berln”. Did you mean Europe/Berlin');
    expect(plain(await run('subscribe', 'berln'))).toContain('Europe/Berlin');
    expect(plain(await run('subscribe', 'Mars/Olympus_Mons'))).toContain('Unknown time zone');
    for (const bad of ['25:00', '9am', '12:60', '0900']) {
      const r = await run('subscribe', bad);
      expect(r.ephemeral).toBe(true);
      expect(plain(r)).toMatch(/is not a time of day/);
    }
    const two = await run('subscribe', '08:00 09:00');
    expect(plain(two)).toContain('Give one reminder time. Usage: /subscribe [HH:MM] [time zone]');
    expect(await settingsOf()).toBeUndefined();
  });

  it('refuses every subscription command to members of a group, and lets its admins', async () => {
    for (const [command, text] of [['subscribe', ''], ['unsubscribe', ''], ['settings', 'zone Europe/Berlin'], ['upcoming', '']] as const) {
      const r = await run(command, text, { chat: GROUP, role: 'member' });
      expect(r.ephemeral).toBe(true);
      expect(plain(r)).toContain(`Only admins of this chat can use /${command}.`);
    }
    expect(await settingsOf(GROUP)).toBeUndefined();
    await run('subscribe', '', { chat: GROUP, role: 'admin' });
    expect(await settingsOf(GROUP)).toMatchObject({ subscribed: true, kind: 'group' });
  });

  it('/unsubscribe stops reminders and keeps the zone for /today', async () => {
    expect(plain(await run('unsubscribe'))).toContain('This chat gets no reminders');
    await run('subscribe', 'Pacific/Kiritimati');
    expect(plain(await run('unsubscribe'))).toContain('no more anniversary reminders');
    expect(await settingsOf()).toMatchObject({ subscribed: false, timeZone: 'Pacific/Kiritimati' });
    const today = plain(await run('today', '', { now: new Date('2026-12-15T12:00:00Z') }));
    expect(today).toContain('16 December 2026 (Pacific/Kiritimati)');
  });

  it('/settings shows, then changes time and zone without touching the subscription', async () => {
    const shown = plain(await run('settings'));
    expect(shown).toContain('Time zone: Asia/Almaty (the campaign’s default) — it is 17:00 there now.');
    expect(shown).toContain('Reminders: off.');
    expect(plain(await run('settings', 'zone europe/paris'))).toContain('Time zone: Europe/Paris —');
    expect(await settingsOf()).toMatchObject({ timeZone: 'Europe/Paris' });
    expect((await settingsOf())?.subscribed).toBeUndefined();
    await run('subscribe');
    expect(await settingsOf()).toMatchObject({ timeZone: 'Europe/Paris', reminderTime: '09:00', subscribed: true });
    const changed = plain(await run('settings', 'time 18:05 zone America/Sao_Paulo'));
    expect(changed).toContain('Reminders: on, at 18:05 America/Sao_Paulo time.');
    expect(plain(await run('settings', 'zone Nowhere/Land'))).toContain('Unknown time zone');
    expect(await settingsOf()).toMatchObject({ timeZone: 'America/Sao_Paulo', reminderTime: '18:05', subscribed: true });
  });

  it('/upcoming lists this chat’s next reminders at its local time', async () => {
    const before = plain(await run('upcoming'));
    expect(before).toContain('This chat is not subscribed.');
    await run('subscribe', '08:30 Europe/Berlin');
    const out = plain(await run('upcoming'));
    expect(out).toContain('This chat’s next reminders, Europe/Berlin time:');
    expect(out).toContain('- 16 December 2026, 08:30 — 15th anniversary: Striking oil workers killed in Zhanaozen');
    expect(out).toContain('- 2 January 2027, 08:30 — 5th anniversary: The uprising in Kazakhstan begins');
    expect(out.match(/anniversary:/g)).toHaveLength(5);
  });

  it('help lists the new commands as admin commands', async () => {
    const out = plain(await run('help'));
    for (const c of ['/subscribe [HH:MM] [time zone]', '/unsubscribe', '/settings [time HH:MM] [zone <time zone>]', '/upcoming']) {
      expect(out).toContain(c);
    }
    for (const c of services.commands.filter((x) => ['subscribe', 'unsubscribe', 'settings', 'upcoming'].includes(x.name))) {
      expect(c.access).toBe('admin');
      expect(describeCommand(voice(), c).length).toBeLessThanOrEqual(100);
    }
  });
  it('/subscribe says exactly what is missing when the bot may not post there, subscribes anyway, and /settings and /upcoming show it', async () => {
    const asked: (string | undefined)[] = [];
    const inv: Invocation = {
      ...invocation('subscribe', '', { chat: GROUP }),
      checkPosting: async (target) => { asked.push(target); return { reason: 'the bot may not send messages in this group', missing: ['Send Messages'] }; },
    };
    const out = plain(await dispatcher.dispatch(inv));
    expect(asked).toEqual([undefined]);
    expect(out).toContain('But the bot may not post there now: the bot may not send messages in this group. Missing: Send Messages.');
    expect(await settingsOf(GROUP)).toMatchObject({ subscribed: true, postingProblem: { reason: 'the bot may not send messages in this group', since: '2026-11-22T12:00:00.000Z' } });
    for (const command of ['settings', 'upcoming']) {
      expect(plain(await run(command, '', { chat: GROUP }))).toContain('The last reminder could not be posted: the bot may not send messages in this group (since 2026-11-22 12:00 UTC)');
    }
    // Rights fixed: a new /subscribe checks again and clears the flag.
    await dispatcher.dispatch({ ...inv, checkPosting: async () => undefined });
    expect((await settingsOf(GROUP))?.postingProblem).toBeUndefined();
    expect(plain(await run('settings', '', { chat: GROUP }))).not.toContain('could not be posted');
  });

  it('/subscribe goes on when the platform cannot be asked', async () => {
    const inv: Invocation = { ...invocation('subscribe', '', { chat: GROUP }), checkPosting: async () => { throw new Error('timeout'); } };
    expect(plain(await dispatcher.dispatch(inv))).toContain('Subscribed to anniversary reminders');
    expect(await settingsOf(GROUP)).toMatchObject({ subscribed: true });
  });
  it('takes city names and fixed offsets, and says how it read them', async () => {
    const moscow = plain(await run('subscribe', 'Москва'));
    expect(moscow).toContain('“Москва” → Europe/Moscow.');
    expect(await settingsOf()).toMatchObject({ timeZone: 'Europe/Moscow' });
    const offset = plain(await run('settings', 'zone UTC+3'));
    expect(offset).toContain('UTC+3 is saved as Etc/GMT-3');
    expect(offset).toContain('Time zone: Etc/GMT-3 (UTC+3)');
    const half = await run('subscribe', 'UTC+5:30');
    expect(half.ephemeral).toBe(true);
    expect(plain(half)).toContain('UTC+5:30 is not a whole hour');
  });
});
