/**
 * For the multi-process reminder tests: a loopback HTTP sink that counts the
 * reminders each chat receives, and bot processes (`bot.ts`) to run against it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { CONTENT_DIR } from '../helpers/core.js';

const BOT = fileURLToPath(new URL('./bot.ts', import.meta.url));

/** Counts POSTed sends per chat id. */
export class Sink {
  readonly counts = new Map<string, number>();
  total = 0;
  /** Called after each counted send, with the running total. */
  onSend: ((total: number) => void) | undefined;
  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(delayMs = 0): Promise<Sink> {
    const holder: { sink?: Sink } = {};
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (c: string) => { body += c; }).on('end', () => {
        const sink = holder.sink!;
        const { chatId } = JSON.parse(body) as { chatId: string };
        sink.counts.set(chatId, (sink.counts.get(chatId) ?? 0) + 1);
        sink.total++;
        sink.onSend?.(sink.total);
        const answer = (): void => { res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'); };
        if (delayMs > 0) setTimeout(answer, delayMs);
        else answer();
      });
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.sink = new Sink(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.sink;
  }

  /** Chats that got more than one reminder, and how many extra in all. */
  doubles(): { chats: number; extra: number } {
    let chats = 0;
    let extra = 0;
    for (const n of this.counts.values()) if (n > 1) { chats++; extra += n - 1; }
    return { chats, extra };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** What a bot process printed when it finished. */
export interface BotResult {
  readonly ticks: number;
  readonly counters: { sent: number; alreadyDelivered: number; claimedElsewhere: number; failed: number };
}

/** A running bot process. */
export interface Bot {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  /** Resolves with its counters on a clean exit; rejects otherwise (also on SIGKILL). */
  readonly result: Promise<BotResult>;
  go(): void;
}

/** Starts `bot.ts` with the given environment (STORE_URL, SINK_URL, NOW, …). */
export function startBot(env: Record<string, string>): Bot {
  const child = spawn(process.execPath, ['--import', 'tsx', BOT], {
    env: { ...process.env, CONTENT_DIR, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (out.includes('ready\n')) markReady();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
  const result = new Promise<BotResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || line === undefined) reject(new Error(`bot exited with ${code ?? signal}: ${err.slice(-2000)}`));
      else resolve(JSON.parse(line) as BotResult);
    });
  });
  result.catch(() => undefined);
  return {
    child,
    ready: Promise.race([ready, result.then(() => undefined)]),
    result,
    go: () => { child.stdin?.write('go\n'); },
  };
}
