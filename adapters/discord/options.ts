/** The Discord adapter's options (timeouts, backoff, thresholds). */
import type { Services } from '../../src/commands/types.js';
import type { Logger } from '../../src/log.js';
import type { ShardSetting } from './gateway.js';
import type { AnswerLanguages, InteractionOutcome } from './inbound.js';

/** Options of the Discord adapter. */
export interface DiscordAdapterOptions {
  readonly token: string;
  readonly applicationId: string;
  /** Register the slash commands in this guild only (instant); global otherwise. */
  readonly guildId?: string;
  /** REST base for discord.js `rest.api` (a proxy or a test fake). */
  readonly apiUrl?: string;
  /**
   * The application's public key (hex, `DISCORD_PUBLIC_KEY`): interactions
   * come over HTTP (`interactionsRoute`), and no gateway connection is opened.
   */
  readonly publicKey?: string;
  /** Gateway shards run in this process (`DISCORD_SHARDS`): `auto` (Discord's recommendation) or a count. Default: one. */
  readonly shards?: ShardSetting;
  readonly services: Services;
  /**
   * The dispatcher the handler runs (its `languageOf` and `voice`), so the
   * words the adapter adds (paging buttons, notices) are in each answer's
   * language. Default: a dispatcher of its own over `services` (it may see a
   * chat's new /language up to half a minute late).
   */
  readonly languages?: AnswerLanguages;
  readonly log: Logger;
  /** Defer an interaction when its answer is not ready within this many ms. Default 1500. */
  readonly deferAfterMs?: number;
  /** Backoff while Discord is unreachable at start: first wait and longest wait, ms. Default 1000 and 60000. */
  readonly retry?: { readonly initialMs?: number; readonly maxMs?: number };
  /** Give up a login attempt (and retry) when not ready within this many ms. Default 60000. */
  readonly connectTimeoutMs?: number;
  /** Longest rate-limit wait `send` sits out before answering `retryAfter`. Default 5000. */
  readonly maxRateLimitWaitMs?: number;
  /** Timeout of one REST request (a reminder post is then reported as possibly sent). Default 10000. */
  readonly requestTimeoutMs?: number;
  /** Not ready after this many API failures in a row. Default 3. */
  readonly failureThreshold?: number;
  /** While not ready for API failures, ask Discord this often whether it answers again. Default 15000. */
  readonly probeIntervalMs?: number;
  /** Repeats of one kind of send failure are summed into one log line per this many ms. Default 30000. */
  readonly logIntervalMs?: number;
  /** Called once per interaction after it was answered (metrics, benchmarks, tests). */
  readonly observe?: (outcome: InteractionOutcome) => void;
}
