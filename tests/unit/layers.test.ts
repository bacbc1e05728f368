/**
 * The core's layers (README, "How it works"): time and languages at the
 * bottom (one layer: dates are written in a language, languages write dates), presentation above them, commands, scheduler and site on top. A
 * module imports only from its own layer or those below it, and nothing in
 * src/ imports a platform library or an adapter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Folders above each folder: it may not import from them. */
const ABOVE: Readonly<Record<string, readonly string[]>> = {
  time: ['present', 'commands', 'schedule', 'site'],
  i18n: ['present', 'commands', 'schedule', 'site'],
  present: ['commands', 'schedule', 'site'],
};

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('layers of the core', () => {
  for (const [layer, above] of Object.entries(ABOVE)) {
    it(`src/${layer} imports nothing from ${above.join(', ')}`, () => {
      const wrong = files(join(SRC, layer)).flatMap((f) => imports(f)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(SRC, resolve(f, '..', spec)).split('/')[0]!)
        .filter((top) => above.includes(top))
        .map((top) => `${relative(SRC, f)} → ${top}`));
      expect(wrong).toEqual([]);
    });
  }

  it('src/ never imports a platform library, nor an adapter outside the composition roots', () => {
    const platformLibraries = /^(grammy|@grammyjs\/|discord\.js|@discordjs\/)/;
    const roots = new Set(['cli.ts', 'main.ts', 'platforms.ts']);
    const wrong = files(SRC).filter((f) => !roots.has(relative(SRC, f))).flatMap((f) => imports(f)
      .filter((spec) => platformLibraries.test(spec) || (spec.startsWith('.') && relative(SRC, resolve(f, '..', spec)).startsWith('../adapters/')))
      .map((spec) => `${relative(SRC, f)} → ${spec}`));
    expect(wrong).toEqual([]);
  });
});
