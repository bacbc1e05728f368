/**
 * Message methods of the fake: sendMessage, editMessageText,
 * answerCallbackQuery — with Telegram's validation and error wording.
 */
import type { InlineKeyboardMarkup, Message, MessageEntity } from 'grammy/types';
import { codePointLength, parseTelegramHtml, trimFormatted, withBotCommands } from './html.js';
import { asRecord, paramBool, paramChatId, paramInt, paramJson, paramString } from './http-body.js';
import type { ChatRecord, FakeState } from './state.js';
import type { ApiFailure, ApiReply, SentMessage } from './types.js';

/** Everything a method handler gets. */
export interface MethodContext {
  state: FakeState;
  html: 'strict' | 'telegram';
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

/** A Bot API method implementation. */
export type MethodHandler = (ctx: MethodContext, p: Record<string, unknown>) => ApiReply | Promise<ApiReply>;

/** Builds an error reply. */
export const fail = (error_code: number, description: string, parameters?: ApiFailure['parameters']): ApiFailure =>
  parameters ? { ok: false, error_code, description, parameters } : { ok: false, error_code, description };

/** Builds a success reply. */
export const ok = (result: unknown, description?: string): ApiReply =>
  description === undefined ? { ok: true, result } : { ok: true, result, description };

const TEXT_LIMIT = 4096;

/** Checks that the bot can act in a chat (migration, kick, block). */
export function chatAccess(rec: ChatRecord): ApiFailure | undefined {
  if (rec.migratedTo !== undefined) {
    return fail(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: rec.migratedTo });
  }
  const kind = rec.chat.type;
  if (rec.botStatus === 'kicked') {
    return kind === 'private' ? fail(403, 'Forbidden: bot was blocked by the user') : fail(403, `Forbidden: bot was kicked from the ${kind} chat`);
  }
  if (rec.botStatus === 'left' && kind !== 'private') return fail(403, `Forbidden: bot is not a member of the ${kind} chat`);
  return undefined;
}

/** Resolves `chat_id` and checks access. */
export function targetChat(state: FakeState, p: Record<string, unknown>): ChatRecord | ApiFailure {
  const id = paramChatId(p);
  if (id === undefined) return fail(400, 'Bad Request: chat_id is empty');
  const rec = state.resolveChat(id);
  if (!rec) return fail(400, 'Bad Request: chat not found');
  return chatAccess(rec) ?? rec;
}

const isFailure = (v: unknown): v is ApiFailure => asRecord(v)?.['ok'] === false;

/** Applies `parse_mode` / `entities` to `text` and enforces Telegram's limits. */
export function formatText(p: Record<string, unknown>, html: 'strict' | 'telegram'): { text: string; entities: MessageEntity[] } | ApiFailure {
  const raw = paramString(p, 'text') ?? '';
  if (raw === '') return fail(400, 'Bad Request: message text is empty');
  const mode = (paramString(p, 'parse_mode') ?? '').toLowerCase();
  let text = raw;
  let entities: MessageEntity[] = [];
  if (mode === 'html') {
    const parsed = parseTelegramHtml(raw, html);
    if (!parsed.ok) return fail(400, `Bad Request: can't parse entities: ${parsed.error}`);
    ({ text, entities } = parsed);
  } else if (mode === '') {
    const given = paramJson(p, 'entities');
    if (Array.isArray(given)) entities = given as MessageEntity[];
  } else if (mode !== 'markdown' && mode !== 'markdownv2') {
    return fail(400, 'Bad Request: unsupported parse_mode');
  } // Markdown modes are accepted but not parsed: the text is kept verbatim.
  const trimmed = trimFormatted(text, entities);
  if (trimmed.text === '') return fail(400, 'Bad Request: message text is empty');
  if (codePointLength(trimmed.text) > TEXT_LIMIT) return fail(400, 'Bad Request: message is too long');
  return withBotCommands(trimmed);
}

/** Only inline keyboards are echoed back on a Message. */
function inlineMarkup(markup: unknown): InlineKeyboardMarkup | undefined {
  const r = asRecord(markup);
  return r && Array.isArray(r['inline_keyboard']) ? (r as unknown as InlineKeyboardMarkup) : undefined;
}

/** Records an outgoing or edited message in `state.sent`. */
function record(ctx: MethodContext, method: SentMessage['method'], p: Record<string, unknown>, rec: ChatRecord, message: Message): void {
  const s: SentMessage = {
    method, chat_id: p['chat_id'], chatId: rec.chat.id, message_id: message.message_id, text: paramString(p, 'text') ?? '',
    plainText: message.text ?? '', entities: message.entities ?? [], message, at: Date.now(),
  };
  const mode = paramString(p, 'parse_mode');
  if (mode !== undefined) s.parse_mode = mode;
  for (const key of ['reply_markup', 'link_preview_options', 'reply_parameters'] as const) {
    const v = paramJson(p, key);
    if (v !== undefined) s[key] = v;
  }
  const dwp = paramBool(p, 'disable_web_page_preview');
  if (dwp !== undefined) s.disable_web_page_preview = dwp;
  const thread = paramInt(p, 'message_thread_id');
  if (thread !== undefined) s.message_thread_id = thread;
  ctx.state.sent.push(s);
}

const sendMessage: MethodHandler = (ctx, p) => {
  const rec = targetChat(ctx.state, p);
  if (isFailure(rec)) return rec;
  const formatted = formatText(p, ctx.html);
  if (isFailure(formatted)) return formatted;
  const replyParams = asRecord(paramJson(p, 'reply_parameters'));
  const replyTo = paramInt(replyParams ?? {}, 'message_id') ?? paramInt(p, 'reply_to_message_id');
  const replied = replyTo === undefined ? undefined : rec.messages.get(replyTo);
  const allowMissing = paramBool(replyParams ?? {}, 'allow_sending_without_reply') ?? paramBool(p, 'allow_sending_without_reply');
  if (replyTo !== undefined && !replied && !allowMissing) return fail(400, 'Bad Request: message to be replied not found');
  const message: Message = {
    message_id: ctx.state.nextMessageId(rec), from: ctx.state.botUser, chat: rec.chat, date: Math.floor(Date.now() / 1000), text: formatted.text,
  };
  if (formatted.entities.length > 0) message.entities = formatted.entities;
  const thread = paramInt(p, 'message_thread_id');
  if (thread !== undefined && rec.chat.type === 'supergroup') message.message_thread_id = thread;
  if (replied) message.reply_to_message = { ...replied, reply_to_message: undefined };
  const markup = inlineMarkup(paramJson(p, 'reply_markup'));
  if (markup) message.reply_markup = markup;
  const preview = asRecord(paramJson(p, 'link_preview_options'));
  if (preview) message.link_preview_options = preview;
  rec.messages.set(message.message_id, message);
  record(ctx, 'sendMessage', p, rec, message);
  return ok(message);
};

const editMessageText: MethodHandler = (ctx, p) => {
  if (paramString(p, 'inline_message_id') !== undefined) return fail(400, 'Bad Request: MESSAGE_ID_INVALID');
  const rec = targetChat(ctx.state, p);
  if (isFailure(rec)) return rec;
  const id = paramInt(p, 'message_id');
  if (id === undefined) return fail(400, 'Bad Request: message identifier is not specified');
  const old = rec.messages.get(id);
  if (!old) return fail(400, 'Bad Request: message to edit not found');
  if (old.from?.id !== ctx.state.botInfo.id) return fail(400, "Bad Request: message can't be edited");
  const formatted = formatText(p, ctx.html);
  if (isFailure(formatted)) return formatted;
  const markup = inlineMarkup(paramJson(p, 'reply_markup'));
  const same = old.text === formatted.text && JSON.stringify(old.entities ?? []) === JSON.stringify(formatted.entities)
    && JSON.stringify(old.reply_markup) === JSON.stringify(markup);
  if (same) {
    return fail(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
  }
  const message: Message = { ...old, text: formatted.text, edit_date: Math.floor(Date.now() / 1000) };
  delete message.entities;
  delete message.reply_markup; // editing without reply_markup removes the inline keyboard
  if (formatted.entities.length > 0) message.entities = formatted.entities;
  if (markup) message.reply_markup = markup;
  rec.messages.set(id, message);
  record(ctx, 'editMessageText', p, rec, message);
  return ok(message);
};

const answerCallbackQuery: MethodHandler = (ctx, p) => {
  const id = paramString(p, 'callback_query_id');
  if (id === undefined || !ctx.state.openCallbackQueries.delete(id)) {
    return fail(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
  }
  const answer: (typeof ctx.state.callbackAnswers)[number] = { callback_query_id: id, at: Date.now() };
  const text = paramString(p, 'text');
  if (text !== undefined) answer.text = text;
  const alert = paramBool(p, 'show_alert');
  if (alert !== undefined) answer.show_alert = alert;
  const url = paramString(p, 'url');
  if (url !== undefined) answer.url = url;
  const cache = paramInt(p, 'cache_time');
  if (cache !== undefined) answer.cache_time = cache;
  ctx.state.callbackAnswers.push(answer);
  return ok(true);
};

/** Message-related handlers, keyed by method name. */
export const messageMethods: Record<string, MethodHandler> = { sendMessage, editMessageText, answerCallbackQuery };
