/** Chats, as the core sees them: a platform and an id, nothing about people. */

/** Platforms an invocation can come from. */
export type Platform = 'console' | 'telegram' | 'discord';

/** Which chat an invocation came from / a message goes to. */
export interface ChatRef {
  readonly platform: Platform;
  readonly chatId: string;
  /** `private` for one-to-one chats (the user is the admin there). */
  readonly kind: 'private' | 'group' | 'channel';
}

/** Store key of a chat: `platform:chatId`. */
export const chatKey = (chat: Pick<ChatRef, 'platform' | 'chatId'>): string => `${chat.platform}:${chat.chatId}`;
