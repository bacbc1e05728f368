/**
 * Loopback fake of the Telegram Bot API for end-to-end tests and benchmarks.
 *
 * ```ts
 * const tg = await startFakeTelegram();
 * const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot }, botInfo: tg.botInfo });
 * tg.sendUserMessage({ chat: { id: 42, type: 'private' }, text: '/start' });
 * ```
 */
export { startFakeTelegram, FakeTelegram, DEFAULT_TOKEN } from './fake.js';
export { Faults, type Fault, type FailOptions, type RateLimitOptions } from './faults.js';
export { parseTelegramHtml, trimFormatted, codePointLength, type ParsedText } from './html.js';
export { detectEntities } from './updates.js';
export type { UserMessageInput, ButtonPressInput, InlineQueryInput, MemberUpdateInput, MigrationInput, MigrationResult, ChatRef } from './updates.js';
export type { DeliveryOptions, WebhookDelivery } from './webhook.js';
export { bareGrammyEchoBot, type EchoBotOptions } from './echo-bot.js';
export type * from './types.js';
