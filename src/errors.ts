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

/** One problem found in the content: which file, where in it, what is wrong and what to do. */
export interface ContentIssue {
  /** Path relative to the content folder, e.g. `statements/icor.md`. */
  readonly file: string;
  /** Machine path of the field, counting from 0, e.g. `signatories.organizations[3]`; empty for the whole file. */
  readonly field: string;
  /**
   * What is wrong and what to do, in people's words, naming the field:
   * `remind must be true or false`. Never raw library text.
   */
  readonly message: string;
  /** Where in the file, counting from 1: `demand 6 of smk-statement`, `event 2 (strike)`. */
  readonly where?: string;
  /** Line in the file, from 1 (front matter lines count from the top of the `.md` file). */
  readonly line?: number;
  /** Column on that line, from 1. */
  readonly column?: number;
}

/**
 * Formats one content issue as a single line a person can act on:
 * `statements/smk.md, line 31, column 11: demand 6 of smk: text does not appear …`.
 */
export const formatContentIssue = (i: ContentIssue): string => {
  const at = i.line === undefined ? '' : `, line ${i.line}${i.column === undefined ? '' : `, column ${i.column}`}`;
  return `${i.file}${at}: ${i.where ? `${i.where}: ` : ''}${i.message}`;
};

/** The campaign content is invalid; `issues` lists every problem found. */
export class ContentError extends PlacardError {
  constructor(readonly dir: string, readonly issues: readonly ContentIssue[]) {
    const n = issues.length === 1 ? 'one problem' : `${issues.length} problems`;
    super('content_invalid', `the content in ${dir} has ${n}:\n${issues.map((i) => `  ${formatContentIssue(i)}`).join('\n')}`);
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
