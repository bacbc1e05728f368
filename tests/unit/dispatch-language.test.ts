/**
 * How the dispatcher chooses each answer's language (DESIGN.md, "Languages"):
 * the chat's /language, else the platform's hint, else the campaign's default,
 * else English; cached replies kept per language; the invoker's own language
 * for answers only they see.
 */
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import { updateChatSettings } from '../../src/store/chat-settings.js';
import type { Reply } from '../../src/rich/model.js';
import { invocation, testDispatcher, testServices } from '../helpers/core.js';

const GROUP = { platform: 'telegram', chatId: '-100', kind: 'group' } as const;
const plain = (r: Reply): string => r.messages.map((m) => [m.title ?? '', ...m.blocks.map((b) =>
  ('spans' in b ? b.spans : b.items.flat()).map((s) => s.text).join(''))].join('\n')).join('\n');

describe('the language of an answer', () => {
  it('follows the platform hint in a private chat: a Russian user is answered in Russian without asking', async () => {
    const { dispatcher } = await testDispatcher();
    const ru = await dispatcher.dispatch(invocation('help', '', { locale: 'ru-RU' }));
    const en = await dispatcher.dispatch(invocation('help', '', { locale: 'en-US' }));
    expect(ru.messages[0]!.title).toBe('Команды');
    expect(en.messages[0]!.title).toBe('Commands');
  });

  it("takes the chat's /language over the hint, and at once after it changed here", async () => {
    const { dispatcher } = await testDispatcher();
    const chat = { chat: GROUP, locale: 'ru' };
    expect((await dispatcher.dispatch(invocation('help', '', chat))).messages[0]!.title).toBe('Команды');
    await dispatcher.dispatch(invocation('language', 'kk', { ...chat, role: 'admin' }));
    expect((await dispatcher.dispatch(invocation('help', '', chat))).messages[0]!.title).toBe('Командалар');
  });

  it("reads a chat's setting from the store (another instance's change seen after the cache's lifetime)", async () => {
    const services = await testServices();
    await updateChatSettings(services.store, GROUP, { language: 'ru', kind: 'group' });
    const dispatcher = new Dispatcher(services);
    expect((await dispatcher.dispatch(invocation('help', '', { chat: GROUP }))).messages[0]!.title).toBe('Команды');
  });

  it("falls back to the campaign's default, then English", async () => {
    const services = await testServices();
    const russianCampaign: Services = { ...services, campaign: { ...services.campaign, meta: { ...services.campaign.meta, language: 'ru' } } };
    expect((await new Dispatcher(russianCampaign).dispatch(invocation('help', '', { chat: GROUP }))).messages[0]!.title).toBe('Команды');
    expect((await new Dispatcher(services).dispatch(invocation('help', '', { chat: GROUP }))).messages[0]!.title).toBe('Commands');
  });

  it('keeps cached replies apart by language', async () => {
    const { dispatcher } = await testDispatcher();
    const en1 = await dispatcher.dispatch(invocation('start', '', { locale: 'en' }));
    const ru = await dispatcher.dispatch(invocation('start', '', { locale: 'ru' }));
    const en2 = await dispatcher.dispatch(invocation('start', '', { locale: 'en' }));
    expect(en2).toBe(en1);
    expect(ru).not.toBe(en1);
    expect(plain(ru)).toContain('/help');
    expect(ru.actions!.map((a) => a.label).join(' ')).toMatch(/[А-Яа-яЁё]/);
  });

  it("answers an unknown command in the invoker's own language (only they see it)", async () => {
    const { dispatcher } = await testDispatcher();
    const r = await dispatcher.dispatch(invocation('demandz', '', { chat: { platform: 'discord', chatId: '1', kind: 'group' }, locale: 'en-US', userLocale: 'ru' }));
    expect(r.ephemeral).toBe(true);
    expect(plain(r)).toMatch(/[А-Яа-яЁё]{4}/);
    expect(plain(r)).toContain('/demands');
  });

  it('still answers when the store cannot be read for the chat setting', async () => {
    const services = await testServices();
    const store = new Proxy(services.store, {
      get: (target, name, receiver) => (name === 'get' ? () => Promise.reject(new Error('store down')) : Reflect.get(target, name, receiver) as unknown),
    });
    const failing: Services = { ...services, store };
    const r = await new Dispatcher(failing).dispatch(invocation('help', '', { locale: 'ru' }));
    expect(r.messages[0]!.title).toBe('Команды');
  });
});
