/**
 * What a log line may say about a chat, and how often it may say the same
 * failure.
 *
 * A private chat's id is a person's (Telegram: the user id; Signal: a phone
 * number), so it never reaches a log line: `chatForLog` turns it into
 * `private:<hash>`, an HMAC under a key made at process start and never
 * written anywhere, so lines of one process can be correlated but not traced
 * back to the person (a plain hash of a small integer would be reversible).
 * Group and channel ids are kept: operators need them to find a chat.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { ChatRef } from './chat.js';
import type { Logger } from './log.js';

const PROCESS_KEY = randomBytes(32);

/** A chat id fit for a log line: group and channel ids as they are, a private chat's as `private:<hash>`. */
export function chatForLog(chat: Pick<ChatRef, 'chatId' | 'kind'>): string {
  if (chat.kind !== 'private') return chat.chatId;
  return `private:${createHmac('sha256', PROCESS_KEY).update(chat.chatId).digest('hex').slice(0, 10)}`;
}

/**
 * Telegram's chat ids say their kind: private chats are positive (the user's
 * id), groups, supergroups and channels negative. For places that only have an id.
 */
export function telegramChatForLog(chatId: string | number): string {
  const id = String(chatId);
  return chatForLog({ chatId: id, kind: id.startsWith('-') ? 'group' : 'private' });
}

/** Options of {@link BurstLog}. */
export interface BurstLogOptions {
  /** Length of one interval; the first line of a kind goes out at once, repeats are summed per interval. Default 30 s. */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

interface Burst {
  first: number;
  count: number;
  fields: Record<string, unknown>;
  level: 'warn' | 'error' | 'info';
  msg: string;
}

/**
 * Collapses a burst of the same failure into one line per interval: the
 * first occurrence of a kind is logged at once; later ones of that kind
 * within the interval are only counted, and logged as one line
 * `{ ..., repeated: n, intervalMs }` when the interval ends (on the next
 * call, or on `flush`). So a 5-second store outage is a handful of lines, not
 * thousands.
 */
export class BurstLog {
  private readonly bursts = new Map<string, Burst>();
  private readonly intervalMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly log: Logger, options: BurstLogOptions = {}) {
    this.intervalMs = options.intervalMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** Logs `msg` under `kind` (what makes two lines "the same failure"), collapsing repeats. */
  note(level: Burst['level'], kind: string, fields: Record<string, unknown>, msg: string): void {
    const now = this.now();
    this.flushOlder(now);
    const burst = this.bursts.get(kind);
    if (burst) {
      burst.count++;
      burst.fields = fields;
      return;
    }
    this.bursts.set(kind, { first: now, count: 0, fields, level, msg });
    this.log[level](fields, msg);
    this.arm();
  }

  /** Writes the counts of every open burst now. */
  flush(): void {
    this.flushOlder(Number.POSITIVE_INFINITY);
  }

  private flushOlder(now: number): void {
    for (const [kind, burst] of this.bursts) {
      if (now - burst.first < this.intervalMs) continue;
      this.bursts.delete(kind);
      if (burst.count > 0) this.log[burst.level]({ ...burst.fields, repeated: burst.count, intervalMs: this.intervalMs }, `${burst.msg} (repeated)`);
    }
    if (this.bursts.size === 0 && this.timer) { clearTimeout(this.timer); this.timer = undefined; }
  }

  private arm(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => { this.timer = undefined; this.flushOlder(this.now()); if (this.bursts.size > 0) this.arm(); }, this.intervalMs);
    this.timer.unref();
  }
}
