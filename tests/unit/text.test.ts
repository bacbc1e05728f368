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
