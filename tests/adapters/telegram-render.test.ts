import { describe, expect, it } from 'vitest';
import { escapeHtml, renderTelegram, renderTelegramReply, TELEGRAM_TEXT_LIMIT } from '../../adapters/telegram/render.js';
import { bold, bullets, code, italic, link, message, numbered, paragraph, quote, reply, text } from '../../src/rich/build.js';
import { parseTelegramHtml } from '../fakes/telegram/index.js';
import { invocation, testDispatcher } from '../helpers/core.js';

describe('Telegram renderer', () => {
  it('escapes every content and user string', () => {
    const r = renderTelegram(message('<Title & co>', [paragraph(text('<script>alert("x")</script> & @everyone'), bold('<b>'))]));
    expect(r.html).toBe('<b>&lt;Title &amp; co&gt;</b>\n\n&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; @everyone<b>&lt;b&gt;</b>');
    expect(r.visible).toBe('<Title & co>\n\n<script>alert("x")</script> & @everyone<b>');
    expect(escapeHtml('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
  });

  it('renders marks, lists, quotes and only safe links', () => {
    const r = renderTelegram(message(undefined, [
      paragraph(bold('b'), italic('i'), code('<c>'), link('site', 'https://example.org/?a=1&b="2"'), link('bad', 'javascript:alert(1)')),
      numbered(['one', 'two'], 3),
      bullets(['x']),
      quote('q'),
    ]));
    expect(r.html).toBe('<b>b</b><i>i</i><code>&lt;c&gt;</code><a href="https://example.org/?a=1&amp;b=&quot;2&quot;">site</a>bad'
      + '\n\n3. one\n4. two\n\n• x\n\n<blockquote>q</blockquote>');
  });

  it('produces HTML that Telegram parses to exactly the visible text it measured', async () => {
    const { dispatcher } = await testDispatcher();
    for (const [cmd, arg] of [['timeline', ''], ['sources', ''], ['statement', 'smk-statement'], ['signatories', 'x<y>&z']] as const) {
      for (const t of renderTelegramReply(await dispatcher.dispatch(invocation(cmd, arg)))) {
        const parsed = parseTelegramHtml(t.html);
        expect(parsed).toMatchObject({ ok: true, text: t.visible });
      }
    }
  });

  it('splits the longest statement under 4096 visible characters, losing nothing', async () => {
    const { dispatcher, services } = await testDispatcher();
    const longest = [...services.campaign.statements].sort((a, b) => b.body.length - a.body.length)[0]!;
    const long = reply(message('Long', [paragraph(longest.body.repeat(3))]));
    const pieces = renderTelegramReply(long);
    expect(pieces.length).toBeGreaterThan(3);
    for (const p of pieces) expect(p.visible.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(pieces.map((p) => p.visible).join('').replace(/\s+/g, '')).toBe(`Long${longest.body.repeat(3)}`.replace(/\s+/g, ''));
    const statement = renderTelegramReply(await dispatcher.dispatch(invocation('statement', longest.id)));
    for (const p of statement) expect(p.visible.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
  });
});
