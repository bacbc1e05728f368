/**
 * Configuration from the environment, validated once at start-up. A bad
 * variable is reported by name on a line of its own — never with its value,
 * which may be a secret.
 */
import { z } from 'zod';
import { ConfigError, type ConfigIssue } from './errors.js';

/** Validated configuration. */
export interface Config {
  readonly contentDir: string;
  readonly storeUrl: string;
  readonly telegram?: {
    readonly token: string;
    readonly apiRoot?: string;
    readonly webhook?: { readonly url: string; readonly secret: string };
  };
  readonly discord?: {
    readonly token: string;
    readonly applicationId: string;
    readonly guildId?: string;
    readonly apiUrl?: string;
    /** The application's public key (hex): interactions over HTTP at `POST /discord/interactions`, no gateway. */
    readonly publicKey?: string;
    /** Gateway shards in this process: `auto` (Discord's recommendation) or a count. */
    readonly shards?: 'auto' | number;
  };
  /** signal-cli's HTTP daemon and the account (phone number) it runs for. */
  readonly signal?: {
    readonly url: string;
    readonly account: string;
  };
  /** A Matrix homeserver and the bot account's access token. */
  readonly matrix?: {
    readonly homeserverUrl: string;
    readonly accessToken: string;
  };
  /** Where the campaign's pages are served (`PUBLIC_URL`), without a trailing slash; the bot links to them. */
  readonly publicUrl?: string;
  readonly httpPort: number;
  readonly catchUpHours: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

const httpUrl = z.string().refine((v) => /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v), 'must be an http(s) URL');
const snowflake = z.string().regex(/^\d{15,22}$/, 'must be a Discord id (digits)');

const schema = z.object({
  CONTENT_DIR: z.string().default('./content'),
  STORE_URL: z.string().default('sqlite://./data/placard.sqlite')
    .refine((v) => /^((sqlite|redis|rediss|postgres|postgresql):\/\/.|memory:\/\/)/.test(v), 'must start with sqlite://, redis://, postgres:// or memory://'),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, 'is not a Telegram bot token (digits:letters, from @BotFather)').optional(),
  TELEGRAM_API_ROOT: httpUrl.optional(),
  TELEGRAM_WEBHOOK_URL: z.string().refine((v) => /^https:\/\/[^\s]+$/.test(v) && URL.canParse(v), 'must be an https URL').optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A–Z, a–z, 0–9, _ and -').optional(),
  DISCORD_TOKEN: z.string().regex(/^[\w.-]{20,}$/, 'is not a Discord bot token').optional(),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: httpUrl.optional(),
  DISCORD_PUBLIC_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of the application\'s Public Key (Developer Portal → General Information)').optional(),
  DISCORD_SHARDS: z.string().regex(/^(auto|[1-9]\d{0,4})$/, 'must be auto or a number of shards (1 or more)').optional(),
  SIGNAL_CLI_URL: httpUrl.optional(),
  SIGNAL_ACCOUNT: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be the bot\'s phone number in international form, e.g. +491234567890').optional(),
  MATRIX_HOMESERVER_URL: httpUrl.optional(),
  MATRIX_ACCESS_TOKEN: z.string().regex(/^[\x21-\x7e]{8,}$/, 'is not a Matrix access token').optional(),
  PUBLIC_URL: z.string().refine((v) => /^https?:\/\/[^\s?#]+$/.test(v) && URL.canParse(v), 'must be an http(s) URL without ? or #, e.g. https://example.org/campaign').optional(),
  HTTP_PORT: z.coerce.number().int('must be a whole number').min(0, 'must be 0–65535').max(65535, 'must be 0–65535').default(8080),
  CATCH_UP_HOURS: z.coerce.number().min(0, 'must be 0–168').max(168, 'must be 0–168').default(6),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be one of fatal, error, warn, info, debug, trace, silent').default('info'),
});

/** The variables Placard reads, for messages that tell what to set. */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (common in compose files) counts as unset.
  const raw = Object.fromEntries(CONFIG_VARIABLES.map((k) => [k, env[k]?.trim() ? env[k]!.trim() : undefined]));
  const parsed = schema.safeParse(raw);
  const issues: ConfigIssue[] = [];
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0]);
      if (seen.has(variable)) continue;
      seen.add(variable);
      issues.push({ variable, message: issue.code === 'invalid_type' ? 'must be a number' : issue.message });
    }
    throw new ConfigError(issues);
  }
  const e = parsed.data;
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    issues.push({ variable: 'TELEGRAM_WEBHOOK_SECRET', message: 'is required when TELEGRAM_WEBHOOK_URL is set' });
  }
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_BOT_TOKEN) {
    issues.push({ variable: 'TELEGRAM_BOT_TOKEN', message: 'is required when TELEGRAM_WEBHOOK_URL is set' });
  }
  if (e.DISCORD_TOKEN && !e.DISCORD_APPLICATION_ID) {
    issues.push({ variable: 'DISCORD_APPLICATION_ID', message: 'is required when DISCORD_TOKEN is set' });
  }
  const tokenless = (['DISCORD_APPLICATION_ID', 'DISCORD_PUBLIC_KEY', 'DISCORD_SHARDS'] as const).find((v) => e[v] && !e.DISCORD_TOKEN);
  if (tokenless) issues.push({ variable: 'DISCORD_TOKEN', message: `is required when ${tokenless} is set` });
  if (e.DISCORD_PUBLIC_KEY && e.DISCORD_SHARDS) {
    issues.push({ variable: 'DISCORD_SHARDS', message: 'is for the gateway, which is not opened when DISCORD_PUBLIC_KEY is set: unset one of them' });
  }
  for (const [a, b] of [['SIGNAL_CLI_URL', 'SIGNAL_ACCOUNT'], ['MATRIX_HOMESERVER_URL', 'MATRIX_ACCESS_TOKEN']] as const) {
    if (e[a] && !e[b]) issues.push({ variable: b, message: `is required when ${a} is set` });
    if (!e[a] && e[b]) issues.push({ variable: a, message: `is required when ${b} is set` });
  }
  if (issues.length) throw new ConfigError(issues);
  return {
    contentDir: e.CONTENT_DIR,
    storeUrl: e.STORE_URL,
    ...(e.TELEGRAM_BOT_TOKEN ? {
      telegram: {
        token: e.TELEGRAM_BOT_TOKEN,
        ...(e.TELEGRAM_API_ROOT ? { apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, '') } : {}),
        ...(e.TELEGRAM_WEBHOOK_URL ? { webhook: { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET! } } : {}),
      },
    } : {}),
    ...(e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID ? {
      discord: {
        token: e.DISCORD_TOKEN,
        applicationId: e.DISCORD_APPLICATION_ID,
        ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
        ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL.replace(/\/+$/, '') } : {}),
        ...(e.DISCORD_PUBLIC_KEY ? { publicKey: e.DISCORD_PUBLIC_KEY.toLowerCase() } : {}),
        ...(e.DISCORD_SHARDS ? { shards: e.DISCORD_SHARDS === 'auto' ? 'auto' as const : Number(e.DISCORD_SHARDS) } : {}),
      },
    } : {}),
    ...(e.SIGNAL_CLI_URL && e.SIGNAL_ACCOUNT ? { signal: { url: e.SIGNAL_CLI_URL.replace(/\/+$/, ''), account: e.SIGNAL_ACCOUNT } } : {}),
    ...(e.MATRIX_HOMESERVER_URL && e.MATRIX_ACCESS_TOKEN
      ? { matrix: { homeserverUrl: e.MATRIX_HOMESERVER_URL.replace(/\/+$/, ''), accessToken: e.MATRIX_ACCESS_TOKEN } } : {}),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    httpPort: e.HTTP_PORT,
    catchUpHours: e.CATCH_UP_HOURS,
    logLevel: e.LOG_LEVEL,
  };
}

/** True when at least one chat platform is configured (`serve` has something to connect to). */
export const hasPlatform = (config: Config): boolean =>
  config.telegram !== undefined || config.discord !== undefined || config.signal !== undefined || config.matrix !== undefined;

/** Every secret in the configuration, for log redaction. */
export function secretsOf(config: Config): string[] {
  return [config.telegram?.token, config.telegram?.webhook?.secret, config.discord?.token, config.matrix?.accessToken, config.signal?.account]
    .filter((s): s is string => !!s);
}
