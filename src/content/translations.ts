/**
 * Warnings about missing translations, for `placard check`: each own-voice
 * field that is not given in one of the bot's languages, with its file,
 * line and field. They never stop the campaign from loading (the field
 * falls back to another language). A language no field is translated into
 * gets one summary line instead of one per field, so a new campaign is not
 * drowned.
 */
import type { ContentIssue } from '../errors.js';
import { formatContentIssue } from '../errors.js';
import { LANGUAGES, type Language } from '../i18n/languages.js';
import { localizedFields } from './localized.js';
import { locateIssues } from './locate.js';
import { fieldPath, type YamlSource } from './parse.js';

/** Each language's name in the operator's words (the checker's output is English). */
const LANGUAGE_WORDS: Readonly<Record<Language, string>> = { en: 'English', ru: 'Russian', kk: 'Kazakh' };

/** One parsed content file: its path, its parsed value (own-voice fields `Localized`) and, for lines, its YAML. */
export interface ParsedFile {
  readonly file: string;
  readonly parsed: unknown;
  readonly source?: YamlSource | undefined;
  /** The plain YAML value, for naming entries ("event 2 (strike)"). */
  readonly yaml?: unknown;
}

/** A warning: a content issue that does not stop the campaign from loading. */
export type ContentWarning = ContentIssue;

const isEmptyList = (v: unknown): boolean => Array.isArray(v) && v.length === 0;

const fields = (n: number): string => `${n} ${n === 1 ? 'field' : 'fields'}`;

/**
 * The missing translations of a campaign's files, in file order. A field
 * written without translations is in `plainLanguage` (the campaign's
 * `language`). A summary warning (no file, no field) stands for every field
 * of a language that no field is given in.
 */
export function translationWarnings(files: readonly ParsedFile[], plainLanguage: Language): ContentWarning[] {
  // A list left empty (a topic without aliases) has nothing to translate.
  const found = files.map((f) => ({ file: f, fields: localizedFields(f.parsed).filter((l) => !isEmptyList(l.value.plain)) }));
  const all = found.flatMap((f) => f.fields);
  const summaries: ContentWarning[] = [];
  const summarised = new Set<Language>();
  for (const language of LANGUAGES) {
    const missing = all.filter((f) => !f.value.has(language, plainLanguage)).length;
    if (missing === 0 || missing < all.length) continue;
    summarised.add(language);
    const example = language === plainLanguage ? `{${language}: …}` : `{${plainLanguage}: …, ${language}: …}`;
    summaries.push({
      file: '', field: '',
      message: `no ${LANGUAGE_WORDS[language]} (${language}) translations: ${fields(missing)}; add them as title: ${example} (docs/content.md, "Translations")`,
    });
  }
  const perField = found.flatMap(({ file, fields: own }) => {
    const issues: ContentIssue[] = own.flatMap((f) => LANGUAGES
      .filter((l) => !summarised.has(l) && !f.value.has(l, plainLanguage))
      .map((l) => ({ file: file.file, field: fieldPath(f.path), message: `has no ${LANGUAGE_WORDS[l]} (${l}) translation` })));
    return locateIssues(issues, file.source, file.yaml);
  });
  return [...summaries, ...perField];
}

/** One warning as a line: `events.yaml, line 12, column 3: event 1 (strike): title has no Russian (ru) translation`. */
export const formatWarning = (w: ContentWarning): string => (w.file === '' ? w.message : formatContentIssue(w));
