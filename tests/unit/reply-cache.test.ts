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
  it('answer the same on one platform in one language whatever the chat, role or time', async () => {
    const services = await testServices();
    const cacheable = commands.filter((c) => c.cacheable);
    expect(cacheable.map((c) => c.name).sort()).toEqual(['about', 'demands', 'help', 'signatories', 'sources', 'start', 'statement', 'statements', 'timeline']);
    for (const command of cacheable) {
      for (const text of ARGS[command.name] ?? ['']) {
        // Fresh dispatchers, so nothing is served from a cache here.
        const a = await new Dispatcher(services).dispatch(invocation(command.name, text, { locale: 'ru' }));
        const b = await new Dispatcher(services).dispatch({
          ...invocation(command.name, text, { chat: { chatId: '-100200', kind: 'group' }, role: 'member', now: new Date('2027-01-05T23:30:00Z') }),
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
    const next = await dispatcher.dispatch(invocation('next'));
    expect(await dispatcher.dispatch(invocation('next'))).not.toBe(next);
    expect(Object.isFrozen(next)).toBe(false);
  });

  it('are kept per platform: /help lists the options each platform offers', async () => {
    const dispatcher = new Dispatcher(await testServices());
    const on = (platform: 'console' | 'discord', chatId: string) => dispatcher.dispatch(invocation('help', 'subscribe', { chat: { platform, chatId } }));
    const consoleHelp = await on('console', 'a');
    const discordHelp = await on('discord', 'b');
    expect(await on('console', 'c')).toBe(consoleHelp);
    expect(await on('discord', 'd')).toBe(discordHelp);
    // `events` (Discord's scheduled events) is an option of /subscribe on Discord only.
    const words = (r: typeof consoleHelp): string => JSON.stringify(r.messages);
    expect(words(discordHelp)).toContain('events');
    expect(words(consoleHelp)).not.toContain('events');
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
