/**
 * Request parsing the way the Bot API accepts parameters: URL query string,
 * `application/json`, `application/x-www-form-urlencoded` and
 * `multipart/form-data` (grammY uses JSON, and multipart only when an
 * `InputFile` is in the payload). Form fields arrive as strings; the
 * `param*` helpers coerce them like Telegram does (JSON-serialised objects in
 * fields such as `reply_markup`).
 */
import type { IncomingMessage } from 'node:http';
import type { Transport, UploadedFile } from './types.js';

/** Parameters of one request. */
export interface ParsedRequest {
  params: Record<string, unknown>;
  transport: Transport;
  files: UploadedFile[];
}

/** Reads the whole request body. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** Parses query and body into one parameter object (body wins). Throws on malformed JSON. */
export function parseRequest(contentType: string | undefined, body: Buffer, query: URLSearchParams): ParsedRequest {
  const params: Record<string, unknown> = Object.fromEntries(query.entries());
  let transport: Transport = query.size > 0 ? 'query' : 'none';
  const files: UploadedFile[] = [];
  const ct = (contentType ?? '').toLowerCase();
  if (body.length > 0) {
    if (ct.startsWith('application/json')) {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) Object.assign(params, parsed);
      transport = 'json';
    } else if (ct.startsWith('multipart/form-data')) {
      const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
      const b = boundary?.[1] ?? boundary?.[2];
      if (b) parseMultipart(body, b, params, files);
      transport = 'multipart';
    } else {
      for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
      transport = 'form';
    }
  }
  return { params, transport, files };
}

/** Minimal RFC 7578 parser: text fields into `params`, file parts into `files`. */
function parseMultipart(body: Buffer, boundary: string, params: Record<string, unknown>, files: UploadedFile[]): void {
  const delim = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delim);
  while (pos >= 0) {
    let start = pos + delim.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing "--"
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const next = body.indexOf(delim, start);
    if (next < 0) break;
    let end = next;
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
    const part = body.subarray(start, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const data = part.subarray(headerEnd + 4);
      const disp = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
      const name = /\bname="([^"]*)"/i.exec(disp)?.[1];
      const filename = /\bfilename=(?:"([^"]*)"|([^;\r\n]+))/i.exec(disp);
      if (name !== undefined) {
        if (filename) files.push({ field: name, filename: filename[1] ?? filename[2] ?? '', data: Buffer.from(data) });
        else params[name] = data.toString('utf8');
      }
    }
    pos = next;
  }
}

/** A string parameter (numbers are stringified, like Telegram does). */
export function paramString(p: Record<string, unknown>, key: string): string | undefined {
  const v = p[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** An integer parameter; undefined when absent or not an integer. */
export function paramInt(p: Record<string, unknown>, key: string): number | undefined {
  const v = p[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

/** A boolean parameter (`true`, `"true"`, `"1"`). */
export function paramBool(p: Record<string, unknown>, key: string): boolean | undefined {
  const v = p[key];
  if (v === undefined) return undefined;
  return v === true || v === 'true' || v === '1' || v === 1;
}

/** A JSON-typed parameter: objects pass through, strings are JSON-decoded. */
export function paramJson(p: Record<string, unknown>, key: string): unknown {
  const v = p[key];
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

/** A chat id: an integer, or an `@username` string. */
export function paramChatId(p: Record<string, unknown>, key = 'chat_id'): number | string | undefined {
  const n = paramInt(p, key);
  if (n !== undefined) return n;
  const s = paramString(p, key);
  return s !== undefined && s.startsWith('@') ? s : undefined;
}

/** Narrows an unknown to a plain record. */
export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
