/** The web adapter: the campaign's pages, calendars and feeds (DESIGN.md, "Web and calendars"). */
export { buildSite, renderSite, CONTENT_TYPES } from './site.js';
export { pageHtml, previewText } from './page.js';
export { blocksHtml, messageHtml, spansHtml, hrefOf, type Links } from './html.js';
export { calendarIcs, foldLine } from './ics.js';
export { feedAtom } from './atom.js';
export { escapeMarkup, escapeIcsText } from './escape.js';
