/**
 * zod issues turned into content issues in people's words: one issue per
 * mistake (the first problem of a field, an unknown field merged with the
 * missing one it misspells), what was written, and what to write instead.
 * The messages are predicates ("must be true or false"); `locate.ts` puts
 * the field's name before them and the line and column with them.
 */
import { z } from 'zod';
import type { ContentIssue } from '../errors.js';
import { isLanguage } from '../i18n/languages.js';
import { closest, editDistance } from '../text/closest.js';
import { fieldPath, joinField } from './parse.js';

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

/** The object schema reached by following `path` (array indexes included) through `schema`, if any. */
export function objectAt(schema: z.ZodType, path: readonly Key[]): z.ZodObject | undefined {
  let node: z.ZodType = schema;
  let i = 0;
  for (;;) {
    if (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodNullable || node instanceof z.ZodPrefault) {
      node = node.unwrap() as z.ZodType;
      continue;
    }
    // A translated field (`localized`): a text, or the group of its translations.
    if (node instanceof z.ZodPipe) { node = node.in as z.ZodType; continue; }
    if (node instanceof z.ZodUnion) {
      const group = (node.options as readonly z.ZodType[]).find((o) => o instanceof z.ZodObject);
      if (!group) return undefined;
      node = group;
      continue;
    }
    if (i === path.length) return node instanceof z.ZodObject ? node : undefined;
    const key = path[i++];
    if (node instanceof z.ZodArray && typeof key === 'number') node = node.element as z.ZodType;
    else if (node instanceof z.ZodObject && typeof key === 'string' && key in node.shape) node = node.shape[key] as z.ZodType;
    else return undefined;
  }
}

const show = (input: unknown): string => (typeof input === 'string' ? JSON.stringify(input) : String(input));

/** ` (you wrote "x")`, for short scalar inputs; a hint for a date written day.month.year. */
function wrote(input: unknown): string {
  if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'boolean') return '';
  const text = String(input);
  if (text.length > 40) return '';
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  const fix = dmy ? `; write ${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : '';
  return ` (you wrote ${show(input)}${fix})`;
}

const OURS = /^(must|is|should|cannot)\b/;

/** The predicate for one issue that is not a union or an unknown key. */
function predicate(issue: Issue): string {
  const input = issue.input;
  if (issue.code === 'invalid_type') {
    if (input === undefined) return 'is missing: add it (see docs/content.md for what to write)';
    if (input === null) return 'is empty: write a value after the colon, or remove the line';
    switch (issue.expected) {
      case 'boolean': return `must be true or false${wrote(input)}`;
      case 'string': return typeof input === 'object'
        ? 'must be a text, not a list or a group of fields'
        : `must be a text: put it in quotes, "${String(input)}"`;
      case 'array': return typeof input === 'string'
        ? `must be a list: write it on the next line as "- ${input.length > 30 ? `${input.slice(0, 30)}…` : input}"`
        : 'must be a list, one "- " item per line';
      case 'object': return 'must be a group of fields (lines "field: value", indented under it)';
      default: return `must be a ${issue.expected}${wrote(input)}`;
    }
  }
  if (OURS.test(issue.message)) return `${issue.message}${wrote(input)}`;
  switch (issue.code) {
    case 'too_small': return issue.origin === 'array' ? `must list at least ${String(issue.minimum)}` : 'must not be empty';
    case 'too_big': return issue.origin === 'string' && typeof input === 'string'
      ? `is too long: at most ${String(issue.maximum)} characters (it has ${input.length})`
      : `must have at most ${String(issue.maximum)}`;
    case 'invalid_format': return issue.format === 'url'
      ? `must be a web address starting with https://${wrote(input)}`
      : `is not in the expected form${wrote(input)}`;
    case 'invalid_value': return `must be ${issue.values.map(show).join(' or ')}${wrote(input)}`;
    default: return `is not valid${wrote(input)}`;
  }
}

/** A union's failure: the branch that came closest, and the literals the others allow. */
function unionPredicate(issue: Extract<Issue, { code: 'invalid_union' }>): string {
  const branches = issue.errors;
  const refined = branches.find((b) => b.length > 0 && b.every((i) => i.code === 'custom'));
  if (refined?.[0]) return `${refined[0].message}${wrote(issue.input)}`;
  const all = branches.flat();
  const literals = all.flatMap((i) => (i.code === 'invalid_value' ? i.values.map(show) : []));
  const formats = all.filter((i) => i.code !== 'custom' && i.code !== 'invalid_value' && OURS.test(i.message));
  const last = formats[formats.length - 1];
  if (!last) return all[0] ? predicate({ ...all[0], input: issue.input } as Issue) : `is not valid${wrote(issue.input)}`;
  const missing = literals.filter((l) => !last.message.includes(l));
  return `${last.message}${missing.length > 0 ? ` (or ${missing.join(', ')})` : ''}${wrote(issue.input)}`;
}

/** The known field a misspelt one most likely meant: `closest`, or two letters off (a swap: "titel"). */
function guessField(key: string, known: readonly string[]): string | undefined {
  const [near] = closest(key, known, 1);
  if (near !== undefined) return near;
  const scored = known.map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase(), 2) })).filter((x) => x.d <= 2);
  return scored.sort((a, b) => a.d - b.d)[0]?.k;
}

const keyOf = (path: readonly Key[]): string => path.map(String).join('\u0000');

/**
 * A union that failed inside one of its branches (a translation of the
 * wrong kind: `title: {en: 5}`) stands for that branch's own issues, at
 * their place; any other issue is kept as it is.
 */
const expand = (issue: Issue): Issue[] => {
  if (issue.code !== 'invalid_union') return [issue];
  const inside = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
  return inside ? inside.flatMap((i) => expand({ ...i, path: [...issue.path, ...i.path] } as Issue)) : [issue];
};

/**
 * Turns the issues of a failed `schema.safeParse(value, { reportInput: true })`
 * into content issues for `file`: one per mistake, fields as dotted paths
 * from 0 (`[2].figures[0].quote`) under `prefix`.
 */
export function zodIssues(error: z.ZodError, file: string, schema: z.ZodType, prefix = ''): ContentIssue[] {
  const found: { path: Key[]; message: string }[] = [];
  const seen = new Set<string>();
  const missing = new Map<string, number>();
  const add = (path: Key[], message: string): boolean => {
    const key = keyOf(path);
    if (seen.has(key)) return false; // one message per field: a bad date is one mistake, not two
    seen.add(key);
    found.push({ path, message });
    return true;
  };
  const issues = error.issues.flatMap(expand);
  for (const issue of issues) {
    const path = issue.path as Key[];
    if (issue.code === 'unrecognized_keys') continue;
    const last = path[path.length - 1];
    const absent = (issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined && typeof last === 'string';
    const added = add([...path], absent ? `is missing: add a line "${String(last)}: …" (docs/content.md says what to write)`
      : issue.code === 'invalid_union' ? unionPredicate(issue) : predicate(issue));
    if (added && absent) missing.set(keyOf(path), found.length - 1);
  }
  const dropped = new Set<number>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = Object.keys(objectAt(schema, issue.path as Key[])?.shape ?? {});
    const languages = known.length > 0 && known.every((k) => isLanguage(k));
    for (const k of issue.keys) {
      if (languages) {
        add([...issue.path as Key[], k], `is not one of the languages: give the translations as ${known.join(', ')}`);
        continue;
      }
      const guess = guessField(k, known);
      const at = guess === undefined ? undefined : missing.get(keyOf([...issue.path as Key[], guess]));
      if (at !== undefined) dropped.add(at); // "titel" for a missing "title": one mistake
      add([...issue.path as Key[], k], guess === undefined
        ? `is not a field here: remove it (the fields here are ${known.join(', ')})`
        : `is not a field here: did you mean "${guess}"?`);
    }
  }
  return found.filter((_, i) => !dropped.has(i))
    .map(({ path, message }) => ({ file, field: joinField(prefix, fieldPath(path)), message }));
}
