/**
 * The campaign's web site as data, before any HTML, iCalendar or Atom is
 * written (DESIGN.md, "Web and calendars"). The core builds it from the
 * campaign and the catalogs (`build.ts`); `adapters/web` renders it, and is
 * the only place anything is escaped. Content is rich blocks and spans
 * (`src/rich/model.ts`); links are absolute URLs under the site's base (see
 * `urls.ts`), which the renderer writes relative to the page they sit on.
 */
import type { Language } from '../i18n/languages.js';
import type { Block } from '../rich/model.js';

/** Blocks quoted in the language of the source (demands, statement texts), marked so (`lang`) on a page in another language. */
export interface OriginalBlocks {
  readonly type: 'original';
  /** BCP 47 language of the quotes. */
  readonly lang: string;
  readonly blocks: readonly Block[];
}

/** A block of a page: a rich block, or quotes in their own language. */
export type SiteBlock = Block | OriginalBlocks;

/** A titled part of a section (an event of the timeline, a statement's demands): an `h3` with an anchor. */
export interface SitePart {
  /** Anchor, unique on its page. */
  readonly id: string;
  readonly title: string;
  /** Language of the title when it is a quote in another language than the page's. */
  readonly titleLang?: string;
  readonly blocks: readonly SiteBlock[];
}

/** A section of a page: an `h2` with an anchor, blocks, then parts. */
export interface SiteSection {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly SiteBlock[];
  readonly parts: readonly SitePart[];
}

/** A link of the page's frame (navigation, language switcher, footer). */
export interface SiteLink {
  readonly label: string;
  /** Absolute URL under the site's base, or any absolute http(s) URL. */
  readonly href: string;
  /** The language of the page it leads to (language switcher). */
  readonly hreflang?: Language;
  /** True for the link to the page itself. */
  readonly current?: boolean;
}

/** The words and links around every page of one language. */
export interface SiteFrame {
  readonly siteName: string;
  /** The campaign's page in this language. */
  readonly home: string;
  readonly skipLink: string;
  readonly languagesLabel: string;
  readonly languages: readonly SiteLink[];
  readonly contentsLabel: string;
  /** Footer paragraphs (how quotes and figures are treated, where the calendar and feed are). */
  readonly footer: readonly Block[];
}

/** One HTML page. */
export interface SitePage {
  /** Path in the site, e.g. `index.html`, `ru/statements/smk-statement.html`. */
  readonly path: string;
  readonly language: Language;
  /** The `h1` and the start of `<title>`. */
  readonly title: string;
  readonly titleLang?: string;
  /** `<title>`: the title and the campaign's name. */
  readonly documentTitle: string;
  /** Meta description and link previews (Open Graph, Twitter). */
  readonly description: string;
  /** `website` for the campaign's page (and the not-found page), `article` for a statement. */
  readonly kind: 'website' | 'article';
  /**
   * True for the not-found page (`404.html`): shown at any address that is
   * not in the site, so it is not indexed, has no address of its own
   * (canonical, `og:url`), and its links are written from the site's root.
   */
  readonly notFound?: boolean;
  /** Blocks under the `h1` (summary, a link back). */
  readonly lead: readonly SiteBlock[];
  readonly sections: readonly SiteSection[];
  /** Links to the sections, for the page's contents navigation (empty: none). */
  readonly contents: readonly SiteLink[];
  /** The same page in every language (for `hreflang`), this one included. */
  readonly alternates: readonly { readonly language: Language; readonly path: string }[];
  /** The language's calendar and feed paths, announced in the head. */
  readonly calendarPath: string;
  readonly feedPath: string;
  readonly frame: SiteFrame;
}

/** A yearly all-day event of the calendar. */
export interface CalendarEntry {
  readonly uid: string;
  /** The first day, `YYYY-MM-DD`. */
  readonly date: string;
  /** True for 29 February (the anniversary falls on 28 February in common years, as the reminders do). */
  readonly leapDay: boolean;
  readonly summary: string;
  /** Plain text; paragraphs separated by blank lines. */
  readonly description: string;
  /** The event on the site, when the site's public address is known. */
  readonly url?: string;
}

/** A calendar of the campaign's remembered events in one language. */
export interface SiteCalendar {
  readonly path: string;
  readonly language: Language;
  readonly prodId: string;
  readonly name: string;
  readonly description: string;
  /** `YYYY-MM-DD`: every entry's DTSTAMP, the latest date in the content (deterministic). */
  readonly stamp: string;
  readonly url?: string;
  readonly source?: string;
  readonly entries: readonly CalendarEntry[];
}

/** One entry of the Atom feed. */
export interface FeedEntry {
  readonly id: string;
  readonly title: string;
  readonly titleLang?: string;
  /** `YYYY-MM-DD`, from the content. */
  readonly updated: string;
  readonly summary: string;
  /** Absolute URL under the site's base. */
  readonly link: string;
}

/** The Atom feed of one language. */
export interface SiteFeed {
  readonly path: string;
  readonly language: Language;
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly author: string;
  /** `YYYY-MM-DD`: the latest entry's. */
  readonly updated: string;
  /** Absolute URLs under the site's base. */
  readonly pageLink: string;
  readonly selfLink: string;
  readonly entries: readonly FeedEntry[];
}

/** The whole site: every language's pages, calendar and feed. */
export interface Site {
  /** Absolute base of the model's links: the public address, or a reserved placeholder (`urls.ts`). */
  readonly base: string;
  /** True when the base is the site's public address (absolute links in heads, calendars and feeds). */
  readonly public: boolean;
  readonly pages: readonly SitePage[];
  readonly calendars: readonly SiteCalendar[];
  readonly feeds: readonly SiteFeed[];
}
