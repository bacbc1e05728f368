/**
 * Structured logs (pino). Every string that reaches a log line is scrubbed of
 * the configured secrets and of anything shaped like a Telegram bot token —
 * including inside error messages that quote request URLs.
 *
 * Privacy: call sites log chat ids, command names and outcomes only; never
 * user ids, names or message texts.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

const TELEGRAM_TOKEN = /\d{5,}:[A-Za-z0-9_-]{30,}/g;
const REDACTED = '[redacted]';

/** Returns a function that removes `secrets` (and token-shaped strings) from text. */
export function makeScrubber(secrets: readonly string[]): (s: string) => string {
  const list = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  return (s) => {
    let out = s;
    for (const secret of list) out = out.split(secret).join(REDACTED);
    return out.replace(TELEGRAM_TOKEN, REDACTED);
  };
}

function scrubDeep(value: unknown, scrub: (s: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, scrub, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, scrub, depth + 1);
  return out;
}

/** Options of `createLogger`. */
export interface LoggerOptions {
  readonly level: string;
  readonly secrets?: readonly string[];
  /** Where lines go (default: standard error, so the console adapter's output stays clean). */
  readonly destination?: DestinationStream;
}

/** A pino logger that never writes a secret. */
export function createLogger(options: LoggerOptions): Logger {
  const scrub = makeScrubber(options.secrets ?? []);
  return pino({
    level: options.level,
    base: { app: 'placard' },
    serializers: {
      err: (err: unknown) => scrubDeep(pino.stdSerializers.err(err as Error), scrub),
    },
    formatters: { log: (obj) => scrubDeep(obj, scrub) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
      },
    },
  }, options.destination ?? pino.destination({ dest: 2, sync: true }));
}
