/**
 * Runs the real Signal adapter against the loopback signal-cli daemon fake,
 * with the shipped content and a memory store: a line is a person's message,
 * what comes back is every message the bot sent in answer, as read (text and
 * style ranges); what it offers to type next is parsed from the last one.
 */
import { SignalAdapter, type SignalAdapterOptions } from '../../adapters/signal/adapter.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import { createLogger, type Logger } from '../../src/log.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { startFakeSignal, type FakeSignal, type FakeSignalOptions, type Person, type SentMessage } from '../fakes/signal/index.js';
import { testServices } from '../helpers/core.js';
import { LogCapture } from './telegram-harness.js';

export const ANA: Person = { number: '+4917600000001', uuid: '0b7a9a62-43a1-4b0a-9a7e-6f0d5f1c2a01', name: 'Ana' };
export const MIA: Person = { number: '+4917600000002', uuid: '0b7a9a62-43a1-4b0a-9a7e-6f0d5f1c2a02', name: 'Mia' };
/** A person who hides their number: only the ACI is known. */
export const OLA: Person = { uuid: '0b7a9a62-43a1-4b0a-9a7e-6f0d5f1c2a03', name: 'Ola' };
const SYNC = '/syncmarker';

/** A typed action: its label and the command it runs. */
export interface SignalAction {
  readonly label: string;
  readonly line: string;
  press(): Promise<SignalTurn>;
}

/** One step of a conversation, as the reader sees it. */
export interface SignalTurn {
  readonly messages: readonly string[];
  readonly sent: readonly SentMessage[];
  readonly actions: readonly SignalAction[];
}

/** Where a line is said: to the bot (a person's private chat) or in a group, by whom. */
export interface Where {
  readonly group?: string;
  readonly from?: Person;
}

/** A started adapter with its fake and a group where ANA is admin and MIA a member. */
export interface SignalRig {
  readonly sig: FakeSignal;
  readonly adapter: SignalAdapter;
  readonly services: Services;
  readonly logs: LogCapture;
  readonly log: Logger;
  readonly group: string;
  say(text: string, where?: Where): Promise<SentMessage[]>;
  converse(text: string, where?: Where): Promise<SignalTurn>;
  /** One scheduler tick at `iso` over this adapter; resolves with what it posted. */
  tickAt(iso: string): Promise<SentMessage[]>;
  close(): Promise<void>;
}

/** An action line as the adapter writes it: `→ Label: /command args`. */
export const ACTION_LINE = /^→ (.+?): (\/\S.*)$/;

/** The actions offered at the end of a message. */
export function actionsOf(text: string): { label: string; line: string }[] {
  const out: { label: string; line: string }[] = [];
  for (const line of text.split('\n').reverse()) {
    const m = ACTION_LINE.exec(line);
    if (!m) break;
    out.unshift({ label: m[1]!, line: m[2]! });
  }
  return out;
}

/** Starts the fake and the adapter; `onFake` runs before the adapter starts. */
export async function startSignalRig(overrides: Partial<SignalAdapterOptions> & {
  services?: Services; fake?: FakeSignalOptions; onFake?: (sig: FakeSignal) => void;
} = {}): Promise<SignalRig> {
  const { onFake, fake, ...options } = overrides;
  const sig = await startFakeSignal(fake);
  const group = sig.addGroup({ name: 'Solidarity', members: [{ person: ANA, admin: true }, { person: MIA }, { person: OLA }] });
  onFake?.(sig);
  const services = overrides.services ?? await testServices();
  const logs = new LogCapture();
  const log = createLogger({ level: 'debug', secrets: [sig.account], destination: logs });
  const adapter = new SignalAdapter({ url: sig.url, account: sig.account, services, log, backoff: { initialMs: 50, maxMs: 200 }, ...options });
  // A dispatcher per message: the dispatcher keeps each chat's language for 30 s, and a private chat that
  // unsubscribes is forgotten by the adapter at once (its language with it), which that cache would not see.
  await adapter.start((inv) => new Dispatcher(services, log).dispatch(inv));
  await sig.waitFor(() => adapter.ready() || undefined, 5000, 'the adapter to be ready');
  const chatOf = (where: Where): string => where.group ?? (where.from ?? ANA).uuid ?? (where.from ?? ANA).number!;
  const say = async (text: string, where: Where = {}): Promise<SentMessage[]> => {
    const chat = chatOf(where);
    const before = sig.sentTo(chat).length;
    const from = where.from ?? ANA;
    sig.say(from, text, where.group === undefined ? {} : { group: where.group });
    // One chat's messages are answered in order: once the marker is answered, so is `text`.
    sig.say(from, SYNC, where.group === undefined ? {} : { group: where.group });
    const all = await sig.waitFor(() => {
      const list = sig.sentTo(chat).slice(before);
      return list.some((m) => m.text.includes(SYNC)) ? list : undefined;
    }, 15_000, `answer to ${text.slice(0, 30)}`);
    return all.filter((m) => !m.text.includes(SYNC));
  };
  const converse = async (text: string, where: Where = {}): Promise<SignalTurn> => {
    const sent = await say(text, where);
    const actions = actionsOf(sent.at(-1)?.text ?? '').map((a): SignalAction => ({ ...a, press: () => converse(a.line, where) }));
    return { messages: sent.map((m) => m.text), sent, actions };
  };
  const tickAt = async (iso: string): Promise<SentMessage[]> => {
    const before = sig.sent.length;
    await new Scheduler({
      campaign: services.campaign, store: services.store, adapters: new Map([['signal', adapter]]), catchUpHours: 6,
      log: createLogger({ level: 'silent' }), clock: () => new Date(iso), sleep: async () => undefined,
    }).tick();
    return sig.sent.slice(before);
  };
  return { sig, adapter, services, logs, log, group, say, converse, tickAt, close: async () => { await adapter.stop(); await sig.close(); } };
}
