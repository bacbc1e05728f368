/**
 * Puts content issues where people look for them: the line and column in the
 * file (from the YAML library's ranges, through its LineCounter), the entry
 * counted from 1 ("demand 6 of smk-statement", "event 2 (strike)"), and the
 * field's name in front of what is wrong ("remind must be true or false").
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ContentIssue } from '../errors.js';
import type { YamlSource } from './parse.js';

type Key = string | number;

/** `[2].figures[0].quote` → `[2, 'figures', 0, 'quote']`. */
export function parseField(field: string): Key[] {
  const out: Key[] = [];
  for (const m of field.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) out.push(m[1] !== undefined ? Number(m[1]) : m[2]!);
  return out;
}

/** What one entry of a list is called, by the list's field name (top-level lists by file). */
const NOUNS: Readonly<Record<string, string>> = {
  'organizations.yaml': 'organisation', 'events.yaml': 'event',
  demands: 'demand', sources: 'source', figures: 'figure', topics: 'topic', aliases: 'alias', organizations: 'signatory',
};

const nounFor = (list: Key | undefined, file: string): string => {
  if (list === undefined) return NOUNS[file] ?? 'entry';
  const name = String(list);
  return NOUNS[name] ?? (name.endsWith('s') ? name.slice(0, -1) : `${name} entry`);
};

const get = (value: unknown, key: Key): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<Key, unknown>)[key] : undefined;

/** The id written on an entry, when it has one that reads as an id. */
const idOf = (entry: unknown): string | undefined => {
  const id = get(entry, 'id');
  return typeof id === 'string' && /^[\w-]{1,60}$/.test(id) ? id : undefined;
};

/**
 * Describes `path` in `file` for a person: `where` names the entries
 * counting from 1, `subject` the field the message is about.
 */
export function describePath(file: string, path: readonly Key[], value: unknown): { where: string; subject: string } {
  const statement = file.startsWith('statements/') ? file.slice('statements/'.length).replace(/\.md$/, '') : undefined;
  const parts: string[] = [];
  let subject: string[] = [];
  let node = value;
  path.forEach((key, i) => {
    if (typeof key === 'number') {
      const noun = `${nounFor(path[i - 1], file)} ${key + 1}`;
      const entry = get(node, key);
      const id = idOf(entry);
      // The list's own name is said by the noun: "signatory 4", not "signatories.organizations: signatory 4".
      parts.push(`${noun}${id ? ` (${id})` : ''}`);
      subject = [];
    } else {
      subject.push(key);
    }
    node = get(node, key);
  });
  const of = statement ? ` of ${statement}` : '';
  if (subject.length === 0 && parts.length > 0) {
    const last = parts.pop()!;
    return parts.length > 0 ? { where: `${parts.join(', ')}${of}`, subject: last } : { where: '', subject: `${last}${of}` };
  }
  return { where: parts.length > 0 ? `${parts.join(', ')}${of}` : '', subject: subject.join('.') };
}

/** The node a path leads to in the document: the key for a field, the item for a list entry, the nearest parent when absent. */
function nodeAt(source: YamlSource, path: readonly Key[]): Node | undefined {
  let node: unknown = source.doc.contents;
  let found = node as Node | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return found;
      found = (pair.key as Node | null) ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item: unknown = node.items[key];
      if (item === undefined) return found;
      found = item as Node;
      node = item;
    } else {
      return found;
    }
  }
  return found;
}

const PREDICATE = /^(is|must|does|has|needs|cannot|should|names)\b/;

/**
 * Completes the issues of one file: line and column of the field when its
 * source is known, the entry counted from 1, and the field's name before
 * the predicate. File-level issues (empty field) are kept as they are.
 */
export function locateIssues(issues: readonly ContentIssue[], source: YamlSource | undefined, value: unknown): ContentIssue[] {
  return issues.map((issue) => {
    if (issue.field === '' || issue.where !== undefined) return issue;
    const path = parseField(issue.field);
    const { where, subject } = describePath(issue.file, path, value);
    const range = source ? nodeAt(source, path)?.range : undefined;
    const pos = range && source ? source.lines.linePos(range[0]) : undefined;
    // A predicate ("must be …") reads after the field's name; a sentence of its own keeps the name in `where`.
    const predicate = PREDICATE.test(issue.message);
    const place = predicate ? where : [where, subject].filter((w) => w !== '').join(', ');
    return {
      ...issue,
      message: predicate ? `${subject} ${issue.message}` : issue.message,
      ...(place ? { where: place } : {}),
      ...(pos && source ? { line: pos.line + source.lineOffset, column: pos.col } : {}),
    };
  });
}
