/** Actions as components, command mentions and timestamps, without the network. */
import { describe, expect, it } from 'vitest';
import {
  ACTION_SELECT_ID,
  actionCustomId,
  layoutActions,
  parseActionCustomId,
  type ActionRow,
} from '../../adapters/discord/actions.js';
import { commandMarkdown, timestampMarkdown } from '../../adapters/discord/markdown.js';
import { requestOf } from '../../adapters/discord/press.js';
import { renderDiscordMessage, renderDiscordReply } from '../../adapters/discord/render.js';
import { action, command, errorReply, message, paragraph, reply, text, time } from '../../src/rich/build.js';
import type { Action, Paging } from '../../src/rich/model.js';

const actions = (n: number, args = (i: number) => `e${i}`): Action[] => Array.from({ length: n }, (_, i) => action(`Event ${i}`, 'timeline', args(i)));
const paging: Paging = { page: 1, pages: 3, command: 'signatories', args: '' };

interface Component { type: number; custom_id?: string; label?: string; options?: { label: string; value: string; description?: string }[] }
const children = (row: ActionRow | undefined): Component[] => (row?.components ?? []) as Component[];
const ids = (rows: readonly ActionRow[]): string[] => rows.flatMap((r) => children(r).map((c) => c.custom_id ?? ''));

describe('discord action custom ids', () => {
  it('round-trips command and arguments, arguments with bars too', () => {
    expect(actionCustomId(action('x', 'demands', 'smk'))).toBe('a|demands|smk');
    expect(parseActionCustomId('a|demands|smk')).toEqual({ command: 'demands', args: 'smk' });
    expect(parseActionCustomId('a|statement|a|b')).toEqual({ command: 'statement', args: 'a|b' });
    expect(parseActionCustomId('a|about|')).toEqual({ command: 'about', args: '' });
    for (const bad of ['pg|signatories|2|', 'a|Bad Name|x', 'a|x', 'subscribe:yes', '']) expect(parseActionCustomId(bad)).toBeUndefined();
    expect(actionCustomId(action('x', 'statement', 'y'.repeat(100)))).toBeUndefined();
  });

  it('reads a press: actions, the select menu\'s chosen value, and the old paging ids', () => {
    expect(requestOf('a|demands|smk')).toEqual({ command: 'demands', text: 'smk' });
    expect(requestOf(ACTION_SELECT_ID, ['a|timeline|e3'])).toEqual({ command: 'timeline', text: 'e3' });
    expect(requestOf('pg|signatories|2|party')).toEqual({ command: 'signatories', text: 'party 2' });
    expect(requestOf('pg|signatories|3|')).toEqual({ command: 'signatories', text: '3' });
    expect(requestOf(ACTION_SELECT_ID, [])).toBeUndefined();
    expect(requestOf('subscribe:yes')).toBeUndefined();
  });
});

describe('discord action layout', () => {
  it('puts buttons five to a row after the paging row', () => {
    const { rows, typed } = layoutActions(paging, actions(7));
    expect(rows.map((r) => children(r).length)).toEqual([2, 5, 2]);
    expect(ids(rows).slice(0, 2)).toEqual(['pg|signatories|0|', 'pg|signatories|2|']);
    expect(ids(rows).slice(2)).toEqual(actions(7).map((a) => `a|timeline|${a.args}`));
    expect(children(rows[1])[0]).toMatchObject({ type: 2, style: 2, label: 'Event 0' });
    expect(typed).toEqual([]);
  });

  it('fills five rows with buttons when they all fit, and no more', () => {
    expect(layoutActions(undefined, actions(25)).rows.map((r) => children(r).length)).toEqual([5, 5, 5, 5, 5]);
    expect(layoutActions(paging, actions(20)).rows.map((r) => children(r)[0]!.type)).toEqual([2, 2, 2, 2, 2]);
  });

  it('uses a select menu for the actions that do not fit as buttons, and lists the rest as commands to type', () => {
    const { rows, typed } = layoutActions(paging, actions(21));
    expect(rows).toHaveLength(5);
    expect(rows.slice(0, 4).map((r) => children(r).length)).toEqual([2, 5, 5, 5]);
    const select = children(rows[4])[0]!;
    expect(select).toMatchObject({ type: 3, custom_id: ACTION_SELECT_ID, min_values: 1, max_values: 1 });
    expect(select.options!.map((o) => o.value)).toEqual(['a|timeline|e15', 'a|timeline|e16', 'a|timeline|e17', 'a|timeline|e18', 'a|timeline|e19', 'a|timeline|e20']);
    expect(select.options![0]).toMatchObject({ label: 'Event 15', description: '/timeline e15' });
    expect(typed).toEqual([]);

    const many = layoutActions(undefined, actions(60));
    expect(many.rows.slice(0, 4).flatMap((r) => children(r)).length).toBe(20);
    expect(children(many.rows[4])[0]!.options).toHaveLength(25);
    expect(many.typed.map((a) => a.args)).toEqual(actions(60).slice(45).map((a) => a.args));
  });

  it('clips long labels, shows a repeated action once, and never drops an action whose custom id would be too long', () => {
    const long = action('A'.repeat(120), 'statement', 'smk-statement');
    const huge = action('Too long', 'statement', 'x'.repeat(120));
    const { rows, typed } = layoutActions(undefined, [long, long, huge, action('', 'about')]);
    const buttons = children(rows[0]);
    expect(buttons.map((b) => b.custom_id)).toEqual(['a|statement|smk-statement', 'a|about|']);
    expect(buttons[0]!.label).toHaveLength(80);
    expect(buttons[0]!.label!.endsWith('…')).toBe(true);
    expect(buttons[1]!.label).toBe('/about');
    expect(typed).toEqual([huge]);
  });

  it('renders components under the last message, and a typed action in the message as a command mention', () => {
    const huge = action('Too long', 'statement', 'x'.repeat(120));
    const out = renderDiscordReply(reply(message('T', [paragraph('body')]), paging, [action('About', 'about'), huge]), { commandId: (n) => (n === 'statement' ? '42' : undefined) });
    expect(out).toHaveLength(1);
    expect(ids(out[0]!.components!)).toEqual(['pg|signatories|0|', 'pg|signatories|2|', 'a|about|']);
    expect(out[0]!.embeds![0]!.description).toBe(`body\n\n- Too long: </statement:42> ${'x'.repeat(120)}`);
    // Errors are plain content; their actions still show.
    const error = renderDiscordReply({ ...errorReply('No such statement.'), actions: [action('Statements', 'statements')] });
    expect(error).toEqual([{ content: 'No such statement.', components: [{ type: 1, components: [expect.objectContaining({ custom_id: 'a|statements|' })] }] }]);
  });

  it('a reminder carries its actions as components', () => {
    const [posted] = renderDiscordMessage(message('On this day', [paragraph('x')]), [action('Demands', 'demands', 'smk')]);
    expect(ids(posted!.components!)).toEqual(['a|demands|smk']);
    expect(renderDiscordMessage(message('On this day', [paragraph('x')]))[0]!.components).toBeUndefined();
  });
});

describe('discord command mentions and timestamps', () => {
  const ctx = { commandId: (name: string) => ({ demands: '123', help: '7' })[name] };

  it('renders a command hint as a mention followed by its arguments, or as code when the id is unknown', () => {
    expect(commandMarkdown('/demands smk', ctx)).toBe('</demands:123> smk');
    expect(commandMarkdown('/help', ctx)).toBe('</help:7>');
    expect(commandMarkdown('/demands *x* @everyone', ctx)).toBe('</demands:123> \\*x\\* @\u200beveryone');
    expect(commandMarkdown('/timeline 2011', ctx)).toBe('`/timeline 2011`');
    expect(commandMarkdown('/demands smk')).toBe('`/demands smk`');
    expect(commandMarkdown('not a command', ctx)).toBe('`not a command`');
    const out = renderDiscordReply(reply(message('Try', [paragraph('Try ', command('/demands smk'), ' or ', command('/timeline'), '.')])), ctx);
    expect(out[0]!.embeds![0]!.description).toBe('Try </demands:123> smk or `/timeline`.');
  });

  it('renders a time span as a Discord timestamp, in embeds and in plain content', () => {
    const at = new Date('2026-12-16T04:00:00Z');
    expect(timestampMarkdown(at.toISOString())).toBe(`<t:${at.getTime() / 1000}:F>`);
    expect(timestampMarkdown('not a date')).toBeUndefined();
    const spans = [text('Next: '), time('16 December 2026, 09:00', at)];
    expect(renderDiscordReply(reply(message('Next', [paragraph(...spans)])))[0]!.embeds![0]!.description).toBe('Next: <t:1797393600:F>');
    expect(renderDiscordReply({ messages: [message(undefined, [paragraph(...spans)])], ephemeral: true })).toEqual([{ content: 'Next: <t:1797393600:F>' }]);
    expect(renderDiscordReply(reply(message(undefined, [paragraph({ text: '16 December', time: 'garbage' })])))[0]!.embeds![0]!.description).toBe('16 December');
  });
});
