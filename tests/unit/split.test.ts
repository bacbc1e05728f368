import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../adapters/console/render.js';
import { bold, bullets, message, numbered, paragraph, text } from '../../src/rich/build.js';
import type { Block, RichMessage, Span } from '../../src/rich/model.js';
import { splitMessage } from '../../src/rich/split.js';

const plain = (m: RichMessage): string => renderMessage(m, { ansi: false });
const fitsWithin = (limit: number) => (m: RichMessage): boolean => plain(m).length <= limit;

/** Every character of every span, in order, across pieces (what a reader would get). */
const allText = (messages: readonly RichMessage[]): string => messages.map((m) => (m.title ?? '') + m.blocks.map((b) =>
  b.type === 'list' ? b.items.map((i) => i.map((s) => s.text).join('')).join('') : b.spans.map((s) => s.text).join('')).join('')).join('');

const spansOf = (b: Block): readonly Span[] => (b.type === 'list' ? b.items.flat() : b.spans);

describe('splitMessage', () => {
  it('returns a message that fits unchanged', () => {
    const m = message('T', [paragraph('short')]);
    expect(splitMessage(m, fitsWithin(100))).toEqual([m]);
  });

  it('cuts between blocks first, keeping the title on the first piece', () => {
    const blocks = Array.from({ length: 10 }, (_, i) => paragraph(`Paragraph number ${i} has some words in it.`));
    const pieces = splitMessage(message('Title', blocks), fitsWithin(120));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]!.title).toBe('Title');
    expect(pieces.slice(1).every((p) => p.title === undefined)).toBe(true);
    for (const p of pieces) expect(plain(p).length).toBeLessThanOrEqual(120);
    // Blocks were not cut: each piece holds whole paragraphs.
    expect(pieces.flatMap((p) => p.blocks)).toEqual(blocks);
  });

  it('cuts a long paragraph between words, never inside one', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    const pieces = splitMessage(message(undefined, [paragraph(words.join(' '))]), fitsWithin(200));
    expect(pieces.length).toBeGreaterThan(5);
    const seen = pieces.flatMap((p) => p.blocks.flatMap((b) => spansOf(b).map((s) => s.text).join('').trim().split(/\s+/)));
    expect(seen).toEqual(words);
  });

  it('keeps a formatting span whole when it fits, and its marks when it must be cut', () => {
    const long = 'Release of all political prisoners and detainees! '.repeat(3);
    const m = message(undefined, [paragraph(text('x '.repeat(30)), bold(long), text(' tail'))]);
    const pieces = splitMessage(m, fitsWithin(170));
    const boldSpans = pieces.flatMap((p) => p.blocks.flatMap(spansOf)).filter((s) => s.bold);
    expect(boldSpans.map((s) => s.text).join('')).toBe(long);
    expect(boldSpans).toHaveLength(1);
    const tooLong = splitMessage(message(undefined, [paragraph(bold(long.repeat(4)))]), fitsWithin(100));
    expect(tooLong.length).toBeGreaterThan(1);
    for (const p of tooLong) for (const s of p.blocks.flatMap(spansOf)) expect(s.bold).toBe(true);
  });

  it('cuts lists between items and keeps the numbering going', () => {
    const items = Array.from({ length: 30 }, (_, i) => `Demand ${i + 1} with a few words`);
    const pieces = splitMessage(message('Demands', [numbered(items)]), fitsWithin(250));
    expect(pieces.length).toBeGreaterThan(1);
    const rendered = pieces.map(plain).join('\n');
    for (let i = 1; i <= 30; i++) expect(rendered).toContain(`${i}. Demand ${i} with`);
  });

  it('hard-cuts a single word longer than the limit without splitting a surrogate pair', () => {
    const word = '😀'.repeat(300);
    const pieces = splitMessage(message(undefined, [paragraph(word)]), fitsWithin(50));
    for (const p of pieces) {
      expect(plain(p).length).toBeLessThanOrEqual(50);
      expect(plain(p)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(allText(pieces)).toBe(word);
  });

  it('property: every piece fits and no character is lost', () => {
    const spanArb = fc.record({
      text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
      bold: fc.boolean(),
      italic: fc.boolean(),
    }).map((s): Span => ({ text: s.text, ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}) }));
    const blockArb = fc.oneof(
      fc.array(spanArb, { minLength: 1, maxLength: 8 }).map((spans): Block => ({ type: 'paragraph', spans })),
      fc.array(fc.array(spanArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }).map((items) => bullets(items)),
    );
    fc.assert(fc.property(
      fc.array(blockArb, { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 40, max: 600 }),
      (blocks, limit) => {
        const m = message('A title', blocks);
        const pieces = splitMessage(m, fitsWithin(limit));
        for (const p of pieces) expect(plain(p).length).toBeLessThanOrEqual(limit);
        expect(allText(pieces)).toBe(allText([m]));
      },
    ), { numRuns: 400 });
  });
});
