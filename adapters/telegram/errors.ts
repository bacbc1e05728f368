/**
 * Telegram errors → SendResult. grammY raises GrammyError for API answers
 * (error_code, description, parameters) and HttpError for network failures.
 */
import { GrammyError, HttpError } from 'grammy';
import type { SendResult } from '../../src/adapter.js';

const GONE = /bot was kicked|bot was blocked|user is deactivated|chat not found|bot is not a member|have no rights to send|need administrator rights|CHAT_WRITE_FORBIDDEN|group chat was deactivated|channel is private/i;

/** Classifies a failed send. */
export function classifyTelegramError(error: unknown): SendResult {
  if (error instanceof GrammyError) {
    const p = error.parameters;
    if (p?.migrate_to_chat_id !== undefined) return { kind: 'migrated', newChatId: String(p.migrate_to_chat_id) };
    if (error.error_code === 429) return { kind: 'retryAfter', ms: Math.max(1, p?.retry_after ?? 1) * 1000 };
    if (error.error_code === 403 || (error.error_code === 400 && GONE.test(error.description))) {
      return { kind: 'gone', reason: error.description };
    }
    if (error.error_code >= 500) return { kind: 'failed', transient: true, reason: `${error.error_code} ${error.description}` };
    return { kind: 'failed', transient: false, reason: `${error.error_code} ${error.description}` };
  }
  if (error instanceof HttpError) return { kind: 'failed', transient: true, reason: 'network error' };
  return { kind: 'failed', transient: false, reason: error instanceof Error ? error.name : 'unknown error' };
}
