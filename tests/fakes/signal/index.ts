/**
 * Loopback fake of signal-cli's HTTP daemon (`signal-cli -a +NUMBER daemon
 * --http`), following its real protocol: Server-Sent Events of incoming
 * messages, JSON-RPC `send` / `listGroups` / `version` with signal-cli's
 * error shapes, and fault injection.
 *
 * ```ts
 * const sig = await startFakeSignal();
 * const group = sig.addGroup({ name: 'Solidarity', members: [{ person: ANA, admin: true }] });
 * sig.say(ANA, '/demands', { group });
 * const [answer] = await sig.waitForSent(1, { chatId: group });
 * ```
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { SignalState, type ListGroupsStyle } from './methods.js';
import { SignalHttp } from './server.js';
import type { FakeGroup, Person, SentMessage, SignalFault, Violation } from './types.js';

export { SignalFaults } from './faults.js';
export { INLINE_LIMIT_BYTES } from './methods.js';
export type * from './types.js';

/** Options of {@link startFakeSignal}. */
export interface FakeSignalOptions {
  /** The bot's number. Default +4915100000000. */
  readonly account?: string;
  /** Keep-alive comment interval, ms (signal-cli: 15 s). Default 15 s. */
  readonly keepAliveMs?: number;
  /** Default `on-connection` (messages wait while no stream is open), as the README recommends. */
  readonly receiveMode?: 'on-connection' | 'on-start';
}

/** What a user's message carries besides its text. */
export interface SayOptions {
  /** Written in this group (else to the bot alone). */
  readonly group?: string;
  /** Mentions (U+FFFC in the text), as `{start, length, person}`. */
  readonly mentions?: readonly { start: number; length: number; person: Person }[];
}

/** A running fake daemon. */
export class FakeSignal {
  readonly state: SignalState;
  private readonly http: SignalHttp;
  private down = false;

  constructor(readonly account: string, options: FakeSignalOptions) {
    this.state = new SignalState(account, randomUUID());
    this.http = new SignalHttp(this.state, { keepAliveMs: options.keepAliveMs ?? 15_000, receiveMode: options.receiveMode ?? 'on-connection' });
  }

  /** Starts listening. */
  async start(): Promise<this> { await this.http.listen(0); return this; }

  /** The daemon's base URL (SIGNAL_CLI_URL). */
  get url(): string { return `http://127.0.0.1:${this.http.port}`; }
  /** The bot's ACI. */
  get botUuid(): string { return this.state.botUuid; }
  /** Every message the bot sent, in order. */
  get sent(): readonly SentMessage[] { return this.state.sent; }
  /** What real Signal would have mishandled. */
  get violations(): readonly Violation[] { return this.state.violations; }
  /** Event streams open now, and opened in all. */
  get openStreams(): number { return this.http.openStreams; }
  get streamOpens(): number { return this.http.streamOpens; }

  /** Messages sent to a chat (a group id, or a person's number or ACI). */
  sentTo(chatId: string): SentMessage[] { return this.state.sent.filter((m) => m.chatId === chatId); }

  /** Calls of a JSON-RPC method, with their parameters. */
  callsOf(method: string): Record<string, unknown>[] { return this.state.calls.filter((c) => c.method === method).map((c) => c.params); }

  /** Adds a group the bot is in (unless said otherwise); returns its id (base64 of 32 bytes, as Signal's). */
  addGroup(init: { name: string; members?: { person: Person; admin?: boolean }[]; id?: string } & Partial<Pick<FakeGroup, 'botIsMember' | 'botIsAdmin' | 'permissionSendMessage' | 'blocked'>>): string {
    const id = init.id ?? randomBytes(32).toString('base64');
    this.state.groups.set(id, {
      id, name: init.name, members: (init.members ?? []).map((m) => ({ person: m.person, admin: m.admin === true })),
      botIsMember: init.botIsMember ?? true, botIsAdmin: init.botIsAdmin ?? false, blocked: init.blocked ?? false,
      permissionSendMessage: init.permissionSendMessage ?? 'EVERY_MEMBER', known: true,
    });
    return id;
  }

  /** The group, to change it (admins, `botIsMember`, `known`, …). */
  group(id: string): FakeGroup {
    const g = this.state.groups.get(id);
    if (!g) throw new Error(`no group ${id}`);
    return g;
  }

  /** Makes `person` an admin of a group or not. */
  setAdmin(groupId: string, person: Person, admin: boolean): void {
    const m = this.group(groupId).members.find((x) => x.person === person || (x.person.uuid !== undefined && x.person.uuid === person.uuid));
    if (!m) throw new Error('not a member');
    m.admin = admin;
  }

  /** The person deleted their Signal account (sends to them fail as unregistered). */
  unregister(person: Person): void { for (const id of [person.number, person.uuid]) if (id) this.state.unregistered.add(id); }

  /** How listGroups shapes members (signal-cli versions differ). */
  setListGroupsStyle(style: ListGroupsStyle): void { this.state.listGroupsStyle = style; }

  /** The next `times` calls of `method` (`*`: any) answer `fault`. */
  failNext(method: string, fault: SignalFault, times = 1): void { this.state.failNext(method, fault, times); }

  /** Drops every queued fault. */
  clearFaults(): void { this.state.clearFaults(); }

  /** A person writes `text` to the bot, or in a group; returns the message's timestamp. */
  say(from: Person, text: string, options: SayOptions = {}): number {
    const timestamp = this.state.timestamp();
    const group = options.group === undefined ? undefined : this.state.groups.get(options.group);
    this.emit({
      account: this.account,
      envelope: {
        ...sourceOf(from), timestamp, serverReceivedTimestamp: timestamp + 3, serverDeliveredTimestamp: timestamp + 5,
        dataMessage: {
          timestamp, message: text, expiresInSeconds: 0, viewOnce: false,
          ...(options.mentions ? { mentions: options.mentions.map((m) => ({ name: m.person.name ?? null, number: m.person.number ?? null, uuid: m.person.uuid ?? null, start: m.start, length: m.length })) } : {}),
          ...(options.group === undefined ? {} : { groupInfo: { groupId: options.group, groupName: group?.name ?? null, revision: 1, type: 'DELIVER' } }),
        },
      },
    });
    return timestamp;
  }

  /** What the account sent from another device (a sync message): the bot must not answer it. */
  syncSent(text: string, to: { group?: string; recipient?: Person }): void {
    const timestamp = this.state.timestamp();
    this.emit({
      account: this.account,
      envelope: {
        ...sourceOf({ number: this.account, uuid: this.botUuid }), timestamp,
        syncMessage: { sentMessage: { timestamp, message: text, expiresInSeconds: 0, viewOnce: false, ...(to.group ? { groupInfo: { groupId: to.group, type: 'DELIVER' } } : { destinationNumber: to.recipient?.number ?? null, destinationUuid: to.recipient?.uuid ?? null }) } },
      },
    });
  }

  /** Emits any `receive` event data (receipts, typing, group updates). */
  emit(data: unknown): void { this.http.emit(data); }

  /** Refuses connections (the daemon is down) or listens again on the same port. */
  async setDown(down: boolean): Promise<void> {
    if (down === this.down) return;
    this.down = down;
    if (down) await this.http.shut();
    else await this.http.listen();
  }

  /** Ends the open event streams (a daemon restart). */
  dropStreams(): void { this.http.dropStreams(); }

  /** Stalls the streams (a half-open connection: no keep-alive, no event) or lets them flow again. */
  stall(on: boolean): void { this.http.stall(on); }

  /** Polls until `probe` returns something, or fails after `timeoutMs`. */
  async waitFor<T>(probe: () => T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = probe();
      if (got !== undefined && got !== false) return got;
      if (Date.now() > deadline) throw new Error(`fake signal: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Waits until `count` messages were sent (to `chatId`, when given) after the first `after`. */
  waitForSent(count: number, opts: { chatId?: string; after?: number; timeoutMs?: number } = {}): Promise<SentMessage[]> {
    return this.waitFor(() => {
      const list = (opts.chatId === undefined ? this.state.sent : this.sentTo(opts.chatId)).slice(opts.after ?? 0);
      return list.length >= count ? list : undefined;
    }, opts.timeoutMs ?? 5000, `${count} sent message(s)`);
  }

  /** Stops the fake. */
  async close(): Promise<void> { if (!this.down) await this.http.shut(); this.down = true; }
}

/** An envelope's source fields, as JsonMessageEnvelope writes them (nulls included). */
function sourceOf(p: Person): Record<string, unknown> {
  return { source: p.number ?? p.uuid ?? null, sourceNumber: p.number ?? null, sourceUuid: p.uuid ?? null, sourceName: p.name ?? null, sourceDevice: 1 };
}

/** Starts a fake daemon on a free loopback port. */
export function startFakeSignal(options: FakeSignalOptions = {}): Promise<FakeSignal> {
  return new FakeSignal(options.account ?? '+4915100000000', options).start();
}
