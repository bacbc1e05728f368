/**
 * `postgres://…` / `postgresql://…` on @keyv/postgres. The adapter owns the
 * table (`public.keyv(key VARCHAR(255) PRIMARY KEY, value TEXT)`); values and
 * claims live in it as keyv envelopes.
 *
 * @keyv/postgres 2.x keeps ONE module-global pg pool, replaced (not ended)
 * when another URL is opened, and `disconnect()` ends whichever pool is
 * global at the time. Two stores in one process would close each other's
 * connections or leak a pool, so we subclass the adapter to give each store
 * its own pool. `pg` is loaded from @keyv/postgres' own dependency (it is not
 * a direct dependency of Placard).
 */
import { createRequire } from 'node:module';
import { Keyv } from 'keyv';
import KeyvPostgres from '@keyv/postgres';
import { KEYV_OPTIONS, asSqlRows, rowCount, type Driver, type DriverWorkClaim, type RawRow } from './driver.js';
import { CLAIM_NAMESPACE, SCAN_BATCH, prefixUpperBound } from './keys.js';

/** The part of pg's Pool this module uses. */
interface PgPool {
  query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}
type PgPoolConstructor = new (config: Record<string, unknown>) => PgPool;

const requireFromAdapter = createRequire(createRequire(import.meta.url).resolve('@keyv/postgres'));
const { Pool } = requireFromAdapter('pg') as { Pool: PgPoolConstructor };

const POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 5_000;
/** Bound on one operation: a paused or wedged server keeps its connections open and never answers. */
const OPERATION_TIMEOUT_MS = 10_000;

type Query = (sql: string, values?: unknown) => Promise<unknown[]>;

/** @keyv/postgres with a pg pool per instance instead of the adapter's process-wide one. */
class PooledKeyvPostgres extends KeyvPostgres {
  // `declare`: no field initialiser, so the value set by connect() (called from super()) survives.
  private declare ownPool: PgPool | undefined;

  override async connect(): Promise<Query> {
    const pool = new Pool({
      connectionString: this.opts.uri,
      max: POOL_SIZE,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      allowExitOnIdle: true,
    });
    // An idle client's error (server restart) must not crash the process; the pool drops that client.
    pool.on('error', (error) => this.emit('error', error));
    this.ownPool = pool;
    return async (sql, values) => (await pool.query(sql, values as unknown[] | undefined)).rows;
  }

  override async disconnect(): Promise<void> {
    const pool = this.ownPool;
    this.ownPool = undefined;
    await pool?.end();
  }
}

const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const isPgCode = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;

/** Opens a lazily connecting Postgres driver; `secrets` are scrubbed from error messages. */
export function openPostgresDriver(url: string, secrets: readonly string[]): Driver {
  const adapter = new PooledKeyvPostgres({ uri: url });
  const keyv = new Keyv<unknown>(adapter, KEYV_OPTIONS);
  const table = `${quoteIdentifier(String(adapter.opts.schema ?? 'public'))}.${quoteIdentifier(String(adapter.opts.table ?? 'keyv'))}`;
  const query = (sql: string, values: unknown[]): Promise<unknown> => adapter.query(sql, values);

  // Keyset pagination in byte order ("C" collation) over [prefix, upper): exact whatever the database's
  // collation, and served by an index of our own on (key COLLATE "C") — the primary key's index is in the
  // database collation and cannot serve these ranges, which made every page a full scan.
  const index = quoteIdentifier(`${String(adapter.opts.table ?? 'keyv')}_key_c_idx`);
  const createIndex = `CREATE INDEX IF NOT EXISTS ${index} ON ${table} ((key COLLATE "C"))`;
  const page = (op: '>=' | '>'): string =>
    `SELECT key, value FROM ${table} WHERE key COLLATE "C" ${op} $1 AND key COLLATE "C" < $2 ORDER BY key COLLATE "C" LIMIT $3`;
  const firstPage = page('>=');
  const nextPage = page('>');
  // Insert, or take over a claim whose envelope expired. Concurrent inserts of one key serialise on the
  // unique index; the loser re-checks the WHERE against the winner's row and returns nothing.
  const claimSql = `INSERT INTO ${table} AS t (key, value) VALUES ($1, $2)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value
    WHERE (t.value::jsonb ->> 'expires')::bigint < $3
    RETURNING key`;

  // The same, unless a live row sits at the done key ($4); and the row at $5 (the settings the work needs).
  // One statement: the check and the insert see one snapshot, and the unique index serialises the insert.
  const live = (row: string, now: string): string =>
    `((${row}.value::jsonb ->> 'expires') IS NULL OR (${row}.value::jsonb ->> 'expires')::bigint >= ${now})`;
  const claimUnlessDoneSql = `WITH done AS (SELECT 1 FROM ${table} AS d WHERE d.key = $4 AND ${live('d', '$3')}),
    won AS (INSERT INTO ${table} AS t (key, value) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM done)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE (t.value::jsonb ->> 'expires')::bigint < $3
      RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM done) AS done, EXISTS (SELECT 1 FROM won) AS won,
      (SELECT r.value FROM ${table} AS r WHERE r.key = $5 AND ${live('r', '$3')}) AS value`;
  const heldBy = `h.key = $1 AND (h.value::jsonb ->> 'value') = $2 AND ${live('h', '$3')}`;
  const renewSql = `UPDATE ${table} AS h SET value = $4 WHERE ${heldBy} RETURNING h.key`;
  const releaseSql = `DELETE FROM ${table} AS h WHERE ${heldBy} RETURNING h.key`;

  const sweepSql = `DELETE FROM ${table} WHERE key COLLATE "C" >= $1 AND key COLLATE "C" < $2
    AND (value::jsonb ->> 'expires')::bigint < $3`;
  const claimPrefix = `${CLAIM_NAMESPACE}:`;

  let indexed: Promise<void> | undefined;
  const ready = async (): Promise<void> => {
    indexed ??= query(createIndex, []).then(
      () => undefined,
      (error: unknown) => {
        // Another instance creating the same index at the same moment: it exists, which is all we need.
        if (isPgCode(error, '23505') || isPgCode(error, '42P07')) return;
        indexed = undefined;
        throw error;
      },
    );
    await indexed;
  };

  return {
    backend: 'postgres',
    operationTimeoutMs: OPERATION_TIMEOUT_MS,
    keyv,
    secrets,
    ready,
    async *scan(prefix: string): AsyncIterable<readonly RawRow[]> {
      const upper = prefixUpperBound(prefix);
      let rows = asSqlRows(await query(firstPage, [prefix, upper, SCAN_BATCH]));
      while (rows.length > 0) {
        yield rows.map((row): RawRow => [row.key, row.value]);
        const last = rows.at(-1);
        if (rows.length < SCAN_BATCH || last === undefined) return;
        rows = asSqlRows(await query(nextPage, [last.key, upper, SCAN_BATCH]));
      }
    },
    async claim(key: string, raw: string, now: number): Promise<boolean> {
      return rowCount(await query(claimSql, [key, raw, now])) === 1;
    },
    async claimUnlessDone(key: string, raw: string, now: number, _ttlMs: number, doneKey: string, readKey: string | undefined): Promise<DriverWorkClaim> {
      const rows = await query(claimUnlessDoneSql, [key, raw, now, doneKey, readKey ?? null]);
      const row = Array.isArray(rows) ? (rows[0] as { done?: unknown; won?: unknown; value?: unknown } | undefined) : undefined;
      if (row === undefined) throw new Error('the claim query returned no row');
      if (row.done === true) return { outcome: 'done' };
      if (row.won !== true) return { outcome: 'held' };
      return { outcome: 'won', read: typeof row.value === 'string' ? row.value : undefined };
    },
    async renewIfHeld(key: string, owner: string, raw: string, now: number): Promise<boolean> {
      return rowCount(await query(renewSql, [key, owner, now, raw])) === 1;
    },
    async releaseIfHeld(key: string, owner: string, now: number): Promise<boolean> {
      return rowCount(await query(releaseSql, [key, owner, now])) === 1;
    },
    async sweepClaims(now: number): Promise<void> {
      await query(sweepSql, [claimPrefix, prefixUpperBound(claimPrefix), now]);
    },
    async ping(): Promise<void> {
      await query('SELECT 1', []);
    },
    async close(): Promise<void> {
      await adapter.disconnect();
    },
  };
}
