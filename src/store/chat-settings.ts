/**
 * Per-chat settings: the only thing Placard keeps about a chat besides its id.
 * Never a user id, a name or a message text.
 */
import { chatKey, type ChatRef } from '../chat.js';
import type { Store } from './store.js';

/** Namespace of chat settings in the store. */
export const CHAT_SETTINGS = 'chat';

/** What a chat has chosen. Absent fields fall back to the campaign's defaults. */
export interface ChatSettings {
  /** IANA zone for /today, /next and reminders. */
  readonly timeZone?: string;
  /**
   * The language the bot answers in here and posts reminders in, set by
   * `/language`. Absent: the platform's hint, else the campaign's default, else English.
   */
  readonly language?: 'en' | 'ru' | 'kk';
  /**
   * The platform's language hint for the chat (BCP 47: Telegram `language_code`,
   * Discord `guild_locale`), as `/subscribe` last saw it: the language of
   * reminders while the chat chose none with `/language`.
   */
  readonly localeHint?: string;
  /** Local HH:MM reminders are posted at. */
  readonly reminderTime?: string;
  /** True while the chat receives reminders. */
  readonly subscribed?: boolean;
  /** Where reminders go when not the chat itself (a Discord channel). */
  readonly targetId?: string;
  /**
   * Telegram forum topic (`message_thread_id`) the reminders are posted in:
   * the topic `/subscribe` was sent in. Absent: the chat itself (a forum's
   * General topic).
   */
  readonly threadId?: string;
  /** The chat's kind, remembered for paced sends to it (group limits). */
  readonly kind?: ChatRef['kind'];
  /**
   * Set when the platform refused a reminder for missing rights (`forbidden`):
   * the subscription is kept, the admins see this in /settings and /upcoming,
   * and the next reminder tries again; cleared by the next successful post.
   */
  readonly postingProblem?: PostingProblemFlag;
  /**
   * Discord only (`/subscribe events:`): whether the bot keeps the server's
   * scheduled events for the coming anniversaries, and why it could not the
   * last time it tried (missing rights), cleared by its next success.
   */
  readonly discordEvents?: DiscordEventsSetting;
}

/** What a chat chose about its Discord server's scheduled events. */
export interface DiscordEventsSetting {
  /** True while the server's Events list the coming anniversaries (the chat must be subscribed too). */
  readonly on: boolean;
  /** Set when Discord refused to make or change them (the bot lacks a permission). */
  readonly problem?: PostingProblemFlag;
}

/** A refused reminder, as kept with the chat: the platform's reason and when it was first seen (ISO). */
export interface PostingProblemFlag {
  readonly reason: string;
  readonly since: string;
}

/** The chat's settings, or undefined when it has none. */
export function readChatSettings(store: Store, chat: Pick<ChatRef, 'platform' | 'chatId'>): Promise<ChatSettings | undefined> {
  return store.get<ChatSettings>(CHAT_SETTINGS, chatKey(chat));
}

/**
 * Merges `changes` into a chat's settings (creating them) and returns the
 * result. A field set to undefined in `changes` is left as it was.
 */
export async function updateChatSettings(
  store: Store, chat: Pick<ChatRef, 'platform' | 'chatId'>, changes: ChatSettings,
): Promise<ChatSettings> {
  const current = (await readChatSettings(store, chat)) ?? {};
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as ChatSettings;
  const next: ChatSettings = { ...current, ...defined };
  await store.set(CHAT_SETTINGS, chatKey(chat), next);
  return next;
}

/** The zone a chat lives in: its own if set, else `fallback` (the campaign's). */
export async function chatTimeZone(store: Store, chat: Pick<ChatRef, 'platform' | 'chatId'>, fallback: string): Promise<string> {
  return (await readChatSettings(store, chat))?.timeZone ?? fallback;
}

/**
 * Flags (`problem`) or clears (undefined) a chat's posting problem, keeping
 * the first `since` while the reason stays the same. Does nothing for a chat
 * with no settings (it unsubscribed meanwhile). Not atomic with other writers:
 * a /settings change racing it keeps one of the two, which the next reminder corrects.
 */
export async function flagPostingProblem(
  store: Store, chat: Pick<ChatRef, 'platform' | 'chatId'>, problem: { reason: string; at: Date } | undefined,
): Promise<void> {
  const current = await readChatSettings(store, chat);
  if (current === undefined) return;
  const { postingProblem: before, ...rest } = current;
  if (problem === undefined) {
    if (before !== undefined) await store.set(CHAT_SETTINGS, chatKey(chat), rest);
    return;
  }
  if (before?.reason === problem.reason) return;
  await store.set(CHAT_SETTINGS, chatKey(chat), { ...rest, postingProblem: { reason: problem.reason, since: problem.at.toISOString() } });
}

/**
 * Namespace of the delivery ledger's permanent markers (see
 * src/schedule/ledger.ts). Their keys start with the chat's key, so
 * forgetting a chat can find them.
 */
export const DELIVERED = 'delivered';

/**
 * Forgets everything about a chat (the bot was removed, blocked, or the chat
 * is gone): its settings and its delivered markers, so no key with its id is
 * left in the store (a private chat's id is a person's). True when it had settings.
 */
export async function forgetChat(store: Store, chat: Pick<ChatRef, 'platform' | 'chatId'>): Promise<boolean> {
  const had = await store.delete(CHAT_SETTINGS, chatKey(chat));
  const markers: string[] = [];
  for await (const [key] of store.entries(DELIVERED, `${chatKey(chat)}:`)) markers.push(key);
  for (const key of markers) await store.delete(DELIVERED, key);
  return had;
}

/**
 * Moves a chat's settings to a new id (a Telegram group upgraded to a
 * supergroup). Idempotent: moving twice, or moving a chat with no settings, is harmless.
 */
export async function moveChat(store: Store, from: Pick<ChatRef, 'platform' | 'chatId'>, toChatId: string): Promise<void> {
  const settings = await readChatSettings(store, from);
  if (settings === undefined) return;
  const to = { platform: from.platform, chatId: toChatId };
  if ((await readChatSettings(store, to)) === undefined) await store.set(CHAT_SETTINGS, chatKey(to), settings);
  await store.delete(CHAT_SETTINGS, chatKey(from));
}
