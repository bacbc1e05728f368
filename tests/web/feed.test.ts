/**
 * The Atom feeds read by an XML parser: one entry per statement and per
 * remembered event (an anniversary), ids unique and stable, every date from
 * the content.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { campaignIn } from '../../src/content/editions.js';
import { LANGUAGES } from '../../src/i18n/languages.js';
import { feedPath } from '../../src/present/site-urls.js';
import { shippedCampaign } from '../helpers/core.js';
import { shippedSite, textOf } from './site-helpers.js';

interface Entry { id: string; title: string | { '#text': string }; updated: string; summary: string; link: { '@_href': string; '@_rel': string }[] }
interface Feed { feed: { id: string; title: string; updated: string; '@_xml:lang': string; link: { '@_href': string; '@_rel': string }[]; entry: Entry[] } }

const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: true, isArray: (name) => name === 'entry' || name === 'link' });
const read = (xml: string): Feed['feed'] => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as Feed).feed;
};
const titleOf = (e: Entry): string => (typeof e.title === 'string' ? e.title : e.title['#text']);

describe('feed.atom', () => {
  it('has one entry per statement and per remembered event, newest first, in every language', async () => {
    const campaign = await shippedCampaign();
    const site = await shippedSite();
    const ids = new Set<string>();
    for (const language of LANGUAGES) {
      const edition = campaignIn(campaign, language);
      const feed = read(textOf(site, feedPath(language)));
      expect(feed['@_xml:lang']).toBe(language);
      expect(feed.title).toBe(edition.meta.title);
      const remembered = edition.events.filter((e) => e.remind);
      expect(feed.entry).toHaveLength(edition.statements.length + remembered.length);
      for (const s of edition.statements) {
        const entry = feed.entry.find((e) => titleOf(e) === s.title);
        expect(entry, s.id).toBeDefined();
        expect(entry!.link[0]!['@_href']).toBe(`statements/${s.id}.html`);
        expect(entry!.summary).toBe(s.summary);
      }
      for (const e of remembered) {
        const entry = feed.entry.find((x) => x.link[0]!['@_href'] === `index.html#event-${e.id}`);
        expect(entry, e.id).toBeDefined();
        expect(titleOf(entry!)).toContain(e.title);
        expect(entry!.updated).toBe(`${e.date}T00:00:00Z`);
      }
      const updated = feed.entry.map((e) => e.updated);
      for (const u of updated) expect(u).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(updated).toEqual([...updated].sort().reverse());
      expect(feed.updated).toBe(updated[0]);
      for (const e of [feed, ...feed.entry]) {
        expect(e.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        ids.add(e.id);
      }
    }
    expect(ids.size).toBe(LANGUAGES.reduce((n, l) => n + 1 + campaignIn(campaign, l).statements.length + campaignIn(campaign, l).events.filter((e) => e.remind).length, 0));
  });

  it('keeps its ids when the site moves, and links absolutely once PUBLIC_URL is set', async () => {
    const here = read(textOf(await shippedSite(), 'ru/feed.atom'));
    const there = read(textOf(await shippedSite('https://example.org/kz'), 'ru/feed.atom'));
    expect(there.entry.map((e) => e.id)).toEqual(here.entry.map((e) => e.id));
    expect(there.link.find((l) => l['@_rel'] === 'self')!['@_href']).toBe('https://example.org/kz/ru/feed.atom');
    expect(there.link.find((l) => l['@_rel'] === 'alternate')!['@_href']).toBe('https://example.org/kz/ru/');
    expect(there.entry.map((e) => e.link[0]!['@_href'])).toContain('https://example.org/kz/ru/#event-zhanaozen-massacre-2011');
    expect(there.entry.map((e) => e.link[0]!['@_href'])).toContain('https://example.org/kz/ru/statements/smk-statement.html');
  });
});
