/**
 * The real Matrix adapter against the fake homeserver, with the shipped
 * content, a memory store and a dispatcher: a private room (two members) and
 * a group room with an admin (power level 100), a moderator (50) and a member (0).
 */
import { Writable } from 'node:stream';
import { MatrixAdapter, type MatrixAdapterOptions } from '../../../adapters/matrix/adapter.js';
import { answerTxnId } from '../../../adapters/matrix/send.js';
import { Dispatcher } from '../../../src/commands/dispatch.js';
import type { Services } from '../../../src/commands/types.js';
import { createLogger, type Logger } from '../../../src/log.js';
import { testServices } from '../../helpers/core.js';
import { startFakeMatrix, type FakeMatrix, type SentNotice } from './index.js';

export const ANA = '@ana:fake.test';
export const OLA = '@ola:fake.test';
export const MOD = '@mod:fake.test';
export const MIA = '@mia:fake.test';

/** Log lines written during a test. */
export class Lines extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void { this.lines.push(chunk.toString('utf8')); done(); }
  get text(): string { return this.lines.join(''); }
}

/** One step of a conversation: the notices in answer (as read, the commands to type left out) and the commands they offer. */
export interface MatrixTurn {
  readonly messages: readonly string[];
  readonly sent: readonly SentNotice[];
  readonly actions: readonly { readonly label: string; readonly command: string; press(): Promise<MatrixTurn> }[];
}

/** A started rig. */
export interface MatrixRig {
  readonly hs: FakeMatrix;
  readonly adapter: MatrixAdapter;
  readonly services: Services;
  readonly log: Logger;
  readonly logs: Lines;
  /** A room with Ana and the bot. */
  readonly privateRoom: string;
  /** A room with Ola (100), Mod (50), Mia (0) and the bot. */
  readonly groupRoom: string;
  /** `sender` says `text` in `room`; resolves with the bot's answers to it, once answered. */
  say(text: string, room?: string, sender?: string): Promise<SentNotice[]>;
  converse(text: string, room?: string, sender?: string): Promise<MatrixTurn>;
  /** A new adapter on the same fake and store (a restart), started and ready. */
  restart(): Promise<MatrixAdapter>;
  close(): Promise<void>;
}

const prefixOf = (eventId: string): string => answerTxnId(eventId, 0).replace(/\.0$/, '.');

/** An action line of a notice's body: `→ Label: /command args`. */
const ACTION = /^→ (.+): (\/\S.*)$/;

/** The commands a notice offers to type. */
export function actionsOf(n: SentNotice | undefined): { label: string; command: string }[] {
  const body = typeof n?.content['body'] === 'string' ? n.content['body'] : '';
  return body.split('\n').map((l) => ACTION.exec(l)).filter((m): m is RegExpExecArray => m !== null).map((m) => ({ label: m[1]!, command: m[2]! }));
}

/** Starts the fake and the adapter, and waits until the adapter is ready. */
export async function startMatrixRig(overrides: Partial<MatrixAdapterOptions> & { services?: Services; onFake?: (hs: FakeMatrix) => void } = {}): Promise<MatrixRig> {
  const { onFake, services: given, ...options } = overrides;
  const hs = await startFakeMatrix();
  const privateRoom = hs.roomWithBot({ creator: ANA });
  const groupRoom = hs.roomWithBot({ creator: OLA, members: [MOD, MIA], name: 'Solidarity', powerLevels: { users: { [OLA]: 100, [MOD]: 50 } } });
  onFake?.(hs);
  const services = given ?? await testServices();
  const logs = new Lines();
  const log = createLogger({ level: 'debug', secrets: [hs.token], destination: logs });
  const dispatcher = new Dispatcher(services, log);
  const make = (): MatrixAdapter => new MatrixAdapter({
    homeserverUrl: hs.url, accessToken: hs.token, services, log, words: dispatcher, backoff: { initialMs: 50, maxMs: 200 },
    // Short timeouts, and no per-room pacing between a test's sends to one room.
    timeouts: { poll: 1_000, pollSlack: 1_000, send: 1_000, api: 2_000 },
    limits: { global: { count: 200, perMs: 1000 }, perChat: { count: 100, perMs: 1000 } }, ...options,
  });
  let adapter = make();
  const boot = async (a: MatrixAdapter): Promise<void> => {
    await a.start((inv) => dispatcher.dispatch(inv));
    await hs.waitFor(() => a.ready() || undefined, 10_000, 'adapter ready');
  };
  await boot(adapter);
  const say = async (text: string, room = privateRoom, sender = room === privateRoom ? ANA : OLA): Promise<SentNotice[]> => {
    const asked = hs.say(room, sender, text);
    // One room's events are handled in order: once the marker is answered, so is `text`.
    const marker = hs.say(room, sender, '/syncmarker');
    await hs.waitFor(() => hs.sentTo(room).some((n) => n.txnId?.startsWith(prefixOf(marker))) || undefined, 15_000, `answer to ${text.slice(0, 30)}`);
    return hs.sentTo(room).filter((n) => n.txnId?.startsWith(prefixOf(asked)));
  };
  const converse = async (text: string, room = privateRoom, sender = room === privateRoom ? ANA : OLA): Promise<MatrixTurn> => {
    const sent = await say(text, room, sender);
    const actions = actionsOf(sent.at(-1)).map((a) => ({ ...a, press: () => converse(a.command, room, sender) }));
    // The reader's text of each notice; the last without the commands to type under it (as the console harness reads it).
    const messages = sent.map((n, i) => (i === sent.length - 1 && actions.length > 0 ? n.text.split('\n').slice(0, -actions.length).join('\n').trimEnd() : n.text));
    return { messages, sent, actions };
  };
  return {
    hs, get adapter() { return adapter; }, services, log, logs, privateRoom, groupRoom, say, converse,
    async restart() {
      await adapter.stop();
      adapter = make();
      await boot(adapter);
      return adapter;
    },
    async close() { await adapter.stop(); await hs.close(); },
  };
}
