/**
 * A feed as Atom (RFC 4287), every value escaped by `escape.ts`. Links are
 * absolute when the site's public address is known, else relative to the
 * feed (which Atom resolves against the feed's own address).
 */
import type { Site, SiteFeed } from '../../src/site/model.js';
import { prettyUrl } from '../../src/present/site-urls.js';
import { escapeMarkup as esc } from './escape.js';
import { hrefOf } from './html.js';

/** A day as an Atom date: midnight UTC. */
const stamp = (day: string): string => `${day}T00:00:00Z`;

/** The feed as an Atom document (`application/atom+xml`). */
export function feedAtom(site: Site, feed: SiteFeed): string {
  const href = (url: string): string => {
    if (!url.startsWith(`${site.base}/`)) return url;
    return site.public ? prettyUrl(site.base, url.slice(site.base.length + 1)) : hrefOf(url, { base: site.base, page: feed.path }) ?? url;
  };
  const entries = feed.entries.map((e) => [
    '<entry>',
    `<id>${esc(e.id)}</id>`,
    `<title${e.titleLang ? ` xml:lang="${esc(e.titleLang)}"` : ''}>${esc(e.title)}</title>`,
    `<updated>${stamp(e.updated)}</updated>`,
    `<link rel="alternate" type="text/html" href="${esc(href(e.link))}"/>`,
    `<summary>${esc(e.summary)}</summary>`,
    '</entry>',
  ].join('\n'));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.language}">`,
    `<id>${esc(feed.id)}</id>`,
    `<title>${esc(feed.title)}</title>`,
    `<subtitle>${esc(feed.subtitle)}</subtitle>`,
    `<updated>${stamp(feed.updated)}</updated>`,
    `<author><name>${esc(feed.author)}</name></author>`,
    `<link rel="alternate" type="text/html" href="${esc(href(feed.pageLink))}"/>`,
    `<link rel="self" type="application/atom+xml" href="${esc(href(feed.selfLink))}"/>`,
    '<generator>Placard</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
