/** Chats, as the core sees them: a platform and an id, nothing about people. */

/** Platforms an invocation can come from. */
export type Platform = 'console' | 'telegram' | 'discord' | 'signal' | 'matrix';

/** Which chat an invocation came from / a message goes to. */
export interface ChatRef {
  readonly platform: Platform;
  readonly chatId: string;
  /** `private` for one-to-one chats (the user is the admin there). */
  readonly kind: 'private' | 'group' | 'channel';
  /**
   * A thread or forum topic inside the chat (Telegram's message_thread_id):
   * where a command came from, and where a subscription made there posts.
   */
  readonly threadId?: string;
}

/** Store key of a chat: `platform:chatId`. */
export const chatKey = (chat: Pick<ChatRef, 'platform' | 'chatId'>): string => `${chat.platform}:${chat.chatId}`;
