/**
 * JSON Schemas of the content files, generated from the zod schemas with
 * zod 4's `z.toJSONSchema` (input side: fields with defaults are optional)
 * and the explanations of `fields.ts`, so editors complete, explain and
 * check fields; and the field tables of docs/content.md, from the same.
 */
import { z } from 'zod';
import { FIELD_DOCS, type FieldDoc } from './fields.js';
import { campaignFileSchema, eventsFileSchema, organizationsFileSchema, statementFrontMatterSchema } from './schema.js';

/** The schemas written to `content/schema/<name>.json`, with the file each describes. */
export const SCHEMAS = {
  campaign: { zod: campaignFileSchema, file: 'campaign.yaml', title: 'campaign.yaml' },
  organizations: { zod: organizationsFileSchema, file: 'organizations.yaml', title: 'organizations.yaml: one entry per organisation' },
  events: { zod: eventsFileSchema, file: 'events.yaml', title: 'events.yaml: one entry per event' },
  statement: { zod: statementFrontMatterSchema, file: 'statements/<id>.md', title: 'statements/<id>.md: front matter' },
} as const;

/** A schema's name: `campaign`, `organizations`, `events`, `statement`. */
export type SchemaName = keyof typeof SCHEMAS;

/** The names, in the order the docs show them. */
export const SCHEMA_NAMES = Object.keys(SCHEMAS) as SchemaName[];

/** A JSON Schema node, as far as this module reads it. */
export interface JsonNode {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonNode[];
  items?: JsonNode;
  properties?: Record<string, JsonNode>;
  required?: string[];
  pattern?: string;
  format?: string;
  description?: string;
  examples?: unknown[];
  [key: string]: unknown;
}

/** One field of a file: its path (`topics[].label`), whether required, its JSON Schema node. */
export interface FieldRow {
  readonly path: string;
  readonly required: boolean;
  readonly node: JsonNode;
  readonly doc: FieldDoc | undefined;
}

/** Every field of a schema, depth first, nested groups and list entries included. */
export function fieldRows(name: SchemaName, root: JsonNode = rawSchema(name)): FieldRow[] {
  const rows: FieldRow[] = [];
  const walk = (node: JsonNode, prefix: string): void => {
    const object = node.type === 'array' && node.items ? node.items : node;
    const required = new Set(object.required ?? []);
    for (const [key, child] of Object.entries(object.properties ?? {})) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      rows.push({ path, required: required.has(key), node: child, doc: FIELD_DOCS[name][path] });
      if (child.type === 'object') walk(child, path);
      if (child.type === 'array' && child.items?.type === 'object') walk(child.items, `${path}[]`);
    }
  };
  walk(root, '');
  return rows;
}

/** The zod schema as JSON Schema, without explanations. */
function rawSchema(name: SchemaName): JsonNode {
  return z.toJSONSchema(SCHEMAS[name].zod, { io: 'input', unrepresentable: 'any' }) as JsonNode;
}

/** Parses a YAML-ish example into the value it stands for, for `examples`. */
const exampleValue = (example: string): unknown => {
  if (example === 'true' || example === 'false') return example === 'true';
  if (/^".*"$/.test(example)) return example.slice(1, -1);
  if (/^\[.*\]$/.test(example)) return example.slice(1, -1).split(',').map((s) => s.trim());
  return example;
};

/** The JSON Schema of one content file, with each field's explanation and example for editors. */
export function jsonSchema(name: SchemaName): JsonNode {
  const root = rawSchema(name);
  root.title = SCHEMAS[name].title;
  root.description = `Placard content: ${SCHEMAS[name].file}. Generated from src/content/schema.ts by npm run content:schema; see docs/content.md.`;
  for (const row of fieldRows(name, root)) {
    if (!row.doc) continue;
    row.node.description = row.doc.about.replace(/`/g, '');
    if (row.doc.example !== undefined) row.node.examples = [exampleValue(row.doc.example)];
  }
  return root;
}

/** The file text of `content/schema/<name>.json`. */
export const jsonSchemaText = (name: SchemaName): string => `${JSON.stringify(jsonSchema(name), null, 2)}\n`;
