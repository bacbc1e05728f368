/**
 * Rendering a reply the dispatcher keeps (the same frozen object for every
 * chat that asks, see `Dispatcher.remember`) once per language instead of
 * once per answer. A rendered reply depends on the reply, the language of
 * the words the adapter adds and the command ids (command mentions); the
 * adapter hands a new `commandId` function whenever its ids change, so the
 * function's identity stands for them. Replies that are not frozen are built
 * for one answer and rendered as they come.
 */
import type { Reply } from '../../src/rich/model.js';
import { renderDiscordReply, type DiscordMessage, type MarkdownContext } from './render.js';

interface Rendered {
  readonly commandId: MarkdownContext['commandId'];
  readonly messages: readonly DiscordMessage[];
}

/** Rendered frozen replies, by reply and language; dropped with the reply. */
const kept = new WeakMap<Reply, Map<string, Rendered>>();

/** The reply as Discord messages; from the cache when the reply is one the dispatcher keeps. */
export function renderReply(reply: Reply, ctx: MarkdownContext): readonly DiscordMessage[] {
  if (!Object.isFrozen(reply)) return renderDiscordReply(reply, ctx);
  const language = ctx.voice?.language ?? 'en';
  let byLanguage = kept.get(reply);
  const hit = byLanguage?.get(language);
  if (hit !== undefined && hit.commandId === ctx.commandId) return hit.messages;
  const messages = Object.freeze(renderDiscordReply(reply, ctx));
  if (byLanguage === undefined) kept.set(reply, byLanguage = new Map());
  byLanguage.set(language, { commandId: ctx.commandId, messages });
  return messages;
}
