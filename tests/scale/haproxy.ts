/**
 * A real HAProxy (Debian's `haproxy` package) in front of `placard serve`
 * instances, for the scale tests and `npm run bench -- scale`: a config
 * generated on free loopback ports, `haproxy -f cfg -db` as a child process,
 * and its statistics as CSV (per server: up or down, requests handled).
 *
 * The config mirrors deploy/haproxy.cfg: round robin, health checks on
 * `/readyz`, a POST retried on another server only when it could not be
 * sent at all (connection refused: the update never reached an instance),
 * never after it was sent.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/wait.js';

/** The haproxy binary: on PATH, else Debian's /usr/sbin/haproxy. */
const BINARY = ((): string => {
  if (spawnSync('haproxy', ['-v']).status === 0) return 'haproxy';
  return existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
})();

/** Why HAProxy cannot run here (a skipped block's name says it); undefined when it can. */
export const haproxyUnavailable: string | undefined = spawnSync(BINARY, ['-v']).status === 0
  ? undefined
  : 'haproxy is not installed (apt-get install -y haproxy; .ci/run does)';

/** One backend server: a `placard serve` instance's HTTP port. */
export interface Backend {
  readonly name: string;
  readonly port: number;
}

/** The generated configuration: a frontend, a statistics page and one backend of `servers`. */
export function haproxyConfig(frontendPort: number, statsPort: number, servers: readonly Backend[]): string {
  return `global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  timeout http-request 10s
  # Only a request that could not be sent (connection refused) is tried again, on another server.
  retries 3
  option redispatch 1

frontend placard
  bind 127.0.0.1:${frontendPort}
  default_backend placard

frontend stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /stats

backend placard
  balance roundrobin
  option httpchk
  http-check send meth GET uri /readyz
  http-check expect status 200
  default-server check inter 300ms fall 2 rise 2
${servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port}`).join('\n')}
`;
}

/** One server's line of the statistics. */
export interface ServerStats {
  readonly name: string;
  /** `UP`, `DOWN`, `UP 1/2`, … */
  readonly status: string;
  /** Requests the server was sent in all (HAProxy's `stot`: sessions). */
  readonly sessions: number;
}

/** A running HAProxy. */
export class HaProxy {
  private output = '';

  private constructor(
    private readonly child: ChildProcess, private readonly dir: string,
    /** The frontend's port: where Telegram (here, the test) POSTs updates. */
    readonly port: number,
    readonly statsPort: number,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (d: string) => { this.output += d; });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => { this.output += d; });
  }

  /** Writes a config for `servers`, checks it (`haproxy -c`) and starts HAProxy in the foreground. */
  static async start(servers: readonly Backend[]): Promise<HaProxy> {
    const dir = mkdtempSync(join(tmpdir(), 'placard-haproxy-'));
    const [port, statsPort] = [await freePort(), await freePort()];
    const cfg = join(dir, 'haproxy.cfg');
    writeFileSync(cfg, haproxyConfig(port, statsPort, servers));
    const check = spawnSync(BINARY, ['-c', '-q', '-f', cfg], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`haproxy -c rejected the config: ${check.stderr}${check.stdout}`);
    const child = spawn(BINARY, ['-f', cfg, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    child.once('exit', () => live.delete(child));
    const proxy = new HaProxy(child, dir, port, statsPort);
    const deadline = Date.now() + 10_000;
    while ((await proxy.stats().catch(() => undefined)) === undefined) {
      if (child.exitCode !== null) throw new Error(`haproxy exited at start: ${proxy.output}`);
      if (Date.now() > deadline) throw new Error(`haproxy did not answer within 10 s: ${proxy.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return proxy;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What HAProxy wrote (warnings, alerts). */
  get log(): string {
    return this.output;
  }

  /** The backend's servers as the statistics page reports them. */
  async stats(): Promise<ServerStats[]> {
    const res = await fetch(`http://127.0.0.1:${this.statsPort}/stats;csv;norefresh`);
    if (!res.ok) throw new Error(`haproxy stats answered ${res.status}`);
    const [header = '', ...rows] = (await res.text()).split('\n');
    const cols = header.replace(/^# /, '').split(',');
    const at = (name: string): number => cols.indexOf(name);
    return rows.map((r) => r.split(',')).filter((c) => c[at('pxname')] === 'placard' && !['FRONTEND', 'BACKEND'].includes(c[at('svname')] ?? ''))
      .map((c) => ({ name: c[at('svname')] ?? '', status: c[at('status')] ?? '', sessions: Number(c[at('stot')] ?? 0) }));
  }

  /** Waits until every server named is in `status` (`UP` or `DOWN`) in HAProxy's eyes. */
  async waitFor(names: readonly string[], status: 'UP' | 'DOWN', timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const stats = await this.stats();
      if (names.every((n) => stats.find((s) => s.name === n)?.status === status)) return;
      if (Date.now() > deadline) throw new Error(`haproxy: ${names.join(', ')} not ${status} within ${timeoutMs} ms: ${JSON.stringify(stats)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Stops HAProxy and removes its config. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const live = new Set<ChildProcess>();
process.once('exit', () => { for (const p of live) p.kill('SIGKILL'); });
