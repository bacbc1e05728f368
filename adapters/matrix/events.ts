/**
 * What the bot does with one sync batch: invites are accepted (an encrypted
 * room's declined), rooms left are forgotten, state events keep the room
 * caches true, and commands become Invocations whose replies are posted as
 * notices — one room's in order, rooms side by side. In groups an answer is
 * a rich reply to the command it answers.
 *
 * Encrypted rooms: Placard has no end-to-end encryption, so it cannot read
 * what is said there and would post in the clear; it answers nothing there
 * and says so in the log, once per room.
 */
import type { InvocationHandler, PostingProblem } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import type { Invocation, Role } from '../../src/commands/types.js';
import type { Logger } from '../../src/log.js';
import { chatForLog, type BurstLog } from '../../src/log-privacy.js';
import { forgetChat, readChatSettings } from '../../src/store/chat-settings.js';
import type { Store } from '../../src/store/store.js';
import type { MatrixClient } from './client.js';
import { classifyMatrixError, describeMatrixError } from './errors.js';
import { commandOf } from './inbound.js';
import { renderMatrixReply, type MatrixWords } from './render.js';
import type { Rooms } from './rooms.js';
import { answerTxnId, postAnswer, refine } from './send.js';
import type { InvitedRoom, JoinedRoom, MatrixEvent, NoticeContent, SyncResponse } from './types.js';

/** What the batch handler needs from the adapter. */
export interface EventDeps {
  readonly client: MatrixClient;
  readonly rooms: Rooms;
  readonly store: Store;
  readonly log: Logger;
  readonly burst: BurstLog;
  readonly botUserId: string;
  readonly handler: InvocationHandler;
  /** Whether a command name is one of Placard's. */
  readonly known: (name: string) => boolean;
  /** The adapter's words in the invocation's language. */
  readonly wordsFor: (invocation: Invocation) => Promise<MatrixWords>;
  readonly checkPosting: (chat: ChatRef) => Promise<PostingProblem | undefined>;
  /** Request timeout of one answer's post, ms. */
  readonly sendTimeoutMs: number;
}

/** Rooms whose encryption was already logged (once per room and process). */
const MAX_NOTED = 10_000;

/** The batch handler, with the memory of which encrypted rooms it has logged. */
export class BatchHandler {
  private readonly noted = new Set<string>();

  constructor(private readonly deps: EventDeps) {}

  /** Handles a batch; never throws. `initial`: the first sync of a fresh start, whose messages are history. */
  async handle(batch: SyncResponse, initial: boolean): Promise<void> {
    const rooms = batch.rooms ?? {};
    await Promise.all([
      ...Object.entries(rooms.invite ?? {}).map(([id, room]) => this.invited(id, room)),
      ...Object.keys(rooms.leave ?? {}).map((id) => this.left(id)),
      ...Object.entries(rooms.join ?? {}).map(([id, room]) => this.joined(id, room, initial)),
    ]);
  }

  /** Notes once that a room is encrypted and nothing is answered there. */
  private declined(chat: Pick<ChatRef, 'chatId' | 'kind'>, what: string): void {
    if (this.noted.has(chat.chatId)) return;
    if (this.noted.size >= MAX_NOTED) this.noted.clear();
    this.noted.add(chat.chatId);
    this.deps.log.info({ chat: chatForLog(chat) }, what);
  }

  private async invited(roomId: string, room: InvitedRoom): Promise<void> {
    const { client, log, burst, botUserId } = this.deps;
    const stripped = room.invite_state?.events ?? [];
    const own = stripped.find((e) => e.type === 'm.room.member' && e.state_key === botUserId);
    const chat = { chatId: roomId, kind: own?.content?.['is_direct'] === true ? 'private' as const : 'group' as const };
    const encrypted = stripped.some((e) => e.type === 'm.room.encryption');
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        if (encrypted) {
          await client.leave(roomId);
          this.declined(chat, 'matrix invite to an end-to-end encrypted room declined: Placard does not support encrypted rooms');
        } else {
          await client.join(roomId);
          log.info({ chat: chatForLog(chat) }, 'matrix room joined on invite');
        }
        return;
      } catch (e: unknown) {
        burst.note('warn', `invite:${String(describeMatrixError(e)['status'] ?? describeMatrixError(e)['cause'])}`,
          { ...describeMatrixError(e), chat: chatForLog(chat), attempt }, 'matrix invite could not be answered');
        const result = classifyMatrixError(e);
        if (attempt < 3) await new Promise((r) => setTimeout(r, result.kind === 'retryAfter' ? Math.min(result.ms, 30_000) : 500 * attempt));
      }
    }
  }

  private async left(roomId: string): Promise<void> {
    this.deps.rooms.forget(roomId);
    const ref = { platform: 'matrix' as const, chatId: roomId };
    try {
      const settings = await readChatSettings(this.deps.store, ref);
      if (settings === undefined) return;
      await forgetChat(this.deps.store, ref);
      this.deps.log.info({ chat: chatForLog({ chatId: roomId, kind: settings.kind ?? 'group' }) }, 'matrix room left (kicked, banned or left); its settings are deleted');
    } catch (e: unknown) {
      this.deps.burst.note('warn', 'left', { error: e instanceof Error ? e.name : 'unknown' }, 'matrix room left, but its settings could not be deleted');
    }
  }

  private async joined(roomId: string, room: JoinedRoom, initial: boolean): Promise<void> {
    const { burst } = this.deps;
    for (const event of room.state?.events ?? []) this.stateEvent(roomId, event);
    if (room.timeline?.limited === true && !initial) {
      burst.note('info', 'limited', {}, 'a matrix room had more new events than one sync returns; the oldest were not read');
    }
    for (const event of room.timeline?.events ?? []) {
      if (event.state_key !== undefined) { this.stateEvent(roomId, event); continue; }
      if (initial) continue;
      try {
        await this.message(roomId, event);
      } catch (e: unknown) {
        burst.note('warn', 'message', describeMatrixError(e), 'matrix command could not be handled');
      }
    }
  }

  private stateEvent(roomId: string, event: MatrixEvent): void {
    this.deps.rooms.changed(roomId, event.type);
  }

  private async message(roomId: string, event: MatrixEvent): Promise<void> {
    const { rooms, botUserId, known, handler, burst } = this.deps;
    const parsed = commandOf(event, botUserId);
    if (parsed === undefined) return;
    const kind = await rooms.kind(roomId).catch((): 'group' => 'group');
    // In a group, `!word` that is not Placard's belongs to another bot of the room.
    if (parsed.bang && kind === 'group' && !known(parsed.line.command)) return;
    const chat: ChatRef = { platform: 'matrix', chatId: roomId, kind };
    if (await rooms.isEncrypted(roomId).catch(() => false)) {
      this.declined(chat, 'matrix room is end-to-end encrypted: Placard answers nothing there');
      return;
    }
    const sender = event.sender!;
    const role = async (): Promise<Role> => {
      if (kind === 'private') return 'admin';
      try { return await rooms.roleOf(roomId, sender); } catch (e: unknown) {
        burst.note('warn', 'role', describeMatrixError(e), 'matrix power levels could not be read; treating as member');
        return 'member';
      }
    };
    const invocation: Invocation = {
      command: parsed.line.command, text: parsed.line.text, chat, now: new Date(), role,
      checkPosting: () => this.deps.checkPosting(chat),
    };
    const reply = await handler(invocation);
    const contents = renderMatrixReply(reply, await this.deps.wordsFor(invocation));
    if (contents.length === 0) return;
    const first = kind === 'group' && event.event_id !== undefined
      ? [{ ...contents[0]!, 'm.relates_to': { 'm.in_reply_to': { event_id: event.event_id } } } satisfies NoticeContent, ...contents.slice(1)]
      : contents;
    try {
      await postAnswer(this.deps.client, roomId, first, (i) => answerTxnId(event.event_id, i), this.deps.sendTimeoutMs);
    } catch (e: unknown) {
      const result = await refine({ rooms, botUserId: () => botUserId }, roomId, e);
      burst.note('warn', `answer:${result.kind}`, { ...describeMatrixError(e), chat: chatForLog(chat), result: result.kind }, 'matrix answer could not be posted');
      if (result.kind === 'gone') await forgetChat(this.deps.store, chat).catch(() => undefined);
    }
  }
}
