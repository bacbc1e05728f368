/**
 * Composition root of `placard serve`: configuration → content → store →
 * adapters → scheduler → HTTP server, and an orderly shutdown. The adapters are
 * built by `platforms.ts`, which loads each one only when it is configured, so
 * a Discord-only deployment never loads grammY and vice versa.
 */
import { createCore } from './app.js';
import { hasPlatform, type Config } from './config.js';
import { startHttpServer, type ReadinessCheck } from './http/server.js';
import { createPlatforms } from './platforms.js';
import type { Logger } from './log.js';
import { Metrics } from './metrics.js';
import { Scheduler, type SchedulerOptions } from './schedule/scheduler.js';
import { buildSite } from '../adapters/web/index.js';
import { siteHandler } from './site/serve.js';
import { sharedTranslator } from './i18n/translator.js';
import { readTestTuning, TEST_TUNING_VARIABLE } from './test-tuning.js';

/** A running `serve`. */
export interface Served {
  readonly httpPort: number;
  /** Stops taking updates, closes the HTTP server and the store. */
  stop(): Promise<void>;
}

/** Starts every configured adapter and the HTTP server. */
export async function serve(config: Config, log: Logger): Promise<Served> {
  const metrics = new Metrics();
  const core = await createCore(config, log, metrics);
  const { adapters, routes } = await createPlatforms(config, core.services, log, core.dispatcher);
  const readiness: Record<string, ReadinessCheck> = {
    store: async () => core.store.ping().then(() => undefined, (e: unknown) => (e instanceof Error ? e.message : 'unreachable')),
  };
  for (const adapter of adapters) {
    // The adapter knows best why it is not ready (a rejected token, stopped polling); the generic words are the fallback.
    const fallback = `not connected to ${adapter.name}`;
    readiness[adapter.name] = async () => (adapter.ready() ? undefined : adapter.notReadyReason?.() ?? fallback);
  }
  if (!hasPlatform(config)) {
    log.warn('no platform configured: set TELEGRAM_BOT_TOKEN, DISCORD_TOKEN and DISCORD_APPLICATION_ID, SIGNAL_CLI_URL and SIGNAL_ACCOUNT, or MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN; serving HTTP only');
  }

  // The campaign's pages, calendars and feeds, built once from the loaded content and served from memory.
  const siteFiles = buildSite(core.campaign, core.services.translator ?? sharedTranslator(), { publicUrl: config.publicUrl });
  log.info({ files: siteFiles.length, publicUrl: config.publicUrl ?? null }, 'site built');
  const http = await startHttpServer({ port: config.httpPort, readiness, routes, metrics: () => metrics.expose(), site: siteHandler(siteFiles) });
  for (const adapter of adapters) await adapter.start((invocation) => core.dispatcher.dispatch(invocation));

  // Test-only (tests/scale): a faster tick, shorter leases; never set in production.
  const tuning = readTestTuning();
  if (tuning) log.warn({ tuning }, `${TEST_TUNING_VARIABLE} is set: test-only tuning in effect`);
  const scheduler = new Scheduler({
    campaign: core.campaign, store: core.store, catchUpHours: config.catchUpHours, log: log.child({ component: 'reminders' }),
    ...(core.services.translator === undefined ? {} : { translator: core.services.translator }),
    ...(config.publicUrl === undefined ? {} : { publicUrl: config.publicUrl }),
    adapters: new Map(adapters.map((a) => [a.name, a])),
    observe: ({ platform, result, lateMs }) => {
      metrics.sends.inc({ platform, result });
      if (result === 'sent' && lateMs !== undefined) metrics.reminderLag.observe(lateMs / 1000);
    },
    ...(tuning?.scheduler as Partial<SchedulerOptions> | undefined),
  });
  metrics.watchFanOut(() => scheduler.counters.fanOut);
  // A flood wait one of this instance's answers was told is the bot's: the reminders' driver hears of it through the store.
  for (const adapter of adapters) adapter.onFloodWait?.((ms) => scheduler.floodWaitHeard(adapter.name, ms));
  let ticker: NodeJS.Timeout | undefined;
  if (adapters.length > 0 && tuning?.tickEveryMs !== undefined) ticker = setInterval(() => void scheduler.tick(), tuning.tickEveryMs);
  else if (adapters.length > 0) scheduler.start();
  log.info({ port: http.port, adapters: adapters.map((a) => a.name) }, 'serving');

  return {
    httpPort: http.port,
    async stop() {
      // First no new reminders, then no new updates; sends in flight finish; then the store closes.
      clearInterval(ticker);
      await scheduler.stop();
      await Promise.allSettled(adapters.map((a) => a.stop()));
      await http.close();
      await core.close();
    },
  };
}
