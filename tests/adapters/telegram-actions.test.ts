/**
 * Actions on Telegram, end to end against the fake: an inline keyboard under
 * the answer (paging row first, one or two buttons a row), presses that run
 * the command and edit the message in place, polite notices for what cannot,
 * and actions that do not fit in callback data shown as commands to tap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import type { Command } from '../../src/commands/types.js';
import { action, errorReply, paragraph, reply } from '../../src/rich/build.js';
import { testServices } from '../helpers/core.js';
import { ADMIN, GROUP, keyboardOf, MEMBER, pressButton, PRIVATE, startTelegramRig, type TelegramRig } from './telegram-harness.js';

let rig: TelegramRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const LONG_ARGS = 'x'.repeat(70);

/** A menu of actions: two short labels, a long one, one too long for callback data, and a paged list. */
const menu: Command = {
  name: 'menu', options: [], access: 'everyone',
  run: () => reply({ blocks: [paragraph('Menu')] }, undefined, [
    action('One', 'echo', 'one'), action('Two', 'echo', 'two'), action('A label far too long to share', 'echo', 'three'),
    action('Secret', 'secret'), action('Broken', 'echo', 'fail'), action('Huge', 'echo', LONG_ARGS),
  ]),
};
const echo: Command = {
  name: 'echo', options: [{ name: 'text', type: 'string' }], access: 'everyone',
  run: ({ text }) => (text === 'fail' ? errorReply('No such thing here.') : reply({ blocks: [paragraph(`echo: ${text}`)] }, undefined, [action('Back', 'menu')])),
};
const secret: Command = {
  name: 'secret', options: [], access: 'admin', run: () => reply({ blocks: [paragraph('admin ok')] }),
};
/** A paged reply with actions: the paging row comes first. */
const paged: Command = {
  name: 'paged', options: [{ name: 'page', type: 'string' }], access: 'everyone',
  run: ({ text }) => {
    const page = Number(text.split(' ').at(-1)) || 1;
    if (page > 3) return errorReply('There are only 3 pages.');
    return reply({ blocks: [paragraph(`page ${page}`)] }, { page, pages: 3, command: 'paged', args: text.includes('long') ? LONG_ARGS : '' },
      [action('Menu', 'menu')]);
  },
};

const start = async (): Promise<TelegramRig> =>
  startTelegramRig({ services: { ...(await testServices()), commands: [...commands, menu, echo, secret, paged] } });

describe('Telegram actions', () => {
  it('shows actions as a keyboard, short labels two to a row, and one too long for callback data as a tappable command', async () => {
    rig = await start();
    const [m] = await rig.say('/menu');
    const rows = keyboardOf(m).map((row) => row.map((b) => b.text));
    expect(rows).toEqual([['One', 'Two'], ['A label far too long to share'], ['Secret', 'Broken']]);
    expect(keyboardOf(m)[0]?.[0]?.callback_data).toBe('a|echo|one');
    for (const b of keyboardOf(m).flat()) expect(Buffer.byteLength(b.callback_data ?? '', 'utf8')).toBeLessThanOrEqual(64);
    // Never dropped: the action that does not fit is in the text, as a command Telegram makes tappable.
    const line = `/echo ${LONG_ARGS}`;
    expect(m?.plainText).toContain(`Huge: ${line}`);
    expect(m?.text).not.toContain('<code>');
    const offset = m!.plainText.indexOf(line);
    expect(m?.entities).toContainEqual({ type: 'bot_command', offset, length: '/echo'.length });
  });

  it('a press runs the command and edits the message it sits under, text and keyboard; the press is answered', async () => {
    rig = await start();
    const turn = await rig.converse('/menu');
    const id = turn.sent[0]!.message_id;
    const one = await turn.actions.find((a) => a.label === 'One')!.press();
    expect(one.messages).toEqual(['echo: one']);
    expect(one.sent[0]).toMatchObject({ method: 'editMessageText', message_id: id, parse_mode: 'HTML' });
    expect(one.actions.map((a) => a.label)).toEqual(['Back']);
    expect(one.notice).toBeUndefined();
    const back = await one.actions[0]!.press();
    expect(back.sent[0]).toMatchObject({ method: 'editMessageText', message_id: id });
    expect(back.messages[0]).toMatch(/^Menu\n/);
    expect(back.actions.map((a) => a.label)).toContain('Two');
    // One message in the chat all along: the command's answer, edited twice.
    expect(rig.tg.sentTo(PRIVATE.id).filter((m) => m.method === 'sendMessage' && !m.plainText.includes('syncmarker'))).toHaveLength(1);
  });

  it('an error answer, a stale button or an unknown command is a short notice and leaves the message as it was', async () => {
    rig = await start();
    const turn = await rig.converse('/menu');
    const id = turn.sent[0]!.message_id;
    const broken = await turn.actions.find((a) => a.label === 'Broken')!.press();
    expect(broken).toMatchObject({ messages: [], notice: 'No such thing here.' });
    expect((await pressButton(rig.tg, id, 'a|gone|')).notice).toBe('This list has changed. Please send the command again.');
    // A page that is no longer there: the list changed.
    expect((await pressButton(rig.tg, id, 'pg|paged|9|')).notice).toBe('This list has changed. Please send the command again.');
    expect(rig.tg.sentTo(PRIVATE.id).filter((m) => m.method === 'editMessageText')).toHaveLength(0);
  });

  it("a press is an invocation like any other: the presser's role is asked only for an admin command", async () => {
    rig = await start();
    const turn = await rig.converse('/menu', GROUP, MEMBER);
    expect(rig.tg.callsOf('getChatMember')).toHaveLength(0);
    await turn.actions.find((a) => a.label === 'One')!.press();
    expect(rig.tg.callsOf('getChatMember')).toHaveLength(0);
    const refused = await pressButton(rig.tg, turn.sent[0]!.message_id, 'a|secret|', GROUP, MEMBER);
    expect(refused.notice).toBe('Only admins of this chat can use /secret.');
    const allowed = await pressButton(rig.tg, turn.sent[0]!.message_id, 'a|secret|', GROUP, ADMIN);
    expect(allowed.messages).toEqual(['admin ok']);
    expect(allowed.actions).toHaveLength(0); // the answer has no actions: the keyboard is gone
  });

  it('puts the paging row first, then the actions; pages move by editing; a page too long for callback data is a command', async () => {
    rig = await start();
    const turn = await rig.converse('/paged');
    expect(keyboardOf(turn.sent[0]).map((row) => row.map((b) => b.text))).toEqual([['1 / 3', 'Next ›'], ['Menu']]);
    expect(turn.actions.map((a) => a.label)).toEqual(['Next ›', 'Menu']); // the counter is not an action
    const two = await turn.actions[0]!.press();
    expect(two.messages).toEqual(['page 2']);
    expect(keyboardOf(two.sent[0])[0]?.map((b) => b.callback_data)).toEqual(['pg|paged|1|', 'noop', 'pg|paged|3|']);
    const noop = await pressButton(rig.tg, two.sent[0]!.message_id, 'noop');
    expect(noop.messages).toEqual(['page 2']);
    const long = await rig.converse('/paged long');
    expect(long.messages[0]).toContain(`Next ›: /paged ${LONG_ARGS} 2`);
    expect(keyboardOf(long.sent[0]).map((row) => row.map((b) => b.text))).toEqual([['Menu']]);
  });

  it('send() puts a reminder’s actions under it as the same keyboard', async () => {
    rig = await start();
    const target = { platform: 'telegram' as const, chatId: String(GROUP.id), kind: 'group' as const };
    const result = await rig.adapter.send(target, { blocks: [paragraph('15 years ago today')] }, [action('The demands', 'demands', 'smk'), action('Notes', 'timeline')]);
    expect(result).toEqual({ kind: 'sent' });
    const [posted] = rig.tg.sentTo(GROUP.id);
    expect(keyboardOf(posted)).toEqual([[{ text: 'The demands', callback_data: 'a|demands|smk' }, { text: 'Notes', callback_data: 'a|timeline|' }]]);
    const pressed = await pressButton(rig.tg, posted!.message_id, 'a|demands|smk', GROUP, MEMBER);
    expect(pressed.sent[0]).toMatchObject({ method: 'editMessageText', message_id: posted!.message_id });
  });
});
