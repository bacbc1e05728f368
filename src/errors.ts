/**
 * Typed errors that carry their context. Each has a `code` for logs and
 * metrics and a message fit to show a person (never a stack trace).
 */

/** Base class of every error Placard raises on purpose. */
export class PlacardError extends Error {
  constructor(readonly code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** One problem found in the content: which file, which field, what is wrong. */
export interface ContentIssue {
  /** Path relative to the content folder, e.g. `statements/icor.md`. */
  readonly file: string;
  /** Dotted path of the field, e.g. `signatories.organizations[3]`; empty for the whole file. */
  readonly field: string;
  readonly message: string;
}

/** Formats one content issue as a single line: `file: field: message`. */
export const formatContentIssue = (i: ContentIssue): string =>
  `${i.file}: ${i.field ? `${i.field}: ` : ''}${i.message}`;

/** The campaign content is invalid; `issues` lists every problem found. */
export class ContentError extends PlacardError {
  constructor(readonly dir: string, readonly issues: readonly ContentIssue[]) {
    super('content_invalid', `content in ${dir} has ${issues.length} problem(s):\n${issues.map(formatContentIssue).join('\n')}`);
  }
}

/** One bad environment variable. */
export interface ConfigIssue {
  readonly variable: string;
  readonly message: string;
}

/** The environment is invalid; one line per bad variable. */
export class ConfigError extends PlacardError {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super('config_invalid', issues.map((i) => `${i.variable}: ${i.message}`).join('\n'));
  }
}

/** A store backend failed an operation. */
export class StoreError extends PlacardError {
  constructor(readonly backend: string, readonly operation: string, options?: { cause?: unknown }) {
    super('store_failed', `${backend} store: ${operation} failed${causeText(options?.cause)}`, options);
  }
}

const causeText = (cause: unknown): string =>
  cause instanceof Error ? `: ${cause.message}` : cause === undefined ? '' : `: ${String(cause)}`;
