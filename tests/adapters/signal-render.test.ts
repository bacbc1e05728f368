/**
 * Rendering for Signal: style ranges at UTF-16 offsets, pieces within
 * signal-cli's 2,000-byte inline limit, actions and paging as commands to
 * type in the chat's language, and every command's answer as one message.
 */
import { describe, expect, it } from 'vitest';
import { renderPieces, renderSignal, SIGNAL_TEXT_LIMIT_BYTES, textStyleParam, utf8Bytes, type SignalText } from '../../adapters/signal/render.js';
import { renderSignalReply, typedActions } from '../../adapters/signal/reply.js';
import { bold, bullets, code, command, italic, link, message, paragraph, quote, text } from '../../src/rich/build.js';
import type { Reply } from '../../src/rich/model.js';
import { TRIED } from '../contract/contract.js';
import { invocation, testDispatcher, voice } from '../helpers/core.js';

const styled = (t: SignalText): { style: string; text: string }[] => t.styles.map((s) => ({ style: s.style, text: t.text.slice(s.start, s.start + s.length) }));

describe('signal render', () => {
  it('places ranges at UTF-16 offsets (emoji and Cyrillic before them) and writes them as start:length:STYLE', () => {
    const out = renderSignal(message('Жанаозен 🚩', [paragraph(text('👷🏽 '), bold('сила'), text(' and '), italic('voice'), text(' '), code('x = 1'))]));
    expect(styled(out)).toEqual([
      { style: 'BOLD', text: 'Жанаозен 🚩' }, { style: 'BOLD', text: 'сила' }, { style: 'ITALIC', text: 'voice' }, { style: 'MONOSPACE', text: 'x = 1' },
    ]);
    const emoji = out.text.indexOf('сила');
    expect(textStyleParam(out)[1]).toBe(`${emoji}:4:BOLD`);
    // 🚩 and 👷🏽 are surrogate pairs: JavaScript indices are UTF-16 code units, as Signal counts.
    expect(emoji).toBe('Жанаозен 🚩\n\n👷🏽 '.length);
  });

  it('merges a style running across neighbouring spans, keeps user text literal, and shows a link\'s address', () => {
    const out = renderSignal(message(undefined, [paragraph(bold('a'), bold('b'), text(' <b>*x*</b> '), link('site', 'https://example.org'))]));
    expect(out.text).toBe('ab <b>*x*</b> site (https://example.org)');
    expect(out.styles).toEqual([{ start: 0, length: 2, style: 'BOLD' }]);
  });

  it('writes lists, quotes and commands plainly, commands in monospace', () => {
    const out = renderSignal(message(undefined, [bullets([[text('one')], [command('/demands smk')]]), quote('line 1\nline 2')]));
    expect(out.text).toBe('• one\n• /demands smk\n\n> line 1\n> line 2');
    expect(styled(out)).toEqual([{ style: 'MONOSPACE', text: '/demands smk' }, { style: 'ITALIC', text: 'line 1' }, { style: 'ITALIC', text: 'line 2' }]);
  });

  it('splits a long message into pieces within 2,000 bytes, losing no word, every range inside its piece', () => {
    const word = 'солидарность ';
    const long = message('Заголовок', [paragraph(text(word.repeat(200)), bold('конец'))]);
    const pieces = renderPieces(long);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(utf8Bytes(p.text)).toBeLessThanOrEqual(SIGNAL_TEXT_LIMIT_BYTES);
      for (const s of p.styles) expect(s.start + s.length).toBeLessThanOrEqual(p.text.length);
    }
    expect(pieces.map((p) => p.text).join(' ').split(/\s+/).filter((w) => w === 'солидарность')).toHaveLength(200);
    expect(styled(pieces.at(-1)!)).toContainEqual({ style: 'BOLD', text: 'конец' });
  });

  it('keeps a message whole that fits only without its actions: they follow as a message of their own', () => {
    const body = message('Т', [paragraph('ж'.repeat(990))]);
    const reply: Reply = { messages: [body], actions: [{ label: 'Дальше', command: 'demands', args: 'smk' }] };
    const texts = renderSignalReply(reply, voice('ru'));
    expect(texts.map((t) => t.text)).toEqual([`Т\n\n${'ж'.repeat(990)}`, '→ Дальше: /demands smk']);
    expect(renderSignalReply({ ...reply, messages: [message('Т', [paragraph('ж'.repeat(900))])] }, voice('ru'))).toHaveLength(1);
  });

  it('writes paging and actions as commands to type, in the chat\'s language, the commands in monospace', () => {
    const reply: Reply = {
      messages: [message('T', [paragraph('body')])],
      paging: { page: 2, pages: 3, command: 'signatories', args: 'france' },
      actions: [{ label: 'Full text', command: 'statement', args: 'smk-statement text' }],
    };
    const [en] = renderSignalReply(reply, voice('en'));
    expect(en!.text).toBe('T\n\nbody\n\nPage 2 of 3\n→ Previous page: /signatories france 1\n→ Next page: /signatories france 3\n→ Full text: /statement smk-statement text');
    expect(styled(en!).filter((s) => s.style === 'MONOSPACE').map((s) => s.text)).toEqual(['/signatories france 1', '/signatories france 3', '/statement smk-statement text']);
    const [ru] = renderSignalReply(reply, voice('ru'));
    expect(ru!.text).toContain('Страница 2 из 3\n→ Предыдущая страница: /signatories france 1');
    expect(typedActions({}, voice('en'))).toBeUndefined();
  });

  it('renders a frozen (cached) reply once per language', () => {
    const reply = Object.freeze({ messages: Object.freeze([message('T', [paragraph('b')])]) }) as Reply;
    expect(renderSignalReply(reply, voice('en'))).toBe(renderSignalReply(reply, voice('en')));
    expect(renderSignalReply(reply, voice('ru'))).not.toBe(renderSignalReply(reply, voice('en')));
  });

  it('answers every command in one message within 2,000 bytes, typed actions included, in English; within the limit in every language', async () => {
    const { dispatcher } = await testDispatcher();
    let longest = { line: '', chars: 0, bytes: 0 };
    for (const language of ['en', 'ru', 'kk'] as const) {
      for (const line of TRIED) {
        const [name, ...rest] = line.slice(1).split(' ');
        const reply = await dispatcher.dispatch({ ...invocation(name!, rest.join(' ')), locale: language });
        const texts = renderSignalReply(reply, voice(language));
        for (const t of texts) expect(utf8Bytes(t.text), `${language} ${line}`).toBeLessThanOrEqual(SIGNAL_TEXT_LIMIT_BYTES);
        if (language === 'en') {
          expect(texts, line).toHaveLength(1);
          if (texts[0]!.text.length > longest.chars) longest = { line, chars: texts[0]!.text.length, bytes: utf8Bytes(texts[0]!.text) };
        }
      }
    }
    // Measured: the longest English answer with its typed actions (/sources, about 1,510 characters, 1,590 bytes).
    expect(longest.bytes).toBeLessThanOrEqual(SIGNAL_TEXT_LIMIT_BYTES);
  });
});
