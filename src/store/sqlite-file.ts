/**
 * Notices that the SQLite file a store has open is no longer the file at its
 * path. SQLite keeps writing into a deleted (or renamed-over) file through
 * its open handle, so without this a deleted data folder goes unnoticed until
 * the restart that finds every subscription gone. The WAL file counts too:
 * committed writes not yet checkpointed live only there.
 *
 * A file is identified by device and inode, taken when the store opens; a
 * later `stat` that fails (deleted) or finds another inode (replaced) trips
 * the watch for good: every later check throws the same StoreFileError.
 */
import { stat } from 'node:fs/promises';
import { StoreFileError } from './errors.js';

/** How often operations re-check the files (ping always checks): a stat is cheap, but not free per query. */
export const FILE_CHECK_INTERVAL_MS = 1_000;

interface Identity { readonly dev: number; readonly ino: number }

async function identityOf(path: string): Promise<Identity | undefined> {
  try {
    const s = await stat(path);
    return { dev: s.dev, ino: s.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Watches one database file and its `-wal` companion. */
export class SqliteFileWatch {
  #main: Identity | undefined;
  #wal: Identity | undefined;
  #tripped: StoreFileError | undefined;
  #nextCheck = 0;

  private constructor(private readonly file: string, private readonly now: () => number) {}

  /** Records the identities of `file` (which must exist: it was just opened) and of its WAL, if there is one yet. */
  static async open(file: string, now: () => number = Date.now): Promise<SqliteFileWatch> {
    const watch = new SqliteFileWatch(file, now);
    watch.#main = await identityOf(file);
    if (watch.#main === undefined) throw new StoreFileError(file, 'deleted');
    watch.#wal = await identityOf(`${file}-wal`);
    return watch;
  }

  /** Checks at most every FILE_CHECK_INTERVAL_MS (before operations); throws once tripped. */
  async checkSometimes(): Promise<void> {
    if (this.#tripped) throw this.#tripped;
    if (this.now() < this.#nextCheck) return;
    await this.check();
  }

  /** Checks now (for ping). @throws StoreFileError when a file was deleted or replaced. */
  async check(): Promise<void> {
    if (this.#tripped) throw this.#tripped;
    this.#nextCheck = this.now() + FILE_CHECK_INTERVAL_MS;
    const main = await identityOf(this.file);
    if (!same(main, this.#main)) this.trip(this.file, main);
    const walPath = `${this.file}-wal`;
    const wal = await identityOf(walPath);
    // The WAL may appear after open (first write); from then on it must stay the same file.
    if (this.#wal === undefined) this.#wal = wal;
    else if (!same(wal, this.#wal)) this.trip(walPath, wal);
  }

  private trip(path: string, found: Identity | undefined): never {
    this.#tripped = new StoreFileError(path, found === undefined ? 'deleted' : 'replaced');
    throw this.#tripped;
  }
}

const same = (a: Identity | undefined, b: Identity | undefined): boolean =>
  a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
