import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/content/load.js';
import { fieldPath, joinField, splitFrontMatter, splitParagraphs } from '../../src/content/parse.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/content-minimal');

describe('content loader on a minimal fixture', () => {
  it('orders statements: dated oldest first (a month before its days), then undated by id', async () => {
    const c = await loadCampaign(FIXTURE);
    expect(c.statements.map((s) => s.id)).toEqual(['z-early', 'b-month', 'a-dated', 'c-undated']);
  });

  it('orders events by date, events of one day as the file gives them (not by id), and splits their date', async () => {
    const c = await loadCampaign(FIXTURE);
    expect(c.events.map((e) => e.id)).toEqual(['same-day-b', 'same-day-a', 'later']);
    const later = c.events[2];
    expect([later?.year, later?.month, later?.day]).toEqual([2022, 3, 1]);
    expect(c.events[0]?.figures[0]).toEqual({ what: 'loaves', value: '12', source: 'z-early', quote: 'twelve loaves' });
    expect(c.events[1]?.figures).toEqual([]);
    expect(c.events[1]?.topics).toEqual([]);
  });

  it('resolves organisations, keeps signatory order, and leaves an unnamed author undefined', async () => {
    const c = await loadCampaign(FIXTURE);
    const a = c.statementById.get('a-dated');
    expect(a?.author?.name).toBe('Alpha League');
    expect(a?.signatories?.asOf).toBe('2022-01-11');
    expect(a?.signatories?.organizations.map((o) => o.id)).toEqual(['beta', 'alpha']);
    const unnamed = c.statementById.get('c-undated');
    expect(unnamed?.author).toBeUndefined();
    expect(unnamed?.authorNote).toBe('The text says "we" only.');
    expect(unnamed && 'dateNote' in unnamed).toBe(false);
    expect(c.statementById.get('z-early')?.demandsBy?.id).toBe('beta');
    expect(c.organizationById.get('beta')?.name).toBe('Beta Circle');
    expect(c.statementById.get('b-month')?.file).toBe('statements/b-month.md');
  });

  it('keeps the body as written and splits paragraphs at blank lines', async () => {
    const c = await loadCampaign(FIXTURE);
    const a = c.statementById.get('a-dated');
    expect(a?.body).toBe('First paragraph.\n\nSecond paragraph,\nover two lines.');
    expect(a?.paragraphs).toEqual(['First paragraph.', 'Second paragraph,\nover two lines.']);
    expect(c.statementById.get('z-early')?.body).toBe('There were twelve loaves. Roses!');
    expect(c.statementById.get('b-month')?.paragraphs).toEqual(['We demand:', '- Bread for all!\n- Roses too!']);
  });

  it('applies schema defaults and campaign metadata', async () => {
    const c = await loadCampaign(FIXTURE);
    expect(c.dir).toBe(FIXTURE);
    expect(c.meta.reminderTime).toBe('08:30');
    expect(c.topics.map((t) => [t.id, t.aliases])).toEqual([['bread', ['loaf']], ['roses', []]]);
    expect(c.statementById.get('b-month')?.demands[1]).toEqual({ text: 'Roses too!', topics: [] });
    expect(c.statementById.get('c-undated')?.demands).toEqual([]);
  });

  it('freezes the campaign deeply, maps included', async () => {
    const c = await loadCampaign(FIXTURE);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.statements)).toBe(true);
    expect(Object.isFrozen(c.statements[0]?.demands[0])).toBe(true);
    expect(Object.isFrozen(c.events[1]?.figures[0])).toBe(true);
    expect(Object.isFrozen(c.organizations[0])).toBe(true);
    expect(Object.isFrozen(c.meta.topics[0]?.aliases)).toBe(true);
    const writable = c.statementById as Map<string, unknown>;
    expect(() => writable.set('x', {})).toThrow(TypeError);
    expect(() => writable.delete('a-dated')).toThrow(TypeError);
    expect(() => { writable.clear(); }).toThrow(TypeError);
    expect(c.statementById.size).toBe(4);
  });
});

describe('content parsing helpers', () => {
  it('splits front matter, with CRLF line endings and a BOM', () => {
    expect(splitFrontMatter('\uFEFF---\r\nid: x\r\n---\r\n\r\nBody\r\n')).toEqual({ yaml: 'id: x\n', body: 'Body' });
    expect(splitFrontMatter('---\n---\nBody')).toEqual({ yaml: '', body: 'Body' });
    expect(splitFrontMatter('id: x\n---\nBody')).toBeUndefined();
    expect(splitFrontMatter('---\nid: x\nBody')).toBeUndefined();
  });

  it('splits paragraphs at blank lines, even ones holding spaces', () => {
    expect(splitParagraphs('a\n\nb\n \t\nc\nd\n\n\n')).toEqual(['a', 'b', 'c\nd']);
  });

  it('formats dotted field paths', () => {
    expect(fieldPath(['signatories', 'organizations', 3])).toBe('signatories.organizations[3]');
    expect(fieldPath([2, 'figures', 0, 'quote'])).toBe('[2].figures[0].quote');
    expect(fieldPath([])).toBe('');
    expect(joinField('[2]', 'date')).toBe('[2].date');
    expect(joinField('[2]', '[0]')).toBe('[2][0]');
    expect(joinField('', 'date')).toBe('date');
  });
});
