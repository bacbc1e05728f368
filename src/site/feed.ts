/**
 * The Atom feed of one language, as data (`adapters/web/atom.ts` writes
 * it): one entry per statement and one per remembered event (an
 * anniversary). Every id is a name-based UUID (RFC 9562, version 5) of the
 * campaign, the language and the entry, so ids never change with the
 * site's address and differ between languages; every date comes from the
 * content (`dates.ts`).
 */
import { createHash } from 'node:crypto';
import { inStatementOrder } from '../content/queries.js';
import { latestContentDay, statementDay } from './dates.js';
import { indexHref, languageOf, pageHref, statementHref, type SiteContext } from './context.js';
import type { FeedEntry, SiteFeed } from './model.js';
import { eventAnchor, indexPath } from '../present/site-urls.js';

/** The URL namespace of RFC 9562 (6ba7b811-9dad-11d1-80b4-00c04fd430c8). */
const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/** `urn:uuid:` of a name-based (SHA-1, version 5) UUID of `name`. */
export function nameUuid(name: string): string {
  const hash = createHash('sha1').update(URL_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The feed of `ctx`'s language at `path`. */
export function feedOf(ctx: SiteContext, path: string): SiteFeed {
  const { voice, campaign } = ctx;
  const language = languageOf(ctx);
  const idOf = (what: string): string => nameUuid(`placard:${campaign.meta.id}:${language}:${what}`);
  const statements = campaign.statements.map((s): FeedEntry => ({
    id: idOf(`statement:${s.id}`),
    title: s.title,
    ...(ctx.quotesLang === language ? {} : { titleLang: ctx.quotesLang }),
    updated: statementDay(campaign, s),
    summary: s.summary,
    link: statementHref(ctx, s.id),
  }));
  const events = campaign.events.filter((e) => e.remind).map((e): FeedEntry => ({
    id: idOf(`event:${e.id}`),
    title: voice.t('web-feed-event', { day: voice.day(e), title: e.title }),
    updated: e.date,
    summary: `${e.summary}\n\n${voice.t('web-calendar-sources', {
      sources: inStatementOrder(campaign, e.sources).map((id) => campaign.statementById.get(id)?.label ?? id).join(', '),
    })}`,
    link: indexHref(ctx, eventAnchor(e.id)),
  }));
  // Newest first; one day's entries by id, so the order never depends on anything but the content.
  const entries = [...statements, ...events].sort((a, b) => (a.updated === b.updated ? (a.id < b.id ? -1 : 1) : a.updated < b.updated ? 1 : -1));
  return {
    path,
    language,
    id: idOf('feed'),
    title: campaign.meta.title,
    subtitle: campaign.meta.summary,
    author: campaign.meta.title,
    updated: entries[0]?.updated ?? latestContentDay(campaign),
    pageLink: pageHref(ctx, indexPath(language)),
    selfLink: pageHref(ctx, path),
    entries,
  };
}
