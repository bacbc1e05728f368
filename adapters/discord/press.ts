/**
 * A pressed button or a chosen select option: what it asks to run (an
 * action `a|…`, a page `pg|…`), run through the handler as an Invocation of
 * the presser, and answered by updating the message it sits under. Buttons
 * that lead nowhere any more get a polite private answer.
 *
 * Privacy: nothing here logs who pressed or what was answered.
 */
import type { Invocation } from '../../src/commands/types.js';
import { defaultVoice } from '../../src/i18n/voice.js';
import { errorReply } from '../../src/rich/build.js';
import type { Reply } from '../../src/rich/model.js';
import { ACTION_SELECT_ID, parseActionCustomId } from './actions.js';
import { onOwnPost, pressedOf, type PressInteraction } from './interaction.js';
import type { MarkdownContext } from './markdown.js';
import { parsePageCustomId } from './paging.js';
import { answer, type AnswerMode, type Answered, type WordsOf } from './respond.js';
import type { Responder } from './responder.js';

/** Catalog id of the answer to a button that no longer leads anywhere. */
const STALE_ID = 'adapter-stale-button';
/** That answer in English ("This button has expired. …"); each presser reads it in their language. */
export const STALE_BUTTON = defaultVoice().t(STALE_ID);

/** What a press asks to run: a command and its argument text. */
export interface PressRequest {
  readonly command: string;
  readonly text: string;
}

/** Reads a button's custom id or a select's chosen value; undefined for anything this bot did not make. */
export function requestOf(customId: string, values: readonly string[] = []): PressRequest | undefined {
  const id = customId === ACTION_SELECT_ID ? (values[0] ?? '') : customId;
  const action = parseActionCustomId(id);
  if (action !== undefined) return { command: action.command, text: action.args.trim() };
  const page = customId === ACTION_SELECT_ID ? undefined : parsePageCustomId(id);
  if (page === undefined) return undefined;
  return { command: page.command, text: [page.args, String(page.page)].filter((s) => s.length > 0).join(' ') };
}

/**
 * How to answer a press: a message the bot posted by itself (a reminder in a
 * channel, read by everyone) is never replaced; the presser gets the answer
 * privately. A reply to someone's command is updated in place.
 */
export const modeOf = (interaction: PressInteraction): AnswerMode => (onOwnPost(interaction) ? 'private' : 'update');

/** What the press handler needs from the inbound side. */
export interface PressContext {
  /** Whether the bot still has the command. */
  readonly known: (name: string) => boolean;
  /** Runs an invocation through the handler (never rejects). */
  readonly run: (invocation: Invocation) => Promise<Reply>;
  /** The Invocation of the presser for `command` with `text`. */
  readonly invocation: (command: string, text: string) => Invocation;
  readonly deferAfterMs: number;
  /** How messages are rendered (command mentions). */
  readonly markdown: MarkdownContext;
  /** The voice of the words the adapter adds, for this presser. */
  readonly words: WordsOf;
}

/** Answers a press; resolves with the command it ran ('unknown' for a stale one). */
export async function handlePress(
  interaction: PressInteraction,
  io: Responder,
  ctx: PressContext,
): Promise<{ command: string; result: Answered }> {
  const { customId, values } = pressedOf(interaction);
  const request = requestOf(customId, values);
  if (request === undefined || !ctx.known(request.command)) {
    const stale = ctx.words(true).then((voice) => errorReply(voice.t(STALE_ID)));
    const result = await answer(io, stale, 'update', ctx.deferAfterMs, ctx.markdown, ctx.words);
    return { command: 'unknown', result };
  }
  const pending = ctx.run(ctx.invocation(request.command, request.text));
  const result = await answer(io, pending, modeOf(interaction), ctx.deferAfterMs, ctx.markdown, ctx.words);
  return { command: request.command, result };
}
