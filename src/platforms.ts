/**
 * The one place that builds the configured platform adapters, for `serve`
 * and for `placard doctor`. Each adapter module is imported only when its
 * platform is configured, so a Discord-only deployment never loads grammY.
 */
import type { Adapter } from './adapter.js';
import type { Services } from './commands/types.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { RouteHandler } from './http/server.js';

/** The configured adapters (not started) and the HTTP routes they serve. */
export interface Platforms {
  readonly adapters: readonly Adapter[];
  readonly routes: Readonly<Record<string, RouteHandler>>;
}

/** Builds every adapter the configuration enables; none is started. */
export async function createPlatforms(config: Config, services: Services, log: Logger): Promise<Platforms> {
  const adapters: Adapter[] = [];
  const routes: Record<string, RouteHandler> = {};
  if (config.telegram) {
    const { TelegramAdapter } = await import('../adapters/telegram/adapter.js');
    const telegram = new TelegramAdapter({ ...config.telegram, services, log: log.child({ adapter: 'telegram' }) });
    const hook = telegram.webhookRoute();
    if (hook) routes[hook.path] = hook.handler;
    adapters.push(telegram);
  }
  if (config.discord) {
    const { DiscordAdapter } = await import('../adapters/discord/adapter.js');
    adapters.push(new DiscordAdapter({ ...config.discord, services, log: log.child({ adapter: 'discord' }) }));
  }
  return { adapters, routes };
}
