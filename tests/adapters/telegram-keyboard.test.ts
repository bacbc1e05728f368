/** The Telegram keyboard and the rendering of command and time spans, without the network. */
import { describe, expect, it } from 'vitest';
import { actionRows, decodeAction, encodeAction, layoutReply, prepareReply } from '../../adapters/telegram/keyboard.js';
import { renderTelegram } from '../../adapters/telegram/render.js';
import { action, code, command, paragraph, reply, text, time } from '../../src/rich/build.js';

describe('Telegram keyboard', () => {
  it('encodes an action as a|command|args within 64 bytes, counting bytes, not characters', () => {
    expect(encodeAction(action('x', 'demands', 'smk'))).toBe('a|demands|smk');
    expect(encodeAction(action('x', 'timeline'))).toBe('a|timeline|');
    const fits = 'я'.repeat((64 - 'a|demands|'.length) / 2);
    expect(encodeAction(action('x', 'demands', fits))).toHaveLength('a|demands|'.length + fits.length);
    expect(encodeAction(action('x', 'demands', `${fits}я`))).toBeUndefined();
    expect(encodeAction(action('x', 'Not A Command', ''))).toBeUndefined();
  });

  it('decodes what it encodes, bars in the arguments included; anything else is not an action', () => {
    expect(decodeAction('a|signatories|a|b 2')).toEqual({ command: 'signatories', args: 'a|b 2' });
    expect(decodeAction('a|timeline|')).toEqual({ command: 'timeline', args: '' });
    for (const junk of ['pg|demands|2|', 'a|', 'a|Bad Name|x', 'noop', undefined]) expect(decodeAction(junk)).toBeUndefined();
  });

  it('puts two short labels side by side and a long one on its own row, in order', () => {
    const b = (t: string) => ({ text: t, callback_data: t });
    const rows = actionRows([b('One'), b('Two'), b('Three'), b('A rather long button label'), b('Four'), b('Five'), b('Six')]);
    expect(rows.map((r) => r.map((x) => x.text))).toEqual([['One', 'Two'], ['Three'], ['A rather long button label'], ['Four', 'Five'], ['Six']]);
  });

  it('keeps a reply with no actions and no paging as it is, with no keyboard', () => {
    const plain = reply({ blocks: [paragraph('hi')] });
    expect(layoutReply(plain)).toEqual({ reply: plain, markup: undefined });
  });

  it('lists what does not fit under the last message as commands, never dropping it', () => {
    const long = 'z'.repeat(60);
    const { texts, markup } = prepareReply(reply([{ blocks: [paragraph('first')] }, { blocks: [paragraph('second')] }], undefined,
      [action('Fits', 'demands'), action('Too long', 'statement', long)]));
    expect(texts.map((t) => t.visible)).toEqual(['first', `second\n\n• Too long: /statement ${long}`]);
    expect(markup?.inline_keyboard).toEqual([[{ text: 'Fits', callback_data: 'a|demands|' }]]);
  });
});

describe('Telegram rendering of commands and times', () => {
  it('renders a command as plain text (tappable), never as code, even when also marked as code', () => {
    const out = renderTelegram({ blocks: [paragraph('Try ', command('/demands smk'), ' or ', code('/help'), ' in ', code('Europe/Berlin'))] });
    expect(out.html).toBe('Try /demands smk or /help in <code>Europe/Berlin</code>');
    expect(out.html).not.toMatch(/<code>\//);
  });

  it('renders a time as its text, as the chat’s zone writes it', () => {
    const out = renderTelegram({ blocks: [paragraph(text('Next: '), time('16 December 2026, 09:00', new Date('2026-12-16T04:00:00Z')))] });
    expect(out.visible).toBe('Next: 16 December 2026, 09:00');
  });
});
