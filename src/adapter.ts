/**
 * The adapter seam: what every platform (console, Telegram, Discord) provides
 * to the core. Inbound, an adapter turns platform updates into Invocations and
 * hands them to the handler; outbound, it renders RichMessages within its
 * platform's limits.
 */
import type { ChatRef, Platform } from './chat.js';
import type { Invocation } from './commands/types.js';
import type { Reply, RichMessage } from './rich/model.js';

/** Answers one invocation (the dispatcher, seen from an adapter). */
export type InvocationHandler = (invocation: Invocation) => Promise<Reply>;

/** Outcome of sending one message, for the reminder ledger. */
export type SendResult =
  | { readonly kind: 'sent' }
  /** Rate limited: try again after this many milliseconds. */
  | { readonly kind: 'retryAfter'; readonly ms: number }
  /** The chat is gone for us: kicked, blocked, deleted, no access. */
  | { readonly kind: 'gone'; readonly reason: string }
  /** The chat moved (Telegram group → supergroup). */
  | { readonly kind: 'migrated'; readonly newChatId: string }
  | { readonly kind: 'failed'; readonly transient: boolean; readonly reason: string };

/** A platform connection. */
export interface Adapter {
  readonly name: Platform;
  /** Starts taking updates; resolves once it is running (or retrying in the background). */
  start(handler: InvocationHandler): Promise<void>;
  /** Stops taking updates and releases connections. */
  stop(): Promise<void>;
  /** True while connected and taking updates (for /readyz). */
  ready(): boolean;
  /** Sends one message to a chat (reminders). */
  send(target: ChatRef, message: RichMessage): Promise<SendResult>;
}
