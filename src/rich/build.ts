import type { Action, Block, ListBlock, Paging, Reply, RichMessage, Span } from './model.js';

/** Plain text span. */
export const text = (value: string): Span => ({ text: value });
/** Bold span. */
export const bold = (value: string): Span => ({ text: value, bold: true });
/** Italic span. */
export const italic = (value: string): Span => ({ text: value, italic: true });
/** Monospace span (command names, ids). */
export const code = (value: string): Span => ({ text: value, code: true });
/** Linked span. */
export const link = (value: string, href: string): Span => ({ text: value, link: href });
/** A command the reader may type or tap, e.g. `command('/demands smk')`. */
export const command = (value: string): Span => ({ text: value, command: true });
/** A date and time as the chat's zone writes it, for the instant `at` (platforms may show the reader's own local time). */
export const time = (value: string, at: Date): Span => ({ text: value, time: at.toISOString() });
/** An action: a button (or typed command) that runs `/name args`. */
export const action = (label: string, name: string, args = ''): Action => ({ label, command: name, args });

type SpanInput = Span | string;
const spans = (parts: readonly SpanInput[]): Span[] =>
  parts.filter((p) => (typeof p === 'string' ? p.length > 0 : p.text.length > 0))
    .map((p) => (typeof p === 'string' ? text(p) : p));

/** A paragraph from spans and strings. */
export const paragraph = (...parts: SpanInput[]): Block => ({ type: 'paragraph', spans: spans(parts) });
/** A heading from spans and strings. */
export const heading = (...parts: SpanInput[]): Block => ({ type: 'heading', spans: spans(parts) });
/** A quotation from spans and strings. */
export const quote = (...parts: SpanInput[]): Block => ({ type: 'quote', spans: spans(parts) });
/** A bulleted list; each item is a string, a span or an array of them. */
export const bullets = (items: readonly (SpanInput | readonly SpanInput[])[]): ListBlock => ({
  type: 'list',
  ordered: false,
  items: items.map((i) => spans(Array.isArray(i) ? i : [i as SpanInput])),
});
/** A numbered list starting at `start` (default 1). */
export const numbered = (items: readonly (SpanInput | readonly SpanInput[])[], start = 1): ListBlock => ({
  type: 'list',
  ordered: true,
  ...(start === 1 ? {} : { start }),
  items: items.map((i) => spans(Array.isArray(i) ? i : [i as SpanInput])),
});

/** One message. */
export const message = (title: string | undefined, blocks: readonly Block[]): RichMessage =>
  title === undefined ? { blocks } : { title, blocks };

/** A reply of one or more messages, with optional paging and actions. */
export const reply = (messages: RichMessage | readonly RichMessage[], paging?: Paging, actions?: readonly Action[]): Reply => ({
  messages: Array.isArray(messages) ? messages : [messages as RichMessage],
  ...(paging ? { paging } : {}),
  ...(actions && actions.length > 0 ? { actions } : {}),
});

/** A short ephemeral error reply (bad argument, refusal, unknown command). */
export const errorReply = (...parts: SpanInput[]): Reply => ({
  messages: [{ blocks: [paragraph(...parts)] }],
  ephemeral: true,
});
