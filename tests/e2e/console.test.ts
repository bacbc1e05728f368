/**
 * End to end: `npm start` as a child process, driven through its stdin, the
 * way the README tells people to try Placard.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/shell.js';
import { ROOT, runNpm as run } from '../helpers/cli.js';
import { testDispatcher } from '../helpers/core.js';
import { until } from '../helpers/wait.js';

describe('console end to end (npm start through stdin)', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'placard-e2e-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('answers the README example and exits 0 at end of input, creating the SQLite store', async () => {
    const store = join(dir, 'data', 'placard.sqlite');
    const r = await run(['start'], '/demands\n/signatories france\n', { STORE_URL: `sqlite://${store}`, LOG_LEVEL: 'warn' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Release of all political prisoners and detainees!');
    expect(r.stdout).toContain('We call on all workers and laborers of the country to implement the demand of the executed Zhanaozen oil workers');
    expect(r.stdout).toMatch(/UC — Unité Communiste/);
    expect(r.stdout).toMatch(/UPML — Union Proletarienne Marxiste-Léniniste/);
    expect((await readFile(store)).length).toBeGreaterThan(0);
  }, 60_000);

  it('answers unknown commands and hostile input without a stack trace', async () => {
    const r = await run(['start'], '/demnads\nhelp\n/signatories <b>@everyone</b>\n\u0000\u001b[2J\n', { STORE_URL: 'memory://' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Did you mean /demands?');
    expect(r.stdout).toContain('# Commands');
    expect(r.stdout).toContain('No signatory matches “<b>@everyone</b>”');
    expect(r.stdout).not.toContain('\u001b');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('refuses to start on broken content and bad configuration, naming the file, the field, the variable', async () => {
    const content = join(dir, 'broken');
    await cp(join(ROOT, 'content'), content, { recursive: true });
    const file = join(content, 'statements', 'icor-resolution.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('    - uc\n', '    - no-such-org\n'));
    const start = await run(['start'], '/help\n', { CONTENT_DIR: content, STORE_URL: 'memory://' });
    expect(start.code).not.toBe(0);
    expect(start.stderr).toMatch(/statements\/icor-resolution\.md, line \d+, column \d+: signatory \d+ of icor-resolution is "no-such-org"/);
    const check = await run(['run', 'content:check'], '', { CONTENT_DIR: content });
    expect(check.code).not.toBe(0);
    expect(check.stderr).toMatch(/statements\/icor-resolution\.md, line \d+, column \d+: signatory \d+ of icor-resolution/);
    const ok = await run(['run', 'content:check'], '', {});
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('content OK');
    const bad = await run(['start'], '', { HTTP_PORT: 'x', LOG_LEVEL: 'loud', STORE_URL: 'memory://' });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('HTTP_PORT: must be a number');
    expect(bad.stderr).toContain('LOG_LEVEL: must be one of');
  }, 60_000);
});

describe('reminders preview (npm run reminders)', () => {
  it('shows 16 December 2026 and 4 January 2027 right, and refuses a bad date', async () => {
    const dec = await run(['run', 'reminders', '--', '--date', '2026-12-16'], '', { STORE_URL: 'memory://' });
    expect(dec.code).toBe(0);
    expect(dec.stdout).toContain('15th anniversary');
    expect(dec.stdout).toContain('09:00 Asia/Almaty = 2026-12-16 04:00 UTC');
    expect(dec.stdout).toContain('15 years ago today: Striking oil workers killed in Zhanaozen');
    const jan = await run(['run', 'reminders', '--', '--date', '2027-01-04'], '', { STORE_URL: 'memory://' });
    expect(jan.stdout).toContain('5th anniversary');
    expect(jan.stdout).toContain('2027-01-04 04:00 UTC');
    const bad = await run(['run', 'reminders', '--', '--date', '2027-02-30'], '', { STORE_URL: 'memory://' });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--date must be a day as YYYY-MM-DD');
  }, 60_000);
});

/** The console on a terminal: a fake TTY in the process, so readline runs its terminal line editor. */
async function fakeTerminal(): Promise<{ type: (keys: string) => void; screen: () => string; commands: string[]; shell: ConsoleAdapter }> {
  const { dispatcher } = await testDispatcher();
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const output = Object.assign(new PassThrough({ encoding: 'utf8' }), { isTTY: true, columns: 80, rows: 24 });
  let screen = '';
  output.on('data', (chunk: string) => { screen += chunk; });
  const commands: string[] = [];
  const shell = new ConsoleAdapter({ input, output, interactive: true, ansi: false, languages: dispatcher });
  await shell.start((inv) => { commands.push(`/${inv.command} ${inv.text}`.trim()); return dispatcher.dispatch(inv); });
  // The screen as text, without readline's cursor moves.
  return { type: (keys) => { input.write(keys); }, screen: () => screen.replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''), commands, shell };
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const LEFT = '\u001b[D';
const UP = '\u001b[A';

describe('console on a terminal: Ctrl-C and Ctrl-D as in a shell', () => {
  it('Ctrl-C drops a half-typed line, shows ^C and a fresh prompt, and keeps the shell open', async () => {
    const t = await fakeTerminal();
    t.type('/demands sm');
    t.type(CTRL_C);
    expect(t.screen()).toContain('/demands sm^C');
    t.type('/help\r');
    await until(() => t.commands.length === 1 && t.screen().includes('# Commands'), 5000, 'the help');
    expect(t.commands).toEqual(['/help']);
    t.type(CTRL_C); // on an empty line: leave
    await t.shell.finished;
    expect(t.commands).toEqual(['/help']);
  });

  it('drops the whole line when the cursor is in the middle, and Up brings it back', async () => {
    const t = await fakeTerminal();
    t.type(`/about${LEFT}${LEFT}`);
    t.type(CTRL_C);
    expect(t.screen()).toContain('/about^C');
    t.type(`${UP}\r`);
    await until(() => t.commands.length === 1, 5000, 'the recalled line');
    expect(t.commands).toEqual(['/about']);
    t.type(CTRL_D); // on an empty line: leave
    await t.shell.finished;
  });

  it('Ctrl-C twice leaves; Ctrl-D on a half-typed line does not', async () => {
    const t = await fakeTerminal();
    t.type(`/hel${CTRL_D}p\r`);
    await until(() => t.commands.length === 1, 5000, 'the help');
    expect(t.commands).toEqual(['/help']);
    t.type(`/start${CTRL_C}${CTRL_C}`);
    await t.shell.finished;
    expect(t.commands).toEqual(['/help']);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('console on a real pseudo-terminal (npm start under script(1))', () => {
  it.skipIf(!hasScript)('Ctrl-C clears a half-typed line; Ctrl-C on an empty line exits 0', async () => {
    const child = spawn('script', ['-qfec', 'npm --silent start', '/dev/null'], {
      cwd: ROOT, env: { ...process.env, STORE_URL: 'memory://', LOG_LEVEL: 'warn', TERM: 'dumb' }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { screen += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { screen += d; });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await until(() => screen.includes('placard> '), 45_000, 'the prompt');
      child.stdin.write('/demands sm');
      await until(() => screen.includes('/demands sm'), 5000, 'the echo');
      child.stdin.write(CTRL_C);
      await until(() => screen.includes('^C'), 5000, '^C');
      child.stdin.write('/help\r');
      await until(() => screen.includes('Commands'), 10_000, 'the help');
      child.stdin.write(CTRL_C);
      expect(await exited).toBe(0);
      expect(screen).toContain('/demands sm^C');
      expect(screen).not.toContain('No statement, organisation or topic');
    } finally {
      child.kill();
    }
  }, 60_000);
});
