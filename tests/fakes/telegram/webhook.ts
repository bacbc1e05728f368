/**
 * Webhook delivery: POSTs an update to the registered URL like Telegram does
 * (JSON body, `X-Telegram-Bot-Api-Secret-Token` header) and executes a
 * webhook reply (a method call in the response body) if the bot sent one.
 */
import { request, STATUS_CODES } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { asRecord } from './http-body.js';
import type { FakeServer } from './server.js';
import type { FakeState } from './state.js';
import type { Update } from './types.js';

/** Options of `deliverToWebhook`. */
export interface DeliveryOptions {
  /** Header value to send instead of the registered secret; `null` omits the header. */
  secretToken?: string | null;
  /** Give up after this many ms (default 10 000). */
  timeoutMs?: number;
}

/** One delivery attempt. */
export interface WebhookDelivery {
  update_id: number;
  status: number;
  body: string;
  at: number;
}

/** POSTs one update; resolves with the HTTP status (0 when the connection failed). */
export async function deliverUpdate(
  state: FakeState, server: FakeServer, update: Update, opts: DeliveryOptions = {},
): Promise<WebhookDelivery> {
  const hook = state.webhook;
  if (!hook) throw new Error('fake telegram: no webhook is set (call setWebhook first)');
  const payload = JSON.stringify(update);
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
  const secret = opts.secretToken === undefined ? hook.secret_token : opts.secretToken;
  if (secret !== null && secret !== undefined) headers['x-telegram-bot-api-secret-token'] = secret;
  const url = new URL(hook.url);
  const send = url.protocol === 'https:' ? httpsRequest : request;
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve) => {
    const req = send(url, { method: 'POST', headers, agent: false, timeout: opts.timeoutMs ?? 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.once('error', () => resolve({ status: res.statusCode ?? 0, body: '' }));
    });
    req.once('timeout', () => req.destroy(new Error('timeout')));
    req.once('error', () => resolve({ status: 0, body: '' }));
    req.end(payload);
  });
  const delivery: WebhookDelivery = { update_id: update.update_id, status, body, at: Date.now() };
  if (status < 200 || status >= 300) {
    // As getWebhookInfo reports it until the next setWebhook.
    hook.last_error_date = Math.floor(Date.now() / 1000);
    hook.last_error_message = status === 0 ? 'Connection refused' : `Wrong response from the webhook: ${status} ${STATUS_CODES[status] ?? ''}`.trim();
  } else {
    const idx = state.updates.findIndex((u) => u.update_id === update.update_id);
    if (idx >= 0) state.updates.splice(idx, 1);
    await runWebhookReply(server, body);
  }
  return delivery;
}

/** Executes `{"method": "...", ...params}` answered in a webhook response. */
async function runWebhookReply(server: FakeServer, body: string): Promise<void> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return;
  }
  const rec = asRecord(parsed);
  const method = rec?.['method'];
  if (!rec || typeof method !== 'string') return;
  const { method: _m, ...params } = rec;
  await server.call(method, { params, transport: 'webhook-reply', files: [] }, new AbortController().signal);
}
