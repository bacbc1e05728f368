/**
 * A cap on request bodies for the POST routes (the Telegram webhook), without
 * taking the stream away from the route: grammY's 'http' adapter reads the
 * real `IncomingMessage` with `req.on('data')`, so we cannot hand it a copy.
 *
 * Two checks: a declared `Content-Length` over the cap is refused before the
 * route runs, and a chunked (or lying) body is counted as it streams in and
 * cut off the moment it passes the cap. Either way the client gets 413 and
 * the connection is closed, so at most `limit` bytes of one request are ever
 * held in memory, and the rest is never read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PlacardError } from '../errors.js';

/** Default cap on a POST body: Telegram updates are a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * How long a refused connection may stay open after its 413 is written, so
 * the client can read the answer before the socket closes under it.
 */
const CLOSE_GRACE_MS = 250;

/** A request body passed the cap; given to the route as the request's 'error'. */
export class BodyTooLargeError extends PlacardError {
  constructor(readonly limit: number, readonly received: number) {
    super('http_body_too_large', `request body over ${limit} bytes (${received} received so far)`);
  }
}

/** The declared length, or undefined when absent (chunked) or not a plain number. */
function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  return Number(header);
}

/** Answers 413 (when the route has not answered yet) and closes the connection shortly after. */
function refuse(req: IncomingMessage, res: ServerResponse, limit: number, received: number): void {
  const closeSoon = (): void => {
    setTimeout(() => req.destroy(new BodyTooLargeError(limit, received)), CLOSE_GRACE_MS).unref();
  };
  if (res.headersSent) { req.destroy(new BodyTooLargeError(limit, received)); return; }
  res.once('finish', closeSoon);
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  res.end(JSON.stringify({ error: `request body too large (limit ${limit} bytes)` }));
}

/**
 * Applies the cap to `req`. Returns false when the request was already
 * refused by its declared length (the route must not run); true when the
 * route may run, with the body counted as it streams.
 */
export function limitBody(req: IncomingMessage, res: ServerResponse, limit = MAX_BODY_BYTES): boolean {
  const declared = declaredLength(req);
  if (declared !== undefined && declared > limit) {
    refuse(req, res, limit, 0);
    return false;
  }
  // Node's HTTP parser hands each body chunk to `req.push` (as if from `_read`), whether or not
  // anyone reads yet. Wrapping this one request's `push` counts bytes as they arrive — before
  // they are buffered — and leaves the stream itself untouched for the route, paused or flowing.
  let received = 0;
  let refused = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (refused) return false;
    if (chunk !== null && chunk !== undefined) {
      received += Buffer.isBuffer(chunk) || typeof chunk === 'string' ? Buffer.byteLength(chunk) : 0;
      if (received > limit) {
        refused = true;
        refuse(req, res, limit, received);
        // false pauses the socket: nothing more is read from a client we already refused.
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}
