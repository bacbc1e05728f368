/**
 * A private redis-server for the fault suite, on a free port (never 6379,
 * which other suites share), with its own data folder so a snapshot taken
 * with `SAVE` is loaded again when the server restarts (`--save ''`: no
 * automatic snapshot, `--appendonly no`: no log, so every write after the
 * last `SAVE` is lost by a restart, as on a server without persistence).
 *
 * Faults: stop (SIGTERM), start again, restart, pause (SIGSTOP), resume
 * (SIGCONT), and `CLIENT KILL TYPE normal` through redis-cli. Every server
 * started here is killed when the test process exits, even after a failure.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort as anyFreePort } from '../helpers/wait.js';

const run = promisify(execFile);

/** Why the Redis cases cannot run here; undefined when redis-server and redis-cli are both on PATH. */
export const redisUnavailable: string | undefined = ((): string | undefined => {
  if (spawnSync('redis-server', ['--version']).status !== 0) return 'redis-server is not on PATH';
  if (spawnSync('redis-cli', ['--version']).status !== 0) return 'redis-cli is not on PATH';
  return undefined;
})();

/** A free TCP port on 127.0.0.1 other than 6379. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await anyFreePort();
    if (port !== 6379) return port;
  }
}

const live = new Set<ChildProcess>();
process.once('exit', () => { for (const p of live) { p.kill('SIGCONT'); p.kill('SIGKILL'); } });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One redis-server process of the suite's own. */
export class RedisServer {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number, private readonly dir: string) {}

  /** Starts a server on a free port with a fresh data folder. */
  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), mkdtempSync(join(tmpdir(), 'placard-faults-redis-')));
    await server.startAgain();
    return server;
  }

  /** `redis://127.0.0.1:<port>`. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** True while the process runs (paused counts as running). */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Runs redis-cli against this server; resolves with its trimmed output. */
  async cli(...args: string[]): Promise<string> {
    const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(this.port), ...args], { timeout: 5_000 });
    return stdout.trim();
  }

  /** Starts the process (after `stop`), loading the last `SAVE` snapshot if any; resolves once it answers PING. */
  async startAgain(): Promise<void> {
    if (this.running) throw new Error('redis-server is already running');
    const child = spawn('redis-server', [
      '--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no',
      '--dir', this.dir, '--dbfilename', 'dump.rdb',
    ], { stdio: 'ignore' });
    live.add(child);
    child.once('exit', () => live.delete(child));
    this.child = child;
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (!this.running) throw new Error(`redis-server on port ${this.port} exited at start`);
      if ((await this.cli('ping').catch(() => '')) === 'PONG') return;
      if (Date.now() > deadline) throw new Error(`redis-server on port ${this.port} did not answer within 10 s`);
      await sleep(20);
    }
  }

  /** Stops the process (SIGTERM, SIGKILL after 3 s); without persistence everything since the last `SAVE` is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }

  /** Stops, then starts again at once. */
  async restart(): Promise<void> {
    await this.stop();
    await this.startAgain();
  }

  /** SIGSTOP: the server keeps its sockets open and answers nothing. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  /** SIGCONT: answers again, including what was sent while paused. */
  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** `CLIENT KILL TYPE normal`: drops every client connection; resolves with how many were dropped. */
  async killClients(): Promise<number> {
    return Number(await this.cli('CLIENT', 'KILL', 'TYPE', 'normal'));
  }

  /** `SAVE`: the snapshot a restart will load. */
  async snapshot(): Promise<void> {
    const out = await this.cli('SAVE');
    if (out !== 'OK') throw new Error(`SAVE answered ${out}`);
  }

  /** Stops the server and deletes its data folder. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
