/**
 * The gateway client of the adapter: how it is built (Guilds intent, no
 * pings, no cache of people) and how one login attempt is bounded.
 *
 * i18n-exempt-file: connection errors and reasons for logs and /readyz.
 */
import { Client, DiscordjsErrorCodes, Events, GatewayIntentBits, Options } from 'discord.js';
import type { Logger } from '../../src/log.js';
import type { DiscordHealth } from './health.js';
import { noMentions } from './send.js';

/** True when Discord refused the token (a REST 401, discord.js TokenInvalid). */
export const isInvalidToken = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === DiscordjsErrorCodes.TokenInvalid
  || (error as { status?: unknown } | null)?.status === 401;

/** Gateway close code of a token Discord does not accept. */
const AUTHENTICATION_FAILED = 4004;

/**
 * How many gateway shards to run in this process: `auto` asks Discord
 * (`GET /gateway/bot`, its recommended count), a number runs that many.
 * Discord requires sharding from 2,500 servers on ("Gateway → Sharding");
 * each shard carries the servers with `(guild_id >> 22) % num_shards` equal
 * to its id, and one process holds them all.
 */
export type ShardSetting = 'auto' | number;

/** The Client options of a shard setting: discord.js reads a bare number as one shard's id, so a count is spelled out. */
export function shardOptions(shards: ShardSetting | undefined): { shards?: 'auto' | number[]; shardCount?: number } {
  if (shards === undefined) return {};
  if (shards === 'auto') return { shards: 'auto' };
  return { shards: Array.from({ length: shards }, (_, i) => i), shardCount: shards };
}

/**
 * A gateway client: Guilds intent only, nothing pinged by default, and no
 * cache of users, members or messages beyond the bot's own (Placard needs
 * none, and people's data is better not kept, even in memory). The Guilds
 * intent keeps channels, roles and the bot's own member cached, which is
 * what `checkPosting` reads.
 */
export function createGatewayClient(apiUrl: string | undefined, shards?: ShardSetting): Client {
  const own = (value: { id: string; client: Client }): boolean => value.id === value.client.user?.id;
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: noMentions(),
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: own },
      GuildMemberManager: { maxSize: 0, keepOverLimit: own },
    }),
    ...(apiUrl === undefined ? {} : { rest: { api: apiUrl } }),
    ...shardOptions(shards),
  });
}

/** One login attempt, and how to cancel it. */
export interface Login {
  readonly done: Promise<void>;
  cancel(): void;
}

/** Logs in and waits for READY, at most `timeoutMs`; `cancel` gives up at once. */
export function loginWithin(client: Client, token: string, timeoutMs: number): Login {
  let cancel: () => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => settle(new Error(`not ready after ${timeoutMs} ms`)), timeoutMs);
    const settle = (error?: unknown): void => {
      clearTimeout(timer);
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    cancel = () => settle(new Error('stopped while connecting'));
    client.once(Events.ClientReady, () => settle());
    client.login(token).catch((error: unknown) => settle(error));
  });
  return { done, cancel: () => cancel() };
}

/** Logs the gateway's ups and downs; a session closed for a bad token marks the token rejected. */
export function watchGateway(client: Client, log: Logger, health: DiscordHealth): void {
  client.on(Events.Error, (error) => log.warn({ platform: 'discord', error: { name: error.name, message: error.message.slice(0, 200) } }, 'discord.js error'));
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (event.code === AUTHENTICATION_FAILED) health.rejectToken('gateway authentication failed (4004)');
    log.warn({ platform: 'discord', shard, code: event.code }, 'gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shard) => log.info({ platform: 'discord', shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard) => log.info({ platform: 'discord', shard }, 'gateway resumed'));
  client.on(Events.ShardReady, (shard) => log.info({ platform: 'discord', shard }, 'gateway ready'));
}
