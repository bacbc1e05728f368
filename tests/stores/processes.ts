/**
 * Runs `claim-worker.ts` in several Node processes at once: each opens its own
 * store, reports ready, and all are released together so their claims collide.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const worker = fileURLToPath(new URL('./claim-worker.ts', import.meta.url));

interface Child {
  readonly process: ChildProcess;
  readonly ready: Promise<void>;
  readonly result: Promise<number>;
}

function startChild(url: string, key: string, count: number): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, url, key, String(count)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (out.includes('ready\n')) markReady();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const result = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || line === undefined) {
        reject(new Error(`claim worker exited with ${code}: ${err.slice(0, 2000)}`));
        return;
      }
      resolve((JSON.parse(line) as { wins: number }).wins);
    });
  });
  result.catch(() => undefined); // awaited later; this only keeps an early failure from being "unhandled"
  // A worker that dies before it is ready must not leave the caller waiting for it.
  return { process: child, ready: Promise.race([ready, result.then(() => undefined)]), result };
}

/** Starts `processes` workers against `url`, lets each fire `perProcess` claims of `key` at once; returns each worker's wins. */
export async function claimAcrossProcesses(url: string, key: string, processes: number, perProcess: number): Promise<number[]> {
  const children = Array.from({ length: processes }, () => startChild(url, key, perProcess));
  try {
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.process.stdin?.write('go\n');
    return await Promise.all(children.map((c) => c.result));
  } finally {
    for (const c of children) if (c.process.exitCode === null) c.process.kill();
  }
}
