/**
 * A private PostgreSQL database per run for the fault suite:
 * `placard_faults_<random>` on 127.0.0.1:5432 as user postgres (trust auth),
 * created through psql and dropped (WITH (FORCE)) afterwards. Only databases
 * whose name this module made are ever terminated or dropped; `test` and the
 * others on the server are never touched.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

const HOST = '127.0.0.1';
const PORT = '5432';
const USER = 'postgres';
const OWN_NAME = /^placard_faults_[0-9a-f]{12}$/;

/** Why the Postgres cases cannot run here; undefined when the server answers and accepts `postgres` without a password. */
export const postgresUnavailable: string | undefined = ((): string | undefined => {
  if (spawnSync('psql', ['--version']).status !== 0) return 'psql is not on PATH';
  if (spawnSync('pg_isready', ['-h', HOST, '-p', PORT]).status !== 0) return `no PostgreSQL accepting connections on ${HOST}:${PORT}`;
  const probe = spawnSync('psql', ['-h', HOST, '-p', PORT, '-U', USER, '-d', 'postgres', '-w', '-Atc', 'SELECT 1'], { encoding: 'utf8' });
  if (probe.status !== 0) return `cannot connect as ${USER} on ${HOST}:${PORT} without a password`;
  return undefined;
})();

const psql = async (sql: string): Promise<string> => {
  const { stdout } = await run('psql', ['-h', HOST, '-p', PORT, '-U', USER, '-d', 'postgres', '-w', '-v', 'ON_ERROR_STOP=1', '-Atc', sql], { timeout: 15_000 });
  return stdout.trim();
};

/** One database of the suite's own. */
export class PostgresDatabase {
  private dropped = false;

  private constructor(readonly name: string) {
    if (!OWN_NAME.test(name)) throw new Error(`refusing to manage database ${name}`);
  }

  /** Creates `placard_faults_<random>`. */
  static async create(): Promise<PostgresDatabase> {
    const db = new PostgresDatabase(`placard_faults_${randomBytes(6).toString('hex')}`);
    await psql(`CREATE DATABASE "${db.name}"`);
    return db;
  }

  /** `postgres://postgres@127.0.0.1:5432/<name>`. */
  get url(): string {
    return `postgres://${USER}@${HOST}:${PORT}/${this.name}`;
  }

  /** How many server processes are connected to this database now. */
  async connections(): Promise<number> {
    return Number(await psql(`SELECT count(*) FROM pg_stat_activity WHERE datname = '${this.name}'`));
  }

  /** `pg_terminate_backend` on every connection to this database; resolves with how many were terminated. */
  async terminateConnections(): Promise<number> {
    return Number(await psql(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '${this.name}' AND pid <> pg_backend_pid()`,
    ));
  }

  /** Drops the database, closing whatever is still connected to it. Safe to call twice. */
  async drop(): Promise<void> {
    if (this.dropped) return;
    this.dropped = true;
    await psql(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
  }
}
