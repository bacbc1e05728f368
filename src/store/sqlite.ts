/**
 * `sqlite://path` and `sqlite://:memory:` on @keyv/sqlite. The adapter owns
 * the table (`keyv(key VARCHAR(255) PRIMARY KEY, value TEXT)`); values,
 * claims and their expiry all live in it as keyv envelopes. We add WAL and a
 * busy timeout so several processes can share one file, and run our own SQL
 * through the adapter's `query` (sqlite3's `Database#all`) for scans and claims.
 *
 * Privacy: a forgotten chat must leave no trace in the file. `secure_delete`
 * makes SQLite overwrite deleted rows with zeros; but in WAL mode the row's
 * earlier versions also sit in WAL frames until the WAL is reset, so after a
 * value is deleted we checkpoint with TRUNCATE, which empties the WAL file.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Keyv } from 'keyv';
import { KeyvSqlite } from '@keyv/sqlite';
import { StoreError } from '../errors.js';
import { StoreUrlError } from './errors.js';
import { KEYV_OPTIONS, asSqlRows, rowCount, type Driver, type DriverWorkClaim, type RawRow } from './driver.js';
import { CLAIM_NAMESPACE, SCAN_BATCH, prefixUpperBound } from './keys.js';
import { SqliteFileWatch } from './sqlite-file.js';

/** How long a statement waits for another connection's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A row that has not expired at the `now` bound next (keyv's rule: expired once now > expires). */
const LIVE = `(json_extract(value, '$.expires') IS NULL OR json_extract(value, '$.expires') >= ?)`;

/**
 * Opens (creating it and its folder on first run) the SQLite file at
 * `location`, relative to the working directory unless absolute; `:memory:`
 * gives a private in-memory database.
 */
export async function openSqliteDriver(location: string): Promise<Driver> {
  if (location.length === 0) throw new StoreUrlError('sqlite', 'sqlite:// needs a file path, e.g. sqlite://./data/placard.sqlite');
  const inMemory = location === ':memory:';
  const file = inMemory ? location : resolve(location);
  if (!inMemory) {
    try {
      await mkdir(dirname(file), { recursive: true });
    } catch (error) {
      throw new StoreError('sqlite', 'create the database folder', { cause: error });
    }
  }
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: SQLITE_BUSY_TIMEOUT_MS });
  // Keyv subscribes to the adapter's 'error' events at once, before the adapter's connect can emit one.
  const keyv = new Keyv<unknown>(adapter, KEYV_OPTIONS);
  const table = quoteIdentifier(adapter.opts.table ?? 'keyv');
  const query = (sql: string, ...params: unknown[]): Promise<unknown> => adapter.query(sql, ...params);

  let watch: SqliteFileWatch | undefined;
  try {
    // Also the first query: a file that cannot be opened fails here, not later as an unhandled rejection.
    await query(inMemory ? 'SELECT 1' : 'PRAGMA journal_mode = WAL');
    // Per connection, and KeyvSqlite has exactly one: every delete through this store scrubs.
    await query('PRAGMA secure_delete = ON');
    if (!inMemory) {
      // A first read creates the WAL file, so the watch knows it from the start.
      await query('PRAGMA schema_version');
      watch = await SqliteFileWatch.open(file);
    }
  } catch (error) {
    await adapter.disconnect().catch(() => undefined);
    throw new StoreError('sqlite', 'open', { cause: error });
  }

  const firstPage = `SELECT key, value FROM ${table} WHERE key >= ? AND key < ? ORDER BY key LIMIT ?`;
  const nextPage = `SELECT key, value FROM ${table} WHERE key > ? AND key < ? ORDER BY key LIMIT ?`;
  // Insert, or take over a claim whose envelope expired; RETURNING yields a row only when we wrote.
  const claimSql = `INSERT INTO ${table} (key, value) VALUES (?, ?)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value
    WHERE json_extract(${table}.value, '$.expires') < ?
    RETURNING key`;

  // The same, unless a live row sits at the done key (checked in the same statement).
  const claimUnlessDoneSql = `INSERT INTO ${table} (key, value) SELECT ?, ?
    WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE key = ? AND ${LIVE})
    ON CONFLICT(key) DO UPDATE SET value = excluded.value
    WHERE json_extract(${table}.value, '$.expires') < ?
    RETURNING key`;
  const readSql = `SELECT key, value FROM ${table} WHERE key = ? AND ${LIVE}`;
  const heldBy = `key = ? AND json_extract(value, '$.value') = ? AND ${LIVE}`;
  const renewSql = `UPDATE ${table} SET value = ? WHERE ${heldBy} RETURNING key`;
  const releaseSql = `DELETE FROM ${table} WHERE ${heldBy} RETURNING key`;

  const sweepSql = `DELETE FROM ${table} WHERE key >= ? AND key < ? AND json_extract(value, '$.expires') < ?`;
  const claimPrefix = `${CLAIM_NAMESPACE}:`;

  return {
    backend: 'sqlite',
    keyv,
    secrets: [],
    async ready(): Promise<void> {
      await watch?.checkSometimes();
    },
    async afterDelete(): Promise<void> {
      // Busy (another process reading) is not an error: the WAL is then emptied by a later delete's checkpoint.
      if (!inMemory) await query('PRAGMA wal_checkpoint(TRUNCATE)');
    },
    async *scan(prefix: string): AsyncIterable<readonly RawRow[]> {
      // A range on the primary key (BINARY collation) instead of LIKE, which is case-insensitive in SQLite.
      const upper = prefixUpperBound(prefix);
      let rows = asSqlRows(await query(firstPage, prefix, upper, SCAN_BATCH));
      while (rows.length > 0) {
        yield rows.map((row): RawRow => [row.key, row.value]);
        const last = rows.at(-1);
        if (rows.length < SCAN_BATCH || last === undefined) return;
        rows = asSqlRows(await query(nextPage, last.key, upper, SCAN_BATCH));
      }
    },
    async claim(key: string, raw: string, now: number): Promise<boolean> {
      return rowCount(await query(claimSql, key, raw, now)) === 1;
    },
    async claimUnlessDone(key: string, raw: string, now: number, _ttlMs: number, doneKey: string, readKey: string | undefined): Promise<DriverWorkClaim> {
      if (rowCount(await query(claimUnlessDoneSql, key, raw, doneKey, now, now)) === 1) {
        const read = readKey === undefined ? [] : asSqlRows(await query(readSql, readKey, now));
        return { outcome: 'won', read: read[0]?.value };
      }
      return { outcome: asSqlRows(await query(readSql, doneKey, now)).length > 0 ? 'done' : 'held' };
    },
    async renewIfHeld(key: string, owner: string, raw: string, now: number): Promise<boolean> {
      return rowCount(await query(renewSql, raw, key, owner, now)) === 1;
    },
    async releaseIfHeld(key: string, owner: string, now: number): Promise<boolean> {
      return rowCount(await query(releaseSql, key, owner, now)) === 1;
    },
    async sweepClaims(now: number): Promise<void> {
      await query(sweepSql, claimPrefix, prefixUpperBound(claimPrefix), now);
    },
    async ping(): Promise<void> {
      await watch?.check();
      await query('SELECT 1');
    },
    async close(): Promise<void> {
      await adapter.disconnect();
    },
  };
}
