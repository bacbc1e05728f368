/** The Discord renderer and escaper, without the network. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codeSpan, escapeMarkdown, neutraliseMentions, safeUrl, ZWSP } from '../../adapters/discord/escape.js';
import { DISCORD_LIMITS, embedSize, renderContent, renderDiscordReply, renderEmbed } from '../../adapters/discord/render.js';
import { pageCustomId, pagingRow, parsePageCustomId } from '../../adapters/discord/paging.js';
import { slashCommandDefinitions } from '../../adapters/discord/register.js';
import { bold, code, errorReply, heading, italic, link, message, numbered, paragraph, quote, reply, text } from '../../src/rich/build.js';
import { commands } from '../../src/commands/index.js';
import { visible } from '../helpers/discord-visible.js';

describe('discord escaping', () => {
  it('escapes inline markdown so text shows as typed', () => {
    expect(escapeMarkdown('*a* _b_ ~~c~~ `d` ||e|| [f](g) \\')).toBe('\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\|\\|e\\|\\| \\[f\\](g) \\\\');
  });

  it('escapes block markers at the start of lines only', () => {
    expect(escapeMarkdown('> quote\n# title\n-# small\n- item\n12. item\na - b > c # d')).toBe(
      '\\> quote\n\\# title\n\\-# small\n\\- item\n12\\. item\na - b > c # d');
    expect(escapeMarkdown('- x', false)).toBe('- x');
  });

  it('breaks every kind of mention', () => {
    const out = escapeMarkdown('@everyone @here <@123> <@!123> <@&456> <#789> </cmd:1> <t:1700000000> <:e:1>');
    for (const m of ['@everyone', '@here', '<@', '<#', '</', '<t:', '<:']) expect(out).not.toContain(m);
    expect(visible(out)).toBe('@everyone @here <@123> <@!123> <@&456> <#789> </cmd:1> <t:1700000000> <:e:1>');
    expect(neutraliseMentions('mail@example.org')).toBe('mail@example.org');
  });

  it('leaves bare URLs linkable', () => {
    expect(escapeMarkdown('see https://example.org/a_b*c now_')).toBe('see https://example.org/a_b*c now\\_');
    expect(escapeMarkdown('https://e.org/[x](https://evil.example)')).toBe('https://e.org/\\[x\\](https://evil.example)');
  });

  it('fences code, with double backticks when needed, and refuses what cannot be fenced', () => {
    expect(codeSpan('/demands smk')).toBe('`/demands smk`');
    expect(codeSpan('a`b')).toBe('`` a`b ``');
    expect(codeSpan('a``b')).toBeUndefined();
    expect(codeSpan('@everyone')).toBe(`\`@${ZWSP}everyone\``);
  });

  it('accepts only http(s) links and encodes parentheses', () => {
    expect(safeUrl('https://e.org/a_(b)')).toBe('https://e.org/a_%28b%29');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('https://e.org/a b')).toBeUndefined();
  });

  it('any text survives escaping: what Discord shows is what was typed', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
      const plain = s.replace(/https?:\/\//g, '').replaceAll(ZWSP, '');
      expect(visible(escapeMarkdown(plain))).toBe(plain);
    }), { numRuns: 500 });
  });
});

describe('discord rendering', () => {
  it('renders marks, headings, quotes and lists', () => {
    const embed = renderEmbed(message('Title *x*', [
      paragraph(bold('Bold'), ' ', italic('it'), ' ', code('/help'), ' ', link('site', 'https://e.org'), ' ', link('bad', 'ftp://e.org')),
      heading('Head'),
      quote('first\nsecond'),
      numbered(['one', 'two'], 3),
    ]));
    expect(embed.title).toBe('Title \\*x\\*');
    expect(embed.description).toBe('**Bold** *it* `/help` [site](https://e.org) bad\n\n**Head**\n\n> first\n> second\n\n3. one\n4. two');
  });

  it('keeps whitespace outside markers and separates adjacent markers', () => {
    const md = renderEmbed(message(undefined, [paragraph(bold('a '), italic('b'))])).description!;
    expect(md).toBe(`**a** ${'*b*'}`);
    const tight = renderEmbed(message(undefined, [paragraph(bold('a'), italic('b'))])).description!;
    expect(tight).toBe(`**a**${ZWSP}*b*`);
  });

  it('moves a title too long for an embed title into the description', () => {
    const long = 'T'.repeat(300);
    const embed = renderEmbed(message(long, [paragraph('body')]));
    expect(embed.title).toBeUndefined();
    expect(embed.description).toBe(`**${long}**\n\nbody`);
  });

  it('splits long replies within every limit and packs short messages together', () => {
    const big = Array.from({ length: 40 }, (_, i) => paragraph(`${i} `, 'word '.repeat(80)));
    const out = renderDiscordReply(reply([message('Long', big), message('Short', [paragraph('x')])]));
    expect(out.length).toBeGreaterThan(1);
    for (const m of out) {
      expect(m.embeds!.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
      expect(m.embeds!.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
      for (const e of m.embeds!) expect(e.description!.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    }
    const many = renderDiscordReply(reply(Array.from({ length: 12 }, (_, i) => message(`m${i}`, [paragraph('x')]))));
    expect(many.map((m) => m.embeds!.length)).toEqual([10, 2]);
  });

  it('renders ephemeral replies as content within 2000 characters', () => {
    const out = renderDiscordReply(errorReply('No statement “', '@everyone'.repeat(300), '”.'));
    expect(out.length).toBeGreaterThan(1);
    for (const m of out) {
      expect(m.embeds).toBeUndefined();
      expect(m.content!.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
      expect(m.content).not.toContain('@everyone');
    }
    expect(renderContent(message('Oops', [paragraph(text('x'))]))).toBe('**Oops**\nx');
  });

  it('drops empty messages', () => {
    expect(renderDiscordReply(reply(message(undefined, [])))).toEqual([]);
  });
});

describe('discord paging ids and definitions', () => {
  it('round-trips paging custom ids, and gives up past 100 characters', () => {
    const id = pageCustomId({ command: 'signatories', args: 'côte | d’ivoire' }, 2)!;
    expect(parsePageCustomId(id)).toEqual({ command: 'signatories', page: 2, args: 'côte | d’ivoire' });
    expect(pageCustomId({ command: 'signatories', args: 'x'.repeat(90) }, 2)).toBeUndefined();
    expect(pagingRow({ page: 1, pages: 3, command: 'signatories', args: 'x'.repeat(90) })).toBeUndefined();
    for (const bad of ['', 'pg|x', 'pg|Bad|1|', 'pg|x|0|', 'pg|x|-1|', 'other|x|1|']) expect(parsePageCustomId(bad)).toBeUndefined();
    const row = pagingRow({ page: 1, pages: 3, command: 'signatories', args: '' })!;
    expect(row.components.map((b) => [b.disabled, 'custom_id' in b ? b.custom_id : ''])).toEqual([[true, 'pg|signatories|0|'], [false, 'pg|signatories|2|']]);
  });

  it('generates valid definitions for every shipped command', () => {
    const defs = slashCommandDefinitions(commands);
    expect(defs.map((d) => d.name)).toEqual(commands.map((c) => c.name));
    for (const d of defs) {
      expect(d.description.length).toBeLessThanOrEqual(100);
      expect(d.contexts).toEqual([0, 1]);
    }
    const signatories = defs.find((d) => d.name === 'signatories')!;
    expect(signatories.options).toMatchObject([{ name: 'filter', type: 3, autocomplete: true }, { name: 'page', type: 4, min_value: 1 }]);
  });
});
