/**
 * The parent's side of a bench fake in a worker thread (bench/*-worker.ts):
 * starts the worker, waits for its `ready` message, then asks it one request
 * at a time or several at once. Each request carries an `id`; the worker
 * answers with the same `type` and `id`, or with `type: 'error'` and a
 * `message`, which rejects the question.
 */
import { Worker } from 'node:worker_threads';

/** A worker thread running a fake, as its parent talks to it. */
export interface WorkerRpc<Ready> {
  /** What the worker said when it was ready (its addresses, token…). */
  readonly ready: Ready;
  /** Sends `request` with a fresh id; resolves with the worker's answer to it. */
  ask<T>(request: Record<string, unknown> & { type: string }): Promise<T>;
  /** Asks the worker to close its fake; resolves once the thread has exited. */
  close(): Promise<void>;
}

/**
 * Starts `bench/<name>.ts` (compiled: `.js`) in a worker thread with
 * `workerData`, and resolves once it is ready. `label` names the fake in the
 * errors it reports.
 */
export async function startWorkerRpc<Ready>(name: string, label: string, workerData?: unknown): Promise<WorkerRpc<Ready>> {
  // Under tsx the worker is TypeScript too: it imports it through tsx's API (workers do not inherit tsx's hooks).
  // Compiled (`npm run build`), it is plain JavaScript beside this file.
  const compiled = import.meta.url.endsWith('.js');
  const file = new URL(compiled ? `./${name}.js` : `./${name}.ts`, import.meta.url);
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const href = JSON.stringify(file.href);
  const worker = compiled
    ? new Worker(file, { workerData })
    : new Worker(`import(${api}).then(({ tsImport }) => tsImport(${href}, ${href}))`, { eval: true, workerData });
  let lastId = 0;
  const answerTo = <T>(type: string, id?: number): Promise<T> => new Promise((resolve, reject) => {
    const onMessage = (m: { type: string; id?: number; message?: string } & T): void => {
      if (m.id !== id || (m.type !== type && m.type !== 'error')) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      if (m.type === 'error') reject(new Error(`${label}: ${m.message}`)); else resolve(m);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  const ask = async <T>(request: Record<string, unknown> & { type: string }): Promise<T> => {
    const id = ++lastId;
    const answer = answerTo<T>(request.type, id);
    worker.postMessage({ ...request, id });
    return answer;
  };
  const ready = await answerTo<Ready>('ready');
  return {
    ready,
    ask,
    close: async () => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ type: 'close', id: ++lastId });
      await exited;
    },
  };
}
