/**
 * End to end: `npm start` as a child process, driven through its stdin, the
 * way the README tells people to try Placard.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runNpm as run } from '../helpers/cli.js';

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
    expect(start.stderr).toMatch(/statements\/icor-resolution\.md: signatories\.organizations\[\d+\]: .*no-such-org/);
    const check = await run(['run', 'content:check'], '', { CONTENT_DIR: content });
    expect(check.code).not.toBe(0);
    expect(check.stderr).toMatch(/statements\/icor-resolution\.md: signatories\.organizations\[\d+\]/);
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
    expect(dec.stdout).toContain('15 years ago today, in Zhanaozen');
    const jan = await run(['run', 'reminders', '--', '--date', '2027-01-04'], '', { STORE_URL: 'memory://' });
    expect(jan.stdout).toContain('5th anniversary');
    expect(jan.stdout).toContain('2027-01-04 04:00 UTC');
    const bad = await run(['run', 'reminders', '--', '--date', '2027-02-30'], '', { STORE_URL: 'memory://' });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--date must be a day as YYYY-MM-DD');
  }, 60_000);
});
