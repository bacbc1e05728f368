/**
 * Reminders out: one message for the scheduler, its actions as an inline
 * keyboard, posted where the chat subscribed — into its forum topic when
 * /subscribe was sent in one, else the chat (a forum's General topic, a
 * channel). A topic deleted since is forgotten and the reminder goes to
 * General rather than nowhere. Failures come back as a SendResult.
 */
import { GrammyError, type Api } from 'grammy';
import type { SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import type { Logger } from '../../src/log.js';
import { chatForLog } from '../../src/log-privacy.js';
import type { Action, RichMessage } from '../../src/rich/model.js';
import type { Pacer } from '../../src/schedule/pacer.js';
import type { Store } from '../../src/store/store.js';
import { SEND_OPTIONS, type SendExtra } from './context.js';
import { classifyTelegramError } from './errors.js';
import { prepareReply, type PreparedReply } from './keyboard.js';
import { forgetTopic } from './topics.js';

/** What sending a reminder needs from the adapter. */
export interface ReminderSender {
  /** The scheduler's API: no auto-retry, a short timeout. */
  readonly api: Api;
  readonly pacer: Pacer;
  readonly store: Store;
  readonly log: Logger;
}

/** Telegram's words for a `message_thread_id` that names no topic (any more). */
const THREAD_GONE = /message thread not found|TOPIC_DELETED/i;

/**
 * Reminders rendered, by message: a fan-out builds one message per event,
 * anniversary and language and sends that same object to every chat, so it
 * is rendered once instead of once per chat (at 300 sends a second the HTML
 * rendering showed in the scale bench's CPU). Keyed weakly, so a finished
 * fan-out's messages go with it; a message is never changed once built.
 */
const rendered = new WeakMap<RichMessage, { readonly actions: readonly Action[] | undefined; readonly prepared: PreparedReply }>();

/** The reminder's texts and keyboard, rendered once per message and set of actions. */
function prepareReminder(message: RichMessage, actions: readonly Action[] | undefined): PreparedReply {
  const known = rendered.get(message);
  if (known !== undefined && known.actions === actions) return known.prepared;
  const prepared = prepareReply({ messages: [message], ...(actions && actions.length > 0 ? { actions } : {}) });
  rendered.set(message, { actions, prepared });
  return prepared;
}

/** Sends one reminder (see the module comment); never throws. */
export async function sendReminder(s: ReminderSender, target: ChatRef, message: RichMessage, actions?: readonly Action[]): Promise<SendResult> {
  const { texts, markup } = prepareReminder(message, actions);
  const thread = target.threadId === undefined ? NaN : Number(target.threadId);
  let threadId = target.kind === 'group' && Number.isSafeInteger(thread) && thread > 0 ? thread : undefined;
  try {
    for (let i = 0; i < texts.length; i++) {
      await s.pacer.wait(target.chatId, target.kind !== 'private');
      const extra: SendExtra = { ...SEND_OPTIONS };
      if (threadId !== undefined) extra.message_thread_id = threadId;
      if (i === texts.length - 1 && markup) extra.reply_markup = markup;
      try {
        await s.api.sendMessage(target.chatId, texts[i]!.html, extra);
      } catch (e: unknown) {
        if (threadId === undefined || !(e instanceof GrammyError && e.error_code === 400 && THREAD_GONE.test(e.description))) throw e;
        s.log.info({ chat: chatForLog(target) }, 'the forum topic of reminders is gone; posting them to the General topic');
        await forgetTopic(s.store, target).catch(() => undefined);
        threadId = undefined;
        i--; // the same piece again, outside the topic
      }
    }
    return { kind: 'sent' };
  } catch (error: unknown) {
    return classifyTelegramError(error);
  }
}
