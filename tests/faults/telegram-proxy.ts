/**
 * An HTTP proxy in front of the fake Bot API that can make calls of one
 * method never answer, in the two ways a real network does it:
 * - `before`: the request is held and never forwarded (Telegram never saw it);
 * - `after`: the request is forwarded (the fake runs it: the message is
 *   posted) but its answer is withheld, so the client cannot know it went out.
 * Held requests are released (sockets destroyed) by `close()`.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How a held request never answers. */
export type HoldMode = 'before' | 'after';

/** A proxy to `http://127.0.0.1:<targetPort>`. */
export class HangProxy {
  private readonly held = new Set<ServerResponse>();
  private plan: { method: string; modes: HoldMode[] } | undefined;
  /** Requests held so far, by mode. */
  readonly counts: Record<HoldMode, number> = { before: 0, after: 0 };
  /** `chat_id` of each held request, as sent. */
  readonly heldChats: string[] = [];

  private constructor(private readonly server: Server, private readonly targetPort: number) {}

  /** Listens on a free loopback port. */
  static async start(targetPort: number): Promise<HangProxy> {
    const holder: { proxy?: HangProxy } = {};
    const server = createServer((req, res) => holder.proxy?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.proxy = new HangProxy(server, targetPort);
    return holder.proxy;
  }

  /** The API root to give grammY. */
  get apiRoot(): string { return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`; }

  /** The next calls of `method` never answer, one per entry of `modes`, in order. */
  hold(method: string, modes: readonly HoldMode[]): void {
    this.plan = { method: method.toLowerCase(), modes: [...modes] };
  }

  /** Releases held requests and stops listening. */
  async close(): Promise<void> {
    for (const res of this.held) res.socket?.destroy();
    this.held.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop()?.toLowerCase() ?? '';
      const mode = this.plan && method === this.plan.method ? this.plan.modes.shift() : undefined;
      if (mode !== undefined) { this.counts[mode]++; this.heldChats.push(chatIdOf(Buffer.concat(chunks))); this.keep(res); }
      if (mode === 'before') return;
      const up = request({ host: '127.0.0.1', port: this.targetPort, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        if (mode === 'after') { answer.resume(); return; }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      up.on('error', () => { if (mode === undefined) res.destroy(); });
      up.end(Buffer.concat(chunks));
    });
  }

  private keep(res: ServerResponse): void {
    this.held.add(res);
    res.once('close', () => this.held.delete(res));
  }
}

/** The `chat_id` of a JSON request body ('' when there is none). */
function chatIdOf(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { chat_id?: unknown };
    return parsed.chat_id === undefined ? '' : String(parsed.chat_id);
  } catch {
    return '';
  }
}
