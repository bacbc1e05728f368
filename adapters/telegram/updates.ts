/**
 * What the bot does with each update it takes: commands (in chats, and
 * posted in channels) and button presses become Invocations; a reply is
 * rendered and sent, its actions as an inline keyboard; inline queries are
 * answered with ready-to-send messages; membership changes of the bot end
 * or move a chat's settings; membership changes of a member drop that
 * member's cached role. Failures of a reply: a chat that is gone is
 * forgotten, a moved one followed; a chat where the bot lost its rights
 * (`forbidden`) is kept — an admin may give them back.
 */
import type { Bot, BotError, Context } from 'grammy';
import type { ChatMemberUpdated, Message } from 'grammy/types';
import type { InvocationHandler } from '../../src/adapter.js';
import type { Invocation } from '../../src/commands/types.js';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import type { Reply } from '../../src/rich/model.js';
import { chatForLog } from '../../src/log-privacy.js';
import { forgetChat, moveChat } from '../../src/store/chat-settings.js';
import { onButton } from './buttons.js';
import { lazyParts, voiceFor, type UpdateDeps } from './context.js';
import { deliver, topicOfMessage } from './deliver.js';
import { classifyTelegramError, describeTelegramError } from './errors.js';
import { chatRefOf, commandOf } from './inbound.js';
import { inOrderPer } from './in-order.js';
import { onInlineQuery } from './inline.js';
import { prepareReply } from './keyboard.js';

export { SEND_OPTIONS, type UpdateDeps } from './context.js';

/**
 * The kinds of update the bot asks Telegram for (getUpdates' and setWebhook's
 * `allowed_updates`): `channel_post` for commands posted in a channel,
 * `inline_query` for inline mode, `chat_member` for role changes.
 */
export const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query', 'inline_query', 'my_chat_member', 'chat_member'] as const;

/**
 * One chat's updates in order (`inOrderPer`, see there why not the runner's
 * `sequentialize`), then one router for the kinds of update the bot asks
 * for. A single middleware rather than several `bot.on` filters: each grammY
 * layer is an async frame held for as long as the reply is in flight.
 * Failures go to `bot.catch` (the runner calls it; the webhook route does the same).
 */
export function installUpdateHandlers(bot: Bot, handler: InvocationHandler, deps: UpdateDeps): void {
  bot.catch((err: BotError) => onError(err, deps));
  const inOrder = inOrderPer((ctx: Context) => ctx.chat?.id);
  const route = async (ctx: Context): Promise<unknown> => {
    const post = ctx.message ?? ctx.channelPost;
    if (post) return onMessage(ctx, post, handler, deps);
    if (ctx.callbackQuery?.data !== undefined) return onButton(ctx, ctx.callbackQuery, handler, deps);
    if (ctx.inlineQuery) return onInlineQuery(ctx, ctx.inlineQuery, handler, deps);
    if (ctx.myChatMember) return onMembership(ctx.myChatMember, deps);
    // Ordered with the chat's messages: a command after the demotion is checked against the new role.
    if (ctx.chatMember) deps.roles.forget(ctx.chatMember.chat.id, ctx.chatMember.new_chat_member.user.id);
    return undefined;
  };
  // The router is the ordering's `next`: one installed middleware, so grammY adds no layer between them.
  bot.use((ctx) => inOrder(ctx, () => route(ctx)));
}

/** A message in a chat, or a post in a channel (whose author is the channel itself: an admin). */
function onMessage(ctx: Context, msg: Message, handler: InvocationHandler, deps: UpdateDeps): Promise<unknown> | undefined {
  const threadId = topicOfMessage(msg);
  const chat = chatRefOf(msg.chat, threadId);
  if (msg.migrate_to_chat_id !== undefined) return moveChat(deps.services.store, chat, String(msg.migrate_to_chat_id));
  const cmd = commandOf(msg, ctx.me.username);
  if (!cmd) return undefined;
  const invocation: Invocation = {
    command: cmd.command, text: cmd.text, chat, now: new Date(),
    // The user's language_code speaks for a private chat only: a group's language is its /language or the campaign's.
    ...(msg.chat.type === 'private' && msg.from?.language_code !== undefined ? { locale: msg.from.language_code } : {}),
    ...lazyParts(chat, () => deps.roles.roleOf(msg.chat, msg.from?.id, msg.sender_chat?.id), deps),
  };
  // In a group the answer quotes the command, so it is clear what it answers; a private chat needs no quote.
  const replyTo = msg.chat.type === 'private' ? undefined : msg.message_id;
  return handler(invocation).then(async (reply) => deliver(ctx.api, msg.chat.id, prepareReply(reply, await wordsFor(reply, invocation, deps)), {
    ...(replyTo === undefined ? {} : { replyTo }), ...(threadId === undefined ? {} : { threadId }),
  }));
}

/** The voice of the words the adapter adds to a reply (paging buttons): asked only for a reply that has some. */
function wordsFor(reply: Reply, invocation: Invocation, deps: UpdateDeps): Promise<Voice> | Voice {
  return reply.paging !== undefined && reply.paging.pages > 1 ? voiceFor(deps.languages, invocation) : defaultVoice();
}

async function onMembership(update: ChatMemberUpdated, deps: UpdateDeps): Promise<void> {
  const status = update.new_chat_member.status;
  if (status === 'kicked' || status === 'left') {
    const chat = chatRefOf(update.chat);
    await forgetChat(deps.services.store, chat);
    deps.log.info({ chat: chatForLog(chat), status }, 'telegram chat left; its settings are deleted');
  }
}

async function onError(err: BotError, deps: UpdateDeps): Promise<void> {
  const chat = err.ctx.chat;
  const result = classifyTelegramError(err.error);
  const ref = chat ? chatRefOf(chat) : undefined;
  const fields = describeTelegramError(err.error);
  deps.burst.note('warn', `update:${result.kind}:${String(fields['code'] ?? fields['cause'] ?? '')}`,
    { ...fields, ...(ref ? { chat: chatForLog(ref) } : {}), result: result.kind }, 'telegram update failed');
  if (!ref) return;
  // Only a chat that is gone is forgotten: `forbidden` (rights taken) keeps its subscription for an admin to fix.
  if (result.kind === 'gone') await forgetChat(deps.services.store, ref);
  if (result.kind === 'migrated') await moveChat(deps.services.store, ref, result.newChatId);
}
