/** Unit tests of the fake's Telegram-HTML parser. */
import { describe, expect, it } from 'vitest';
import { codePointLength, parseTelegramHtml, trimFormatted } from './html.js';
import { detectEntities } from './updates.js';

const parse = (s: string, mode: 'strict' | 'telegram' = 'strict') => parseTelegramHtml(s, mode);

describe('parseTelegramHtml', () => {
  it('maps every supported tag to its entity', () => {
    const r = parse(
      '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>'
      + '<tg-spoiler>p</tg-spoiler><span class="tg-spoiler">q</span><code>c</code><blockquote>q</blockquote>'
      + '<blockquote expandable>x</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
    );
    expect(r.ok && r.entities.map((e) => e.type)).toEqual([
      'bold', 'bold', 'italic', 'italic', 'underline', 'underline', 'strikethrough', 'strikethrough', 'strikethrough',
      'spoiler', 'spoiler', 'code', 'blockquote', 'expandable_blockquote', 'custom_emoji',
    ]);
  });

  it('decodes the four named entities and numeric ones; offsets are UTF-16', () => {
    expect(parse('&lt;&gt;&amp;&quot;&#65;&#x42;')).toMatchObject({ ok: true, text: '<>&"AB' });
    expect(parse('😀 <b>x</b>')).toEqual({ ok: true, text: '😀 x', entities: [{ type: 'bold', offset: 3, length: 1 }] });
  });

  it('nests entities, outer first; pre with a language; links are normalised', () => {
    expect(parse('<b>a <i>b</i></b>')).toEqual({
      ok: true, text: 'a b', entities: [{ type: 'bold', offset: 0, length: 3 }, { type: 'italic', offset: 2, length: 1 }],
    });
    expect(parse('<pre><code class="language-ts">let x</code></pre>')).toEqual({
      ok: true, text: 'let x', entities: [{ type: 'pre', offset: 0, length: 5, language: 'ts' }],
    });
    expect(parse('<a href=telegram.org>t</a>')).toMatchObject({ entities: [{ type: 'text_link', url: 'http://telegram.org/' }] });
    expect(parse("<A HREF='https://x.org/?a=1&amp;b'>t</A>")).toMatchObject({ entities: [{ url: 'https://x.org/?a=1&b' }] });
    expect(parse('<i>a</>')).toMatchObject({ ok: true, entities: [{ type: 'italic' }] });
    expect(parse('<b></b>x')).toEqual({ ok: true, text: 'x', entities: [] });
  });

  it('reports malformed markup with Telegram wording and UTF-8 byte offsets', () => {
    expect(parse('é <p>')).toEqual({ ok: false, error: 'Unsupported start tag "p" at byte offset 3' });
    expect(parse('a < b')).toEqual({ ok: false, error: 'Unsupported start tag "" at byte offset 2' });
    expect(parse('a<b')).toEqual({ ok: false, error: 'Unclosed start tag at byte offset 1' });
    expect(parse('<b>x')).toEqual({ ok: false, error: 'Can\'t find end tag corresponding to start tag "b"' });
    expect(parse('<b>x</i>')).toEqual({ ok: false, error: 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"' });
    expect(parse('x</b>')).toEqual({ ok: false, error: 'Unexpected end tag at byte offset 1' });
    expect(parse('<span>x</span>')).toMatchObject({ ok: false, error: expect.stringMatching(/tg-spoiler/) });
    expect(parse('<b =x>y</b>')).toEqual({ ok: false, error: 'Empty attribute name in the tag "b" at byte offset 0' });
  });

  it('strict mode rejects a bare & and unterminated entities; telegram mode keeps them like Telegram', () => {
    expect(parse('AT&T')).toMatchObject({ ok: false, error: expect.stringMatching(/^Bare "&" at byte offset 2/) });
    expect(parse('&lt 1')).toMatchObject({ ok: false });
    expect(parse('&nbsp;')).toMatchObject({ ok: false });
    expect(parse('AT&T &ge; &lt 1', 'telegram')).toEqual({ ok: true, text: 'AT&T &ge; < 1', entities: [] });
    expect(parse('a > b')).toMatchObject({ ok: true, text: 'a > b' });
  });

  it('rejects numeric entities that decode to lone surrogates', () => {
    expect(parse('&#xD800;')).toMatchObject({ ok: false, error: expect.stringMatching(/surrogate/) });
  });
});

describe('helpers', () => {
  it('trimFormatted trims whitespace and clips entities', () => {
    expect(trimFormatted('  <x> ', [{ type: 'bold', offset: 1, length: 4 }])).toEqual({
      text: '<x>', entities: [{ type: 'bold', offset: 0, length: 3 }],
    });
  });

  it('codePointLength counts astral characters once', () => {
    expect(codePointLength('😀a')).toBe(2);
  });

  it('detectEntities marks /commands like Telegram, including /cmd@bot', () => {
    expect(detectEntities('/start@testbot arg /help x/no')).toEqual([
      { type: 'bot_command', offset: 0, length: 14 },
      { type: 'bot_command', offset: 19, length: 5 },
    ]);
  });
});
