/** With PUBLIC_URL set, answers link to the campaign's pages in the reader's language; without it, to nothing. */
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Reply, Span } from '../../src/rich/model.js';
import { invocation, testServices } from '../helpers/core.js';

const links = (r: Reply): string[] => r.messages.flatMap((m) => m.blocks.flatMap((b) =>
  ('spans' in b ? b.spans : b.items.flat()) as readonly Span[])).flatMap((s) => (s.link ? [s.link] : []));

describe('links to the campaign site', () => {
  it('go to the page, the event and the statement in the answer’s language', async () => {
    const services = { ...(await testServices()), publicUrl: 'https://example.org/kz' };
    const d = new Dispatcher(services);
    expect(links(await d.dispatch(invocation('about', '', { locale: 'ru' })))).toEqual(['https://example.org/kz/ru/', 'https://example.org/kz/ru/calendar.ics']);
    expect(links(await d.dispatch(invocation('about')))).toEqual(['https://example.org/kz/', 'https://example.org/kz/calendar.ics']);
    expect(links(await d.dispatch(invocation('timeline', 'zhanaozen-massacre-2011', { locale: 'kk' }))))
      .toContain('https://example.org/kz/kk/#event-zhanaozen-massacre-2011');
    expect(links(await d.dispatch(invocation('statement', 'smk-statement')))).toContain('https://example.org/kz/statements/smk-statement.html');
  });

  it('are left out without PUBLIC_URL', async () => {
    const d = new Dispatcher(await testServices());
    for (const [c, a] of [['about', ''], ['timeline', 'zhanaozen-massacre-2011'], ['statement', 'smk-statement']] as const) {
      expect(links(await d.dispatch(invocation(c, a)))).toEqual([]);
    }
  });
});
