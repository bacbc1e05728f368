/**
 * A loopback HTTP proxy in front of the Discord fake's REST API, for the
 * faults the fake has no switch for:
 * - `deny(channel, code)`: posts to that channel get Discord's 403 with
 *   50013 Missing Permissions or 50001 Missing Access (an invite without
 *   Embed Links, a channel closed to the bot) until `grant(channel)`;
 * - `misrouted`: every request gets a 404 page without a Discord error code,
 *   as from a wrong `DISCORD_API_URL` or a proxy in the way.
 * Everything else is forwarded unchanged. The gateway is not proxied: the
 * fake hands out its own gateway URL.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The Discord codes `deny` can answer with. */
export type DenyCode = 50013 | 50001;

const POST_MESSAGE = /^\/api\/v10\/channels\/(\d+)\/messages(?:\?|$)/;
const DENIED_TEXT: Record<DenyCode, string> = { 50013: 'Missing Permissions', 50001: 'Missing Access' };

/** The proxy; `apiUrl` goes where `DISCORD_API_URL` would. */
export class DiscordRestProxy {
  private readonly denied = new Map<string, DenyCode>();
  /** True: answer every request with a plain 404 page (no Discord code). */
  misrouted = false;
  /** Requests answered by the proxy itself, by kind. */
  readonly answered = { denied: 0, misrouted: 0, forwarded: 0 };

  private constructor(private readonly server: Server, readonly apiUrl: string) {}

  /** Listens on a free loopback port and forwards to the fake on `targetPort`. */
  static async start(targetPort: number): Promise<DiscordRestProxy> {
    const holder: { proxy?: DiscordRestProxy } = {};
    const server = createServer((req, res) => holder.proxy?.handle(req, res, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.proxy = new DiscordRestProxy(server, `http://127.0.0.1:${port}/api`);
    return holder.proxy;
  }

  /** Posts to `channelId` are refused with `code` until granted. */
  deny(channelId: string, code: DenyCode): void { this.denied.set(channelId, code); }

  /** The bot may post to `channelId` again (an admin fixed the channel's permissions). */
  grant(channelId: string): void { this.denied.delete(channelId); }

  private handle(req: IncomingMessage, res: ServerResponse, targetPort: number): void {
    if (this.misrouted) {
      this.answered.misrouted++;
      req.resume();
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h1>404 Not Found</h1></body></html>');
      return;
    }
    const channel = req.method === 'POST' ? POST_MESSAGE.exec(req.url ?? '')?.[1] : undefined;
    const code = channel === undefined ? undefined : this.denied.get(channel);
    if (code !== undefined) {
      this.answered.denied++;
      req.resume();
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ message: DENIED_TEXT[code], code }));
      return;
    }
    this.answered.forwarded++;
    const upstream = request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  /** Stops listening and drops open connections. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => { this.server.close(() => resolve()); this.server.closeAllConnections(); });
  }
}
