/**
 * Forum topics: a chat that subscribed inside a topic gets its reminders in
 * that topic. The topic comes in with the command (`ChatRef.threadId`) and
 * /subscribe keeps it with the chat's settings; the scheduler hands it back
 * on the reminder's target. When Telegram says the topic is gone, it is
 * dropped here and the reminders go to the chat's General topic.
 */
import { chatKey, type ChatRef } from '../../src/chat.js';
import { CHAT_SETTINGS, readChatSettings } from '../../src/store/chat-settings.js';
import type { Store } from '../../src/store/store.js';

/** The topic is gone (deleted): reminders go to the chat's General topic from now on. */
export async function forgetTopic(store: Store, chat: Pick<ChatRef, 'platform' | 'chatId'>): Promise<void> {
  const current = await readChatSettings(store, chat);
  if (current?.threadId === undefined) return;
  const { threadId: _gone, ...rest } = current;
  await store.set(CHAT_SETTINGS, chatKey(chat), rest);
}
