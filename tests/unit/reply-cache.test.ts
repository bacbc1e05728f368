/**
 * Cacheable commands (`Command.cacheable`): the dispatcher serves a repeat
 * from its cache, frozen, and only where the answer cannot depend on who
 * asks, where, or when.
 */
import { describe, expect, it } from 'vitest';
import { renderTelegramReply } from '../../adapters/telegram/render.js';
import { commands } from '../../src/commands/index.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Command, Services } from '../../src/commands/types.js';
import { reply as replyOf, message, paragraph } from '../../src/rich/build.js';
import { invocation, testServices } from '../helpers/core.js';

/** Arguments each cacheable command is tried with: none, and what its usage suggests. */
const ARGS: Record<string, readonly string[]> = {
  demands: ['', 'smk', 'smk 2', 'Nationalization', 'topics'],
  signatories: ['', 'france', '2', 'Sweden'],
  statement: ['smk-statement', 'smk-statement 2', 'smk-statement text 3'],
  timeline: ['', 'uprising-begins', 'uprising-begins 2'],
  sources: ['', '2', 'icor-resolution'],
};

describe('cacheable commands', () => {
  it('answer the same in one language whatever the chat, platform, role or time', async () => {
    const services = await testServices();
    const cacheable = commands.filter((c) => c.cacheable);
    expect(cacheable.map((c) => c.name).sort()).toEqual(['about', 'demands', 'signatories', 'sources', 'start', 'statement', 'statements', 'timeline']);
    for (const command of cacheable) {
      for (const text of ARGS[command.name] ?? ['']) {
        // Fresh dispatchers, so nothing is served from a cache here.
        const a = await new Dispatcher(services).dispatch(invocation(command.name, text, { locale: 'ru' }));
        const b = await new Dispatcher(services).dispatch({
          ...invocation(command.name, text, { chat: { platform: 'telegram', chatId: '-100200', kind: 'group' }, role: 'member', now: new Date('2027-01-05T23:30:00Z') }),
          locale: 'ru',
        });
        expect(b, `/${command.name} ${text}`).toEqual(a);
      }
    }
  });

  it('are built once per set of options and served again frozen; others are built each time', async () => {
    const dispatcher = new Dispatcher(await testServices());
    const first = await dispatcher.dispatch(invocation('demands', 'smk'));
    expect(Object.isFrozen(first) && Object.isFrozen(first.messages[0]!.blocks)).toBe(true);
    expect(await dispatcher.dispatch(invocation('demands', 'smk', { chat: { chatId: 'another' } }))).toBe(first);
    expect(await dispatcher.dispatch(invocation('demands', 'Nationalization'))).not.toBe(first);
    const help = await dispatcher.dispatch(invocation('help'));
    expect(await dispatcher.dispatch(invocation('help'))).not.toBe(help);
    expect(Object.isFrozen(help)).toBe(false);
  });

  it('never keep a refusal or an error answer, and still check access on every call', async () => {
    let runs = 0;
    const secret: Command = {
      name: 'secret', access: 'admin', options: [{ name: 'what', type: 'string' }], cacheable: true,
      run: ({ options }) => { runs++; return options.what === 'bad' ? { ...replyOf(message(undefined, [paragraph('no such thing')])), ephemeral: true } : replyOf(message('Secret', [paragraph('for admins')])); },
    };
    const base = await testServices();
    const services: Services = { ...base, commands: [secret] };
    const dispatcher = new Dispatcher(services);
    const ok = await dispatcher.dispatch(invocation('secret', 'x', { role: 'admin' }));
    const refused = await dispatcher.dispatch(invocation('secret', 'x', { role: 'member' }));
    expect(refused.ephemeral).toBe(true);
    expect(refused).not.toBe(ok);
    await dispatcher.dispatch(invocation('secret', 'bad'));
    await dispatcher.dispatch(invocation('secret', 'bad'));
    expect(await dispatcher.dispatch(invocation('secret', 'x'))).toBe(ok);
    expect(runs).toBe(3); // 'x' once, 'bad' twice (error answers are not kept)
  });
});

describe('Telegram rendering of frozen replies', () => {
  it('renders a frozen reply once and an unfrozen one every time, to the same texts', async () => {
    const dispatcher = new Dispatcher(await testServices());
    const cached = await dispatcher.dispatch(invocation('start'));
    const once = renderTelegramReply(cached);
    expect(renderTelegramReply(cached)).toBe(once);
    const fresh = replyOf(message(cached.messages[0]!.title, cached.messages[0]!.blocks));
    const again = renderTelegramReply(fresh);
    expect(again).not.toBe(once);
    expect(again).toEqual(once);
    expect(renderTelegramReply(fresh)).not.toBe(again);
  });
});
