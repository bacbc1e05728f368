/**
 * signal-cli's incoming messages: Server-Sent Events at `GET /api/v1/events`
 * (HttpServerHandler.handleEventsEndpoint). Each message is an event named
 * `receive` whose data is one line of JSON, `{"envelope": …, "account": …}`
 * — not wrapped in JSON-RPC, unlike the socket transport's notifications —
 * and a `:` comment line comes every 15 s as a keep-alive
 * (ServerSentEventSender). `?account=` picks the account on a multi-account
 * daemon (HTTP 400 when it has no such account); a single-account one
 * ignores it.
 *
 * The stream is kept open for as long as the adapter runs: when it fails or
 * ends, it is opened again after a wait that doubles up to a cap, and when
 * nothing (not even a keep-alive) arrives for `idleMs` it is taken for dead
 * and reopened. Started with `--receive-mode=on-connection`, the daemon
 * receives from Signal only while a stream is open, so messages sent while
 * Placard was away wait on Signal's servers instead of being dropped.
 */
import { networkCode } from './rpc.js';

/** Options of {@link SignalEvents}. */
export interface SignalEventsOptions {
  readonly url: string;
  readonly account: string;
  /** Called with each event's name and data, in order. */
  readonly onEvent: (name: string, data: string) => void;
  /** Called when the stream connects, and when it drops (with why). */
  readonly onState: (connected: boolean, problem?: string) => void;
  /** First and largest wait before reopening the stream. Default 1 s and 30 s. */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  /** No byte for this long: the connection is dead. Default 45 s (three keep-alives missed). */
  readonly idleMs?: number;
}

/** A connection that stayed up this long (or delivered an event) was a good one: the next wait starts over. */
const STABLE_MS = 10_000;

/** Splits an SSE byte stream into events (the WHATWG event-stream format). */
export class SseParser {
  private buffer = '';
  private name = '';
  private data: string[] = [];

  constructor(private readonly emit: (name: string, data: string) => void) {}

  /** Feeds decoded text; emits every event completed by it. */
  push(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      // A lone \r at the end may be the first half of \r\n: wait for more.
      if (!m || (m[0] === '\r' && m.index === this.buffer.length - 1)) return;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.emit(this.name === '' ? 'message' : this.name, this.data.join('\n'));
      this.name = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.name = value;
    else if (field === 'data') this.data.push(value);
  }
}

/** The event stream, reopened until stopped. */
export class SignalEvents {
  private readonly stopping = new AbortController();
  private running: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: SignalEventsOptions) {}

  /** Opens the stream in the background. */
  start(): void {
    this.running ??= this.loop();
  }

  /** Closes the stream and waits for the loop to end. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 1000, maxMs: 30_000 };
    let delay = initialMs;
    while (!this.stopping.signal.aborted) {
      const opened = Date.now();
      const outcome = await this.once();
      if (this.stopping.signal.aborted) return;
      this.options.onState(false, outcome.problem);
      if (outcome.events > 0 || Date.now() - opened >= STABLE_MS) delay = initialMs;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, delay);
        this.wake = () => { clearTimeout(t); resolve(); };
      });
      delay = Math.min(delay * 2, maxMs);
    }
  }

  /** One connection, until it fails or ends: how many events it gave and why it ended. */
  private async once(): Promise<{ events: number; problem: string }> {
    const idle = new AbortController();
    const idleMs = this.options.idleMs ?? 45_000;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => { clearTimeout(timer); timer = setTimeout(() => idle.abort(), idleMs); };
    let events = 0;
    let connected = false;
    const parser = new SseParser((name, data) => { events++; this.options.onEvent(name, data); });
    try {
      arm();
      const query = `account=${encodeURIComponent(this.options.account)}`;
      const response = await fetch(`${this.options.url}/api/v1/events?${query}`, {
        headers: { accept: 'text/event-stream' }, signal: AbortSignal.any([this.stopping.signal, idle.signal]),
      });
      if (response.status === 400) return { events, problem: 'the daemon does not serve SIGNAL_ACCOUNT (HTTP 400)' };
      if (response.status !== 200 || response.body === null) {
        await response.body?.cancel();
        return { events, problem: `SIGNAL_CLI_URL answered HTTP ${response.status}: is it a signal-cli daemon started with --http?` };
      }
      this.options.onState(true);
      connected = true;
      arm();
      const decoder = new TextDecoder();
      for await (const chunk of response.body) {
        arm();
        parser.push(decoder.decode(chunk as Uint8Array, { stream: true }));
      }
      return { events, problem: 'the daemon closed the event stream' };
    } catch (error: unknown) {
      if (idle.signal.aborted && !this.stopping.signal.aborted) return { events, problem: `no keep-alive for ${Math.round(idleMs / 1000)} s` };
      return { events, problem: connected ? `the connection was cut (${networkCode(error)})` : `unreachable (${networkCode(error)})` };
    } finally {
      clearTimeout(timer);
    }
  }
}
