/**
 * The fault table. Each case records one row; when FAULTS_REPORT names a
 * JSON file (`npm run faults` sets bench/faults.json) the row is merged into
 * it, keyed by `fault`, so a partial run replaces its own rows and keeps the
 * others. Several test files may write at once: a lock file serialises the
 * read-merge-write, and the file is replaced by rename (never half-written).
 */
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';

/** One row of bench/faults.json. */
export interface FaultRow {
  /** What was done, e.g. "redis restart mid fan-out". */
  readonly fault: string;
  /** Subscribed chats due at the fault. */
  readonly chats: number;
  /** Chats that never got their reminder. Target 0. */
  readonly lost: number;
  /** Reminders beyond the first, summed over chats. Target 0. */
  readonly doubled: number;
  /** True (or a count, e.g. connections re-opened) once the store answered again and the fan-out finished. */
  readonly recovered: boolean | number;
  /** Seconds from the reminders' due time until the last chat had its reminder (the worst delay). */
  readonly seconds: number;
  /** What else was measured (marker retries, log lines, …). */
  readonly notes?: string;
}

/** The file's shape. */
interface FaultFile {
  updated: string;
  rows: FaultRow[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function withLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await (await open(lock, 'wx')).close();
      break;
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than the deadline was left by a killed run.
      if (Date.now() > deadline) { await rm(lock, { force: true }); continue; }
      await sleep(25);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

/** Merges `rows` into the JSON file at `path` (created if absent), replacing rows of the same fault. */
export async function mergeRows(path: string, rows: readonly FaultRow[]): Promise<void> {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  await withLock(file, async () => {
    let current: FaultFile = { updated: '', rows: [] };
    try {
      current = JSON.parse(await readFile(file, 'utf8')) as FaultFile;
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const byFault = new Map((current.rows ?? []).map((r) => [r.fault, r]));
    for (const row of rows) byFault.set(row.fault, row);
    const next: FaultFile = {
      updated: new Date().toISOString(),
      rows: [...byFault.values()].sort((a, b) => a.fault.localeCompare(b.fault)),
    };
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`);
    await rename(tmp, file);
  });
}

/** Records one case's row: into FAULTS_REPORT when set, otherwise nowhere (the assertions still run). */
export async function recordFault(row: FaultRow): Promise<void> {
  const path = process.env.FAULTS_REPORT;
  if (path === undefined || path === '') return;
  await mergeRows(path, [row]);
}
