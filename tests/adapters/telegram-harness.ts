/**
 * Runs the real Telegram adapter (grammY + runner) against the loopback Bot
 * API fake, with the shipped content and a memory store.
 */
import { Writable } from 'node:stream';
import { TelegramAdapter, type TelegramAdapterOptions } from '../../adapters/telegram/adapter.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import { createLogger, type Logger } from '../../src/log.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram/index.js';
import type { ChatInput, SentMessage, UserInput } from '../fakes/telegram/types.js';
import { testServices } from '../helpers/core.js';

/** Log lines written during a test, for privacy and redaction checks. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void { this.lines.push(chunk.toString('utf8')); done(); }
  get text(): string { return this.lines.join(''); }
}

export const PRIVATE: ChatInput = { id: 4242, type: 'private', first_name: 'Ada' };
export const GROUP: ChatInput = { id: -100777, type: 'supergroup', title: 'Solidarity group' };
export const MEMBER: UserInput = { id: 501, first_name: 'Mia' };
export const ADMIN: UserInput = { id: 502, first_name: 'Ola' };
const SYNC = '/syncmarker';

/** A started adapter with its fake, services and captured logs. */
export interface TelegramRig {
  readonly tg: FakeTelegram;
  readonly adapter: TelegramAdapter;
  readonly services: Services;
  readonly logs: LogCapture;
  readonly log: Logger;
  /** Sends `text` in `chat` and resolves with every message the bot sent in answer, in order. */
  say(text: string, chat?: ChatInput, from?: UserInput): Promise<SentMessage[]>;
  close(): Promise<void>;
}

/** Starts the fake and the adapter (polling unless `webhook` is given); `onFake` runs on the fake before the adapter starts. */
export async function startTelegramRig(
  overrides: Partial<TelegramAdapterOptions> & { services?: Services; down?: boolean; onFake?: (tg: FakeTelegram) => void } = {},
): Promise<TelegramRig> {
  const { onFake, down, ...options } = overrides;
  const tg = await startFakeTelegram({ botUsername: 'placardbot', ...(down ? { down: true } : {}) });
  onFake?.(tg); // before the adapter starts: faults for its first calls
  tg.setMemberStatus(GROUP.id, ADMIN.id, 'administrator');
  tg.setMemberStatus(GROUP.id, MEMBER.id, 'member');
  const services = overrides.services ?? await testServices();
  const logs = new LogCapture();
  const log = createLogger({ level: 'debug', secrets: [tg.token], destination: logs });
  const adapter = new TelegramAdapter({
    token: tg.token, apiRoot: tg.apiRoot, services, log, botInfo: tg.botInfo,
    backoff: { initialMs: 50, maxMs: 200 }, ...options,
  });
  const dispatcher = new Dispatcher(services, log);
  await adapter.start((inv) => dispatcher.dispatch(inv));
  const say = async (text: string, chat: ChatInput = PRIVATE, from: UserInput = ADMIN): Promise<SentMessage[]> => {
    const before = tg.sentTo(chat.id).length;
    tg.sendUserMessage({ chat, from, text });
    // Updates of one chat are handled in order: once the marker is answered, so is `text`.
    tg.sendUserMessage({ chat, from, text: SYNC });
    const all = await tg.waitFor(() => {
      const list = tg.sentTo(chat.id).slice(before);
      return list.some((m) => m.plainText.includes('/syncmarker')) ? list : undefined;
    }, 15_000, `answer to ${text.slice(0, 30)}`);
    return all.filter((m) => !m.plainText.includes('/syncmarker'));
  };
  return { tg, adapter, services, logs, log, say, close: async () => { await adapter.stop(); await tg.close(); } };
}
