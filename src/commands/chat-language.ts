/**
 * The language each chat chose with `/language`, read from the store and kept
 * for a short while: a command should not cost a store read for its language.
 * Another instance's change is seen within `ttlMs`; this instance's own
 * change at once (`forget`).
 */
import { chatKey, type ChatRef } from '../chat.js';
import { isLanguage, type Language } from '../i18n/languages.js';
import { readChatSettings } from '../store/chat-settings.js';
import type { Store } from '../store/store.js';

/** How long a chat's language is kept before it is read again. */
export const CHAT_LANGUAGE_TTL_MS = 30_000;
/** How many chats' languages are kept at most (least recently read go first). */
const MAX_CHATS = 10_000;

interface Kept { readonly language: Language | undefined; readonly until: number }

/** A small cache of chats' chosen languages over the store. */
export class ChatLanguages {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly store: Store, private readonly ttlMs = CHAT_LANGUAGE_TTL_MS, private readonly clock: () => number = Date.now) {}

  /** The chat's `/language` setting, or undefined when it has none. Store errors propagate. */
  async of(chat: ChatRef): Promise<Language | undefined> {
    const key = chatKey(chat);
    const hit = this.kept.get(key);
    const now = this.clock();
    if (hit !== undefined && hit.until > now) {
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit.language;
    }
    const stored = (await readChatSettings(this.store, chat))?.language;
    const language = isLanguage(stored) ? stored : undefined;
    if (this.kept.size >= MAX_CHATS) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, { language, until: now + this.ttlMs });
    return language;
  }

  /** Drops what is kept of a chat (after it changed its language here). */
  forget(chat: ChatRef): void {
    this.kept.delete(chatKey(chat));
  }
}
