/**
 * Helpers of the process and HTTP fault rows: a streaming POST that holds no
 * big buffer, free ports, and the process tree under a pid (from /proc).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';

/** What one POST got back, and how much of its body was written before the server answered or closed. */
export interface Posted {
  readonly status: number | undefined;
  readonly body: string;
  readonly error: string | undefined;
  readonly sentBytes: number;
}

const CHUNK = Buffer.alloc(64 * 1024, 'x');

/**
 * POSTs `total` bytes streamed from one reused 64 KB chunk, with a
 * Content-Length when `declare` (chunked otherwise); stops writing as soon as
 * the server answers or closes.
 */
export function streamPost(port: number, path: string, total: number, opts: { declare: boolean; headers?: Record<string, string> }): Promise<Posted> {
  return new Promise((resolve) => {
    let sentBytes = 0;
    let status: number | undefined;
    let body = '';
    let error: string | undefined;
    let done = false;
    const finish = (): void => { if (!done) { done = true; resolve({ status, body, error, sentBytes }); } };
    const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
    if (opts.declare) headers['content-length'] = String(total);
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      status = res.statusCode;
      res.setEncoding('utf8').on('data', (d: string) => { body += d; });
      res.on('end', () => { req.destroy(); finish(); });
      res.on('error', finish);
    });
    req.on('error', (e) => { error = e.message; finish(); });
    const pump = (): void => {
      while (!done && status === undefined && sentBytes < total) {
        sentBytes += CHUNK.length;
        if (!req.write(CHUNK)) { req.once('drain', pump); return; }
      }
      if (sentBytes >= total && !done) req.end();
    };
    pump();
  });
}

/** A free loopback port (the tests' shared helper). */
export { freePort } from '../helpers/wait.js';

/** True when something can bind `port` on all interfaces again. */
export const portFree = (port: number): Promise<boolean> => new Promise((resolve) => {
  const s = createServer();
  s.once('error', () => resolve(false));
  s.listen(port, '0.0.0.0', () => s.close(() => resolve(true)));
});

/** True while `pid` exists (a zombie counts until reaped). */
export const alive = (pid: number): boolean => {
  try { process.kill(pid, 0); return true; } catch { return false; }
};

/** The state letter of `pid` (`R`, `S`, `Z` for a zombie not yet reaped, …), or undefined when it is gone. */
export function stateOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/** True while `pid` runs: neither gone nor a zombie (which holds no port, no file, no memory). */
export const running = (pid: number): boolean => {
  const state = stateOf(pid);
  return state !== undefined && state !== 'Z';
};

/** One process of a tree. */
export interface Proc { readonly pid: number; readonly ppid: number; readonly cmd: string }

/** Every process now, from /proc. */
function processes(): Proc[] {
  const found: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The ppid follows the command name in parentheses, which may itself hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      found.push({ pid: Number(entry), ppid, cmd: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim() });
    } catch {
      // ended while we looked
    }
  }
  return found;
}

/** Every descendant of `pid` (children, their children, …). */
export function descendantsOf(pid: number): Proc[] {
  const all = processes();
  const out: Proc[] = [];
  let frontier = [pid];
  while (frontier.length > 0) {
    const next = all.filter((p) => frontier.includes(p.ppid));
    out.push(...next);
    frontier = next.map((p) => p.pid);
  }
  return out;
}
