/**
 * Finds display strings written in English in source files: string literals
 * and template texts that read as words to a person ("Only admins", "Demands"),
 * where the bot's words belong in `locales/*.ftl`. Not flagged: import paths,
 * log lines (pino's `debug/info/warn/error/fatal/trace`, BurstLog's `note`),
 * messages of thrown errors (they go to logs, not to chats), object keys,
 * lower-case identifiers (`demands`, `telegram`), a line marked with a
 * comment `i18n-exempt: <why>` on it or just above it, and a whole file whose
 * opening comments (before its first statement) say `i18n-exempt-file: <why>`
 * (data that is matched, never shown: the city names people type).
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** A flagged literal: where it is and what it says. */
export interface EnglishString {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

const LOG_METHODS = new Set(['debug', 'info', 'warn', 'error', 'fatal', 'trace', 'note']);

/** True for text a person would read as English words. */
export function readsAsEnglish(text: string): boolean {
  if (/[A-Za-z]{2,}[ \u00a0]+[A-Za-z]{2,}/.test(text)) return true;
  return /^[A-Z][a-z]{2,}[.!?:]?$/.test(text.trim());
}

function exempt(source: ts.SourceFile, node: ts.Node): boolean {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  const lines = source.text.split('\n');
  return [lines[line], lines[line - 1]].some((l) => l?.includes('i18n-exempt:') === true);
}

/** True when the file's opening comments carry `i18n-exempt-file:` with a reason after it. */
export function exemptFile(source: ts.SourceFile): boolean {
  const ranges = ts.getLeadingCommentRanges(source.text, 0) ?? [];
  return ranges.some((r) => /i18n-exempt-file:[ \t]*\S/.test(source.text.slice(r.pos, r.end)));
}

/** True when the literal is an argument of a log call or of a thrown error's constructor. */
function inLogOrThrow(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n !== undefined; n = n.parent) {
    if (ts.isThrowStatement(n)) return true;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && LOG_METHODS.has(n.expression.name.text)) return true;
    if (ts.isFunctionLike(n) || ts.isSourceFile(n)) return false;
  }
  return false;
}

/** The English display strings of one file. */
export function englishStrings(file: string): EnglishString[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: EnglishString[] = [];
  if (exemptFile(source)) return found;
  const report = (node: ts.Node, text: string): void => {
    if (!readsAsEnglish(text) || exempt(source, node) || inLogOrThrow(node)) return;
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const parent = node.parent;
      const isKey = (ts.isPropertyAssignment(parent) && parent.name === node) || ts.isElementAccessExpression(parent);
      if (!isKey) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      report(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
