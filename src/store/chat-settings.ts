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
  /** Local HH:MM reminders are posted at. */
  readonly reminderTime?: string;
  /** True while the chat receives reminders. */
  readonly subscribed?: boolean;
  /** Where reminders go when not the chat itself (a Discord channel). */
  readonly targetId?: string;
}

/** The chat's settings, or undefined when it has none. */
export function readChatSettings(store: Store, chat: Pick<ChatRef, 'platform' | 'chatId'>): Promise<ChatSettings | undefined> {
  return store.get<ChatSettings>(CHAT_SETTINGS, chatKey(chat));
}

/** The zone a chat lives in: its own if set, else `fallback` (the campaign's). */
export async function chatTimeZone(store: Store, chat: Pick<ChatRef, 'platform' | 'chatId'>, fallback: string): Promise<string> {
  return (await readChatSettings(store, chat))?.timeZone ?? fallback;
}
