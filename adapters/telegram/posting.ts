/**
 * Whether the bot may post reminders in a chat, asked without sending
 * anything: its own ChatMember (getChatMember with the bot's id), and in a
 * group where it is a plain member, the chat's default permissions (getChat).
 * Rights are named as Telegram's apps show them, so an admin finds the switch:
 * "Send Messages" (a member's permission), "Post Messages" (a channel admin's right).
 *
 * i18n-exempt-file: reasons in English for logs and the doctor (chats are told by `why`, in their language), and the rights as Telegram's settings name them.
 */
import { GrammyError, type Api } from 'grammy';
import type { ChatMember } from 'grammy/types';
import type { PostingProblem } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import { classifyTelegramError } from './errors.js';

const NOT_IN_CHAT: PostingProblem = { reason: 'the bot is not a member of this chat: add it again', missing: [], why: 'not-member' };
const SEND: PostingProblem = { reason: 'the bot may not send messages in this chat', missing: ['Send Messages'], why: 'may-not-send' };
const MEMBERS_MUTED: PostingProblem = {
  reason: 'members may not send messages in this chat: allow it, or make the bot an administrator', missing: ['Send Messages'], why: 'members-muted',
};
const CHANNEL_ADMIN: PostingProblem = {
  reason: 'in a channel the bot must be an administrator allowed to post messages', missing: ['Post Messages'], why: 'channel-admin',
};

/**
 * The problem, or undefined when the bot can post. A private chat has nothing
 * to check (a user who blocked the bot shows only when a message is sent).
 * Rejects when Telegram could not be asked (network, 5xx, 401): "could not
 * check" is not "fine", and not a problem of the chat either.
 */
export async function checkTelegramPosting(api: Api, botId: number, target: Pick<ChatRef, 'chatId' | 'kind'>): Promise<PostingProblem | undefined> {
  if (target.kind === 'private') return undefined;
  let member: ChatMember;
  try {
    member = await api.getChatMember(target.chatId, botId);
  } catch (e: unknown) {
    // "chat not found", "bot was kicked", "bot is not a member": the chat is gone for the bot.
    if (e instanceof GrammyError && classifyTelegramError(e).kind === 'gone') return NOT_IN_CHAT;
    throw e;
  }
  switch (member.status) {
    case 'creator':
      return undefined;
    case 'administrator':
      return target.kind === 'channel' && member.can_post_messages !== true ? CHANNEL_ADMIN : undefined;
    case 'left':
    case 'kicked':
      return NOT_IN_CHAT;
    case 'restricted':
      if (!member.is_member) return NOT_IN_CHAT;
      return member.can_send_messages ? undefined : SEND;
    case 'member': {
      if (target.kind === 'channel') return CHANNEL_ADMIN;
      const chat = await api.getChat(target.chatId);
      return chat.permissions?.can_send_messages === false ? MEMBERS_MUTED : undefined;
    }
  }
}
