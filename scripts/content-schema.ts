/**
 * Writes what is generated from the content schemas: `content/schema/*.json`
 * (JSON Schemas for editors) and the field tables of `docs/content.md`.
 *
 *   npm run content:schema            write them
 *   npm run content:schema -- --check exit 1 when a file is out of date
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderDocTables } from '../src/content/doc-tables.js';
import { SCHEMA_NAMES, jsonSchemaText } from '../src/content/json-schema.js';

const ROOT = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');

const wanted: [string, string][] = SCHEMA_NAMES.map((name) => [join('content', 'schema', `${name}.json`), jsonSchemaText(name)]);
const docPath = join('docs', 'content.md');
wanted.push([docPath, renderDocTables(await readFile(join(ROOT, docPath), 'utf8'))]);

const stale: string[] = [];
for (const [rel, text] of wanted) {
  const current = await readFile(join(ROOT, rel), 'utf8').catch(() => undefined);
  if (current === text) continue;
  stale.push(rel);
  if (!check) {
    await mkdir(join(ROOT, rel, '..'), { recursive: true });
    await writeFile(join(ROOT, rel), text);
  }
}
process.stdout.write(stale.length === 0 ? 'content schema: up to date\n'
  : `${check ? 'out of date (run npm run content:schema)' : 'written'}: ${stale.join(', ')}\n`);
if (check && stale.length > 0) process.exitCode = 1;
