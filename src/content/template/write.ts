/** Writes a new campaign folder from the template, refusing to overwrite one that has files. */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PlacardError } from '../../errors.js';
import { templateFiles } from './files.js';

const errorCode = (err: unknown): string | undefined =>
  err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;

/**
 * Writes the template campaign into `dir` (created when missing) and returns
 * the paths written, relative to `dir`. Throws a PlacardError when `dir`
 * exists and is not an empty folder: nothing of someone's work is replaced.
 */
export async function writeNewCampaign(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir);
    if (entries.length > 0) throw new PlacardError('new_not_empty', `${dir} is not empty: give a new folder, or an empty one`);
  } catch (err) {
    if (err instanceof PlacardError) throw err;
    const code = errorCode(err);
    if (code === 'ENOTDIR') throw new PlacardError('new_not_folder', `${dir} is a file: give a new folder`);
    if (code !== 'ENOENT') throw new PlacardError('new_unreadable', `${dir} cannot be read (${code ?? 'unknown error'})`);
  }
  const files = templateFiles();
  for (const [rel, text] of Object.entries(files)) {
    const path = join(dir, rel);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, { flag: 'wx' });
  }
  return Object.keys(files);
}
