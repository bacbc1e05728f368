/**
 * Reminders in each chat's language: its /language, else the platform's
 * hint kept at /subscribe, else the campaign's, else English; each
 * (event, years, language) built once however many chats share it; and no
 * more store round trips than before.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/content/campaign.js';
import { defaultVoice } from '../../src/i18n/voice.js';
import { plainText, previewReminders } from '../../src/schedule/preview.js';
import { chatLanguage, loadSubscriptions } from '../../src/schedule/subscriptions.js';
import { CHAT_SETTINGS, updateChatSettings, type ChatSettings } from '../../src/store/chat-settings.js';
import type { Store } from '../../src/store/store.js';
import { countingStore, rigScheduler, schedulerRig, seedSubscriptions, type SchedulerRig } from '../schedule/harness.js';
import { shippedCampaign } from '../helpers/core.js';

const DEFAULTS = { timeZone: 'Asia/Almaty', reminderTime: '09:00' };
/** Settings with the platform's hint as /subscribe keeps it (read defensively by the scheduler). */
const hinted = (localeHint: string, more: ChatSettings = {}): ChatSettings => ({ ...more, localeHint } as ChatSettings);

describe('the language of a chat’s reminders', () => {
  it('is its /language, else the hint kept at /subscribe, else the campaign’s, else English', () => {
    expect(chatLanguage({ language: 'kk' }, { language: 'ru' })).toBe('kk');
    expect(chatLanguage(hinted('ru-RU', { language: 'kk' }), {})).toBe('kk');
    expect(chatLanguage(hinted('ru-RU'), { language: 'kk' })).toBe('ru');
    expect(chatLanguage(hinted('de'), { language: 'kk' })).toBe('kk');
    expect(chatLanguage({}, { language: 'ru' })).toBe('ru');
    expect(chatLanguage({}, {})).toBe('en');
    expect(chatLanguage({ localeHint: 42 } as unknown as ChatSettings, {})).toBe('en');
  });

  it('travels with each subscriber, read in the same pass over the store', async () => {
    const rig = await schedulerRig([]);
    await seedSubscriptions(rig.store, 'telegram', ['1'], { language: 'ru' });
    await seedSubscriptions(rig.store, 'discord', ['2'], hinted('ru'));
    await seedSubscriptions(rig.store, 'telegram', ['3']);
    const counted = countingStore(rig.store);
    const [group] = await loadSubscriptions(counted.store, { ...DEFAULTS, language: 'kk' });
    expect(Object.fromEntries(group!.chats.map((c) => [c.chatId, c.language]))).toEqual({ 1: 'ru', 2: 'ru', 3: 'kk' });
    expect([...counted.calls.entries()]).toEqual([['entries', 1]]);
  });
});

describe('the fan-out in each chat’s language', () => {
  let rig: SchedulerRig;
  let store: Store;
  let campaign: Campaign;

  beforeEach(async () => {
    rig = await schedulerRig(['en-1', 'en-2']);
    ({ store, campaign } = rig);
    await seedSubscriptions(store, 'telegram', ['ru-1', 'ru-2'], { language: 'ru' });
    await seedSubscriptions(store, 'telegram', ['kk-1'], { language: 'kk' });
    await seedSubscriptions(store, 'telegram', ['hint-ru'], hinted('ru-RU'));
  });

  const titles = (): Record<string, string | undefined> => Object.fromEntries(rig.adapter.sent.map((s) => [s.target.chatId, s.message.title]));

  it('sends each chat its reminder in its language, each language built once', async () => {
    const report = await rigScheduler(rig).tick();
    expect(report).toMatchObject({ sent: 6 });
    const t = titles();
    expect(t['en-1']).toBe('15 years ago today: Striking oil workers killed in Zhanaozen');
    expect(t['ru-1']).toMatch(/^15 лет назад в этот день: /);
    expect(t['hint-ru']).toBe(t['ru-1']);
    expect(t['kk-1']).toMatch(/^Бүгін 15 жыл толды: /);
    // The quotes stay as published in every language.
    const quote = campaign.events.find((e) => e.id === 'zhanaozen-massacre-2011')!.figures[0]!.quote;
    for (const s of rig.adapter.sent) expect(plainText(s.message), s.target.chatId).toContain(quote);
    // One message object per language, shared by the chats that read it.
    const messageOf = (id: string): unknown => rig.adapter.sent.find((s) => s.target.chatId === id)!.message;
    expect(messageOf('ru-1')).toBe(messageOf('ru-2'));
    expect(messageOf('ru-1')).toBe(messageOf('hint-ru'));
    expect(messageOf('en-1')).toBe(messageOf('en-2'));
    expect(new Set(rig.adapter.sent.map((s) => s.message)).size).toBe(3);
  });

  it('a chat that changed its language after the list was read gets the new one, at no extra store read', async () => {
    const scheduler = rigScheduler(rig, { subscriptionsTtlMs: 3_600_000 });
    rig.clock.set('2026-12-16T03:59:00Z');
    await scheduler.tick(); // reads and keeps the list
    await updateChatSettings(store, { platform: 'telegram', chatId: 'en-2' }, { language: 'kk' });
    rig.clock.set('2026-12-16T04:00:00Z');
    await scheduler.tick();
    expect(titles()['en-2']).toMatch(/^Бүгін 15 жыл толды: /);
    expect(titles()['en-1']).toMatch(/^15 years ago today/);
  });

  it('costs the same store calls whatever the languages', async () => {
    const mixed = countingStore(store);
    await rigScheduler({ ...rig, store: mixed.store }).tick();
    const plain = await schedulerRig(['1', '2', '3', '4', '5', '6']);
    const same = countingStore(plain.store);
    await rigScheduler({ ...plain, store: same.store }).tick();
    expect(Object.fromEntries(mixed.calls)).toEqual(Object.fromEntries(same.calls));
    expect(await store.get(CHAT_SETTINGS, 'telegram:ru-1')).toMatchObject({ language: 'ru' });
  });
});

describe('placard reminders --date … --language', () => {
  it('keeps its framing in English and shows the message in the language asked for', async () => {
    const campaign = await shippedCampaign();
    const ru = await previewReminders(campaign, '2026-12-16', undefined, { language: 'ru' });
    expect(ru).toContain('Reminders on 16 December 2026 (preview: nothing is sent)');
    expect(ru).toContain('The message (ru):');
    expect(ru).toContain('| # 15 лет назад в этот день: ');
    expect(ru).toContain('→ Требования: /demands nationalisation');
    expect(ru).toContain(defaultVoice('ru').t('quoted-in-original'));
    const kk = await previewReminders(campaign, '2027-01-04', undefined, { language: 'kk' });
    expect(kk).toContain('| # Бүгін 5 жыл толды: ');
    expect(kk).toContain('→ Ескертпелер мен дереккөздер: /timeline tengizchevroil-strike');
  });
});
