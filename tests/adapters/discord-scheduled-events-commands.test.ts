/**
 * `/subscribe events:` and what /settings and /unsubscribe say of the
 * server's scheduled events: the commands through the real dispatcher, as
 * the Discord adapter invokes them (a server channel, the adapter's
 * permission check as a hook).
 */
import { describe, expect, it } from 'vitest';
import { MISSING_CREATE_EVENTS } from '../../adapters/discord/scheduled-events-access.js';
import type { PostingProblem } from '../../src/adapter.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Invocation } from '../../src/commands/types.js';
import type { Reply } from '../../src/rich/model.js';
import { CHAT_SETTINGS, type ChatSettings } from '../../src/store/chat-settings.js';
import { testDispatcher } from '../helpers/core.js';

const CHANNEL = '230000000000000002';
const NOW = new Date('2026-11-20T12:00:00Z');

/** What a reply says, as plain text. */
function said(reply: Reply): string {
  const text = (spans: readonly { text: string }[]): string => spans.map((s) => s.text).join('');
  return reply.messages.map((m) => [m.title ?? '', ...m.blocks.map((b) => (b.type === 'list' ? b.items.map(text).join(' ') : text(b.spans)))].join('\n')).join('\n');
}

/** A command in a server channel (or a DM), the Discord way: named options, the adapter's check as a hook. */
function discord(command: string, options: Record<string, string>, extra: { dm?: boolean; check?: () => Promise<PostingProblem | undefined>; locale?: string } = {}): Invocation {
  return {
    command, text: '', options,
    chat: { platform: 'discord', chatId: CHANNEL, kind: extra.dm === true ? 'private' : 'group' },
    role: async () => 'admin', now: NOW,
    ...(extra.locale === undefined ? {} : { locale: extra.locale }),
    ...(extra.check === undefined ? {} : { checkScheduledEvents: extra.check }),
  };
}

describe('/subscribe events:', () => {
  it('events:true turns them on, says what they are and names the permission; /settings shows it', async () => {
    const { dispatcher, services } = await testDispatcher();
    let asked = 0;
    const reply = await dispatcher.dispatch(discord('subscribe', { events: 'true' }, { check: async () => { asked += 1; return undefined; } }));
    expect(asked).toBe(1);
    expect(said(reply)).toContain('Server events: the anniversaries of the next two months are listed in this server’s Events');
    expect(said(reply)).toContain('Create Events');
    expect(said(reply)).toContain('/subscribe events:false');
    expect(said(reply)).not.toContain('it lacks');
    const settings = await services.store.get<ChatSettings>(CHAT_SETTINGS, `discord:${CHANNEL}`);
    expect(settings).toMatchObject({ subscribed: true, discordEvents: { on: true } });
    expect(settings?.discordEvents?.problem).toBeUndefined();
    expect(said(await dispatcher.dispatch(discord('settings', {})))).toContain('Server events: on');
    // A later /subscribe without the option keeps them on, and does not ask again.
    await dispatcher.dispatch(discord('subscribe', { time: '08:00' }, { check: async () => { asked += 1; return undefined; } }));
    expect(asked).toBe(1);
    expect((await services.store.get<ChatSettings>(CHAT_SETTINGS, `discord:${CHANNEL}`))?.discordEvents).toEqual({ on: true });
  });

  it('says what is missing when the bot lacks Create Events, and /settings keeps saying it (in Russian too)', async () => {
    const { dispatcher, services } = await testDispatcher();
    const reply = await dispatcher.dispatch(discord('subscribe', { events: 'true' }, { check: async () => MISSING_CREATE_EVENTS }));
    expect(said(reply)).toContain('But the bot cannot list them now: it lacks the Create Events permission in this server');
    const settings = await services.store.get<ChatSettings>(CHAT_SETTINGS, `discord:${CHANNEL}`);
    expect(settings?.discordEvents).toMatchObject({ on: true, problem: { reason: MISSING_CREATE_EVENTS.reason, since: NOW.toISOString() } });
    expect(said(await dispatcher.dispatch(discord('settings', {})))).toContain('The server’s events could not be updated: the bot lacks the Create Events permission in this server (since 2026-11-20 12:00 UTC)');
    await services.store.set(CHAT_SETTINGS, `discord:${CHANNEL}`, { ...settings, language: 'ru' });
    // A fresh dispatcher: one keeps a chat's /language for a while.
    const ru = said(await new Dispatcher(services).dispatch(discord('settings', {})));
    expect(ru).toContain('Не удалось обновить события сервера: у бота нет права Create Events (создание событий)');
    expect(ru).not.toContain('the bot');
  });

  it('a check that fails is no problem to report (the sync will tell)', async () => {
    const { dispatcher, services } = await testDispatcher();
    const reply = await dispatcher.dispatch(discord('subscribe', { events: 'true' }, { check: async () => { throw new Error('Discord did not answer'); } }));
    expect(said(reply)).not.toContain('it lacks');
    expect((await services.store.get<ChatSettings>(CHAT_SETTINGS, `discord:${CHANNEL}`))?.discordEvents).toEqual({ on: true });
  });

  it('events:false and /unsubscribe turn them off and say the bot\'s events are removed', async () => {
    const { dispatcher, services } = await testDispatcher();
    await dispatcher.dispatch(discord('subscribe', { events: 'true' }));
    const off = await dispatcher.dispatch(discord('subscribe', { events: 'false' }));
    expect(said(off)).toContain('Server events: off. The events the bot listed in this server’s Events are removed.');
    expect((await services.store.get<ChatSettings>(CHAT_SETTINGS, `discord:${CHANNEL}`))?.discordEvents).toEqual({ on: false });
    expect(said(await dispatcher.dispatch(discord('settings', {})))).not.toContain('Server events');
    await dispatcher.dispatch(discord('subscribe', { events: 'true' }));
    const gone = await dispatcher.dispatch(discord('unsubscribe', {}));
    expect(said(gone)).toContain('The anniversaries the bot listed in this server’s Events are removed too.');
    expect(await services.store.get<ChatSettings>(CHAT_SETTINGS, `discord:${CHANNEL}`)).toMatchObject({ subscribed: false, discordEvents: { on: false } });
    // Subscribing again does not bring them back unasked.
    await dispatcher.dispatch(discord('subscribe', {}));
    expect((await services.store.get<ChatSettings>(CHAT_SETTINGS, `discord:${CHANNEL}`))?.discordEvents).toEqual({ on: false });
  });

  it('refuses events:true in a DM (a DM has no server), saving nothing', async () => {
    const { dispatcher, services } = await testDispatcher();
    const reply = await dispatcher.dispatch(discord('subscribe', { events: 'true' }, { dm: true }));
    expect(reply.ephemeral).toBe(true);
    expect(said(reply)).toContain('Server events belong to a server');
    expect(await services.store.get(CHAT_SETTINGS, `discord:${CHANNEL}`)).toBeUndefined();
  });

  it('is offered on Discord only', async () => {
    const { services } = await testDispatcher();
    const spec = services.commands.find((c) => c.name === 'subscribe')!.options.find((o) => o.name === 'events');
    expect(spec).toMatchObject({ type: 'boolean', platforms: ['discord'] });
  });
});
