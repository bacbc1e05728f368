/** /language through the dispatcher: shows, stores, refuses (DESIGN.md, "Languages"). */
import { beforeEach, describe, expect, it } from 'vitest';
import { renderMessage } from '../../adapters/console/render.js';
import type { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import type { Reply } from '../../src/rich/model.js';
import { readChatSettings } from '../../src/store/chat-settings.js';
import { invocation, testDispatcher } from '../helpers/core.js';

const plain = (r: Reply): string => r.messages.map((m) => renderMessage(m, { ansi: false })).join('\n');
const CHAT = { platform: 'console', chatId: 'test' } as const;

describe('/language', () => {
  let dispatcher: Dispatcher;
  let services: Services;
  beforeEach(async () => { ({ dispatcher, services } = await testDispatcher()); });

  it('shows the chat language and offers the three as actions, in one short message', async () => {
    const r = await dispatcher.dispatch(invocation('language'));
    expect(r.ephemeral).toBeFalsy();
    expect(r.messages).toHaveLength(1);
    expect(plain(r).length).toBeLessThanOrEqual(1_500);
    expect(plain(r)).toContain('Language of this chat: English.');
    expect(plain(r)).toContain('Not chosen here yet.');
    expect(r.actions).toEqual([
      { label: 'English', command: 'language', args: 'en' },
      { label: 'Русский', command: 'language', args: 'ru' },
      { label: 'Қазақша', command: 'language', args: 'kk' },
    ]);
  });

  it('answers in the platform hint’s language while nothing is stored', async () => {
    const r = await dispatcher.dispatch(invocation('language', '', { locale: 'ru-RU' }));
    expect(plain(r)).toContain('Язык этого чата: Русский.');
  });

  it('stores a choice and answers in it; every action works', async () => {
    const saved = await dispatcher.dispatch(invocation('language', 'kk'));
    expect(saved.ephemeral).toBeFalsy();
    expect(plain(saved)).toContain('Бұл чаттың тілі енді: Қазақша.');
    // Every answer is translated now: no note that most of them are still English.
    expect(plain(saved)).not.toContain('ағылшынша');
    expect((await readChatSettings(services.store, CHAT))?.language).toBe('kk');

    const shown = await dispatcher.dispatch(invocation('language', '', { locale: 'en-US' }));
    expect(plain(shown)).toContain('Бұл чаттың тілі: Қазақша.');
    expect(plain(shown)).not.toContain('Тіл әлі таңдалмаған.');

    for (const a of shown.actions ?? []) {
      const r = await dispatcher.dispatch(invocation(a.command, a.args));
      expect(r.ephemeral, a.label).toBeFalsy();
      expect(r.messages).toHaveLength(1);
      expect((await readChatSettings(services.store, CHAT))?.language).toBe(a.args);
    }
    expect(plain(await dispatcher.dispatch(invocation('language', 'RU')))).toContain('Язык этого чата теперь: Русский.');
    expect(plain(await dispatcher.dispatch(invocation('language', 'en')))).not.toContain('still in English');
  });

  it('in a Telegram group, shows the chat’s language, not the invoker’s; once set, the next command answers in it', async () => {
    const group = { platform: 'telegram', chatId: '-100555', kind: 'group' } as const;
    // A Russian-speaking admin of a group that chose nothing: the group's language is still the default.
    const shown = await dispatcher.dispatch(invocation('language', '', { chat: group, userLocale: 'ru' }));
    expect(plain(shown)).toContain('Language of this chat: English.');
    expect(plain(shown)).toContain('Not chosen here yet.');
    const saved = await dispatcher.dispatch(invocation('language', 'ru', { chat: group, userLocale: 'ru' }));
    expect(plain(saved)).toContain('Язык этого чата теперь: Русский.');
    expect((await readChatSettings(services.store, group))?.language).toBe('ru');
    // Anyone's next command in the group, whatever their own language, is answered in Russian.
    const next = plain(await dispatcher.dispatch(invocation('next', '', { chat: group, userLocale: 'en', role: 'member' })));
    expect(next).toContain('Следующая годовщина: 16 декабря 2026 г., через 24 дня');
    expect(next).not.toContain('Next anniversary');
    const again = plain(await dispatcher.dispatch(invocation('language', '', { chat: group, userLocale: 'en' })));
    expect(again).toContain('Язык этого чата: Русский.');
    expect(again).not.toContain('Язык здесь ещё не выбран.');
  });

  it('refuses an unknown language with a short ephemeral answer and stores nothing', async () => {
    const r = await dispatcher.dispatch(invocation('language', 'de'));
    expect(r.ephemeral).toBe(true);
    expect(plain(r)).toContain('Unknown language “de”. Choose en, ru or kk.');
    expect(plain(r).length).toBeLessThan(200);
    expect(await readChatSettings(services.store, CHAT)).toBeUndefined();
  });

  it('is for admins in a group', async () => {
    const r = await dispatcher.dispatch(invocation('language', 'ru', { chat: { kind: 'group', chatId: 'g' }, role: 'member' }));
    expect(r.ephemeral).toBe(true);
    expect(await readChatSettings(services.store, { platform: 'console', chatId: 'g' })).toBeUndefined();
  });
});
