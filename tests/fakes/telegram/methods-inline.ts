/**
 * Inline mode of the fake: `answerInlineQuery`, validated as the Bot API
 * does — an open query id answered once, at most 50 results, unique result
 * ids of 1–64 bytes, articles with a title and a text message whose
 * formatting parses and whose text fits 4096 characters.
 */
import { asRecord, paramBool, paramInt, paramJson, paramString } from './http-body.js';
import { fail, formatText, ok, type MethodHandler } from './methods-messages.js';
import type { ApiFailure, InlineAnswer } from './types.js';

const RESULT_TYPES = new Set([
  'article', 'audio', 'contact', 'game', 'document', 'gif', 'location', 'mpeg4_gif', 'photo', 'venue', 'video', 'voice', 'sticker',
]);

/** Checks one result; the Bot API's error for the first problem, else undefined. */
function checkResult(r: Record<string, unknown>, ids: Set<string>, html: 'strict' | 'telegram'): ApiFailure | undefined {
  const type = paramString(r, 'type') ?? '';
  if (!RESULT_TYPES.has(type)) return fail(400, 'Bad Request: RESULT_TYPE_INVALID');
  const id = paramString(r, 'id') ?? '';
  const bytes = Buffer.byteLength(id, 'utf8');
  if (bytes < 1 || bytes > 64) return fail(400, 'Bad Request: RESULT_ID_INVALID');
  if (ids.has(id)) return fail(400, 'Bad Request: RESULT_ID_DUPLICATE');
  ids.add(id);
  if (type !== 'article') return undefined;
  if ((paramString(r, 'title') ?? '').trim() === '') return fail(400, 'Bad Request: RESULT_TITLE_EMPTY');
  const content = asRecord(r['input_message_content']);
  if (!content) return fail(400, 'Bad Request: MESSAGE_EMPTY');
  const formatted = formatText({ text: content['message_text'], parse_mode: content['parse_mode'], entities: content['entities'] }, html);
  if ('ok' in formatted) return formatted.description === 'Bad Request: message text is empty' ? fail(400, 'Bad Request: MESSAGE_EMPTY') : formatted;
  return undefined;
}

const answerInlineQuery: MethodHandler = (ctx, p) => {
  const id = paramString(p, 'inline_query_id');
  if (id === undefined || !ctx.state.openInlineQueries.has(id)) {
    return fail(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
  }
  const results = paramJson(p, 'results');
  if (!Array.isArray(results)) return fail(400, "Bad Request: can't parse inline query results JSON object");
  if (results.length > 50) return fail(400, 'Bad Request: RESULTS_TOO_MUCH');
  const ids = new Set<string>();
  const kept: Record<string, unknown>[] = [];
  for (const item of results) {
    const r = asRecord(item);
    if (!r) return fail(400, "Bad Request: can't parse InlineQueryResult");
    const problem = checkResult(r, ids, ctx.html);
    if (problem) return problem;
    kept.push(r);
  }
  const cache = paramInt(p, 'cache_time');
  if (p['cache_time'] !== undefined && (cache === undefined || cache < 0)) return fail(400, 'Bad Request: cache_time is invalid');
  ctx.state.openInlineQueries.delete(id);
  const answer: InlineAnswer = { inline_query_id: id, results: kept, at: Date.now() };
  if (cache !== undefined) answer.cache_time = cache;
  const personal = paramBool(p, 'is_personal');
  if (personal !== undefined) answer.is_personal = personal;
  const offset = paramString(p, 'next_offset');
  if (offset !== undefined) answer.next_offset = offset;
  ctx.state.inlineAnswers.push(answer);
  return ok(true);
};

/** Inline-mode handlers, keyed by method name. */
export const inlineMethods: Record<string, MethodHandler> = { answerInlineQuery };
