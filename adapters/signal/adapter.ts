/**
 * The Signal adapter, on signal-cli's HTTP daemon (`signal-cli -a +NUMBER
 * daemon --http HOST:PORT`): messages in from its Server-Sent Events
 * (events.ts, inbound.ts), answers and reminders out through its JSON-RPC
 * `send` (rpc.ts) as text with style ranges, split under Signal's inline
 * limit, actions written as commands to type (render.ts, reply.ts); group
 * admins from `listGroups` (groups.ts); failures mapped to SendResults
 * (classify.ts); readiness from the stream and the calls (health.ts).
 *
 * Phone numbers and ACIs are chat ids of private chats and senders of
 * messages: they go to the daemon and, for subscribed private chats, to the
 * store; log lines carry `chatForLog` hashes only, and SIGNAL_ACCOUNT is a
 * redacted secret.
 */
import type { Adapter, DoctorFinding, InvocationHandler, PostingProblem, SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import type { Services } from '../../src/commands/types.js';
import type { Logger } from '../../src/log.js';
import { BurstLog, chatForLog } from '../../src/log-privacy.js';
import type { Action, RichMessage } from '../../src/rich/model.js';
import { Pacer, type PacerLimits } from '../../src/schedule/pacer.js';
import { forgetChat } from '../../src/store/chat-settings.js';
import { captchaToken, classifySignalError, describeSignalError } from './classify.js';
import { answer, voiceFor, type SignalQuote } from './conversation.js';
import { signalDoctor } from './doctor.js';
import { SignalEvents } from './events.js';
import { SignalGroups, type GroupCacheOptions } from './groups.js';
import { SignalHealth } from './health.js';
import { groupUpdateOf, incomingOf, isPersonId, type SignalIncoming } from './inbound.js';
import { renderSignalReply } from './reply.js';
import { textStyleParam, type SignalText } from './render.js';
import { SignalRpc } from './rpc.js';

/**
 * Pacing of reminders. Signal documents no limits for bots; its server
 * limits messages per sender and recipient to a burst of 60, then one a
 * second (Signal-Server RateLimiters.MESSAGES), and asks accounts that send
 * much to many for a captcha. So: one a second per chat, a few a second in all.
 */
export const SIGNAL_LIMITS: PacerLimits = {
  global: { count: 5, perMs: 1000 },
  perChat: { count: 1, perMs: 1000 },
};

/** Request bounds, ms: `send` (a reminder or a reply; a large group takes a while) and other calls. */
export interface SignalTimeouts { readonly send: number; readonly api: number }

/** The defaults of {@link SignalTimeouts}: under the scheduler's 30 s bound and its claim lease. */
export const SIGNAL_TIMEOUTS: SignalTimeouts = { send: 20_000, api: 10_000 };

/** Options of the Signal adapter. */
export interface SignalAdapterOptions {
  /** The daemon's base URL (SIGNAL_CLI_URL). */
  readonly url: string;
  /** The bot's phone number (SIGNAL_ACCOUNT). */
  readonly account: string;
  readonly services: Services;
  readonly log: Logger;
  readonly limits?: PacerLimits;
  readonly timeouts?: Partial<SignalTimeouts>;
  /** Waits before reopening the event stream. Default 1 s doubling to 30 s. */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  /** While the daemon's calls fail, ask it (`version`) this often whether it answers again. Default 5 s. */
  readonly probeIntervalMs?: number;
  /** Silence after which the event stream is reopened. Default 45 s. */
  readonly idleMs?: number;
  readonly groupCache?: GroupCacheOptions;
  /** Interval over which repeats of one failure are logged as one line. Default 30 s. */
  readonly logIntervalMs?: number;
}

/** Signal, as a Placard adapter. */
export class SignalAdapter implements Adapter {
  readonly name = 'signal' as const;
  private readonly health = new SignalHealth();
  private readonly rpc: SignalRpc;
  private readonly groups: SignalGroups;
  private readonly pacer: Pacer;
  private readonly burst: BurstLog;
  private readonly timeouts: SignalTimeouts;
  private readonly stopping = new AbortController();
  private events: SignalEvents | undefined;
  /** Each chat's messages are answered in order: the tail of its queue. */
  private readonly queues = new Map<string, Promise<void>>();
  private captchaLogged = '';
  private probing: NodeJS.Timeout | undefined;

  constructor(private readonly options: SignalAdapterOptions) {
    this.timeouts = { ...SIGNAL_TIMEOUTS, ...options.timeouts };
    this.rpc = new SignalRpc({
      url: options.url, account: options.account, timeoutMs: this.timeouts.api, stop: this.stopping.signal,
      onCall: (failure) => { this.health.record(failure); if (this.health.failing) this.probe(); },
    });
    this.groups = new SignalGroups(this.rpc, options.account, options.groupCache);
    this.pacer = new Pacer(options.limits ?? SIGNAL_LIMITS);
    this.burst = new BurstLog(options.log, options.logIntervalMs === undefined ? {} : { intervalMs: options.logIntervalMs });
  }

  /** True while the event stream is up, the daemon answers and Signal wants no captcha. */
  ready(): boolean { return this.health.ready(); }

  /** Why not ready: not connected (and why), the daemon failing, a captcha to solve. */
  notReadyReason(): string | undefined { return this.health.reason(); }

  /** Opens the event stream in the background, reopening it with backoff while the daemon is away. */
  async start(handler: InvocationHandler): Promise<void> {
    const { log } = this.options;
    this.health.setRunning(true);
    this.events = new SignalEvents({
      url: this.options.url, account: this.options.account, idleMs: this.options.idleMs, backoff: this.options.backoff,
      onEvent: (name, data) => { if (name === 'receive') this.onReceive(data, handler); },
      onState: (connected, problem) => {
        const was = this.health.ready();
        this.health.setStream(connected, problem);
        if (connected) log.info('signal event stream connected');
        else this.burst.note('warn', `events:${problem ?? ''}`, { problem }, 'signal event stream down; reconnecting');
        if (was && !this.health.ready()) log.warn({ reason: this.health.reason() }, 'signal adapter not ready');
      },
    });
    this.events.start();
  }

  /** Closes the stream, waits for the answers in flight, and ends pending requests. */
  async stop(): Promise<void> {
    this.health.setRunning(false);
    await this.events?.stop();
    await Promise.allSettled([...this.queues.values()]);
    this.stopping.abort();
    clearTimeout(this.probing);
    this.burst.flush();
  }

  /** Asks the daemon every `probeIntervalMs` whether it answers again, so readiness returns without waiting for a send. */
  private probe(): void {
    if (this.probing !== undefined || this.stopping.signal.aborted) return;
    this.probing = setTimeout(() => {
      void this.rpc.call('version').catch(() => undefined).finally(() => {
        this.probing = undefined;
        if (this.health.failing) this.probe();
      });
    }, this.options.probeIntervalMs ?? 5000);
    this.probing.unref();
  }

  /** Sends one reminder: its actions as commands to type, paced, each piece bounded by `timeouts.send`. */
  async send(target: ChatRef, message: RichMessage, actions?: readonly Action[]): Promise<SendResult> {
    const voice = await voiceFor(this.options.services, target);
    const texts = renderSignalReply({ messages: [message], ...(actions && actions.length > 0 ? { actions } : {}) }, voice);
    try {
      for (const text of texts) {
        await this.pacer.wait(target.chatId, !isPersonId(target.chatId));
        await this.post(target, text);
      }
      return { kind: 'sent' };
    } catch (error: unknown) {
      this.noteCaptcha(error);
      return classifySignalError(error);
    }
  }

  /** Whether the bot may post in a group (member, not blocked, admin where only admins send); sends nothing. */
  checkPosting(target: ChatRef): Promise<PostingProblem | undefined> {
    return this.groups.checkPosting(target);
  }

  /** The daemon (`version`) and the account (`listGroups`); sends nothing. */
  doctor(): Promise<readonly DoctorFinding[]> {
    return signalDoctor(this.rpc);
  }

  /** Sends one piece with `send`: to a group by `groupId`, to a person by `recipient`. */
  private async post(target: Pick<ChatRef, 'chatId'>, text: SignalText, quote?: SignalQuote): Promise<void> {
    const to = isPersonId(target.chatId) ? { recipient: [target.chatId] } : { groupId: target.chatId };
    const styles = textStyleParam(text);
    await this.rpc.call('send', {
      ...to, message: text.text, ...(styles.length > 0 ? { textStyle: styles } : {}),
      ...(quote ? { quoteTimestamp: quote.timestamp, quoteAuthor: quote.author, quoteMessage: quote.text } : {}),
    }, this.timeouts.send);
    this.health.setCaptcha(false);
  }

  /** A proof-required answer: not ready until a send goes through; the challenge token logged once per token. */
  private noteCaptcha(error: unknown): void {
    const token = captchaToken(error);
    if (token === undefined) return;
    this.health.setCaptcha(true);
    if (this.captchaLogged === token) return;
    this.captchaLogged = token;
    this.options.log.error({ challengeToken: token }, 'signal asks for a captcha before this account sends more; see /readyz for what to do');
  }

  private onReceive(data: string, handler: InvocationHandler): void {
    const updated = groupUpdateOf(data);
    if (updated !== undefined) this.groups.forget(updated);
    const incoming = incomingOf(data, this.options.account);
    if (incoming === undefined) return;
    this.inOrder(incoming, handler);
  }

  /** Queues a message behind the chat's earlier ones. */
  private inOrder(incoming: SignalIncoming, handler: InvocationHandler): void {
    const key = incoming.chat.chatId;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(() => answer(incoming, handler, {
      services: this.options.services, groups: this.groups, burst: this.burst, log: this.options.log,
      post: (target, text, quote) => this.post(target, text, quote),
      failed: (target, error) => this.replyFailed(target, error),
      checkPosting: (target) => this.checkPosting(target),
    }));
    this.queues.set(key, next);
    void next.finally(() => { if (this.queues.get(key) === next) this.queues.delete(key); });
  }

  /** A reply that could not be sent: a chat that is gone is forgotten; a captcha pauses; the rest is logged. */
  private async replyFailed(target: ChatRef, error: unknown): Promise<void> {
    this.noteCaptcha(error);
    const result = classifySignalError(error);
    this.burst.note('warn', `reply:${result.kind}`, { ...describeSignalError(error), chat: chatForLog(target), result: result.kind },
      'signal reply failed');
    if (result.kind !== 'gone') return;
    this.groups.forget(target.chatId);
    await forgetChat(this.options.services.store, target).catch(() => undefined);
  }
}
