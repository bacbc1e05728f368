/**
 * `placard serve` instances as real child processes (`node --import tsx
 * src/cli.ts serve`), each on its own HTTP port, all on one store and one
 * (fake) Telegram bot in webhook mode: what HAProxy balances in the scale
 * tests. Each can be stopped (SIGTERM) or killed (`kill -9`); every process
 * started here is killed when the test process exits, even after a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../helpers/wait.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** Output kept per instance (the tail), for failure messages. */
const KEEP_CHARS = 200_000;

/** What every instance of a cluster shares. */
export interface ClusterOptions {
  readonly size: number;
  readonly storeUrl: string;
  readonly contentDir: string;
  readonly telegram: { readonly token: string; readonly apiRoot: string; readonly webhookUrl: string; readonly secret: string };
  /** Discord over HTTP interactions (`DISCORD_PUBLIC_KEY`), against a fake's REST API. */
  readonly discord?: { readonly token: string; readonly applicationId: string; readonly publicKey: string; readonly apiUrl: string; readonly guildId: string };
  /** `PLACARD_TEST_TUNING` (src/test-tuning.ts). */
  readonly tuning?: Readonly<Record<string, unknown>>;
  readonly logLevel?: string;
}

/** One `placard serve` process. */
export class Instance {
  private out = '';
  readonly exited: Promise<number | null>;

  constructor(readonly name: string, readonly port: number, private readonly child: ChildProcess) {
    const keep = (d: string): void => { this.out = (this.out + d).slice(-KEEP_CHARS); };
    child.stdout?.setEncoding('utf8').on('data', keep);
    child.stderr?.setEncoding('utf8').on('data', keep);
    this.exited = new Promise((r) => child.once('exit', (code) => r(code)));
  }

  /** The process id. */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** True until the process exited. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The tail of its log. */
  get output(): string {
    return this.out;
  }

  /** GET on its own port (not through HAProxy). */
  async get(path: string): Promise<{ status: number; body: string }> {
    const r = await fetch(`http://127.0.0.1:${this.port}${path}`);
    return { status: r.status, body: await r.text() };
  }

  /** True when `/readyz` answers 200. */
  async ready(): Promise<boolean> {
    return (await this.get('/readyz').catch(() => ({ status: 0 }))).status === 200;
  }

  /** Its `placard_sends_total{platform="telegram",result=…}`, summed by result. */
  async sends(): Promise<Record<string, number>> {
    const { body } = await this.get('/metrics');
    const out: Record<string, number> = {};
    for (const m of body.matchAll(/^placard_sends_total\{([^}]*)\} (\d+(?:\.\d+)?)$/gm)) {
      const result = /result="([^"]+)"/.exec(m[1] ?? '')?.[1] ?? '?';
      out[result] = (out[result] ?? 0) + Number(m[2]);
    }
    return out;
  }

  /** Commands it answered on `platform` (`placard_commands_total`, all commands and outcomes). */
  async commands(platform: string): Promise<number> {
    const { body } = await this.get('/metrics');
    return [...body.matchAll(/^placard_commands_total\{([^}]*)\} (\d+)$/gm)]
      .filter((m) => (m[1] ?? '').includes(`platform="${platform}"`)).reduce((n, m) => n + Number(m[2]), 0);
  }

  /** `kill -9`: no shutdown, sends in flight cut, claims left to lapse. */
  async kill9(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM and wait (SIGKILL after 15 s). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}

const live = new Set<ChildProcess>();
process.once('exit', () => { for (const p of live) p.kill('SIGKILL'); });

/** The environment of one instance: only Telegram (and Discord when given) configured, whatever the test process has set. */
function envOf(options: ClusterOptions, port: number): NodeJS.ProcessEnv {
  const { telegram, discord } = options;
  return {
    ...process.env,
    // Unset (empty counts as unset) every other platform, in case the environment or a .env has one.
    DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', DISCORD_PUBLIC_KEY: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', DISCORD_SHARDS: '',
    SIGNAL_CLI_URL: '', SIGNAL_ACCOUNT: '',
    MATRIX_HOMESERVER_URL: '', MATRIX_ACCESS_TOKEN: '', PUBLIC_URL: '',
    CONTENT_DIR: options.contentDir, STORE_URL: options.storeUrl, HTTP_PORT: String(port),
    TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_URL: telegram.webhookUrl, TELEGRAM_WEBHOOK_SECRET: telegram.secret,
    LOG_LEVEL: options.logLevel ?? 'info', CATCH_UP_HOURS: '6',
    PLACARD_TEST_TUNING: options.tuning === undefined ? '' : JSON.stringify(options.tuning),
    ...(discord ? {
      DISCORD_TOKEN: discord.token, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_PUBLIC_KEY: discord.publicKey,
      DISCORD_API_URL: discord.apiUrl, DISCORD_GUILD_ID: discord.guildId,
    } : {}),
  };
}

/** Starts one instance named `name` on a free port. */
export async function startInstance(options: ClusterOptions, name: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: ROOT, env: envOf(options, port), stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return new Instance(name, port, child);
}

/** Starts `size` instances at once and waits until every one is ready (`/readyz` 200). */
export async function startCluster(options: ClusterOptions, timeoutMs = 60_000): Promise<Instance[]> {
  const instances = await Promise.all(Array.from({ length: options.size }, (_, i) => startInstance(options, `p${i + 1}`)));
  const deadline = Date.now() + timeoutMs;
  for (const instance of instances) {
    while (!(await instance.ready())) {
      if (!instance.running) throw new Error(`${instance.name} exited at start:\n${instance.output.slice(-4000)}`);
      if (Date.now() > deadline) throw new Error(`${instance.name} not ready within ${timeoutMs} ms:\n${instance.output.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return instances;
}
