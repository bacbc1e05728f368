/**
 * The platform-neutral message model. Commands build these trees; each
 * adapter's renderer turns them into its platform's format (Telegram HTML,
 * Discord embeds, plain console text). Escaping and length limits are the
 * renderer's business, never the command's.
 */

/** A run of text with optional marks. Inline content is a flat list of spans. */
export interface Span {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly code?: boolean;
  /** Absolute http(s) URL the span links to. */
  readonly link?: string;
  /**
   * The text is a command to type, e.g. `/demands smk`: rendered so the
   * reader can tap it where the platform can (plain text on Telegram, a
   * command mention on Discord), never as code.
   */
  readonly command?: boolean;
  /**
   * The text is a date and time (as the chat's zone writes it) of this
   * instant (ISO 8601): platforms that show each reader their own local time
   * (Discord timestamps) may render the instant instead.
   */
  readonly time?: string;
}

/** A paragraph of inline spans. */
export interface ParagraphBlock {
  readonly type: 'paragraph';
  readonly spans: readonly Span[];
}

/** A sub-heading inside a message. */
export interface HeadingBlock {
  readonly type: 'heading';
  readonly spans: readonly Span[];
}

/** A quotation, e.g. a demand quoted verbatim. */
export interface QuoteBlock {
  readonly type: 'quote';
  readonly spans: readonly Span[];
}

/** A bulleted or numbered list; each item is a run of spans. */
export interface ListBlock {
  readonly type: 'list';
  readonly ordered: boolean;
  /** Number of the first item when ordered (continuation lists after a split). */
  readonly start?: number;
  readonly items: readonly (readonly Span[])[];
}

/** Any block of a message. */
export type Block = ParagraphBlock | HeadingBlock | QuoteBlock | ListBlock;

/** One message: an optional title and a sequence of blocks. */
export interface RichMessage {
  readonly title?: string;
  readonly blocks: readonly Block[];
}

/** Where a paged reply stands, so adapters can offer "previous"/"next". */
export interface Paging {
  /** 1-based page shown. */
  readonly page: number;
  readonly pages: number;
  /** The command to re-run for another page. */
  readonly command: string;
  /** The argument text to re-run it with (without the page number). */
  readonly args: string;
}

/**
 * Something the reader can do next: run `command` with `args`. Telegram and
 * Discord show it as a button whose answer replaces the message it sits
 * under (one message per conversation step, not a growing pile); the
 * console, Signal and Matrix as a command to type.
 */
export interface Action {
  /** Button text: short (about 30 characters), in the reader's language. */
  readonly label: string;
  /** Command name, without slash. */
  readonly command: string;
  /** Argument text, as typed after the command ('' for none). */
  readonly args: string;
}

/** What a command returns: one or more messages and hints for the adapter. */
export interface Reply {
  readonly messages: readonly RichMessage[];
  readonly paging?: Paging;
  /** What the reader can do next, in order (rendered under the last message, after paging). */
  readonly actions?: readonly Action[];
  /** Show only to the invoker where the platform can (errors, refusals). */
  readonly ephemeral?: boolean;
}
