/**
 * Every escape the web adapter writes, in one place: HTML and XML text and
 * attributes, iCalendar TEXT values. Nothing else in `adapters/web` puts
 * content into markup.
 */

// C0 controls except tab and newline, DEL, C1 controls, and the noncharacters XML refuses.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/** Text or an attribute value in HTML or XML: `& < > " '` escaped, characters XML refuses dropped. */
export function escapeMarkup(value: string): string {
  return value.replace(INVALID, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A value of an iCalendar TEXT property (RFC 5545 §3.3.11): `\ ; ,` escaped, line breaks as `\n`. */
export function escapeIcsText(value: string): string {
  return value.replace(INVALID, '').replace(/\r\n?/g, '\n')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** A URL as an iCalendar URI value: control characters and spaces percent-encoded (nothing else needs escaping there). */
export function escapeIcsUri(value: string): string {
  return value.replace(/[\u0000-\u0020\u007F]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}
