/**
 * Inline button presses. A press is an Invocation like a typed command (the
 * presser's role resolved lazily) and goes through the dispatcher; its answer
 * replaces the message the button sits under, text and keyboard. An answer
 * that cannot replace it — an error, a refusal, a button whose command or
 * list no longer exists — is a short notice on the presser's screen (the
 * callback answer), and the message stays as it was.
 */
import type { Context } from 'grammy';
import type { CallbackQuery } from 'grammy/types';
import type { InvocationHandler } from '../../src/adapter.js';
import type { Reply } from '../../src/rich/model.js';
import { lazyParts, type UpdateDeps } from './context.js';
import { replaceMessage, topicOfMessage } from './deliver.js';
import { chatRefOf } from './inbound.js';
import { decodeAction, prepareReply } from './keyboard.js';
import { decodePage, NOOP, pageArgs } from './paging.js';

/** The notice for a button that no longer leads anywhere. */
export const STALE = 'This list has changed. Please send the command again.';
/** Telegram's limit for a callback answer's text. */
const TOAST_LIMIT = 200;

/** What a button asks for: a command line, and whether it is a page of a list. */
interface ButtonRequest { readonly command: string; readonly text: string; readonly page: boolean }

function requestOf(data: string): ButtonRequest | undefined {
  const page = decodePage(data);
  if (page) return { command: page.command, text: pageArgs(page.args, page.page), page: true };
  const action = decodeAction(data);
  return action ? { command: action.command, text: action.args, page: false } : undefined;
}

/** An error answer as a notice: its visible text, within Telegram's 200 characters. */
function toastOf(reply: Reply): string {
  const text = prepareReply(reply).texts.map((t) => t.visible).join(' ').replace(/\s+/g, ' ').trim();
  if (text === '') return STALE;
  const points = [...text];
  return points.length <= TOAST_LIMIT ? text : `${points.slice(0, TOAST_LIMIT - 1).join('')}…`;
}

/** Answers one button press (see the module comment). */
export async function onButton(ctx: Context, query: CallbackQuery, handler: InvocationHandler, deps: UpdateDeps): Promise<void> {
  const data = query.data ?? '';
  if (data === NOOP) { await ctx.answerCallbackQuery(); return; }
  const request = requestOf(data);
  const message = query.message;
  const known = request !== undefined && deps.services.commands.some((c) => c.name === request.command);
  if (!request || !message || !known) { await ctx.answerCallbackQuery({ text: STALE }); return; }
  const chat = chatRefOf(message.chat, topicOfMessage(message));
  const reply = await handler({
    command: request.command, text: request.text, chat, now: new Date(), locale: query.from.language_code,
    ...lazyParts(chat, () => deps.roles.roleOf(message.chat, query.from.id), deps),
  });
  const prepared = prepareReply(reply);
  if (reply.ephemeral || prepared.texts.length === 0) {
    // A page that is gone means the list changed; any other refusal says why in its own words.
    await ctx.answerCallbackQuery({ text: request.page || prepared.texts.length === 0 ? STALE : toastOf(reply) });
    return;
  }
  try {
    await replaceMessage(ctx.api, message, prepared);
  } catch (e: unknown) {
    // Stop the button's spinner all the same; the failure itself goes to bot.catch.
    await ctx.answerCallbackQuery().catch(() => undefined);
    throw e;
  }
  await ctx.answerCallbackQuery();
}
