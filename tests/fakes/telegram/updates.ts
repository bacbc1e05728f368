/**
 * Builders for the updates a test injects: user messages (with Telegram's
 * `bot_command` entities), button presses, membership changes, migrations.
 */
import type { Message, MessageEntity, Update, User } from 'grammy/types';
import { detectBotCommands } from './html.js';
import { chatMember } from './methods-bot.js';
import { GROUP_ANONYMOUS_BOT, type ChatRecord, type FakeState } from './state.js';
import type { ChatInput, MemberStatus, UserInput } from './types.js';

/** Telegram's placeholder sender for messages posted on behalf of a channel. */
const CHANNEL_BOT: User = { id: 136817688, is_bot: true, first_name: 'Channel', username: 'Channel_Bot' };

/** A chat by description, or the id of a chat the fake already knows. */
export type ChatRef = ChatInput | number;

/** Input of `sendUserMessage`. */
export interface UserMessageInput {
  chat: ChatRef;
  /** Sender; default: the private chat's user, or "Alice" (id 1001) in groups. */
  from?: UserInput;
  text: string;
  /** Post on behalf of a chat: `true` = the group itself (anonymous admin), or a channel. */
  senderChat?: ChatInput | true;
  messageThreadId?: number;
  replyToMessageId?: number;
  /** Replaces the auto-detected entities. */
  entities?: MessageEntity[];
}

/** Input of `pressButton`. */
export interface ButtonPressInput {
  chat: ChatRef;
  from?: UserInput;
  /** The message carrying the inline keyboard. */
  messageId: number;
  data: string;
}

/** Input of `inlineQuery`: a user typing `@bot <query>` in some chat. */
export interface InlineQueryInput {
  from: UserInput;
  query: string;
  /** Where it is typed: `sender` (the chat with the bot), `private`, `group`, `supergroup`, `channel`. */
  chatType?: 'sender' | 'private' | 'group' | 'supergroup' | 'channel';
  offset?: string;
}

/** Input of `chatMemberUpdate`. */
export interface MemberUpdateInput {
  chat: ChatRef;
  /** Who made the change (default: an admin "Alice", or the private chat's user). */
  from?: UserInput;
  /** New status of the bot (or of `user`). */
  status: MemberStatus;
  /** Previous status (default: the current one). */
  oldStatus?: MemberStatus;
  /** Another member whose status changes (yields `chat_member`, not `my_chat_member`). */
  user?: UserInput;
}

/** Input of `migrateChat`. */
export interface MigrationInput {
  /** The basic group that becomes a supergroup. */
  chatId: number;
  /** New id (default `-100` followed by the old id's digits). */
  toChatId?: number;
  from?: UserInput;
}

/** What a migration produced. */
export interface MigrationResult {
  newChatId: number;
  /** Service message in the old group, with `migrate_to_chat_id`. */
  migrateTo: Update;
  /** Service message in the new supergroup, with `migrate_from_chat_id`. */
  migrateFrom: Update;
}

const now = (): number => Math.floor(Date.now() / 1000);

/** Finds entities Telegram would mark in a user's text (bot commands). */
export function detectEntities(text: string): MessageEntity[] {
  return detectBotCommands(text);
}

/** Builds and queues updates against a `FakeState`. */
export class UpdateFactory {
  constructor(private readonly state: FakeState) {}

  /** Queues a loosely typed update body (chat unions are checked by the builders). */
  private queue(body: Record<string, unknown>): Update {
    return this.state.enqueue(body as Omit<Update, 'update_id'>);
  }

  private chat(ref: ChatRef): ChatRecord {
    if (typeof ref !== 'number') return this.state.addChat(ref);
    const rec = this.state.chats.get(ref);
    if (!rec) throw new Error(`fake telegram: unknown chat ${ref}; pass a chat description first`);
    return rec;
  }

  private sender(rec: ChatRecord, from: UserInput | undefined): User {
    if (from) return this.state.addUser(from);
    if (rec.chat.type === 'private') return this.state.addUser({ id: rec.chat.id, first_name: rec.chat.first_name });
    return this.state.users.get(1001) ?? this.state.addUser({ id: 1001, first_name: 'Alice' });
  }

  /** A text message from a user (or an anonymous admin) to the bot. */
  sendUserMessage(input: UserMessageInput): Update {
    const rec = this.chat(input.chat);
    const message: Message = { message_id: this.state.nextMessageId(rec), date: now(), chat: rec.chat, text: input.text };
    if (input.senderChat !== undefined) {
      const sc = input.senderChat === true ? rec : this.state.addChat(input.senderChat);
      message.sender_chat = sc.chat;
      message.from = sc === rec ? GROUP_ANONYMOUS_BOT : CHANNEL_BOT;
    } else if (rec.chat.type !== 'channel') {
      message.from = this.sender(rec, input.from);
    }
    const entities = input.entities ?? detectEntities(input.text);
    if (entities.length > 0) message.entities = entities;
    if (input.messageThreadId !== undefined) {
      message.message_thread_id = input.messageThreadId;
      message.is_topic_message = true;
    }
    const replied = input.replyToMessageId === undefined ? undefined : rec.messages.get(input.replyToMessageId);
    if (replied) message.reply_to_message = { ...replied, reply_to_message: undefined };
    rec.messages.set(message.message_id, message);
    return this.queue(rec.chat.type === 'channel' ? { channel_post: message } : { message });
  }

  /** A user pressing an inline button; the query id becomes answerable once. */
  pressButton(input: ButtonPressInput): Update {
    const rec = this.chat(input.chat);
    const id = this.state.newCallbackId();
    this.state.openCallbackQueries.add(id);
    const message = rec.messages.get(input.messageId) ?? { message_id: input.messageId, date: 0 as const, chat: rec.chat };
    return this.state.enqueue({
      callback_query: {
        id, from: this.sender(rec, input.from), message, chat_instance: String(Math.abs(rec.chat.id) * 31 + 17), data: input.data,
      },
    });
  }

  /** A user typing `@bot <query>`: an `inline_query` whose id becomes answerable once. */
  inlineQuery(input: InlineQueryInput): Update {
    const id = this.state.newCallbackId();
    this.state.openInlineQueries.add(id);
    return this.queue({
      inline_query: {
        id, from: this.state.addUser(input.from), query: input.query, offset: input.offset ?? '',
        ...(input.chatType ? { chat_type: input.chatType } : {}),
      },
    });
  }

  /** The bot's (or a user's) membership changed: `my_chat_member` / `chat_member`. */
  chatMemberUpdate(input: MemberUpdateInput): Update {
    const rec = this.chat(input.chat);
    const subject = input.user ? this.state.addUser(input.user) : this.state.botUser;
    const current = input.user ? rec.members.get(subject.id) ?? 'left' : rec.botStatus;
    const old = input.oldStatus ?? current;
    if (input.user) rec.members.set(subject.id, input.status);
    else rec.botStatus = input.status;
    const change = {
      chat: rec.chat, from: this.sender(rec, input.from), date: now(),
      old_chat_member: chatMember(this.state, subject.id, old), new_chat_member: chatMember(this.state, subject.id, input.status),
    } as unknown as NonNullable<Update['my_chat_member']>;
    return this.state.enqueue(input.user ? { chat_member: change } : { my_chat_member: change });
  }

  /** A basic group upgraded to a supergroup: both service messages are queued. */
  migrateChat(input: MigrationInput): MigrationResult {
    const old = this.chat(input.chatId);
    if (old.chat.type !== 'group') throw new Error('fake telegram: only basic groups migrate');
    const newChatId = input.toChatId ?? Number(`-100${Math.abs(input.chatId)}`);
    const title = old.chat.title;
    const fresh = this.state.addChat({ id: newChatId, type: 'supergroup', title });
    fresh.botStatus = old.botStatus;
    for (const [u, s] of old.members) fresh.members.set(u, s);
    old.migratedTo = newChatId;
    const from = this.sender(old, input.from);
    const migrateTo = this.queue({
      message: { message_id: this.state.nextMessageId(old), from, chat: old.chat, date: now(), migrate_to_chat_id: newChatId },
    });
    const migrateFrom = this.queue({
      message: {
        message_id: this.state.nextMessageId(fresh), from: GROUP_ANONYMOUS_BOT, sender_chat: fresh.chat, chat: fresh.chat,
        date: now(), migrate_from_chat_id: input.chatId,
      },
    });
    return { newChatId, migrateTo, migrateFrom };
  }
}
