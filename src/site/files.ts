/**
 * The site as files: what `placard site` writes into a folder and what
 * `serve` answers from memory, each with its content type and an entity tag
 * of its bytes.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** One file of the site. */
export interface SiteFile {
  /** Path in the site, `/`-separated, no leading slash: `ru/index.html`. */
  readonly path: string;
  /** `Content-Type`, with the charset for text. */
  readonly contentType: string;
  readonly body: Buffer;
  /** A strong entity tag of the body (quoted). */
  readonly etag: string;
}

/** A file with its entity tag. */
export function siteFile(path: string, contentType: string, body: string | Buffer): SiteFile {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  return { path, contentType, body: bytes, etag };
}

/** Writes every file under `dir` (created as needed); resolves to the paths written, relative to `dir`. */
export async function writeSiteFiles(dir: string, files: readonly SiteFile[]): Promise<string[]> {
  const root = resolve(dir);
  for (const file of files) {
    const target = resolve(root, ...file.path.split('/'));
    if (!target.startsWith(root + sep)) throw new Error(`internal: a site path outside the folder: ${file.path}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.body);
  }
  return files.map((f) => join(...f.path.split('/')));
}
