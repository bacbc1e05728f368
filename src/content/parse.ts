/**
 * Parsing helpers for the content loader: front matter split, and YAML
 * with its syntax errors located and said in people's words. Pure
 * functions; no file system access.
 */
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
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

/** A parsed YAML text and what is needed to point at its lines. */
export interface YamlSource {
  readonly doc: Document;
  readonly lines: LineCounter;
  /** Lines before the YAML text in its file (1 for front matter, after the opening `---`). */
  readonly lineOffset: number;
}

/** What to do about a YAML syntax error, in people's words, by the `yaml` library's error code. */
function yamlProblem(error: YAMLError, text: string): string {
  const token = (text.slice(error.pos[0]).split('\n')[0] ?? '').trim();
  switch (error.code) {
    case 'DUPLICATE_KEY': return `the field ${JSON.stringify(token.split(':')[0]?.trim())} is written twice here: keep one`;
    case 'TAB_AS_INDENT': return 'indent with spaces, not tabs';
    case 'MISSING_CHAR': return 'a closing bracket or quote is missing: close every "[", "{" and quote on the line where it opens';
    case 'BAD_INDENT': return 'the indentation is off, or a "[" or "{" is not closed: line up fields of one entry under each other, with spaces';
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY': return 'this line is not "field: value": check the indentation, and put a text that contains ": " in quotes';
    case 'BAD_SCALAR_START': return `a value cannot start with ${JSON.stringify(token.charAt(0))}: put the value in quotes`;
    case 'BAD_DQ_ESCAPE': return 'a backslash in a "double-quoted" text: use single quotes instead';
    case 'MULTIPLE_DOCS': return 'a second "---" starts another document: remove it (one document per file)';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS': return 'a value starting with "*" or "&" is read as a YAML reference: put the value in quotes';
    default: return 'the YAML is not well formed here: check the indentation (spaces) and that every quote and bracket is closed';
  }
}

/**
 * Parses YAML text. On a syntax error pushes one issue naming the file, the
 * line (shifted by `lineOffset`, e.g. 1 for front matter after `---`) and
 * what to do, and returns `{ ok: false }`; otherwise the value and the
 * located source, for pointing later issues at their lines.
 */
export function parseYaml(
  text: string, file: string, issues: ContentIssue[], lineOffset = 0,
): { ok: true; value: unknown; source: YamlSource } | { ok: false } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter: lines, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lines.linePos(first.pos[0]);
    issues.push({ file, field: '', line: line + lineOffset, column: col, message: `not valid YAML: ${yamlProblem(first, text)}` });
    return { ok: false };
  }
  return { ok: true, value: doc.toJS() as unknown, source: { doc, lines, lineOffset } };
}
