/**
 * Parsing helpers for the content loader: front matter split, YAML with
 * located errors, and zod issues turned into `ContentIssue`s with a dotted
 * field path. Pure functions; no file system access.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ContentIssue } from '../errors.js';

/** Formats a path of keys and indexes as `signatories.organizations[3]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Joins a prefix field and a sub-path: `joinField('[2]', 'date')` → `[2].date`. */
export function joinField(prefix: string, field: string): string {
  if (prefix === '') return field;
  if (field === '') return prefix;
  return field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`;
}

/** The result of splitting a Markdown file into YAML front matter and body. */
export interface FrontMatterSplit {
  readonly yaml: string;
  readonly body: string;
}

/**
 * Splits `---\n<yaml>\n---\n<body>`. Returns undefined when the text does not
 * start with a front matter block closed by a `---` line. Line endings are
 * normalised to `\n` and a byte-order mark is dropped; the body loses leading
 * blank lines and trailing white space, nothing else.
 */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!src.startsWith('---\n')) return undefined;
  const rest = src.slice(4);
  const close = /^---[ \t]*$/m.exec(rest);
  if (!close) return undefined;
  const yaml = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length).replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  return { yaml, body };
}

/** Splits a body into paragraphs at blank lines, trimmed, empty ones dropped. */
export function splitParagraphs(body: string): string[] {
  return body.split(/\n[ \t]*\n/).map((p) => p.trim()).filter((p) => p !== '');
}

const lineAndColumn = (text: string, offset: number): { line: number; col: number } => {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, col: (lines[lines.length - 1]?.length ?? 0) + 1 };
};

/**
 * Parses YAML text. On a syntax error pushes one issue naming the file and
 * the line (shifted by `lineOffset`, e.g. 1 for front matter after `---`) and
 * returns `{ ok: false }`.
 */
export function parseYaml(
  text: string, file: string, issues: ContentIssue[], lineOffset = 0,
): { ok: true; value: unknown } | { ok: false } {
  const doc = parseDocument(text, { prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lineAndColumn(text, first.pos[0]);
    issues.push({ file, field: '', message: `invalid YAML at line ${line + lineOffset}, column ${col}: ${first.message}` });
    return { ok: false };
  }
  return { ok: true, value: doc.toJS() as unknown };
}

type Issue = z.core.$ZodIssue;

const GENERIC = /^Invalid input/;

const plainMessage = (issue: Issue): string =>
  issue.code === 'invalid_type' && /received undefined$/.test(issue.message) ? 'is required' : issue.message;

/** A readable message for a union failure: the branch that came closest. */
function unionMessage(branches: readonly (readonly Issue[])[]): string {
  // A branch whose only problems are refinements matched the format: its message is the one.
  const refined = branches.find((b) => b.length > 0 && b.every((i) => i.code === 'custom'));
  if (refined?.[0]) return refined[0].message;
  const all = branches.flat();
  const literals = all.flatMap((i) => (i.code === 'invalid_value' ? i.values.map((v) => JSON.stringify(v)) : []));
  const formats = all.filter((i) => i.code !== 'custom' && i.code !== 'invalid_value' && !GENERIC.test(i.message));
  const last = formats[formats.length - 1];
  if (!last) return all[0] ? plainMessage(all[0]) : 'is invalid';
  const missing = literals.filter((l) => !last.message.includes(l));
  return missing.length > 0 ? `${last.message} (or ${missing.join(', ')})` : last.message;
}

/** Turns the issues of a failed zod parse into content issues for `file`. */
export function zodIssues(error: z.ZodError, file: string, prefix = ''): ContentIssue[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = keys.length === 1 ? [...issue.path, keys[0] as string] : issue.path;
    const message = issue.code === 'invalid_union'
      ? unionMessage(issue.errors)
      : issue.code === 'unrecognized_keys'
        ? (keys.length === 1 ? 'is not a known field' : `unknown fields: ${keys.join(', ')}`)
        : plainMessage(issue);
    return { file, field: joinField(prefix, fieldPath(path)), message };
  });
}
