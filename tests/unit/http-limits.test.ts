/**
 * The HTTP server faces the internet in webhook mode: bodies are capped at
 * 1 MB (declared or streamed), slow clients are cut off, and the real grammY
 * webhook still takes normal updates through the cap.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError } from '../../src/http/body-limit.js';
import { MAX_BODY_BYTES, startHttpServer, type HttpServer, type RouteHandler } from '../../src/http/server.js';
import { ADMIN, PRIVATE, startWebhookRig, type TelegramRig } from '../adapters/telegram-harness.js';

let server: HttpServer | undefined;
let rig: TelegramRig | undefined;
afterEach(async () => { await rig?.close(); await server?.close(); rig = undefined; server = undefined; });

const MB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

interface Posted { status?: number; body: string; error?: string; sentBytes: number }

/**
 * POSTs `total` bytes streamed from one reused 64 KB chunk (so the client holds
 * no big buffer), with a Content-Length header when `declare`, chunked otherwise.
 * Stops writing as soon as the server answers or closes.
 */
function post(port: number, path: string, total: number, opts: { declare?: boolean; headers?: Record<string, string>; body?: Buffer } = {}): Promise<Posted> {
  return new Promise((resolve) => {
    let sentBytes = 0;
    let done = false;
    const result: Posted = { body: '', sentBytes: 0 };
    const finish = (): void => { if (!done) { done = true; result.sentBytes = sentBytes; resolve(result); } };
    const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
    if (opts.declare) headers['content-length'] = String(opts.body?.length ?? total);
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      result.status = res.statusCode;
      res.setEncoding('utf8').on('data', (d: string) => { result.body += d; });
      res.on('end', () => { req.destroy(); finish(); });
      res.on('error', finish);
    });
    req.on('error', (e) => { result.error = e.message; finish(); });
    if (opts.body) { req.end(opts.body); sentBytes = opts.body.length; return; }
    const pump = (): void => {
      while (!done && result.status === undefined && sentBytes < total) {
        sentBytes += CHUNK.length;
        if (!req.write(CHUNK)) { req.once('drain', pump); return; }
      }
      if (sentBytes >= total && !done) req.end();
    };
    pump();
  });
}

/** A route that reads the whole body as grammY does (`on('data')`), answering its length, after `delayMs`. */
const echoLength = (seen: { error?: unknown }, delayMs = 0): RouteHandler => async (req, res) => {
  await new Promise((r) => setTimeout(r, delayMs));
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve) => {
    req.on('data', (c: Buffer) => chunks.push(c)).once('end', resolve).once('error', (e) => { seen.error = e; resolve(); });
  });
  if (!res.headersSent) res.writeHead(200).end(String(Buffer.concat(chunks).length));
};

describe('HTTP request body limit', () => {
  it('passes normal bodies to the route, declared or chunked, even when the route starts reading late', async () => {
    const seen: { error?: unknown } = {};
    server = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: {}, routes: { '/hook': echoLength(seen, 50) } });
    const exact = await post(server.port, '/hook', 0, { declare: true, body: Buffer.alloc(MAX_BODY_BYTES, 'a') });
    expect(exact).toMatchObject({ status: 200, body: String(MAX_BODY_BYTES) });
    const chunked = await post(server.port, '/hook', 10 * CHUNK.length);
    expect(chunked).toMatchObject({ status: 200, body: String(10 * CHUNK.length) });
    expect(seen.error).toBeUndefined();
  });

  it('refuses a declared Content-Length over 1 MB with 413 before the route runs', async () => {
    let called = false;
    server = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: {}, routes: { '/hook': () => { called = true; } } });
    const r = await post(server.port, '/hook', 0, { declare: true, body: Buffer.alloc(MAX_BODY_BYTES + 1, 'a') });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toEqual({ error: `request body too large (limit ${MAX_BODY_BYTES} bytes)` });
    expect(called).toBe(false);
  });

  it('cuts a chunked body off at 1 MB: 413 to the client, BodyTooLargeError to the route, the rest never read', async () => {
    const seen: { error?: unknown } = {};
    server = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: {}, routes: { '/hook': echoLength(seen) } });
    const r = await post(server.port, '/hook', 50 * MB);
    expect(r.status).toBe(413);
    expect(r.sentBytes).toBeLessThan(20 * MB);
    await expect.poll(() => seen.error).toBeInstanceOf(BodyTooLargeError);
  });

  it('five 100 MB bodies to the real grammY webhook, declared and chunked, are refused early and barely move RSS', async () => {
    const secret = 'S3cret_token-value';
    const started = await startWebhookRig(secret);
    ({ server, rig } = started);
    const { headers } = started;

    global.gc?.();
    const before = process.memoryUsage().rss;
    const results: Posted[] = [];
    for (let i = 0; i < 5; i++) results.push(await post(server.port, '/telegram/hook', 100 * MB, { headers, declare: i % 2 === 0 }));
    const grown = process.memoryUsage().rss - before;
    for (const r of results) {
      expect(r.status).toBe(413);
      expect(r.sentBytes).toBeLessThan(20 * MB);
    }
    expect(grown).toBeLessThan(60 * MB);

    // A normal update still goes through the cap and is answered.
    const update = rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/start' });
    expect(await rig.tg.deliverToWebhook(update)).toBe(200);
    const [answer] = await rig.tg.waitForMessages(1, { chatId: PRIVATE.id });
    expect(answer?.plainText).toContain(rig.services.campaign.meta.title);
  }, 60_000);
});

/** Opens a raw connection, writes `text`, and resolves with what came back and when the server closed it. */
function slowClient(port: number, text: string): Promise<{ ms: number; reply: string }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    let reply = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.setEncoding('utf8').on('data', (d: string) => { reply += d; });
    socket.on('close', () => resolve({ ms: Date.now() - t0, reply }));
    socket.on('error', () => undefined);
  });
}

describe('HTTP timeouts', () => {
  it('closes a connection whose headers never finish, and one whose body never finishes', async () => {
    server = await startHttpServer({
      port: 0, host: '127.0.0.1', readiness: {}, headersTimeoutMs: 500, requestTimeoutMs: 1_500,
      routes: { '/hook': echoLength({}) },
    });
    const [headers, body] = await Promise.all([
      slowClient(server.port, 'POST /hook HTTP/1.1\r\nHost: x\r\n'),
      slowClient(server.port, 'POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly a bit'),
    ]);
    // Node checks for late requests once a second (connectionsCheckingInterval).
    expect(headers.ms).toBeGreaterThanOrEqual(450);
    expect(headers.ms).toBeLessThan(3_000);
    expect(headers.reply).toContain('408');
    expect(body.ms).toBeGreaterThanOrEqual(1_400);
    expect(body.ms).toBeLessThan(4_000);
  });

  it('uses 10 s for headers and 30 s for a whole request by default', async () => {
    const { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } = await import('../../src/http/server.js');
    expect([HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS]).toEqual([10_000, 30_000]);
  });
});
