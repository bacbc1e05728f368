/**
 * The one place that builds the configured platform adapters, for `serve`
 * and for `placard doctor`. Each adapter module is imported only when its
 * platform is configured, so a Discord-only deployment never loads grammY.
 */
import type { Adapter } from './adapter.js';
import type { Dispatcher } from './commands/dispatch.js';
import type { Services } from './commands/types.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { RouteHandler } from './http/server.js';
import { readTestTuning } from './test-tuning.js';

/** The configured adapters (not started) and the HTTP routes they serve. */
export interface Platforms {
  readonly adapters: readonly Adapter[];
  readonly routes: Readonly<Record<string, RouteHandler>>;
}

/** Builds every adapter the configuration enables; none is started. */
/** Chooses each answer's language and gives its words: the core's dispatcher, whose cache `/language` invalidates. */
export type AnswerLanguages = Pick<Dispatcher, 'languageOf' | 'voice'>;

export async function createPlatforms(config: Config, services: Services, log: Logger, languages?: AnswerLanguages): Promise<Platforms> {
  const words = languages === undefined ? {} : { languages };
  const adapters: Adapter[] = [];
  const routes: Record<string, RouteHandler> = {};
  if (config.telegram) {
    const { TelegramAdapter, TELEGRAM_LIMITS } = await import('../adapters/telegram/adapter.js');
    // Test-only (tests/scale): the pacer's limit in all, scaled together with the fake's.
    const perSecond = readTestTuning()?.telegramPerSecond;
    const limits = perSecond === undefined ? {} : { limits: { ...TELEGRAM_LIMITS, global: { count: perSecond, perMs: 1000 } } };
    const telegram = new TelegramAdapter({ ...config.telegram, ...limits, services, ...words, log: log.child({ adapter: 'telegram' }) });
    const hook = telegram.webhookRoute();
    if (hook) routes[hook.path] = hook.handler;
    adapters.push(telegram);
  }
  if (config.discord) {
    const { DiscordAdapter } = await import('../adapters/discord/adapter.js');
    const discord = new DiscordAdapter({ ...config.discord, services, ...words, log: log.child({ adapter: 'discord' }) });
    // With DISCORD_PUBLIC_KEY: interactions come over HTTP (`POST /discord/interactions`) instead of the gateway.
    const interactions = discord.interactionsRoute();
    if (interactions) routes[interactions.path] = interactions.handler;
    adapters.push(discord);
  }
  if (config.matrix) {
    const { MatrixAdapter } = await import('../adapters/matrix/adapter.js');
    adapters.push(new MatrixAdapter({ ...config.matrix, services, ...(languages === undefined ? {} : { words: languages }), log: log.child({ adapter: 'matrix' }) }));
  }
  if (config.signal) {
    const { SignalAdapter } = await import('../adapters/signal/adapter.js');
    adapters.push(new SignalAdapter({ ...config.signal, services, log: log.child({ adapter: 'signal' }) }));
  }
  return { adapters, routes };
}
