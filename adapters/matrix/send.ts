/**
 * Posting notices, and what a failed post means.
 *
 * Every post is a `PUT …/send/m.room.message/{txnId}`, and the homeserver
 * takes one transaction id once per access token (spec, "Transaction
 * identifiers"; Synapse keeps them at least 30 minutes, and does not keep a
 * failed one, so a retry after a 429 goes through). So the ids are derived,
 * not random:
 *
 * - an answer's from the event it answers (`placard.a.<hash>.<piece>`): a
 *   batch handled again after a crash re-sends the same ids, and the room
 *   sees each answer once; retries after a 429 or a 5xx are safe;
 * - a reminder's from the room and the notice itself (`placard.r.<hash>`): a
 *   send that timed out after the homeserver took it is retried by the
 *   scheduler with the same id and not posted twice. Two identical notices in
 *   one room are one message — a reminder's headline names the years since
 *   the event, so each year's differs.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import type { Action, RichMessage } from '../../src/rich/model.js';
import type { Pacer } from '../../src/schedule/pacer.js';
import { MatrixApiError, MatrixNetworkError, type MatrixClient } from './client.js';
import { classifyMatrixError, forbiddenHint } from './errors.js';
import { renderMatrixReply, type MatrixWords } from './render.js';
import type { Rooms } from './rooms.js';
import type { NoticeContent } from './types.js';

const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** The transaction id of piece `i` of the answer to event `eventId` (a random one when the event has no id). */
export const answerTxnId = (eventId: string | undefined, i: number): string => `placard.a.${hash(eventId ?? randomUUID())}.${i}`;

/** The transaction id of a reminder's notice in a room. */
export const reminderTxnId = (roomId: string, content: NoticeContent): string => `placard.r.${hash(`${roomId}\n${JSON.stringify(content)}`)}`;

/** Most one answer waits for a 429 before giving up (an answer later than this helps nobody). */
const MAX_ANSWER_WAIT_MS = 30_000;
/** Attempts per answer piece. */
const ANSWER_ATTEMPTS = 3;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Posts an answer's pieces in order, each retried on a 429 (its wait, up to
 * 30 s), a 5xx or a broken connection — with the same transaction id, so a
 * retry of a post the homeserver took is not a second message. A post that
 * timed out is not retried (a homeserver that hangs will not answer sooner;
 * the bot must stay able to stop). Throws the last failure.
 */
export async function postAnswer(client: MatrixClient, roomId: string, contents: readonly NoticeContent[], txnId: (i: number) => string, timeoutMs?: number): Promise<void> {
  for (let i = 0; i < contents.length; i++) {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.send(roomId, txnId(i), contents[i]!, timeoutMs);
        break;
      } catch (e: unknown) {
        const result = classifyMatrixError(e);
        const timedOut = e instanceof MatrixNetworkError && e.cause === 'timeout';
        const wait = result.kind === 'retryAfter' ? result.ms : result.kind === 'failed' && result.transient && !timedOut ? 500 * attempt : undefined;
        if (wait === undefined || wait > MAX_ANSWER_WAIT_MS || attempt >= ANSWER_ATTEMPTS) throw e;
        await sleep(wait);
      }
    }
  }
}

/** What sending a reminder needs from the adapter. */
export interface ReminderDeps {
  readonly client: MatrixClient;
  readonly rooms: Rooms;
  readonly pacer: Pacer;
  /** The bot's user id, once known. */
  readonly botUserId: () => string | undefined;
  /** Request timeout of a reminder's post, ms. */
  readonly timeoutMs: number;
}

/**
 * Sends one reminder: its actions as commands to type under it, in the
 * chat's language (`words`). Never throws. An encrypted room is refused
 * (`forbidden`: kept and flagged, see README); a 403 is `gone` when the bot
 * is no longer joined (kicked, banned, left), else `forbidden` (its power
 * level is too low).
 */
export async function sendReminder(deps: ReminderDeps, target: ChatRef, message: RichMessage, actions: readonly Action[] | undefined, words: MatrixWords): Promise<SendResult> {
  const roomId = target.chatId;
  await deps.pacer.wait(roomId, target.kind !== 'private');
  try {
    const encrypted = await deps.rooms.isEncrypted(roomId).catch(() => false);
    if (encrypted) return { kind: 'forbidden', reason: 'the room is end-to-end encrypted; Placard does not post in encrypted rooms' };
    const contents = renderMatrixReply({ messages: [message], ...(actions && actions.length > 0 ? { actions } : {}) }, words);
    for (const content of contents) await deps.client.send(roomId, reminderTxnId(roomId, content), content, deps.timeoutMs);
    return { kind: 'sent' };
  } catch (e: unknown) {
    return refine(deps, roomId, e);
  }
}

/** A 403 told apart: not joined any more → gone; joined → forbidden (power level). */
export async function refine(deps: Pick<ReminderDeps, 'rooms' | 'botUserId'>, roomId: string, e: unknown): Promise<SendResult> {
  const result = classifyMatrixError(e);
  if (result.kind !== 'forbidden' || !(e instanceof MatrixApiError)) return result;
  const me = deps.botUserId();
  const joined = me === undefined ? undefined : await deps.rooms.joined(roomId, me);
  if (joined === false || (joined === undefined && forbiddenHint(e) === 'gone')) {
    deps.rooms.forget(roomId);
    return { kind: 'gone', reason: 'the bot is no longer in the room (left, kicked or banned)' };
  }
  return { kind: 'forbidden', reason: "the bot's power level is too low to send messages in this room" };
}
