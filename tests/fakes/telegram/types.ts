/**
 * Public types of the loopback Telegram Bot API fake.
 *
 * Object shapes returned to clients (Update, Message, …) use the Bot API types
 * re-exported by `grammy/types`, so tests get the same typing grammY does.
 */
import type { BotCommand, Message, MessageEntity, Update, UserFromGetMe } from 'grammy/types';

export type { BotCommand, Message, MessageEntity, Update, UserFromGetMe };

/** Chat kinds the fake knows. */
export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

/** A chat as the tests describe it; missing names are filled in. */
export interface ChatInput {
  id: number;
  type: ChatType;
  /** Group, supergroup or channel title. */
  title?: string;
  /** Private chat: the user's first name. */
  first_name?: string;
  username?: string;
}

/** A (human) Telegram user as the tests describe it. */
export interface UserInput {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
}

/** Status of a member in a chat, as `getChatMember` reports it. */
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

/** How a request's parameters reached the fake. */
export type Transport = 'json' | 'form' | 'multipart' | 'query' | 'none' | 'webhook-reply';

/** A successful Bot API answer. */
export interface ApiOk {
  ok: true;
  result: unknown;
  description?: string;
}

/** A failed Bot API answer; the HTTP status equals `error_code`. */
export interface ApiFailure {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Any Bot API answer body. */
export type ApiReply = ApiOk | ApiFailure;

/** A file part of a multipart request. */
export interface UploadedFile {
  field: string;
  filename: string;
  data: Buffer;
}

/** One API request the fake received (authorised, known or unknown method). */
export interface ApiCall {
  /** Method name as the client spelled it. */
  method: string;
  /** Parameters after body parsing (form fields stay strings). */
  params: Record<string, unknown>;
  transport: Transport;
  files: UploadedFile[];
  /** `Date.now()` when the request was parsed. */
  at: number;
  /** HTTP status answered; 0 for a dropped or never-answered request. */
  status: number;
  /** The body answered, if any. */
  reply?: ApiReply;
  /** Set when the answer came from `failNext` or the rate limiter. */
  injected?: 'fault' | 'rate-limit';
}

/** A message the bot sent or edited, as a user would see it. */
export interface SentMessage {
  method: 'sendMessage' | 'editMessageText';
  /** `chat_id` exactly as the client sent it. */
  chat_id: unknown;
  /** Resolved numeric chat id. */
  chatId: number;
  message_id: number;
  /** Text as sent (markup included). */
  text: string;
  parse_mode?: string;
  /** What the user sees: text after entity parsing and trimming. */
  plainText: string;
  /** Formatting entities after parsing (UTF-16 offsets). */
  entities: MessageEntity[];
  reply_markup?: unknown;
  link_preview_options?: unknown;
  disable_web_page_preview?: boolean;
  reply_parameters?: unknown;
  message_thread_id?: number;
  /** The `Message` object answered to the client. */
  message: Message;
  at: number;
}

/** A recorded `answerCallbackQuery`. */
export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
  at: number;
}

/** A recorded `answerInlineQuery` that Telegram would have accepted. */
export interface InlineAnswer {
  inline_query_id: string;
  /** The results as sent (InlineQueryResult objects). */
  results: Record<string, unknown>[];
  cache_time?: number;
  is_personal?: boolean;
  next_offset?: string;
  at: number;
}

/** Current webhook registration. */
export interface WebhookState {
  url: string;
  secret_token?: string;
  allowed_updates?: string[];
  max_connections?: number;
  /** Unix time of the last failed delivery (`deliverToWebhook` answered non-2xx or unreachable). */
  last_error_date?: number;
  /** Telegram's words for it, e.g. `Wrong response from the webhook: 503 Service Unavailable`. */
  last_error_message?: string;
}

/** Counters kept by the fake. */
export interface FakeStats {
  /** HTTP requests received on `/bot…` paths (including rejected ones). */
  requests: number;
  /** Requests per method (authorised requests only). */
  byMethod: Record<string, number>;
  /** 429 answers produced by `setRateLimit`. */
  rateLimited: number;
  /** Answers produced by `failNext` (all kinds). */
  injectedFaults: number;
  /** All 429 answers served (rate limiter + injected). */
  tooManyRequests: number;
  /** Requests answered 401 because of a wrong token. */
  unauthorized: number;
}

/** Options of {@link startFakeTelegram}. */
export interface FakeTelegramOptions {
  /** Bot token; its numeric prefix becomes the bot's user id. */
  token?: string;
  /** Bot username without `@` (default `testbot`). */
  botUsername?: string;
  /** Bot first name (default `Test Bot`). */
  botName?: string;
  /** Port to listen on (default: an ephemeral port). */
  port?: number;
  /** Start with the listener closed (connections refused) until `setDown(false)`. */
  down?: boolean;
  /**
   * HTML parsing strictness. `strict` (default) also rejects a bare `&` and
   * entities without `;`, which real Telegram tolerates; `telegram` mimics
   * Telegram's lenient handling of `&`.
   */
  html?: 'strict' | 'telegram';
  /** Answer `chat not found` for chats never seen (default: create them on first use). */
  strictChats?: boolean;
  /** First `update_id` handed out (default 100000). */
  firstUpdateId?: number;
}
