/**
 * Telegram updates → Invocations. Commands are recognised by a bot_command
 * entity at offset 0, as Telegram marks them; `/cmd@otherbot` is ignored.
 */
import type { Api } from 'grammy';
import type { Chat, Message } from 'grammy/types';
import type { ChatRef } from '../../src/chat.js';
import { parseCommandLine } from '../../src/commands/dispatch.js';
import type { Role } from '../../src/commands/types.js';

/** The command in a message addressed to this bot, or undefined. */
export function commandOf(message: Pick<Message, 'text' | 'entities'>, botUsername: string): { command: string; text: string } | undefined {
  const text = message.text;
  if (!text || !message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0)) return undefined;
  const parsed = parseCommandLine(text);
  if (!parsed) return undefined;
  if (parsed.target !== undefined && parsed.target !== botUsername.toLowerCase()) return undefined;
  return { command: parsed.command, text: parsed.text };
}

/** A Telegram chat as the core sees it. */
export function chatRefOf(chat: Pick<Chat, 'id' | 'type'>): ChatRef {
  return { platform: 'telegram', chatId: String(chat.id), kind: chat.type === 'private' ? 'private' : chat.type === 'channel' ? 'channel' : 'group' };
}

const ADMIN_STATUSES = new Set(['creator', 'administrator']);
const ROLE_TTL_MS = 60_000;

/**
 * Resolves roles with getChatMember, cached briefly. User ids live only in
 * this in-memory cache for a minute: never stored, never logged.
 */
export class RoleResolver {
  private readonly cache = new Map<string, { role: Role; until: number }>();

  constructor(private readonly api: () => Api, private readonly now: () => number = Date.now) {}

  /** The role of the sender of a message (or of a button press) in its chat. */
  async roleOf(chat: Pick<Chat, 'id' | 'type'>, fromId: number | undefined, senderChatId?: number): Promise<Role> {
    if (chat.type === 'private') return 'admin';
    // An anonymous admin posts as the group itself.
    if (senderChatId !== undefined && senderChatId === chat.id) return 'admin';
    if (fromId === undefined) return 'member';
    const key = `${chat.id}:${fromId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return hit.role;
    const member = await this.api().getChatMember(chat.id, fromId);
    const role: Role = ADMIN_STATUSES.has(member.status) ? 'admin' : 'member';
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { role, until: this.now() + ROLE_TTL_MS });
    return role;
  }
}
