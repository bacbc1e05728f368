/**
 * A bare grammY bot with no Placard code: answers every text message with a
 * fixed string. Used as the benchmark baseline and in the fake's self-test.
 */
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';

/** Options of {@link bareGrammyEchoBot}. */
export interface EchoBotOptions {
  /** The fixed answer (default `ok`). */
  answer?: string;
  /** Skips `getMe` when given (e.g. `tg.botInfo`). */
  botInfo?: UserFromGetMe;
}

/**
 * Creates (does not start) a grammY bot pointed at `apiRoot` that replies
 * `answer` to every text message. Start it with `bot.start()` or
 * `run(bot)` from `@grammyjs/runner`.
 */
export function bareGrammyEchoBot(apiRoot: string, token: string, options: EchoBotOptions = {}): Bot {
  const answer = options.answer ?? 'ok';
  const bot = options.botInfo
    ? new Bot(token, { client: { apiRoot }, botInfo: options.botInfo })
    : new Bot(token, { client: { apiRoot } });
  bot.on('message:text', (ctx) => ctx.reply(answer));
  return bot;
}
