/**
 * Long polling that does not give up. @grammyjs/runner's `run()` retries
 * network errors but treats 401 and 409 as unrecoverable: its task rejects
 * and the bot never polls again. 409 ("terminated by other getUpdates
 * request", or a webhook set) is what a standby instance sees while the
 * active one runs; 401 is what a proxy in trouble may answer. So this builds
 * the same runner from the runner's own parts (fetcher, source, concurrent
 * sink), with an update supplier that waits those out with backoff — keeping
 * the fetcher's offset, so no update is handled twice — and reports them to
 * the readiness. A conflict is logged once per episode, not per retry. Should
 * the runner stop anyway, it is started again after a backoff.
 *
 * i18n-exempt-file: log lines and readiness reasons for the operator.
 */
import {
  createConcurrentSink, createRunner, createSource, createUpdateFetcher, type RunnerHandle, type UpdateSupplier,
} from '@grammyjs/runner';
import { GrammyError, type Bot, type BotError } from 'grammy';
import type { Logger } from '../../src/log.js';
import { describeTelegramError } from './errors.js';
import type { TelegramHealth } from './health.js';

/** Options of {@link Poller}. */
export interface PollerOptions {
  readonly allowedUpdates: AllowedUpdates;
  /** getUpdates' long-poll `timeout`, in seconds; must stay under the client's request timeout. */
  readonly pollTimeoutSeconds: number;
  /** Wait between polls that failed on the network (the runner's fixed retry interval). */
  readonly retryMs: number;
  /** First and largest wait while another instance holds the token (409) or the token is rejected (401). */
  readonly backoff: { readonly initialMs: number; readonly maxMs: number };
  readonly health: TelegramHealth;
  readonly log: Logger;
}

type Update = Parameters<Bot['handleUpdate']>[0];
/** getUpdates' `allowed_updates`: the kinds of update asked for. */
type AllowedUpdates = NonNullable<NonNullable<Parameters<Bot['api']['getUpdates']>[0]>['allowed_updates']>;
/** The runner's AbortSignal (its abort-controller shim's type). */
type PollSignal = Parameters<UpdateSupplier<Update>['supply']>[1];

/** Sleeps `ms`, or less when `signal` aborts. */
function sleep(ms: number, signal: PollSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => { clearTimeout(timer); signal.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/** Polls getUpdates for a bot until stopped, through conflicts and a rejected token. */
export class Poller {
  private runner: RunnerHandle | undefined;
  private stopped = false;
  private episode: { code: number; since: number; retries: number } | undefined;
  private wakeRestart: (() => void) | undefined;

  constructor(private readonly bot: Bot, private readonly options: PollerOptions) {}

  /** Starts polling (and restarts it whenever the runner stops on its own). */
  start(): void {
    const { health, log, backoff } = this.options;
    const runner = this.createRunner();
    this.runner = runner;
    runner.start();
    void runner.task()?.then(undefined, async (e: unknown) => {
      if (this.stopped) return;
      health.set('polling', true);
      log.error({ ...describeTelegramError(e), retryInMs: backoff.maxMs }, 'telegram polling stopped; restarting');
      await new Promise<void>((resolve) => { const t = setTimeout(resolve, backoff.maxMs); this.wakeRestart = () => { clearTimeout(t); resolve(); }; });
      if (!this.stopped) this.start();
    });
  }

  /**
   * Stops polling: the pending getUpdates is cancelled at once. Waits at most
   * a second for the runner to wind down: between two failed polls it sleeps
   * its retry interval without a way to cut it short, and once it wakes it
   * finds itself stopped and sends nothing more.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeRestart?.();
    if (!this.runner?.isRunning()) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => { timer = setTimeout(resolve, 1000); timer.unref(); });
    await Promise.race([this.runner.stop()?.catch(() => undefined), grace]);
    clearTimeout(timer);
  }

  private createRunner(): RunnerHandle {
    const { allowedUpdates, pollTimeoutSeconds, retryMs, backoff, log } = this.options;
    const fetchUpdates = createUpdateFetcher(this.bot, {
      fetch: { allowed_updates: allowedUpdates, timeout: pollTimeoutSeconds },
      silent: true, retryInterval: retryMs, maxRetryTime: Number.POSITIVE_INFINITY,
    });
    let delay = backoff.initialMs;
    const supply = async (batchSize: number, signal: PollSignal): Promise<Update[]> => {
      for (;;) {
        try {
          const updates = await fetchUpdates(batchSize, signal);
          this.recovered();
          delay = backoff.initialMs;
          return updates;
        } catch (e: unknown) {
          if (signal.aborted || !(e instanceof GrammyError) || (e.error_code !== 409 && e.error_code !== 401)) throw e;
          this.interrupted(e, delay);
          await sleep(delay, signal);
          if (signal.aborted) throw e;
          delay = Math.min(delay * 2, backoff.maxMs);
        }
      }
    };
    const source = createSource<Update>({ supply });
    const sink = createConcurrentSink<Update, BotError>({ consume: (u) => this.bot.handleUpdate(u) }, async (error) => {
      try { await this.bot.errorHandler(error); } catch (e: unknown) { log.error(describeTelegramError(e), 'telegram update handler failed'); }
    });
    return createRunner(source, sink);
  }

  /** A 409 or 401 from getUpdates: logged once per episode; not ready meanwhile. */
  private interrupted(e: GrammyError, retryInMs: number): void {
    if (e.error_code === 409) this.options.health.set('conflict', true);
    if (this.episode?.code === e.error_code) { this.episode.retries++; return; }
    this.episode = { code: e.error_code, since: Date.now(), retries: 0 };
    const what = e.error_code === 409
      ? 'telegram polling conflict: another instance polls this bot token, or a webhook is set; retrying until it stops'
      : 'telegram rejected the bot token while polling (401); retrying';
    this.options.log.warn({ ...describeTelegramError(e), retryInMs }, what);
  }

  private recovered(): void {
    this.options.health.set('conflict', false);
    this.options.health.set('polling', false);
    const episode = this.episode;
    if (!episode) return;
    this.episode = undefined;
    this.options.log.info({ code: episode.code, retries: episode.retries, afterMs: Date.now() - episode.since }, 'telegram polling resumed');
  }
}
