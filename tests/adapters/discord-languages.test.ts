/**
 * Discord in the reader's language, against the loopback fake: public
 * answers follow the server's locale (a DM's: its user's), answers only the
 * invoker sees follow the invoker's; `/language kk` sets a server channel's
 * answers (Discord has no Kazakh locale); the adapter's own words (paging
 * buttons, the expired-button answer) and autocomplete follow; reminders go
 * out in the hint kept at /subscribe.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import type { ChatSettings } from '../../src/store/chat-settings.js';
import { ADMIN_PERMISSIONS } from '../fakes/discord/index.js';
import { voice } from '../helpers/core.js';
import { C, G, readMessage, startDiscordRig, type DiscordRig } from './discord-harness.js';

let rig: DiscordRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const RU = voice('ru');
const KK = voice('kk');

describe('Discord in the reader’s language', () => {
  it('answers in a DM in the user’s language', async () => {
    rig = await startDiscordRig();
    const { messages } = await rig.converse({ name: 'demands', locale: 'ru' });
    const text = messages.map(readMessage).join('\n');
    expect(text).toContain('Требования');
    expect(text).toContain(RU.t('quoted-in-original'));
  });

  it('answers in a server in the server’s language, its paging buttons too, whoever asks', async () => {
    rig = await startDiscordRig({ guildLocale: 'ru' });
    const turn = await rig.converse({ name: 'signatories', guildId: G, locale: 'en-US' }, { group: true });
    expect(readMessage(turn.messages[0]!)).toMatch(/Подписанты/);
    const labels = rig.dc.pressables(turn.messages.at(-1)!.id).map((p) => p.label).slice(0, 2);
    expect(labels).toEqual([`◀ ${RU.t('adapter-previous')}`, `${RU.t('adapter-next')} ▶`]);
  });

  it('tells only the presser, in their language, that a button expired', async () => {
    rig = await startDiscordRig();
    const turn = await rig.converse({ name: 'signatories', guildId: G }, { group: true });
    const id = turn.messages.at(-1)!.id;
    const h = rig.dc.pressButton({ messageId: id, customId: 'a|nosuchcommand|', locale: 'ru' });
    await rig.answered(h);
    expect(h.responses()[0]).toMatchObject({ ephemeral: true, content: RU.t('adapter-stale-button') });
  });

  it('offers autocomplete choices in the invoker’s language', async () => {
    rig = await startDiscordRig();
    const h = rig.dc.autocomplete({ name: 'signatories', guildId: G, locale: 'ru', options: { filter: 'фран' } });
    await rig.answered(h);
    const choices = (h.responses()[0] as unknown as { body?: { data?: { choices?: { name: string }[] } } }).body?.data?.choices ?? [];
    expect(choices.map((c) => c.name).join(' ')).toMatch(/Франция/);
  });

  it('a server channel that chose Kazakh (a locale Discord lacks) is answered in Kazakh', async () => {
    rig = await startDiscordRig({ guildLocale: 'ru' });
    await rig.converse({ name: 'language', guildId: G, options: { language: 'kk' }, memberPermissions: ADMIN_PERMISSIONS }, { group: true, admin: true });
    const { messages } = await rig.converse({ name: 'next', guildId: G, locale: 'ru' }, { group: true });
    const text = messages.map(readMessage).join('\n');
    expect(text).not.toMatch(/Next anniversary|Следующая годовщина/);
    expect(text).toMatch(/[әғқңөұүһі]/);
    expect(KK.language).toBe('kk');
  });

  it('posts a channel’s reminder in the language its server’s locale suggested at /subscribe', async () => {
    rig = await startDiscordRig();
    const settings = { subscribed: true, kind: 'group', localeHint: 'ru' } as ChatSettings;
    await rig.services.store.set('chat', `discord:${C}`, settings);
    const report = await new Scheduler({
      campaign: rig.services.campaign, store: rig.services.store, adapters: new Map([['discord', rig.adapter]]), catchUpHours: 6,
      log: createLogger({ level: 'silent' }), clock: () => new Date('2026-12-16T04:00:00Z'), sleep: async () => undefined,
    }).tick();
    expect(report).toMatchObject({ sent: 1 });
    const posted = rig.dc.channelMessages(C).filter((m) => m.source === 'channel');
    expect(readMessage(posted[0]!)).toMatch(/^15 лет назад в этот день: /);
    expect(rig.dc.pressables(posted[0]!.id).map((p) => p.label)).toEqual(['Требования', 'Заметки и источники']);
  });
});
