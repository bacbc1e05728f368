/**
 * Runs the real Telegram adapter (grammY + runner) against the loopback Bot
 * API fake, with the shipped content and a memory store.
 */
import { Writable } from 'node:stream';
import { TelegramAdapter, type TelegramAdapterOptions } from '../../adapters/telegram/adapter.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import { createLogger, type Logger } from '../../src/log.js';
import { startHttpServer, type HttpServer, type RouteHandler } from '../../src/http/server.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
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
  /** Sends `text` in `chat` (a channel: posted as the channel) and resolves with every message the bot sent in answer, in order. */
  say(text: string, chat?: ChatInput, from?: UserInput): Promise<SentMessage[]>;
  /** Like `say`, as a conversation step: the messages as read, and the buttons under the last one to press. */
  converse(text: string, chat?: ChatInput, from?: UserInput): Promise<ChatTurn>;
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
  const dispatcher = new Dispatcher(services, log);
  const adapter = new TelegramAdapter({
    token: tg.token, apiRoot: tg.apiRoot, services, log, botInfo: tg.botInfo, languages: dispatcher,
    backoff: { initialMs: 50, maxMs: 200 }, ...options,
  });
  await adapter.start((inv) => dispatcher.dispatch(inv));
  const say = async (text: string, chat: ChatInput = PRIVATE, from: UserInput = ADMIN): Promise<SentMessage[]> => {
    const before = tg.sentTo(chat.id).length;
    // A channel post has no user behind it: it is the channel's own.
    const by = chat.type === 'channel' ? { senderChat: chat } : { from };
    tg.sendUserMessage({ chat, text, ...by });
    // Updates of one chat are handled in order: once the marker is answered, so is `text`.
    tg.sendUserMessage({ chat, text: SYNC, ...by });
    const all = await tg.waitFor(() => {
      const list = tg.sentTo(chat.id).slice(before);
      return list.some((m) => m.plainText.includes('/syncmarker')) ? list : undefined;
    }, 15_000, `answer to ${text.slice(0, 30)}`);
    return all.filter((m) => !m.plainText.includes('/syncmarker'));
  };
  const converse = async (text: string, chat: ChatInput = PRIVATE, from: UserInput = ADMIN): Promise<ChatTurn> => {
    const answer = await say(text, chat, from);
    return turnOf(tg, answer, answer.at(-1), chat, from);
  };
  return { tg, adapter, services, logs, log, say, converse, close: async () => { await adapter.stop(); await tg.close(); } };
}

/** One step of a conversation with the bot, as its reader sees it. */
export interface ChatTurn {
  /** What the reader now reads: the messages sent in answer, or the edited message. */
  readonly messages: readonly string[];
  /** The same, as the fake recorded them. */
  readonly sent: readonly SentMessage[];
  /** The buttons under the last message, the page counter excepted. */
  readonly actions: readonly ChatButton[];
  /** The short notice a press got instead of a new answer (Telegram's callback answer text). */
  readonly notice?: string;
}

/** An inline button of the bot's message. */
export interface ChatButton {
  readonly label: string;
  readonly data: string;
  /** Presses it (as the same user) and resolves once the press is answered. */
  press(): Promise<ChatTurn>;
}

/** The inline buttons of a sent message, row by row. */
export function keyboardOf(m: SentMessage | undefined): { text: string; callback_data?: string }[][] {
  const markup = m?.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  return markup?.inline_keyboard ?? [];
}

/** The message as it reads now: its last send or edit. */
function current(tg: FakeTelegram, chatId: number, messageId: number): SentMessage | undefined {
  return tg.sentTo(chatId).filter((m) => m.message_id === messageId).at(-1);
}

function turnOf(tg: FakeTelegram, shown: readonly SentMessage[], last: SentMessage | undefined, chat: ChatInput, from: UserInput, notice?: string): ChatTurn {
  const actions = keyboardOf(last).flat().filter((b) => b.callback_data !== undefined && b.callback_data !== 'noop')
    .map((b): ChatButton => ({ label: b.text, data: b.callback_data!, press: () => pressButton(tg, last!.message_id, b.callback_data!, chat, from) }));
  return { messages: shown.map((m) => m.plainText), sent: shown, actions, ...(notice === undefined ? {} : { notice }) };
}

/** Presses a button of message `messageId` and waits for the press's answer; the turn shows the message as edited (or a notice). */
export async function pressButton(tg: FakeTelegram, messageId: number, data: string, chat: ChatInput = PRIVATE, from: UserInput = ADMIN): Promise<ChatTurn> {
  const before = tg.sentTo(chat.id).length;
  const id = tg.pressButton({ chat, from, messageId, data }).callback_query!.id;
  const answer = await tg.waitFor(() => tg.callbackAnswers.find((a) => a.callback_query_id === id), 15_000, `answer to button ${data}`);
  const after = tg.sentTo(chat.id).slice(before);
  const edited = after.filter((m) => m.method === 'editMessageText' && m.message_id === messageId).at(-1);
  const fresh = after.filter((m) => m.method === 'sendMessage');
  if (answer.text !== undefined && !edited && fresh.length === 0) return turnOf(tg, [], undefined, chat, from, answer.text);
  // No edit and nothing new: the answer was the message as it already read.
  const same = edited ?? (fresh.length === 0 ? current(tg, chat.id, messageId) : undefined);
  const shown = [...(same ? [same] : []), ...fresh];
  return turnOf(tg, shown, shown.at(-1), chat, from, answer.text);
}

/** Runs one scheduler tick at `iso` over the rig's adapter; resolves with the messages it posted. */
export async function tickAt(rig: TelegramRig, iso: string): Promise<SentMessage[]> {
  const before = rig.tg.sent.length;
  await new Scheduler({
    campaign: rig.services.campaign, store: rig.services.store, adapters: new Map([['telegram', rig.adapter]]), catchUpHours: 6,
    log: createLogger({ level: 'silent' }), clock: () => new Date(iso), sleep: async () => undefined,
  }).tick();
  return rig.tg.sent.slice(before);
}

/** The path the webhook rigs serve Telegram's updates at. */
export const WEBHOOK_PATH = '/telegram/hook';

/**
 * A Telegram rig in webhook mode behind the real HTTP server (as `serve`
 * mounts it), ready: the server, the rig, and the secret header Telegram sends.
 */
export async function startWebhookRig(secret: string): Promise<{ server: HttpServer; rig: TelegramRig; headers: Record<string, string> }> {
  // The route exists before the adapter does (its URL needs the server's port), so it forwards once known.
  let route: RouteHandler = (_req, res) => { res.writeHead(503).end(); };
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: {}, routes: { [WEBHOOK_PATH]: (req, res) => route(req, res) } });
  const rig = await startTelegramRig({ webhook: { url: `http://127.0.0.1:${server.port}${WEBHOOK_PATH}`, secret } });
  route = rig.adapter.webhookRoute()!.handler;
  await rig.tg.waitFor(() => rig.adapter.ready() || undefined);
  return { server, rig, headers: { 'x-telegram-bot-api-secret-token': secret } };
}
