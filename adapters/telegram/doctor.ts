/**
 * `placard doctor` for Telegram: is the token good, and is the webhook what
 * this deployment expects (its URL in webhook mode, none in polling mode,
 * where a webhook makes every getUpdates fail with 409)? Is inline mode on
 * (optional: said, never a problem)? Reads only (getMe, getWebhookInfo);
 * sends nothing, changes nothing.
 *
 * i18n-exempt-file: `placard doctor`'s findings, the operator's words.
 */
import type { Api } from 'grammy';
import type { DoctorFinding } from '../../src/adapter.js';
import { classifyTelegramError, describeTelegramError } from './errors.js';

/** A webhook error older than this is history, not a finding. */
const RECENT_ERROR_S = 24 * 3600;

/** Runs the checks; never rejects (a failure to ask is itself a finding). */
export async function telegramDoctor(api: Api, webhookUrl: string | undefined, nowS: number = Date.now() / 1000): Promise<DoctorFinding[]> {
  try {
    const me = await api.getMe();
    const findings: DoctorFinding[] = [{ ok: true, check: 'token', detail: `accepted: the bot is @${me.username}` }];
    // Optional, so never a problem: said so an operator knows why `@bot demands` offers nothing.
    const inline: DoctorFinding = me.supports_inline_queries
      ? { ok: true, check: 'inline mode', detail: `on: @${me.username} offers the demands, the next anniversary and the timeline in any chat` }
      : { ok: true, check: 'inline mode', detail: 'off: switch it on with @BotFather (/setinline) so people can share the demands from any chat' };
    return [...findings, ...(await webhookFindings(api, webhookUrl, nowS)), inline];
  } catch (e: unknown) {
    return [{ ok: false, check: 'token', detail: unanswered(e) }];
  }
}

function unanswered(e: unknown): string {
  const result = classifyTelegramError(e);
  const fields = describeTelegramError(e);
  if (fields['code'] === 401) return 'Telegram rejected the token (401): check TELEGRAM_BOT_TOKEN';
  if (result.kind === 'paused' || result.kind === 'failed') return `could not ask Telegram: ${result.reason}; check TELEGRAM_API_ROOT and the network`;
  return `could not ask Telegram: ${String(fields['description'] ?? fields['error'])}`;
}

async function webhookFindings(api: Api, expected: string | undefined, nowS: number): Promise<DoctorFinding[]> {
  let info: Awaited<ReturnType<Api['getWebhookInfo']>>;
  try {
    info = await api.getWebhookInfo();
  } catch (e: unknown) {
    return [{ ok: false, check: 'webhook', detail: unanswered(e) }];
  }
  const pending = `${info.pending_update_count} update(s) waiting`;
  const findings: DoctorFinding[] = [];
  if (expected === undefined) {
    findings.push(info.url === ''
      ? { ok: true, check: 'webhook', detail: `none set, as long polling needs; ${pending}` }
      : { ok: false, check: 'webhook', detail: `a webhook is set (${info.url}) but this deployment polls: polling fails with 409 while it is set; unset TELEGRAM_WEBHOOK_URL's counterpart elsewhere, or set TELEGRAM_WEBHOOK_URL here` });
  } else if (info.url !== expected) {
    findings.push({ ok: false, check: 'webhook', detail: `expected ${expected}, Telegram has ${info.url === '' ? 'none' : info.url}: updates do not reach this deployment; it sets the webhook when it starts` });
  } else {
    findings.push({ ok: true, check: 'webhook', detail: `set to ${expected}; ${pending}` });
  }
  const lastError = info.last_error_message;
  if (lastError !== undefined && info.last_error_date !== undefined && nowS - info.last_error_date < RECENT_ERROR_S) {
    const when = new Date(info.last_error_date * 1000).toISOString();
    findings.push({ ok: false, check: 'webhook delivery', detail: `Telegram's last delivery failed at ${when}: ${lastError}; ${pending}` });
  }
  return findings;
}
