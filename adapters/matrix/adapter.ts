/**
 * The Matrix adapter, on the client-server API v3 through a thin client of
 * its own (client.ts says why no SDK): `whoami`, then a `/sync` long poll
 * whose token lives in the store (sync.ts); invites joined; commands from
 * `m.text` messages (`/demands` or `!demands`, inbound.ts) answered as
 * `m.notice` with escaped HTML, actions as commands to type (render.ts);
 * admins by power level and private rooms by member count (rooms.ts); sends
 * with derived transaction ids, so a retried post is not a second message
 * (send.ts); readiness from what the homeserver answers (health.ts).
 * End-to-end encrypted rooms are declined (events.ts, README).
 */
import type { Adapter, DoctorFinding, InvocationHandler, PostingProblem, SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Invocation, Services } from '../../src/commands/types.js';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import type { Logger } from '../../src/log.js';
import { BurstLog } from '../../src/log-privacy.js';
import type { Action, RichMessage } from '../../src/rich/model.js';
import { Pacer, type PacerLimits } from '../../src/schedule/pacer.js';
import { MatrixApiError, MatrixClient } from './client.js';
import { matrixDoctor } from './doctor.js';
import { describeMatrixError, isTokenRejected, retryAfterOf } from './errors.js';
import { BatchHandler } from './events.js';
import { MatrixHealth } from './health.js';
import type { MatrixWords } from './render.js';
import { Rooms, type RoomCacheOptions } from './rooms.js';
import { sendReminder } from './send.js';
import { sinceKey, SyncLoop } from './sync.js';

/**
 * Pacing of reminders. Matrix sets no limit of its own; homeservers do
 * (Synapse's `rc_message`: 0.2 messages/s per account after a burst of 10,
 * unless an admin exempts the bot). The 429s beyond it are waited out for
 * the whole bot (errors.ts); this keeps an exempt bot from flooding its
 * server and any one room.
 */
export const MATRIX_LIMITS: PacerLimits = { global: { count: 10, perMs: 1000 }, perChat: { count: 1, perMs: 1000 } };

/** Request timeouts, ms: a reminder's post, other calls, and the `/sync` long poll (with the slack its request gets on top). */
export interface MatrixTimeouts {
  readonly send: number;
  readonly api: number;
  readonly poll: number;
  readonly pollSlack: number;
}

/** The defaults of {@link MatrixTimeouts}: the post far under the scheduler's 3-minute claim lease. */
export const MATRIX_TIMEOUTS: MatrixTimeouts = { send: 10_000, api: 20_000, poll: 30_000, pollSlack: 15_000 };

/** The dispatcher's words, as the adapter asks for them. */
export type Words = Pick<Dispatcher, 'voice' | 'languageOf'>;

/** Options of the Matrix adapter. */
export interface MatrixAdapterOptions {
  readonly homeserverUrl: string;
  readonly accessToken: string;
  readonly services: Services;
  readonly log: Logger;
  /** Where the adapter's own words come from (default: a dispatcher over `services`). */
  readonly words?: Words;
  readonly limits?: PacerLimits;
  readonly timeouts?: Partial<MatrixTimeouts>;
  /** First and largest wait between failed attempts (syncs; whoami at start, where a rejected token waits the largest). */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly roomCache?: RoomCacheOptions;
  /** Interval over which repeats of one failure are logged as one line. Default 30 s. */
  readonly logIntervalMs?: number;
}

/** Matrix, as a Placard adapter. */
export class MatrixAdapter implements Adapter {
  readonly name = 'matrix' as const;
  readonly client: MatrixClient;
  private readonly health = new MatrixHealth();
  private readonly rooms: Rooms;
  private readonly pacer: Pacer;
  private readonly burst: BurstLog;
  private readonly timeouts: MatrixTimeouts;
  private readonly backoff: { readonly initialMs: number; readonly maxMs: number };
  private readonly words: Words;
  private userId: string | undefined;
  private sync: SyncLoop | undefined;
  private booting: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private floodListener: ((ms: number) => void) | undefined;
  /** Cancels start-up's whoami on stop (a homeserver that hangs must not hold the shutdown). */
  private readonly booted = new AbortController();

  constructor(private readonly options: MatrixAdapterOptions) {
    this.timeouts = { ...MATRIX_TIMEOUTS, ...options.timeouts };
    this.backoff = options.backoff ?? { initialMs: 1000, maxMs: 60_000 };
    this.burst = new BurstLog(options.log, options.logIntervalMs === undefined ? {} : { intervalMs: options.logIntervalMs });
    this.client = new MatrixClient({
      baseUrl: options.homeserverUrl, accessToken: options.accessToken, timeoutMs: this.timeouts.api,
      observe: (_endpoint, failure) => {
        this.health.observe(failure);
        // The homeserver limits the bot's account, whatever the call: a wait told to an answer is the reminders' too.
        if (failure instanceof MatrixApiError && (failure.status === 429 || failure.errcode === 'M_LIMIT_EXCEEDED')) this.floodListener?.(retryAfterOf(failure));
      },
    });
    this.rooms = new Rooms(this.client, options.roomCache);
    this.pacer = new Pacer(options.limits ?? MATRIX_LIMITS);
    this.words = options.words ?? new Dispatcher(options.services);
  }

  /** The bot's own user id, once `whoami` answered. */
  get botUserId(): string | undefined { return this.userId; }

  /** Tells `listener` of every 429 the homeserver answers, with its wait (see `Adapter.onFloodWait`). */
  onFloodWait(listener: (ms: number) => void): void { this.floodListener = listener; }

  /** True while the homeserver answers and the sync runs (see health.ts). */
  ready(): boolean { return !this.stopped && this.health.ready(); }

  /** Why not ready: start-up, a rejected token, or the last calls failing. */
  notReadyReason(): string | undefined { return this.stopped ? 'stopped' : this.health.reason(); }

  /** Connects in the background (retrying with backoff while the homeserver is unreachable), then syncs. */
  async start(handler: InvocationHandler): Promise<void> {
    this.booting = this.boot(handler);
  }

  /** Stops syncing; a batch being handled finishes first. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    this.booted.abort();
    await this.booting;
    await this.sync?.stop();
    this.burst.flush();
  }

  /** Sends one reminder (see send.ts); never throws. */
  async send(target: ChatRef, message: RichMessage, actions?: readonly Action[]): Promise<SendResult> {
    const words = await this.wordsFor({ command: '', text: '', chat: target, role: async () => 'member', now: new Date() });
    return sendReminder({ client: this.client, rooms: this.rooms, pacer: this.pacer, botUserId: () => this.userId, timeoutMs: this.timeouts.send },
      target, message, actions, words);
  }

  /** Whether the bot may post in the room (joined, unencrypted, power level); sends nothing. Rejects when the homeserver cannot be asked. */
  async checkPosting(target: ChatRef): Promise<PostingProblem | undefined> {
    const me = this.userId ?? (await this.client.whoami()).user_id;
    return this.rooms.postingProblem(target.chatId, me);
  }

  /** The token (whoami) and the sync; sends nothing. */
  doctor(): Promise<readonly DoctorFinding[]> {
    return matrixDoctor(this.client, this.options.homeserverUrl);
  }

  /** The adapter's words in the invocation's language (the catalogs' English when the language cannot be told). */
  private async wordsFor(invocation: Invocation): Promise<MatrixWords> {
    let voice: Voice;
    try {
      voice = this.words.voice(await this.words.languageOf(invocation));
    } catch {
      voice = defaultVoice('en');
    }
    return { previousPage: voice.t('matrix-page-previous'), nextPage: voice.t('matrix-page-next') };
  }

  private async boot(handler: InvocationHandler): Promise<void> {
    const { log, services } = this.options;
    let delay = this.backoff.initialMs;
    let tokenRejected = false;
    while (this.userId === undefined) {
      if (this.stopped) return;
      try {
        this.userId = (await this.client.whoami(this.booted.signal)).user_id;
      } catch (e: unknown) {
        if (this.stopped) return;
        if (isTokenRejected(e)) {
          if (!tokenRejected) log.error({ retryEveryMs: this.backoff.maxMs }, 'the homeserver rejected the Matrix access token (401); check MATRIX_ACCESS_TOKEN; retrying');
          tokenRejected = true;
          delay = this.backoff.maxMs;
        } else {
          this.burst.note('warn', 'boot', { ...describeMatrixError(e), retryInMs: delay }, 'matrix homeserver unreachable at start; retrying');
        }
        await new Promise<void>((resolve) => { const t = setTimeout(resolve, delay); this.wake = () => { clearTimeout(t); resolve(); }; });
        delay = Math.min(delay * 2, this.backoff.maxMs);
      }
    }
    const known = new Set(services.commands.map((c) => c.name));
    const batches = new BatchHandler({
      client: this.client, rooms: this.rooms, store: services.store, log, burst: this.burst, botUserId: this.userId, handler,
      known: (name) => known.has(name), wordsFor: (inv) => this.wordsFor(inv), checkPosting: (chat) => this.checkPosting(chat),
      sendTimeoutMs: this.timeouts.send,
    });
    this.sync = new SyncLoop({
      client: this.client, store: services.store, log, burst: this.burst, health: this.health,
      key: sinceKey(this.options.homeserverUrl, this.userId), pollMs: this.timeouts.poll, slackMs: this.timeouts.pollSlack,
      backoff: this.backoff, onBatch: (batch, initial) => batches.handle(batch, initial),
    });
    this.sync.start();
    log.info('matrix adapter syncing');
  }
}
