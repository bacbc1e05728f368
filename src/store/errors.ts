/**
 * Errors of the store layer that `src/errors.ts` does not cover, and the
 * redaction that keeps connection passwords out of every message.
 */
import { PlacardError } from '../errors.js';

/** `STORE_URL` cannot be used: unknown scheme, no scheme, or an empty path. Never contains the URL itself. */
export class StoreUrlError extends PlacardError {
  constructor(readonly scheme: string, reason: string) {
    super('store_url_invalid', `STORE_URL: ${reason}`);
  }
}

/** A namespace, key or ttl passed to the store is unusable (a programming error, not a backend failure). */
export class StoreKeyError extends PlacardError {
  constructor(readonly field: 'namespace' | 'key' | 'ttlMs', reason: string) {
    super('store_key_invalid', `store ${field}: ${reason}`);
  }
}

const REDACTED = '***';
const MAX_DEPTH = 5;

const scrub = (text: string, secrets: readonly string[]): string =>
  secrets.reduce((acc, secret) => acc.split(secret).join(REDACTED), text);

const mentions = (error: unknown, secrets: readonly string[], depth: number): boolean => {
  if (depth > MAX_DEPTH || error === undefined || error === null) return false;
  if (!(error instanceof Error)) return secrets.some((s) => String(error).includes(s));
  const text = `${error.message}\n${error.stack ?? ''}`;
  return secrets.some((s) => text.includes(s)) || mentions(error.cause, secrets, depth + 1);
};

const clean = (error: unknown, secrets: readonly string[], depth: number): unknown => {
  if (!(error instanceof Error)) return error === undefined ? undefined : scrub(String(error), secrets);
  const cause = depth < MAX_DEPTH && error.cause !== undefined ? clean(error.cause, secrets, depth + 1) : undefined;
  const copy = new Error(scrub(error.message, secrets), cause === undefined ? undefined : { cause });
  copy.name = error.name;
  copy.stack = scrub(error.stack ?? '', secrets);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  return copy;
};

/**
 * Returns `cause` unchanged when none of `secrets` (e.g. the password of the
 * connection URL) appears in it or its cause chain; otherwise a plain copy of
 * the chain with every occurrence replaced by `***`. Non-empty secrets only.
 */
export function redact(cause: unknown, secrets: readonly string[]): unknown {
  // Longest first, so a secret that contains another is replaced whole.
  const used = secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  if (used.length === 0 || !mentions(cause, used, 0)) return cause;
  return clean(cause, used, 0);
}

/** A backend did not answer in time; the operation may still take effect later (a write is then ambiguous). */
export class StoreTimeoutError extends PlacardError {
  constructor(readonly timeoutMs: number) {
    super('store_timeout', `no answer within ${timeoutMs} ms`);
  }
}

/**
 * The SQLite file (or its WAL file) this store opened is no longer the one
 * at its path: deleted, or replaced by another file. Writes would go into a
 * file nobody will read again, so every operation fails until Placard is
 * restarted on a file that is really there.
 */
export class StoreFileError extends PlacardError {
  constructor(readonly file: string, readonly what: 'deleted' | 'replaced') {
    super('store_file_gone', `the database file ${file} was ${what} while in use; restore it (or remove the rest of it) and restart Placard`);
  }
}
