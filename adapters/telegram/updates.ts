/**
 * What the bot does with each update it takes: commands and button presses
 * become Invocations; a reply is rendered and sent; membership changes of
 * the bot end or move a chat's settings; membership changes of a member
 * drop that member's cached role. Failures of a reply: a chat that is gone
 * is forgotten, a moved one followed; a chat where the bot lost its rights
 * (`forbidden`) is kept — an admin may give them back.
 */
import type { Api, Bot, BotError, Context } from 'grammy';
import { GrammyError } from 'grammy';
import type { CallbackQuery, ChatMemberUpdated, Message } from 'grammy/types';
import type { InvocationHandler, PostingProblem } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import type { Invocation, Role, Services } from '../../src/commands/types.js';
import type { Logger } from '../../src/log.js';
import { chatForLog, type BurstLog } from '../../src/log-privacy.js';
import type { Reply } from '../../src/rich/model.js';
import { forgetChat, moveChat } from '../../src/store/chat-settings.js';
import { classifyTelegramError, describeTelegramError } from './errors.js';
import { chatRefOf, commandOf } from './inbound.js';
import { inOrderPer } from './in-order.js';
import { decodePage, pagingKeyboard } from './paging.js';
import { renderTelegramReply } from './render.js';
import type { RoleResolver } from './roles.js';

/** How every message is sent: HTML, link previews off. */
export const SEND_OPTIONS = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;
const STALE = 'This list has changed. Please send the command again.';
/** sendMessage's optional parameters. */
type SendExtra = NonNullable<Parameters<Api['sendMessage']>[2]>;

/** What the handlers need from the adapter. */
export interface UpdateDeps {
  readonly services: Services;
  readonly roles: RoleResolver;
  readonly burst: BurstLog;
  readonly log: Logger;
  readonly checkPosting: (target: ChatRef) => Promise<PostingProblem | undefined>;
}

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
    if (ctx.message) return onMessage(ctx, ctx.message, handler, deps);
    if (ctx.callbackQuery?.data !== undefined) return onButton(ctx, ctx.callbackQuery, handler, deps);
    if (ctx.myChatMember) return onMembership(ctx.myChatMember, deps);
    // Ordered with the chat's messages: a command after the demotion is checked against the new role.
    if (ctx.chatMember) deps.roles.forget(ctx.chatMember.chat.id, ctx.chatMember.new_chat_member.user.id);
    return undefined;
  };
  // The router is the ordering's `next`: one installed middleware, so grammY adds no layer between them.
  bot.use((ctx) => inOrder(ctx, () => route(ctx)));
}

/** The Invocation's lazy parts: the role (getChatMember) and the posting check, asked only when a command needs them. */
function lazyParts(chat: ChatRef, role: () => Promise<Role>, deps: UpdateDeps): Pick<Invocation, 'role' | 'checkPosting'> {
  // Telegram reminders go to the chat itself; a `targetId` (a Discord channel) has no meaning here.
  return { role: () => roleOr('member', role, deps), checkPosting: () => deps.checkPosting(chat) };
}

function onMessage(ctx: Context, msg: Message, handler: InvocationHandler, deps: UpdateDeps): Promise<unknown> | undefined {
  const chat = chatRefOf(msg.chat);
  if (msg.migrate_to_chat_id !== undefined) return moveChat(deps.services.store, chat, String(msg.migrate_to_chat_id));
  const cmd = commandOf(msg, ctx.me.username);
  if (!cmd) return undefined;
  const invocation: Invocation = {
    command: cmd.command, text: cmd.text, chat, now: new Date(), locale: msg.from?.language_code,
    ...lazyParts(chat, () => deps.roles.roleOf(msg.chat, msg.from?.id, msg.sender_chat?.id), deps),
  };
  // In a group the answer quotes the command, so it is clear what it answers; a private chat needs no quote.
  const quote = msg.chat.type === 'private' ? undefined : msg.message_id;
  return handler(invocation).then((reply) => deliver(ctx, reply, quote, msg.is_topic_message ? msg.message_thread_id : undefined));
}

async function onButton(ctx: Context, query: CallbackQuery, handler: InvocationHandler, deps: UpdateDeps): Promise<void> {
  const request = decodePage(query.data ?? '');
  const message = query.message;
  if (!request || !message) { await ctx.answerCallbackQuery(query.data === 'noop' ? {} : { text: STALE }); return; }
  const chat = chatRefOf(message.chat);
  const reply = await handler({
    command: request.command, text: `${request.args} ${request.page}`.trim(), chat, now: new Date(),
    ...lazyParts(chat, () => deps.roles.roleOf(message.chat, query.from.id), deps),
  });
  const texts = renderTelegramReply(reply);
  if (reply.ephemeral || texts.length !== 1) { await ctx.answerCallbackQuery({ text: STALE }); return; }
  const markup = reply.paging ? pagingKeyboard(reply.paging) : undefined;
  await ctx.editMessageText(texts[0]!.html, { ...SEND_OPTIONS, ...(markup ? { reply_markup: markup } : {}) })
    .catch((e: unknown) => { if (!(e instanceof GrammyError && /not modified/.test(e.description))) throw e; });
  await ctx.answerCallbackQuery();
}

async function onMembership(update: ChatMemberUpdated, deps: UpdateDeps): Promise<void> {
  const status = update.new_chat_member.status;
  if (status === 'kicked' || status === 'left') {
    const chat = chatRefOf(update.chat);
    await forgetChat(deps.services.store, chat);
    deps.log.info({ chat: chatForLog(chat), status }, 'telegram chat left; its settings are deleted');
  }
}

/** Sends a reply: HTML pieces under the limit, the first quoting `replyTo` when given, buttons on the last. */
function deliver(ctx: Context, reply: Reply, replyTo: number | undefined, threadId: number | undefined): Promise<unknown> {
  const texts = renderTelegramReply(reply);
  const markup = reply.paging ? pagingKeyboard(reply.paging) : undefined;
  const chatId = ctx.chat!.id;
  const extraFor = (i: number): SendExtra => {
    const extra: SendExtra = { ...SEND_OPTIONS };
    if (threadId !== undefined) extra.message_thread_id = threadId;
    if (i === 0 && replyTo !== undefined) extra.reply_parameters = { message_id: replyTo, allow_sending_without_reply: true };
    if (i === texts.length - 1 && markup) extra.reply_markup = markup;
    return extra;
  };
  // Most replies are one message: sent at once. Longer ones one after another, as a promise chain
  // rather than an awaiting loop, so no frame is held while a piece is in flight.
  if (texts.length === 1) return ctx.api.sendMessage(chatId, texts[0]!.html, extraFor(0));
  let sent: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < texts.length; i++) sent = sent.then(() => ctx.api.sendMessage(chatId, texts[i]!.html, extraFor(i)));
  return sent;
}

async function roleOr<T>(fallback: T, get: () => Promise<T>, deps: UpdateDeps): Promise<T> {
  try { return await get(); } catch (e: unknown) {
    deps.burst.note('warn', 'role', describeTelegramError(e), 'telegram role lookup failed; treating as member');
    return fallback;
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
