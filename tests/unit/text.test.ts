import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/text/closest.js';
import { clip, fold, foldLoose } from '../../src/text/fold.js';

describe('text folding and suggestions', () => {
  it('folds case, accents and apostrophes', () => {
    expect(fold("Côte d’Ivoire")).toBe(fold("cote d'ivoire"));
    expect(fold('  UNITÉ   Communiste ')).toBe('unite communiste');
    expect(foldLoose('CPA/ML')).toBe(foldLoose('cpa ml'));
    expect(fold('Българска')).toBe('българска');
  });

  it('clips echoed input on code points', () => {
    expect(clip('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(Array.from(clip('😀'.repeat(50), 5))).toHaveLength(5);
  });

  it('suggests the closest names', () => {
    expect(editDistance('demnads', 'demands')).toBe(2);
    expect(closest('demnads', ['start', 'help', 'demands', 'next'])).toEqual(['demands']);
    expect(closest('sig', ['signatories', 'statement'])).toEqual(['signatories']);
    expect(closest('zzzzzz', ['demands'])).toEqual([]);
  });
});

describe('pacer', () => {
  it('keeps one message per second per chat, the global rate, and the per-group minute', async () => {
    const { Pacer } = await import('../../src/schedule/pacer.js');
    let now = 0;
    const pacer = new Pacer({ global: { count: 3, perMs: 1000 }, perChat: { count: 1, perMs: 1000 }, perGroup: { count: 2, perMs: 60_000 } }, () => now);
    expect(pacer.reserve('a', false)).toBe(0);
    expect(pacer.reserve('a', false)).toBe(1000);
    expect(pacer.reserve('b', false)).toBe(0);
    expect(pacer.reserve('c', false)).toBe(1000); // the global window (3/s) is full until t=1000
    expect(pacer.reserve('g', true)).toBe(1000);
    expect(pacer.reserve('g', true)).toBe(2000);
    expect(pacer.reserve('g', true)).toBe(60_000 + 1000); // 2 per minute per group
    now = 200_000;
    expect(pacer.reserve('a', false)).toBe(0);
  });
});
