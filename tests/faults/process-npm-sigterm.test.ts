/**
 * Fault row: `kill -TERM <pid of npm start>`, as a process manager stops the
 * bot. With Discord configured (against the loopback fake) and serving,
 * npm must exit 0, leave no process of its tree behind, and free the port
 * for the next start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { ROOT } from '../helpers/cli.js';
import { until } from '../helpers/wait.js';
import { alive, descendantsOf, freePort, portFree, running, stateOf, type Proc } from './process-rig.js';
import { recordFault } from './report.js';

const G = '210000000000000001';

let npm: ChildProcess | undefined;
let tree: Proc[] = [];
let dc: FakeDiscord | undefined;
afterEach(async () => {
  npm?.kill('SIGKILL');
  for (const p of tree) if (alive(p.pid)) process.kill(p.pid, 'SIGKILL');
  await dc?.close();
  npm = undefined;
  tree = [];
  dc = undefined;
});

/** The test runner's environment without any platform or store setting of its own. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(TELEGRAM_|DISCORD_|STORE_URL|HTTP_PORT|REDIS_URL|DATABASE_URL|SIGNAL_|MATRIX_|FAULTS_REPORT)/.test(k)) env[k] = v;
  }
  return env;
}

describe('fault: SIGTERM to npm start', () => {
  it('npm exits 0, no process of its tree is left, and the port is free', async () => {
    dc = await startFakeDiscord({ guilds: [{ id: G, name: 'Solidarity', channels: [{ id: '210000000000000002', name: 'general' }] }] });
    const port = await freePort();
    const child = spawn('npm', ['start'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...cleanEnv(), STORE_URL: 'memory://', HTTP_PORT: String(port),
        DISCORD_TOKEN: dc.token, DISCORD_APPLICATION_ID: dc.applicationId, DISCORD_API_URL: dc.restApi, DISCORD_GUILD_ID: G,
      },
    });
    npm = child;
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { out += d; });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.once('exit', (code, signal) => res({ code, signal })));
    await until(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200, 45_000, `ready (output so far: ${out.slice(-500)})`);
    await dc.waitForGateway();
    // /readyz says 200 before the bot has finished starting (command registration still under way). A SIGTERM
    // then also stops it cleanly (tests/e2e/serve.test.ts); this row is about a running bot, so it waits for "serving".
    await until(() => out.includes('"msg":"serving"'), 20_000, 'the serving line');

    tree = descendantsOf(child.pid!);
    const direct = tree.filter((p) => p.ppid === child.pid);
    const t0 = Date.now();
    child.kill('SIGTERM');
    const { code, signal } = await exited;
    const npmExitMs = Date.now() - t0;
    const atNpmExit = tree.map((p) => stateOf(p.pid) ?? 'gone');
    await until(() => tree.every((p) => !running(p.pid)), 5_000, 'every process of the tree stopped').catch(() => undefined);
    const left = tree.filter((p) => running(p.pid));
    const allStoppedMs = Date.now() - t0;
    const free = await portFree(port);

    await recordFault({
      fault: 'process: kill -TERM <pid of npm start> (Discord configured)', chats: 0, lost: 0, doubled: 0, recovered: free,
      seconds: Math.round(npmExitMs / 100) / 10,
      notes: [
        `npmExit=${String(code)}`, `signal=${String(signal)}`, `treeBefore=${tree.length}`, `directChildren=${direct.length}`,
        `directChild=${JSON.stringify(direct[0]?.cmd.split(' ').slice(0, 4).join(' ') ?? '')}`, `processesLeft=${left.length}`,
        `statesAtNpmExit=${atNpmExit.join('+')}`, `allStoppedMs=${allStoppedMs}`, `portFree=${String(free)}`, `loggedStopped=${String(out.includes('"msg":"stopped"'))}`,
        'lost/doubled not applicable: no reminders in this row; recovered = the port can be bound again',
      ].join('; '),
    });

    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(left).toEqual([]);
    expect(free).toBe(true);
    expect(direct).toHaveLength(1);
    expect(direct[0]!.cmd).toMatch(/^\S*node --import tsx src\/cli\.ts/);
    expect(out).toContain('"msg":"stopped"');
  }, 90_000);
});
