/**
 * The field tables of docs/content.md, generated from the zod schemas (via
 * their JSON Schemas) and the explanations of `fields.ts`. Each table sits
 * between `<!-- fields:NAME -->` and `<!-- /fields:NAME -->` in the doc.
 */
import { isLanguage } from '../i18n/languages.js';
import { SCHEMA_NAMES, fieldRows, type JsonNode, type SchemaName } from './json-schema.js';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const MONTH = '^\\d{4}-(0[1-9]|1[0-2])$';

/** The languages of a group of translations (`{en, ru, kk}`), or undefined for any other node. */
const translationKeys = (node: JsonNode): string[] | undefined => {
  const keys = Object.keys(node.properties ?? {});
  return node.type === 'object' && keys.length > 0 && keys.every(isLanguage) ? keys : undefined;
};

/** A JSON Schema type in words: "text", "date YYYY-MM-DD", "list of id", "text, or one per language (en, ru, kk)". */
export function typeWords(node: JsonNode): string {
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  if (node.enum) return node.enum.map((v) => `\`${String(v)}\``).join(' or ');
  if (node.anyOf) {
    const languages = node.anyOf.map(translationKeys).find((k) => k !== undefined);
    const plain = node.anyOf.filter((n) => translationKeys(n) === undefined);
    if (languages && plain.length === 1 && plain[0]) {
      return `${typeWords(plain[0])}, or one per language (${languages.map((l) => `\`${l}\``).join(', ')})`;
    }
    return node.anyOf.map(typeWords).join(' or ');
  }
  switch (node.type) {
    case 'boolean': return 'true or false';
    case 'number': case 'integer': return 'number';
    case 'object': return 'group of fields';
    case 'array': return node.items?.type === 'object' ? 'list of groups of fields' : `list of ${node.items ? typeWords(node.items) : 'values'}`;
    case 'string':
      if (node.pattern === DATE) return 'date YYYY-MM-DD';
      if (node.pattern === MONTH) return 'month YYYY-MM';
      if (node.pattern === '^[a-z0-9][a-z0-9-]*$') return 'id';
      if (node.format === 'uri') return 'web address';
      return typeof node.maxLength === 'number' ? `text (≤ ${node.maxLength})` : 'text';
    default: return 'value';
  }
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown table of one schema's fields. */
export function fieldTable(name: SchemaName): string {
  const rows = fieldRows(name).map((r) => {
    const example = r.doc?.example === undefined ? '' : `\`${r.doc.example}\``;
    return `| \`${r.path}\` | ${r.required ? 'required' : 'optional'} | ${cell(typeWords(r.node))} | ${cell(r.doc?.about ?? '(not yet explained)')} | ${cell(example)} |`;
  });
  return ['| field | | type | meaning | example |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** Replaces every generated table in `doc` with its current text; other text is kept as it is. */
export function renderDocTables(doc: string): string {
  let out = doc;
  for (const name of SCHEMA_NAMES) {
    const open = `<!-- fields:${name} -->`;
    const close = `<!-- /fields:${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start) throw new Error(`docs: markers ${open} … ${close} are missing`);
    out = `${out.slice(0, start + open.length)}\n${fieldTable(name)}\n${out.slice(end)}`;
  }
  return out;
}
