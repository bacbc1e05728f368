/**
 * Putting a prepared reply into a chat: as new messages (a command's answer),
 * or in place of the message a button sits under (a button's answer).
 */
import { GrammyError, type Api } from 'grammy';
import type { MaybeInaccessibleMessage } from 'grammy/types';
import { SEND_OPTIONS, type SendExtra } from './context.js';
import type { PreparedReply } from './keyboard.js';

/** Where new messages go: quoting `replyTo` (the first piece), inside forum topic `threadId`. */
export interface Placement {
  readonly replyTo?: number;
  readonly threadId?: number;
}

/** Sends a reply as new messages: pieces in order, the first quoting `replyTo`, buttons on the last. */
export function deliver(api: Api, chatId: number, prepared: PreparedReply, where: Placement = {}): Promise<unknown> {
  const { texts, markup } = prepared;
  const extraFor = (i: number): SendExtra => {
    const extra: SendExtra = { ...SEND_OPTIONS };
    if (where.threadId !== undefined) extra.message_thread_id = where.threadId;
    if (i === 0 && where.replyTo !== undefined) extra.reply_parameters = { message_id: where.replyTo, allow_sending_without_reply: true };
    if (i === texts.length - 1 && markup) extra.reply_markup = markup;
    return extra;
  };
  // Most replies are one message: sent at once. Longer ones one after another, as a promise chain
  // rather than an awaiting loop, so no frame is held while a piece is in flight.
  if (texts.length === 1) return api.sendMessage(chatId, texts[0]!.html, extraFor(0));
  let sent: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < texts.length; i++) sent = sent.then(() => api.sendMessage(chatId, texts[i]!.html, extraFor(i)));
  return sent;
}

/** The forum topic a message was posted in, if any. */
export function topicOfMessage(message: MaybeInaccessibleMessage): number | undefined {
  return 'is_topic_message' in message && message.is_topic_message === true ? message.message_thread_id : undefined;
}

const NOT_MODIFIED = /message is not modified/;

/**
 * Replaces `message` (the bot's, carrying the pressed button) with the reply:
 * its text and keyboard. A reply of several pieces puts the rest below as new
 * messages, the keyboard on the last. A message Telegram no longer lets the
 * bot edit (too old, deleted) gets the reply as new messages instead; the
 * same content again is no change and no error.
 */
export async function replaceMessage(api: Api, message: MaybeInaccessibleMessage, prepared: PreparedReply): Promise<void> {
  const { texts, markup } = prepared;
  const chatId = message.chat.id;
  const threadId = topicOfMessage(message);
  const first = texts[0]!;
  const rest: PreparedReply = { texts: texts.slice(1), markup };
  if (message.date === 0) { await deliver(api, chatId, prepared, threadId === undefined ? {} : { threadId }); return; }
  try {
    await api.editMessageText(chatId, message.message_id, first.html, {
      ...SEND_OPTIONS, ...(texts.length === 1 && markup ? { reply_markup: markup } : {}),
    });
  } catch (e: unknown) {
    if (!(e instanceof GrammyError) || e.error_code !== 400) throw e;
    if (!NOT_MODIFIED.test(e.description)) { await deliver(api, chatId, prepared, threadId === undefined ? {} : { threadId }); return; }
  }
  if (rest.texts.length > 0) await deliver(api, chatId, rest, threadId === undefined ? {} : { threadId });
}
