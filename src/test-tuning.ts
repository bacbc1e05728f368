/**
 * Test-only tuning of `placard serve`, from `PLACARD_TEST_TUNING` (JSON).
 * The scale tests (tests/scale) run real `serve` processes behind HAProxy and
 * need them faster than production: the reminder tick every second instead
 * of every minute, a claim lease of seconds instead of minutes (so a
 * `kill -9` costs seconds), and Telegram's limit in all scaled up together
 * with the fake's (300 messages/s instead of 30). Not a setting: production
 * never sets it, and `serve` logs a warning when it is set.
 *
 * ```sh
 * PLACARD_TEST_TUNING='{"tickEveryMs":1000,"telegramPerSecond":300,"scheduler":{"leaseMs":10000}}'
 * ```
 */

/** The environment variable read. */
export const TEST_TUNING_VARIABLE = 'PLACARD_TEST_TUNING';

/** What the variable may set. */
export interface TestTuning {
  /** Ticks the scheduler every this many ms instead of node-cron's every minute. */
  readonly tickEveryMs?: number;
  /** Telegram's limit in all, messages per second, for the adapter's pacer (Telegram's: 30). */
  readonly telegramPerSecond?: number;
  /** Merged into the scheduler's options (`leaseMs`, `concurrency`, `subscriptionsTtlMs`, …). */
  readonly scheduler?: Readonly<Record<string, unknown>>;
}

const positive = (value: unknown, name: string): number | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new Error(`${TEST_TUNING_VARIABLE}: ${name} must be a positive number`);
  return value;
};

/** The tuning in `env`, or undefined when the variable is unset; throws on a malformed value. */
export function readTestTuning(env: NodeJS.ProcessEnv = process.env): TestTuning | undefined {
  const raw = env[TEST_TUNING_VARIABLE]?.trim();
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${TEST_TUNING_VARIABLE} must be a JSON object`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${TEST_TUNING_VARIABLE} must be a JSON object`);
  const o = parsed as Record<string, unknown>;
  const scheduler = o['scheduler'];
  if (scheduler !== undefined && (typeof scheduler !== 'object' || scheduler === null || Array.isArray(scheduler))) {
    throw new Error(`${TEST_TUNING_VARIABLE}: scheduler must be an object`);
  }
  const tickEveryMs = positive(o['tickEveryMs'], 'tickEveryMs');
  const telegramPerSecond = positive(o['telegramPerSecond'], 'telegramPerSecond');
  return {
    ...(tickEveryMs === undefined ? {} : { tickEveryMs }),
    ...(telegramPerSecond === undefined ? {} : { telegramPerSecond }),
    ...(scheduler === undefined ? {} : { scheduler: scheduler as Record<string, unknown> }),
  };
}
