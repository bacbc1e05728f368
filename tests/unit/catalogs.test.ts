/**
 * The catalogs as a whole (DESIGN.md, "Languages"): every message in every
 * language with the same variables, none lost to a syntax error, every id the
 * code asks for present, menus within the platforms' limits, and no English
 * display string left in the code that builds answers and reminders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { describeCommand, describeOption } from '../../src/commands/describe.js';
import { LANGUAGES, type Language } from '../../src/i18n/languages.js';
import { defaultLocalesDir } from '../../src/i18n/translator.js';
import { voiceOf } from '../../src/i18n/voice.js';
import { sharedTranslator } from '../../src/i18n/translator.js';
import { englishStrings } from '../helpers/english-strings.js';

const ROOT = resolve(import.meta.dirname, '../..');
const source = (l: Language): string => readFileSync(join(defaultLocalesDir(), `${l}.ftl`), 'utf8');

/** The variables a pattern uses, sorted. */
function variablesOf(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) variablesOf(n, into);
  else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'var' && typeof o.name === 'string') into.add(o.name);
    for (const v of Object.values(o)) variablesOf(v, into);
  }
  return into;
}

/** Message id → its variables, for one catalog. */
function messages(l: Language): Map<string, string[]> {
  const resource = new FluentResource(source(l));
  return new Map(resource.body.map((e) => [e.id, [...variablesOf([e.value, e.attributes])].sort()]));
}

describe('catalogs', () => {
  it('parse whole: every line that starts a message is a message (a syntax error drops one silently)', () => {
    for (const l of LANGUAGES) {
      const declared = [...source(l).matchAll(/^(-?[a-zA-Z][\w-]*)[ \t]*=/gm)].map((m) => m[1]!);
      expect([...messages(l).keys()].sort(), l).toEqual([...new Set(declared)].sort());
      expect(new Set(declared).size, `${l}: an id declared twice`).toBe(declared.length);
    }
  });

  it('have the same messages with the same variables in every language', () => {
    const english = messages('en');
    expect(english.size).toBeGreaterThan(50);
    for (const l of LANGUAGES) {
      const other = messages(l);
      expect([...other.keys()].sort(), `${l} ids`).toEqual([...english.keys()].sort());
      for (const [id, vars] of english) expect(other.get(id), `${l} ${id}`).toEqual(vars);
    }
  });

  it('carry no English sentence in the Russian and Kazakh messages', () => {
    for (const l of ['ru', 'kk'] as const) {
      for (const e of new FluentResource(source(l)).body) {
        const texts = JSON.stringify(e.value).match(/"(?:[^"\\]|\\.)*"/g) ?? [];
        for (const t of texts) expect(/[A-Za-z]{3,} [A-Za-z]{3,}/.test(t.replace(/\{[^}]*\}|https?:\S+/g, '')), `${l} ${e.id}: ${t}`).toBe(false);
      }
    }
  });

  it('have every id the code names literally', () => {
    const english = messages('en');
    const ids = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/\b(?:t|rich)\(\s*'([a-z][a-z0-9-]*)'/g)) ids.add(m[1]!);
        }
      }
    };
    for (const dir of ['src', 'adapters']) walk(join(ROOT, dir));
    expect(ids.size).toBeGreaterThan(20);
    for (const id of ids) expect(english.has(id), id).toBe(true);
  });

  it('describe every command and option within 100 characters in every language (Discord and Telegram limits)', () => {
    for (const l of LANGUAGES) {
      const voice = voiceOf(sharedTranslator(), l);
      for (const c of commands) {
        const description = describeCommand(voice, c);
        expect(description, `${l} ${c.name}`).not.toBe(`command-${c.name}`);
        expect(description.length, `${l} ${c.name}`).toBeLessThanOrEqual(100);
        for (const o of c.options) {
          const d = describeOption(voice, c, o);
          expect(d, `${l} ${c.name} ${o.name}`).not.toBe(`option-${o.name}`);
          expect(d.length, `${l} ${c.name} ${o.name}`).toBeLessThanOrEqual(100);
        }
      }
    }
  });
});

describe('no English display strings in the code that answers and reminds', () => {
  for (const dir of ['src/commands', 'src/schedule', 'src/present', 'src/time']) {
    it(dir, () => {
      const files = readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, dir, f));
      const found = files.flatMap((f) => englishStrings(f)).map((e) => `${e.file.slice(ROOT.length + 1)}:${e.line}: ${e.text}`);
      expect(found).toEqual([]);
    });
  }

  it('the scanner flags English words and lets identifiers, logs and thrown errors pass', () => {
    const found = englishStrings(join(ROOT, 'tests/fixtures/english-strings-sample.ts')).map((e) => e.text);
    expect(found).toEqual(['Only admins can do this.', 'Demands', 'Next page  ']);
  });
});
