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
  it('keeps every limit: per chat, per group minute, the global window, even spacing; and fills free gaps', async () => {
    const { Pacer } = await import('../../src/schedule/pacer.js');
    const pacer = new Pacer({ global: { count: 3, perMs: 1000 }, perChat: { count: 1, perMs: 1000 }, perGroup: { count: 2, perMs: 60_000 } }, () => 0, undefined, 0);
    const booked: { chat: string; at: number }[] = [];
    for (const chat of ['a', 'a', 'b', 'c', 'g', 'g', 'g', 'd', 'e', 'f']) booked.push({ chat, at: pacer.reserve(chat, chat === 'g') });
    const times = booked.map((b) => b.at).sort((x, y) => x - y);
    for (const t of times) expect(times.filter((x) => x > t - 1000 && x <= t).length).toBeLessThanOrEqual(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(333);
    for (const chat of ['a', 'g']) {
      const mine = booked.filter((b) => b.chat === chat).map((b) => b.at);
      for (let i = 1; i < mine.length; i++) expect(mine[i]! - mine[i - 1]!).toBeGreaterThanOrEqual(1000);
    }
    const g = booked.filter((b) => b.chat === 'g').map((b) => b.at);
    expect(g[2]! - g[0]!).toBeGreaterThanOrEqual(60_000);
    // 'b' takes the free slot between 'a' and a's second message instead of queueing behind it.
    expect(booked[0]!.at).toBe(0);
    expect(booked[2]!.at).toBeLessThan(booked[1]!.at);
  });

  it('paces a little under the platform limit by default', async () => {
    const { Pacer, PACING_MARGIN } = await import('../../src/schedule/pacer.js');
    const pacer = new Pacer({ global: { count: 30, perMs: 1000 }, perChat: { count: 1, perMs: 1000 } }, () => 0);
    pacer.reserve('x', false);
    expect(pacer.reserve('x', false)).toBe(Math.ceil(1000 * (1 + PACING_MARGIN)));
  });
});

describe('pacer under a busy event loop', () => {
  it('books again from the real wake-up time when a wait ends late', async () => {
    const { Pacer } = await import('../../src/schedule/pacer.js');
    let now = 0;
    // The first sleep overshoots by 40 ms, as a stalled event loop would; later ones are on time.
    let overshoot = 40;
    const pacer = new Pacer({ global: { count: 2, perMs: 1000 }, perChat: { count: 10, perMs: 1000 } }, () => now, async (ms) => { now += ms + overshoot; overshoot = 0; }, 0);
    const departures: number[] = [];
    for (const chat of ['a', 'b', 'c', 'd', 'e']) { await pacer.wait(chat, false); departures.push(now); }
    // No 1000 ms window (the platform's view, by real departure) holds more than 2 sends.
    for (const t of departures) expect(departures.filter((d) => d > t - 1000 && d <= t).length).toBeLessThanOrEqual(2);
    expect(departures[0]).toBe(0);
  });
});
