/**
 * `npm start` and `npm run serve` as an operator (or a process manager) runs
 * them: the bot must be npm's direct child (`exec node …` in the script), so
 * that SIGTERM to npm reaches it, npm exits 0 and nothing is left behind —
 * no orphaned bot holding the port for the next start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram/index.js';
import { ROOT } from '../helpers/cli.js';
import { freePort, until } from '../helpers/wait.js';

/** True when something can bind `port` again (nothing left holding it). */
const portFree = (port: number): Promise<boolean> => new Promise((res) => {
  const s = createServer();
  s.once('error', () => res(false));
  s.listen(port, '0.0.0.0', () => s.close(() => res(true)));
});

/** Pids and command lines of the direct children of `pid`, from /proc. */
function childrenOf(pid: number): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the command name in parentheses, which may itself hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push({ pid: Number(entry), cmd: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim() });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

const alive = (pid: number): boolean => {
  try { process.kill(pid, 0); return true; } catch { return false; }
};

let npm: ChildProcess | undefined;
let orphans: number[] = [];
let tg: FakeTelegram | undefined;
afterEach(async () => {
  npm?.kill('SIGKILL');
  for (const pid of orphans) if (alive(pid)) process.kill(pid, 'SIGKILL');
  await tg?.close();
  npm = undefined;
  orphans = [];
  tg = undefined;
});

async function runAndStop(args: string[], env: Record<string, string>, port: number): Promise<void> {
  const child = spawn('npm', args, { cwd: ROOT, env: { ...process.env, STORE_URL: 'memory://', HTTP_PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  npm = child;
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.once('exit', (code, signal) => res({ code, signal })));
  await until(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200, 45_000, `ready (output so far: ${out.slice(-500)})`);

  const bots = childrenOf(child.pid!);
  orphans = bots.map((b) => b.pid);
  expect(bots).toHaveLength(1);
  expect(bots[0]!.cmd).toMatch(/^\S*node --import tsx src\/cli\.ts/);

  child.kill('SIGTERM');
  const { code, signal } = await exited;
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  await until(() => !alive(bots[0]!.pid), 5_000, 'the bot process gone');
  expect(await portFree(port)).toBe(true);
  expect(out).toContain('"msg":"stopped"');
}

describe('npm scripts stop cleanly on SIGTERM to npm', () => {
  it('`npm start` with a Telegram token serves; SIGTERM to npm: npm exits 0, the bot is gone, the port is free', async () => {
    tg = await startFakeTelegram({ botUsername: 'placardbot' });
    await runAndStop(['start'], { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot }, await freePort());
  }, 90_000);

  it('`npm run serve` with no platform serves HTTP; SIGTERM to npm: npm exits 0, the bot is gone, the port is free', async () => {
    await runAndStop(['run', 'serve'], {}, await freePort());
  }, 90_000);
});
