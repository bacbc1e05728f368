/**
 * Where things are on the campaign's site, for the site itself and for the
 * bot's links (`PUBLIC_URL`): English at the root, the other languages in a
 * folder of their own (`/ru/`, `/kk/`), each with its statement pages,
 * calendar and feed. The bot links to an event as an anchor on its
 * language's page (`/ru/#event-zhanaozen-massacre-2011`).
 */
import { LANGUAGES, type Language } from '../i18n/languages.js';

/**
 * The base of the site model's links when the public address is not known
 * (`placard site` without `PUBLIC_URL`): a reserved name (RFC 2606) that
 * never resolves. The renderer writes every link under the base relative to
 * its page, so it never appears in the output.
 */
export const PLACEHOLDER_BASE = 'https://placard.invalid';

/** The site's base without a trailing slash: the public address, or {@link PLACEHOLDER_BASE}. */
export const siteBase = (publicUrl: string | undefined): string => (publicUrl ?? PLACEHOLDER_BASE).replace(/\/+$/, '');

/** The folder of a language's pages: `''` for English, `ru/`, `kk/`. */
export const languageDir = (language: Language): string => (language === 'en' ? '' : `${language}/`);

/** `index.html`, `ru/index.html`. */
export const indexPath = (language: Language): string => `${languageDir(language)}index.html`;
/** `statements/<id>.html`, `ru/statements/<id>.html`. */
export const statementPath = (language: Language, id: string): string => `${languageDir(language)}statements/${id}.html`;
/** `calendar.ics`, `ru/calendar.ics`. */
export const calendarPath = (language: Language): string => `${languageDir(language)}calendar.ics`;
/** `feed.atom`, `ru/feed.atom`. */
export const feedPath = (language: Language): string => `${languageDir(language)}feed.atom`;
/** `404.html`, `ru/404.html`: the page shown for an address that is not in the site. */
export const notFoundPath = (language: Language): string => `${languageDir(language)}404.html`;

/** The language whose folder a site path (no leading slash) is in: `ru/…` is Russian, anything outside a language's folder English. */
export const languageOfPath = (path: string): Language =>
  LANGUAGES.find((l) => languageDir(l) !== '' && path.startsWith(languageDir(l))) ?? 'en';

/** The anchor of the timeline section on a language's page. */
export const TIMELINE_ANCHOR = 'timeline';

/** The anchor of an event on its language's page. */
export const eventAnchor = (eventId: string): string => `event-${eventId}`;
/** The anchor of a statement's provenance in the sources section. */
export const sourceAnchor = (statementId: string): string => `source-${statementId}`;
/** The anchor of a statement's demands in the demands section. */
export const demandsAnchor = (statementId: string): string => `demands-${statementId}`;

/** A site path as a link of the model: `<base>/<path>` (file form: `…/ru/index.html`). */
export const fileUrl = (base: string, path: string): string => `${base}/${path}`;

/** A site path (with an optional `#anchor`) as people see it: `index.html` pages by their folder (`…/ru/`), others as they are. */
export function prettyUrl(base: string, path: string): string {
  const [file = '', hash] = path.split('#', 2);
  return `${base}/${file.replace(/(^|\/)index\.html$/, '$1')}${hash === undefined ? '' : `#${hash}`}`;
}

/** The campaign's page in `language` (`https://example.org/ru/`), or undefined when `PUBLIC_URL` is not set. */
export function siteUrl(publicUrl: string | undefined, language: Language): string | undefined {
  return publicUrl === undefined ? undefined : prettyUrl(siteBase(publicUrl), indexPath(language));
}

/** A section or part of the campaign's page in `language` (`https://example.org/ru/#timeline`), or undefined without `PUBLIC_URL`. */
export function anchorUrl(publicUrl: string | undefined, language: Language, anchor: string): string | undefined {
  const page = siteUrl(publicUrl, language);
  return page === undefined ? undefined : `${page}#${anchor}`;
}

/** An event on the campaign's page in `language` (`https://example.org/ru/#event-…`), or undefined without `PUBLIC_URL`. */
export function eventUrl(publicUrl: string | undefined, language: Language, eventId: string): string | undefined {
  const page = siteUrl(publicUrl, language);
  return page === undefined ? undefined : `${page}#${eventAnchor(eventId)}`;
}

/** A statement's page in `language`, or undefined without `PUBLIC_URL`. */
export function statementUrl(publicUrl: string | undefined, language: Language, statementId: string): string | undefined {
  return publicUrl === undefined ? undefined : prettyUrl(siteBase(publicUrl), statementPath(language, statementId));
}

/** The anniversaries' calendar in `language` (subscribe to it), or undefined without `PUBLIC_URL`. */
export function calendarUrl(publicUrl: string | undefined, language: Language): string | undefined {
  return publicUrl === undefined ? undefined : prettyUrl(siteBase(publicUrl), calendarPath(language));
}

/** The Atom feed in `language`, or undefined without `PUBLIC_URL`. */
export function feedUrl(publicUrl: string | undefined, language: Language): string | undefined {
  return publicUrl === undefined ? undefined : prettyUrl(siteBase(publicUrl), feedPath(language));
}
