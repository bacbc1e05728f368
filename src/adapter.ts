/**
 * The adapter seam: what every platform (console, Telegram, Discord) provides
 * to the core. Inbound, an adapter turns platform updates into Invocations and
 * hands them to the handler; outbound, it renders RichMessages within its
 * platform's limits.
 */
import type { ChatRef, Platform } from './chat.js';
import type { Invocation } from './commands/types.js';
import type { Action, Reply, RichMessage } from './rich/model.js';

/** Answers one invocation (the dispatcher, seen from an adapter). */
export type InvocationHandler = (invocation: Invocation) => Promise<Reply>;

/**
 * Outcome of sending one message, for the reminder ledger.
 *
 * - `sent`: the platform took it.
 * - `retryAfter`: rate limited; `scope: 'bot'` when the platform means the
 *   whole bot (Telegram's 429 `retry_after`, Discord's global limit): every
 *   send of that platform waits, not only this chat's.
 * - `gone`: kicked, blocked, left, chat or channel deleted — the subscription ends.
 * - `forbidden`: the bot may not post there now (missing rights); the
 *   subscription is kept and flagged with `reason`, and tried again later.
 * - `migrated`: the chat moved (Telegram group → supergroup).
 * - `paused`: a failure shaped like configuration or an outage of the whole
 *   platform (401, a 404 without a platform error code, the API root not
 *   answering). Never final: the platform's fan-out pauses, the adapter
 *   reports not ready, the reminders go out when it recovers.
 * - `failed`: anything else; `transient` ones are retried later.
 *   `ambiguous`: the request timed out after it was sent, so the platform
 *   may have taken it (a retry may double it; counted as such).
 */
export type SendResult =
  | { readonly kind: 'sent' }
  | { readonly kind: 'retryAfter'; readonly ms: number; readonly scope?: 'chat' | 'bot' }
  | { readonly kind: 'gone'; readonly reason: string }
  | { readonly kind: 'forbidden'; readonly reason: string }
  | { readonly kind: 'migrated'; readonly newChatId: string }
  | { readonly kind: 'paused'; readonly reason: string }
  | { readonly kind: 'failed'; readonly transient: boolean; readonly reason: string; readonly ambiguous?: boolean };

/**
 * Why the bot cannot post where a chat's reminders go, in words an admin can
 * act on: `missing` names the rights as the platform's own settings call
 * them ("Send Messages", "Embed Links", "post messages"). Undefined: it can.
 */
export interface PostingProblem {
  /** In English, for logs and `placard doctor`. */
  readonly reason: string;
  readonly missing: readonly string[];
  /** The kind of problem, for telling it to a chat in its language (catalog `posting-why-<why>`); absent: `reason` as it is. */
  readonly why?: PostingWhy;
}

/** The kinds of posting problem the catalogs word in every language. */
export type PostingWhy =
  | 'not-member' | 'may-not-send' | 'members-muted' | 'channel-admin' | 'admins-only' | 'blocked'
  | 'missing-permissions' | 'channel-gone' | 'encrypted' | 'power-level';

/** One finding of `placard doctor` about a platform as a whole (token, webhook, connection). */
export interface DoctorFinding {
  readonly ok: boolean;
  /** What was checked, e.g. "token", "webhook". */
  readonly check: string;
  /** What was seen, or what to fix when not ok. */
  readonly detail: string;
}

/** A platform connection. */
export interface Adapter {
  readonly name: Platform;
  /** Starts taking updates; resolves once it is running (or retrying in the background). */
  start(handler: InvocationHandler): Promise<void>;
  /** Stops taking updates and releases connections. */
  stop(): Promise<void>;
  /**
   * True while the platform actually answers and updates are taken (for
   * /readyz): false after repeated failed API calls, a lost gateway or
   * stopped polling; true again after a success. Must answer at once.
   */
  ready(): boolean;
  /** When not ready, why (one short line, no ids, no secrets). */
  notReadyReason?(): string | undefined;
  /**
   * Sends one message to a chat (reminders), with `actions` as buttons where
   * the platform has them (as commands to type elsewhere). Must return within
   * a bounded time (its own request timeout).
   */
  send(target: ChatRef, message: RichMessage, actions?: readonly Action[]): Promise<SendResult>;
  /**
   * Whether the bot may post reminders to `target` now, asking the platform
   * (Telegram: the bot's rights in the chat; Discord: the channel's
   * permissions for the bot). Never sends anything.
   */
  checkPosting?(target: ChatRef): Promise<PostingProblem | undefined>;
  /** `placard doctor`'s checks of the platform itself: the token, the webhook, the connection. */
  doctor?(): Promise<readonly DoctorFinding[]>;
  /**
   * Registers the one listener told, with the wait in ms, whenever a call
   * other than a reminder's send (a command's answer, the sync) is told to
   * wait for the whole bot. The scheduler shares it (`flood:<platform>`), so
   * whichever instance drives the reminders pauses too. Only platforms whose
   * flood waits are the whole bot's on every call implement it (Matrix:
   * `M_LIMIT_EXCEEDED` is the account's); see the README for the others.
   */
  onFloodWait?(listener: (ms: number) => void): void;
}
