/**
 * Telegram updates → Invocations. Commands are recognised by a bot_command
 * entity at offset 0, as Telegram marks them; `/cmd@otherbot` is ignored.
 */
import type { Chat, Message } from 'grammy/types';
import type { ChatRef } from '../../src/chat.js';
import { parseCommandLine } from '../../src/commands/dispatch.js';

/** The command in a message addressed to this bot, or undefined. */
export function commandOf(message: Pick<Message, 'text' | 'entities'>, botUsername: string): { command: string; text: string } | undefined {
  const text = message.text;
  if (!text || !message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0)) return undefined;
  const parsed = parseCommandLine(text);
  if (!parsed) return undefined;
  if (parsed.target !== undefined && parsed.target !== botUsername.toLowerCase()) return undefined;
  return { command: parsed.command, text: parsed.text };
}

/** A Telegram chat as the core sees it; `threadId`: the forum topic a message came from. */
export function chatRefOf(chat: Pick<Chat, 'id' | 'type'>, threadId?: number): ChatRef {
  const kind = chat.type === 'private' ? 'private' : chat.type === 'channel' ? 'channel' : 'group';
  return { platform: 'telegram', chatId: String(chat.id), kind, ...(threadId === undefined ? {} : { threadId: String(threadId) }) };
}
