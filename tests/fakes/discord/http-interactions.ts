/**
 * Interactions over HTTP, as Discord sends them to an application's
 * "Interactions Endpoint URL": a signed POST per interaction, whose HTTP
 * response is the interaction response (the callback); follow-ups then use
 * the same webhook routes as for gateway interactions.
 *
 * - Each request carries `X-Signature-Ed25519` (hex Ed25519 signature of
 *   `X-Signature-Timestamp` + body) and `X-Signature-Timestamp` (unix
 *   seconds), signed with the application's key pair made here.
 * - Saving the URL (`setEndpoint`) is checked as Discord checks it: a PING
 *   (type 1) with a good signature must get `{ "type": 1 }`, and a request
 *   with a bad signature must get 401; otherwise the URL is refused.
 * - An answer that is not a 2xx JSON interaction response within the
 *   interaction timeout (3 s) is a failed interaction, recorded as a callback
 *   that is not `ok` (status 0 for no answer in time).
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { InteractionCallbacks } from './routes-interactions.js';
import type { FakeState, InteractionState } from './state.js';

/** The outcome of saving an endpoint URL, as the Developer Portal would show it. */
export interface EndpointCheck {
  readonly ok: boolean;
  /** Why the URL was refused. */
  readonly reason?: string;
}

/** Signing headers for a body. */
export interface SignedHeaders {
  readonly 'x-signature-ed25519': string;
  readonly 'x-signature-timestamp': string;
}

/** The application's key pair, and signing with it. */
export class ApplicationKeys {
  private readonly privateKey: KeyObject;
  /** The public key as the Developer Portal shows it: 64 hex characters (the raw 32 bytes). */
  readonly publicKeyHex: string;

  constructor() {
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    const jwk = pair.publicKey.export({ format: 'jwk' });
    this.publicKeyHex = Buffer.from(String(jwk.x), 'base64url').toString('hex');
  }

  /** Headers signing `body` at `timestamp` (default: now, in unix seconds). */
  sign(body: string, timestamp = String(Math.floor(Date.now() / 1000))): SignedHeaders {
    const signature = sign(null, Buffer.from(timestamp + body, 'utf8'), this.privateKey).toString('hex');
    return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
  }
}

/** Delivers interactions to an endpoint URL over HTTP. */
export class HttpInteractions {
  /** The saved endpoint URL, once one passed the check. */
  url: string | undefined;
  /** HTTP requests sent to the endpoint (checks included). */
  readonly sent: { readonly type: number; readonly status: number }[] = [];

  constructor(
    private readonly state: FakeState,
    private readonly keys: ApplicationKeys,
    private readonly callbacks: InteractionCallbacks,
    private readonly timeoutMs: number,
  ) {}

  /** One signed POST; resolves with the status and the parsed JSON body (undefined when none or not JSON). */
  private async post(url: string, body: Record<string, unknown>, headers?: SignedHeaders): Promise<{ status: number; json: unknown }> {
    const text = JSON.stringify(body);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)', ...(headers ?? this.keys.sign(text)) },
      body: text,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const raw = await response.text();
    let json: unknown;
    try { json = raw === '' ? undefined : JSON.parse(raw); } catch { json = undefined; }
    this.sent.push({ type: Number(body.type), status: response.status });
    return { status: response.status, json };
  }

  /** Saves `url` as the endpoint, after Discord's two checks; on success, interactions go there instead of the gateway. */
  async setEndpoint(url: string): Promise<EndpointCheck> {
    const ping = (): Record<string, unknown> => ({
      id: this.state.snowflake(), application_id: this.state.applicationId, type: 1, token: this.state.interactionToken(), version: 1,
    });
    try {
      const good = await this.post(url, ping());
      const pong = good.json as { type?: unknown } | undefined;
      if (good.status !== 200 || pong?.type !== 1) return { ok: false, reason: `a signed PING was answered ${good.status} ${JSON.stringify(good.json)}, not 200 {"type":1}` };
      const forged = ping();
      const text = JSON.stringify(forged);
      const signed = this.keys.sign(text);
      const flipped = (signed['x-signature-ed25519'].startsWith('0') ? '1' : '0') + signed['x-signature-ed25519'].slice(1);
      const bad = await this.post(url, forged, { ...signed, 'x-signature-ed25519': flipped });
      if (bad.status !== 401) return { ok: false, reason: `a request with a bad signature was answered ${bad.status}, not 401` };
    } catch (error: unknown) {
      return { ok: false, reason: `the endpoint did not answer: ${error instanceof Error ? error.message : String(error)}` };
    }
    this.url = url;
    return { ok: true };
  }

  /** Sends an interaction to the endpoint and takes its answer as the callback. */
  deliver(it: InteractionState): void {
    const url = this.url;
    if (url === undefined) throw new Error('fake Discord: no interactions endpoint set');
    const failed = (status: number, message: string, body?: unknown): void => {
      this.callbacks.log(it, 'callback', { status, body: { code: 0, message } }, body, { via: 'http-response' });
      this.state.changed();
    };
    this.post(url, it.payload).then(({ status, json }) => {
      if (status < 200 || status >= 300 || json === undefined) { failed(status, `the endpoint answered ${status}`, json); return; }
      this.callbacks.callback(it.id, it.token, json, false, [], 'http-response');
      this.state.changed();
    }, (error: unknown) => {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      failed(0, timedOut ? `no answer within ${this.timeoutMs} ms` : `the endpoint could not be reached: ${String(error)}`);
    });
  }
}
