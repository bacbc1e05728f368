/**
 * `STORE_URL` → a `Store`. Each backend module is imported only when its
 * scheme is used, so a Redis deployment never loads the sqlite3 binding.
 */
import type { Store } from './store.js';
import type { Driver } from './driver.js';
import { KeyvStore, type KeyvStoreOptions } from './keyv-store.js';
import { StoreUrlError } from './errors.js';

/** Schemes `openStore` accepts. */
export const STORE_SCHEMES = ['sqlite', 'redis', 'rediss', 'postgres', 'postgresql', 'memory'] as const;

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** The URL's password (raw and percent-decoded), to be kept out of every error message. */
function passwordsOf(url: string): string[] {
  try {
    const { password } = new URL(url);
    if (password === '') return [];
    let decoded = password;
    try {
      decoded = decodeURIComponent(password);
    } catch {
      // keep the raw form only
    }
    return [...new Set([password, decoded])];
  } catch {
    return [];
  }
}

async function openDriver(scheme: string, url: string): Promise<Driver> {
  switch (scheme) {
    case 'memory': {
      const { openMemoryDriver } = await import('./memory.js');
      return openMemoryDriver();
    }
    case 'sqlite': {
      const { openSqliteDriver } = await import('./sqlite.js');
      return openSqliteDriver(url.slice('sqlite://'.length));
    }
    case 'redis':
    case 'rediss': {
      const { openRedisDriver } = await import('./redis.js');
      return openRedisDriver(url, passwordsOf(url));
    }
    case 'postgres':
    case 'postgresql': {
      const { openPostgresDriver } = await import('./postgres.js');
      return openPostgresDriver(url, passwordsOf(url));
    }
    default:
      throw new StoreUrlError(scheme, `unsupported scheme "${scheme}://" (use ${STORE_SCHEMES.map((s) => `${s}://`).join(', ')})`);
  }
}

/**
 * Opens the store named by a URL:
 * - `sqlite://./data/placard.sqlite` (relative to the working directory; the
 *   folder is created on first run), `sqlite:///abs/path.sqlite`, `sqlite://:memory:`
 * - `redis://[user:password@]host:port[/db]`, `rediss://…`
 * - `postgres://…` or `postgresql://…`
 * - `memory://` — a private Map, for tests
 *
 * Redis and Postgres connect lazily: an unreachable server does not make
 * this fail; `ping()` reports it. SQLite opens the file here.
 *
 * @throws StoreUrlError for a missing or unknown scheme (the message never repeats the URL)
 * `options.log` hears of outages (one line when the backend stops answering,
 * a sum per interval, one when it answers again); operations still reject.
 *
 * @throws StoreError when the SQLite file cannot be opened
 */
export async function openStore(url: string, options: KeyvStoreOptions = {}): Promise<Store> {
  const match = SCHEME.exec(url.trim());
  if (match?.[1] === undefined) throw new StoreUrlError('', 'expected a URL such as sqlite://./data/placard.sqlite');
  const scheme = match[1].toLowerCase();
  return new KeyvStore(await openDriver(scheme, url.trim()), options);
}
