/**
 * Prometheus metrics (prom-client), all named `placard_…`, plus Node's
 * default process metrics. Labels carry command names, platforms and
 * outcomes only — never chat ids, user ids or text, and never anything a
 * user typed (an unknown command is counted as `unknown`).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The metrics of one process. */
export class Metrics {
  readonly registry = new Registry();
  readonly commands = new Counter({
    name: 'placard_commands_total', help: 'Commands handled, by command, platform and outcome',
    labelNames: ['command', 'platform', 'outcome'] as const, registers: [this.registry],
  });
  readonly sends = new Counter({
    name: 'placard_sends_total', help: 'Scheduled messages sent, by platform and result (sent, retryAfter, gone, forbidden, migrated, paused, failed)',
    labelNames: ['platform', 'result'] as const, registers: [this.registry],
  });
  readonly reminderLag = new Histogram({
    name: 'placard_reminder_lag_seconds', help: 'How late a reminder went out after it fell due',
    buckets: [1, 5, 15, 60, 300, 900, 3600, 6 * 3600, 24 * 3600], registers: [this.registry],
  });
  private fanOutSource: (() => { pending: number; sent: number; failed: number }) | undefined;
  readonly fanout = new Gauge({
    name: 'placard_fanout_messages', help: 'Progress of the current (or last) reminder fan-out: pending, sent, failed',
    labelNames: ['state'] as const, registers: [this.registry],
    collect: () => {
      const p = this.fanOutSource?.();
      if (!p) return;
      for (const state of ['pending', 'sent', 'failed'] as const) this.fanout.set({ state }, p[state]);
    },
  });
  readonly storeErrors = new Counter({
    name: 'placard_store_errors_total', help: 'Store operations that failed, by operation',
    labelNames: ['operation'] as const, registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Reads fan-out progress from `source` whenever metrics are scraped. */
  watchFanOut(source: () => { pending: number; sent: number; failed: number }): void {
    this.fanOutSource = source;
  }

  /** The exposition text and its content type. */
  async expose(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
