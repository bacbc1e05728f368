/**
 * Rich messages → Matrix notices: escaping, the spec's permitted HTML, the
 * commands to type under an answer, and splitting under the event size limit.
 */
import { describe, expect, it } from 'vitest';
import { contentBytes, MATRIX_CONTENT_LIMIT, renderMatrixMessage, renderMatrixReply } from '../../adapters/matrix/render.js';
import { bold, bullets, code, command, italic, link, message, numbered, paragraph, quote, text } from '../../src/rich/build.js';
import type { Reply } from '../../src/rich/model.js';
import { htmlProblems, visibleText } from '../fakes/matrix/index.js';

const WORDS = { previousPage: 'Previous page', nextPage: 'Next page' };

describe('Matrix rendering', () => {
  it('escapes what people and content write, in the HTML and nowhere else', () => {
    const hostile = '<script>alert(1)</script> & "quotes" <b>';
    const n = renderMatrixMessage(message(`Title ${hostile}`, [paragraph(text(hostile), bold(hostile))]));
    expect(n.body).toBe(`Title ${hostile}\n\n${hostile}${hostile}`);
    expect(n.formatted_body).not.toContain('<script>');
    expect(n.formatted_body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &lt;b&gt;');
    expect(htmlProblems(n.formatted_body)).toEqual([]);
    expect(visibleText(n.formatted_body)).toBe(`Title ${hostile}\n\n${hostile}${hostile}`);
  });

  it('uses only the spec’s tags: bold, italic, code for commands, safe links, quotes, lists with their start', () => {
    const n = renderMatrixMessage(message('Demands', [
      paragraph(bold('b'), text(' '), italic('i'), text(' '), code('x = 1'), text(' '), command('/demands smk')),
      paragraph(link('the text', 'https://example.org/a?b=1&c="2"'), text(' '), link('bad', 'javascript:alert(1)')),
      quote(text('first line\nsecond line')),
      numbered([[text('three')], [text('four')]], 3),
      bullets([[text('dot')]]),
    ]));
    expect(htmlProblems(n.formatted_body)).toEqual([]);
    expect(n.formatted_body).toContain('<b>b</b> <i>i</i> <code>x = 1</code> <code>/demands smk</code>');
    expect(n.formatted_body).toContain('<a href="https://example.org/a?b=1&amp;c=&quot;2&quot;">the text</a>');
    expect(n.formatted_body).not.toContain('javascript:alert(1)"');
    expect(n.formatted_body).toContain('<blockquote>first line<br>second line</blockquote>');
    expect(n.formatted_body).toContain('<ol start="3"><li>three</li><li>four</li></ol>');
    expect(n.body).toContain('the text (https://example.org/a?b=1&c="2") bad (javascript:alert(1))');
    expect(n.body).toContain('> first line\n> second line');
    expect(n.body).toContain('3. three\n4. four');
    expect(n.body).toContain('• dot');
    expect(n.msgtype).toBe('m.notice');
  });

  it('puts the page moves and actions under the last message as commands to type, in the chat’s words', () => {
    const reply: Reply = {
      messages: [message('Signatories — page 2 of 3', [paragraph(text('…'))])],
      paging: { page: 2, pages: 3, command: 'signatories', args: 'france' },
      actions: [{ label: 'Full text', command: 'statement', args: 'smk text' }],
    };
    const [n] = renderMatrixReply(reply, { previousPage: 'Алдыңғы бет', nextPage: 'Келесі бет' });
    expect(n!.body.split('\n').slice(-3)).toEqual([
      '→ Алдыңғы бет: /signatories france 1', '→ Келесі бет: /signatories france 3', '→ Full text: /statement smk text',
    ]);
    expect(n!.formatted_body).toContain('<ul><li>Алдыңғы бет: <code>/signatories france 1</code></li>');
    expect(htmlProblems(n!.formatted_body)).toEqual([]);
    const single = renderMatrixReply({ messages: [message(undefined, [paragraph(text('x'))])], paging: { page: 1, pages: 1, command: 'a', args: '' } }, WORDS);
    expect(single[0]!.body).toBe('x');
  });

  it('splits a message past the event size limit into notices that each fit, losing nothing', () => {
    const words = Array.from({ length: 30_000 }, (_, i) => `word${i}`);
    const items = Array.from({ length: 300 }, (_, i) => [text(words.slice(i * 100, i * 100 + 100).join(' '))]);
    const notices = renderMatrixReply({ messages: [message('Long', [bullets(items)])], actions: [{ label: 'More', command: 'demands', args: '' }] }, WORDS);
    expect(notices.length).toBeGreaterThan(2);
    for (const n of notices) {
      expect(contentBytes(n)).toBeLessThanOrEqual(MATRIX_CONTENT_LIMIT);
      expect(htmlProblems(n.formatted_body)).toEqual([]);
    }
    const all = notices.map((n) => n.body).join(' ');
    for (const w of [words[0]!, words[15_000]!, words.at(-1)!]) expect(all).toContain(w);
    expect(notices.at(-1)!.body).toMatch(/→ More: \/demands$/);
  });
});
