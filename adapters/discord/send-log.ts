/**
 * Log lines of failed reminder posts. A rate limit or an outage fails many
 * channels at once; one line per kind of failure and interval (with a count)
 * says as much as one per channel, without drowning the log. A DM's channel
 * id is a private conversation's, so it goes through `chatForLog`.
 */
import type { SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import { chatForLog, type BurstLog } from '../../src/log-privacy.js';
import { describeError } from './classify.js';

/** Notes one failed post of part `part` to `target` in `burst`, collapsing repeats of the same kind. */
export function noteSendFailure(burst: BurstLog, target: ChatRef, part: number, error: unknown, result: SendResult): void {
  const described = describeError(error);
  const fields = { platform: 'discord', chat: chatForLog(target), part, result: result.kind, error: described };
  const detail = result.kind === 'retryAfter'
    ? result.scope ?? 'chat'
    : String(described.code ?? described.status ?? described.cause ?? described.name);
  const kind = `discord:send:${result.kind}:${detail}`;
  switch (result.kind) {
    case 'gone': burst.note('info', kind, fields, 'send failed: the channel is gone for us'); break;
    case 'retryAfter': burst.note('info', kind, { ...fields, retryAfterMs: result.ms, scope: result.scope }, 'send failed: rate limited'); break;
    case 'forbidden': burst.note('warn', kind, fields, 'send failed: the bot may not post in that channel'); break;
    case 'paused': burst.note('warn', kind, fields, 'send failed: Discord is not usable now (paused)'); break;
    default: burst.note('warn', kind, fields, 'send failed');
  }
}
