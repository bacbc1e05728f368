/**
 * A loopback TCP proxy in front of a store server, so one instance can have
 * store trouble while another, connected directly, has none:
 * - `cut(ms)` drops every connection and refuses new ones for `ms`;
 * - `stall(ms)` keeps the connections but forwards nothing for `ms` (a
 *   network hang; what was held back is delivered afterwards);
 * - `blackhole(stallMs, refuseMs)` forwards nothing for `stallMs`, then drops
 *   the connections together with what was held back (those commands never
 *   reach the server), and refuses new ones for `refuseMs`.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy to 127.0.0.1:`targetPort`. */
export class TroubleProxy {
  private readonly sockets = new Set<Socket>();
  private refusing = false;
  private stalled = false;
  private readonly held: (() => void)[] = [];
  /** Connections dropped by `cut`, in all. */
  dropped = 0;

  private constructor(private readonly server: Server, readonly port: number) {}

  /** Listens on a free port and forwards to `targetPort`. */
  static async start(targetPort: number): Promise<TroubleProxy> {
    const holder: { proxy?: TroubleProxy } = {};
    const server = createServer((client) => holder.proxy?.accept(client, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.proxy = new TroubleProxy(server, (server.address() as { port: number }).port);
    return holder.proxy;
  }

  private accept(client: Socket, targetPort: number): void {
    if (this.refusing) { client.destroy(); return; }
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      this.sockets.add(from);
      from.on('data', (chunk: Buffer) => {
        const forward = (): void => { if (!to.destroyed) to.write(chunk); };
        if (this.stalled) this.held.push(forward);
        else forward();
      });
      from.on('error', () => undefined);
      from.on('close', () => { this.sockets.delete(from); to.destroy(); });
    }
  }

  /** Drops every connection and refuses new ones for `ms`. */
  async cut(ms: number): Promise<void> {
    this.refusing = true;
    this.dropped += this.sockets.size / 2;
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => setTimeout(r, ms));
    this.refusing = false;
  }

  /** Forwards nothing for `ms`, then delivers what was held back, in order. */
  async stall(ms: number): Promise<void> {
    this.stalled = true;
    await new Promise((r) => setTimeout(r, ms));
    this.stalled = false;
    for (const forward of this.held.splice(0)) forward();
  }

  /** Holds everything for `stallMs`, then drops it with the connections and refuses new ones for `refuseMs`. */
  async blackhole(stallMs: number, refuseMs: number): Promise<void> {
    this.stalled = true;
    await new Promise((r) => setTimeout(r, stallMs));
    this.held.splice(0);
    const cut = this.cut(refuseMs);
    this.stalled = false;
    await cut;
  }

  /** Closes every connection and the listener. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
