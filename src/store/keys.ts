/**
 * Key layout shared by every backend: one keyspace (one keyv table, one Redis
 * database) holding `namespace:key` for values and `claim:key` for claims.
 */
import { StoreKeyError } from './errors.js';

/** Namespace reserved for claims; `get`/`set` on it are refused so claims cannot be overwritten by accident. */
export const CLAIM_NAMESPACE = 'claim';

/**
 * Longest stored key (`namespace:key`), in characters. The keyv SQL adapters
 * create `key VARCHAR(255)`: Postgres enforces it, SQLite does not, so it is
 * checked here for every backend to keep them interchangeable.
 */
export const MAX_KEY_LENGTH = 255;

/** Rows fetched per round trip by `entries`. */
export const SCAN_BATCH = 1000;

const checkNamespace = (namespace: string): void => {
  if (namespace.length === 0) throw new StoreKeyError('namespace', 'must not be empty');
  if (namespace.includes(':')) throw new StoreKeyError('namespace', `must not contain ":" (got "${namespace}")`);
};

const checkLength = (full: string): string => {
  if (full.length > MAX_KEY_LENGTH) {
    throw new StoreKeyError('key', `namespace and key together exceed ${MAX_KEY_LENGTH} characters`);
  }
  return full;
};

/** `namespace:` — the prefix of every stored key of a namespace. */
export function namespacePrefix(namespace: string): string {
  checkNamespace(namespace);
  if (namespace === CLAIM_NAMESPACE) throw new StoreKeyError('namespace', `"${CLAIM_NAMESPACE}" is reserved for claims`);
  return `${namespace}:`;
}

/** The stored key of a value: `namespace:key`. */
export function valueKey(namespace: string, key: string): string {
  return checkLength(namespacePrefix(namespace) + key);
}

/** The stored key of a claim: `claim:key`. */
export function claimKey(key: string): string {
  if (key.length === 0) throw new StoreKeyError('key', 'a claim key must not be empty');
  return checkLength(`${CLAIM_NAMESPACE}:${key}`);
}

/** Validates a ttl in milliseconds (positive, finite) and rounds it up to a whole millisecond. */
export function checkTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new StoreKeyError('ttlMs', `must be a positive number of milliseconds (got ${ttlMs})`);
  return Math.ceil(ttlMs);
}

/**
 * Smallest string greater than every string starting with `prefix` (binary
 * order): the prefix with its last character incremented. `ns:` → `ns;`.
 */
export function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/** Escapes Redis glob characters (`* ? [ ] ^ \`) for `SCAN MATCH`. */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]^]/g, '\\$&');
}

/** True when a keyv envelope's `expires` lies in the past (keyv's own rule: expired once `now > expires`). */
export function isExpired(expires: unknown, now: number): boolean {
  return typeof expires === 'number' && now > expires;
}
