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
import type { Invocation } from '../../src/commands/types.js';
import { defaultVoice } from '../../src/i18n/voice.js';
import type { Reply } from '../../src/rich/model.js';
import { lazyParts, voiceFor, type UpdateDeps } from './context.js';
import { replaceMessage, topicOfMessage } from './deliver.js';
import { chatRefOf } from './inbound.js';
import { decodeAction, prepareReply } from './keyboard.js';
import { decodePage, NOOP, pageArgs } from './paging.js';

/** Catalog id of the notice for a button that no longer leads anywhere. */
const STALE_ID = 'adapter-stale-list';
/** That notice in English ("This list has changed. …"); each presser reads it in their language. */
export const STALE = defaultVoice().t(STALE_ID);
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

/** An error answer as a notice: its visible text, within Telegram's 200 characters ('' when it has none). */
function toastOf(reply: Reply): string {
  const text = prepareReply(reply).texts.map((t) => t.visible).join(' ').replace(/\s+/g, ' ').trim();
  if (text === '') return '';
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
  const chat = message === undefined ? undefined : chatRefOf(message.chat, topicOfMessage(message));
  const invocation: Invocation | undefined = chat === undefined || message === undefined ? undefined : {
    command: request?.command ?? '', text: request?.text ?? '', chat, now: new Date(),
    // A private chat's language may follow its user's; a notice only the presser sees may follow theirs.
    ...(message.chat.type === 'private' && query.from.language_code !== undefined ? { locale: query.from.language_code } : {}),
    ...(query.from.language_code === undefined ? {} : { userLocale: query.from.language_code }),
    ...lazyParts(chat, () => deps.roles.roleOf(message.chat, query.from.id), deps),
  };
  const stale = async (): Promise<string> => (invocation === undefined ? STALE : (await voiceFor(deps.languages, invocation, true)).t(STALE_ID));
  if (!request || !invocation || !message || !known) { await ctx.answerCallbackQuery({ text: await stale() }); return; }
  const reply = await handler(invocation);
  const paged = reply.paging !== undefined && reply.paging.pages > 1;
  const prepared = prepareReply(reply, paged ? await voiceFor(deps.languages, invocation) : defaultVoice());
  if (reply.ephemeral || prepared.texts.length === 0) {
    // A page that is gone means the list changed; any other refusal says why in its own words.
    const toast = request.page ? '' : toastOf(reply);
    await ctx.answerCallbackQuery({ text: toast === '' ? await stale() : toast });
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
