/**
 * Discord over HTTP interactions: `POST /discord/interactions`, the
 * "Interactions Endpoint URL" of the application. Discord posts each
 * interaction there, signed (see `verify.ts`), and takes the HTTP response
 * as the interaction's first answer; later answers (the edit of a deferred
 * one, follow-ups) go to the interaction's webhook over REST, as on the
 * gateway path. Every interaction goes through the same inbound code as a
 * gateway one (`handleInteraction`), so both are answered alike.
 *
 * A PING (type 1) is answered with a PONG (type 1): Discord sends one when
 * the URL is saved, besides requests with bad signatures that must get 401.
 *
 * Privacy: nothing here logs who invoked, what was sent, or the URL tokens.
 *
 * i18n-exempt-file: HTTP error bodies for Discord and operators, never shown in a chat.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { InteractionResponseType, InteractionType, type APIInteraction, type REST } from 'discord.js';
import { PlacardError } from '../../src/errors.js';
import type { BurstLog } from '../../src/log-privacy.js';
import { interactionOf } from './interaction.js';
import { webhookAfterHttp, type FirstAnswer, type Responder } from './responder.js';
import { checkSignature, MAX_SKEW_SECONDS, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './verify.js';

/** Where the endpoint is served on the HTTP server (`HTTP_PORT`). */
export const INTERACTIONS_PATH = '/discord/interactions';

/** The first answer could not go back in the HTTP response (given twice, or Discord hung up first). */
export class HttpAnswerError extends PlacardError {
  constructor(reason: 'twice' | 'closed') {
    super('discord_http_answer', reason === 'twice' ? 'the interaction was already answered' : 'Discord closed the request before the answer was ready');
  }
}

/** Handles one interaction, answering through the responder; false when it is not one Placard answers. */
export type InteractionSink = (interaction: APIInteraction, io: Responder) => Promise<boolean>;

/** What the endpoint needs. */
export interface InteractionsEndpointOptions {
  /** The application's public key (`DISCORD_PUBLIC_KEY`). */
  readonly publicKey: KeyObject;
  /** A REST client for the interaction webhook (no bot token needed). */
  readonly rest: REST;
  /** The inbound side, or undefined while the adapter is not started (503). */
  readonly sink: () => InteractionSink | undefined;
  /** Refused requests, summed per kind and interval. */
  readonly burst: BurstLog;
  /** Allowed distance of a request's timestamp from the clock, seconds. Default {@link MAX_SKEW_SECONDS}. */
  readonly maxSkewSeconds?: number;
  readonly now?: () => number;
}

function json(res: ServerResponse, status: number, body: unknown): Promise<void> {
  return new Promise((resolve) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    res.end(text, () => resolve());
  });
}

/** The whole body, as bytes (the server caps its size before and while it is read). */
async function rawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The body as an interaction, or undefined when it is not JSON of one. */
function parse(body: Buffer): APIInteraction | undefined {
  try {
    return interactionOf(JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * A responder whose first answer is the HTTP response (resolving once it is
 * written out); the rest go to the webhook, patient with a webhook Discord
 * does not know yet.
 */
function httpResponder(res: ServerResponse, rest: REST, interaction: APIInteraction): Responder & { readonly responded: () => boolean } {
  let responded = false;
  return {
    responded: () => responded,
    respond: async (answer: FirstAnswer) => {
      if (responded) throw new HttpAnswerError('twice');
      responded = true;
      if (res.destroyed || res.writableEnded) throw new HttpAnswerError('closed');
      await json(res, 200, answer);
    },
    ...webhookAfterHttp(rest, interaction),
  };
}

/** The route's handler: verify, parse, then PONG or the inbound code. */
export function interactionsEndpoint(options: InteractionsEndpointOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const now = options.now ?? Date.now;
  return async (req, res) => {
    const body = await rawBody(req);
    const check = checkSignature(options.publicKey, {
      signature: req.headers[SIGNATURE_HEADER], timestamp: req.headers[TIMESTAMP_HEADER], body,
    }, now(), options.maxSkewSeconds ?? MAX_SKEW_SECONDS);
    if (check !== 'ok') {
      const why = check === 'stale' ? 'a good signature, but its timestamp is over 5 minutes off this machine\'s clock (check the clock)'
        : check === 'missing' ? 'no signature headers' : 'a bad signature';
      options.burst.note(check === 'stale' ? 'warn' : 'info', `discord:interaction:${check}`, { platform: 'discord', refused: check }, `interaction request refused (401): ${why}`);
      await json(res, 401, { error: 'invalid request signature' });
      return;
    }
    const interaction = parse(body);
    if (interaction === undefined) { await json(res, 400, { error: 'not an interaction' }); return; }
    if (interaction.type === InteractionType.Ping) { await json(res, 200, { type: InteractionResponseType.Pong }); return; }
    const sink = options.sink();
    if (sink === undefined) { await json(res, 503, { error: 'not started' }); return; }
    const io = httpResponder(res, options.rest, interaction);
    const answered = await sink(interaction, io);
    if (io.responded() || res.headersSent) return;
    await json(res, answered ? 500 : 400, { error: answered ? 'could not answer' : 'interaction type not supported' });
  };
}
