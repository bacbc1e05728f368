/** Generated files stay in sync with the zod schemas: content/schema/*.json and the tables of docs/content.md. */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocTables } from '../../src/content/doc-tables.js';
import { SCHEMA_NAMES, fieldRows, jsonSchemaText } from '../../src/content/json-schema.js';
import { templateFiles } from '../../src/content/template/files.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIX = 'run npm run content:schema';

describe('content schemas and their docs', () => {
  it.each(SCHEMA_NAMES)('content/schema/%s.json is the zod schema as generated', async (name) => {
    expect(await readFile(join(ROOT, 'content/schema', `${name}.json`), 'utf8'), FIX).toBe(jsonSchemaText(name));
  });

  it('docs/content.md has the current field tables', async () => {
    const doc = await readFile(join(ROOT, 'docs/content.md'), 'utf8');
    expect(doc, FIX).toBe(renderDocTables(doc));
  });

  it('every field of every schema is explained in src/content/fields.ts', () => {
    const missing = SCHEMA_NAMES.flatMap((name) => fieldRows(name).filter((r) => !r.doc).map((r) => `${name}: ${r.path}`));
    expect(missing).toEqual([]);
  });

  it('every YAML file of content/ and of the template points at its schema on its first line', async () => {
    const expected = { 'campaign.yaml': 'campaign', 'organizations.yaml': 'organizations', 'events.yaml': 'events' };
    const yamlFiles = (await readdir(join(ROOT, 'content'))).filter((f) => f.endsWith('.yaml'));
    expect(yamlFiles.sort()).toEqual(Object.keys(expected).sort());
    for (const [file, name] of Object.entries(expected)) {
      const line = `# yaml-language-server: $schema=./schema/${name}.json`;
      expect((await readFile(join(ROOT, 'content', file), 'utf8')).split('\n')[0], file).toBe(line);
      expect(templateFiles()[file]?.split('\n')[0], `template ${file}`).toBe(line);
    }
  });
});
