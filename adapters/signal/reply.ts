/**
 * A whole reply as the Signal messages it is sent as. Signal has no buttons,
 * so what the reader can do next is written under the last message as
 * commands to type, as on the console: the page marker and the previous and
 * next pages, then each action — `→ Label: /command args`, the command in
 * monospace. The adapter's own words come from the catalogs (`signal-*`) in
 * the chat's language.
 */
import { command } from '../../src/rich/build.js';
import type { Action, Paging, Reply } from '../../src/rich/model.js';
import type { Voice } from '../../src/i18n/voice.js';
import type { Language } from '../../src/i18n/languages.js';
import { renderPieces, SignalOut, type SignalText } from './render.js';

/** The line a person types for an action: `/statement smk-statement`. */
export const commandLine = (a: Pick<Action, 'command' | 'args'>): string => `/${a.command} ${a.args}`.trim();

/** The argument text that asks a paged command for `page` (as Telegram's page buttons run it). */
const pageArgs = (args: string, page: number): string => `${args} ${page}`.trim();

/** The moves of a paged reply, as actions. */
function pageMoves(p: Paging, voice: Voice): Action[] {
  if (p.pages <= 1) return [];
  return [
    ...(p.page > 1 ? [{ label: voice.t('signal-page-previous'), command: p.command, args: pageArgs(p.args, p.page - 1) }] : []),
    ...(p.page < p.pages ? [{ label: voice.t('signal-page-next'), command: p.command, args: pageArgs(p.args, p.page + 1) }] : []),
  ];
}

/** The typed actions under a reply (paging first), or undefined when there are none. */
export function typedActions(reply: Pick<Reply, 'paging' | 'actions'>, voice: Voice): SignalText | undefined {
  const marker = reply.paging && reply.paging.pages > 1 ? voice.t('signal-page', { page: reply.paging.page, pages: reply.paging.pages }) : undefined;
  const actions = [...(reply.paging ? pageMoves(reply.paging, voice) : []), ...(reply.actions ?? [])];
  if (marker === undefined && actions.length === 0) return undefined;
  const out = new SignalOut();
  if (marker !== undefined) out.add(marker, ['ITALIC']);
  for (const a of actions) {
    if (out.text !== '') out.add('\n');
    for (const s of voice.rich('signal-action', { label: a.label, command: command(commandLine(a)) })) {
      out.add(s.text, s.command ? ['MONOSPACE'] : []);
    }
  }
  return out.done();
}

/** What frozen replies (the dispatcher's cached answers) rendered to, per language: they never change. */
const renderedFrozen = new WeakMap<Reply, Map<Language, readonly SignalText[]>>();

/** A reply as the messages to send, in order, each within Signal's inline limit; the typed actions under the last. */
export function renderSignalReply(reply: Reply, voice: Voice): readonly SignalText[] {
  if (!Object.isFrozen(reply)) return renderAll(reply, voice);
  let byLanguage = renderedFrozen.get(reply);
  if (byLanguage === undefined) { byLanguage = new Map(); renderedFrozen.set(reply, byLanguage); }
  let texts = byLanguage.get(voice.language);
  if (texts === undefined) { texts = Object.freeze(renderAll(reply, voice)); byLanguage.set(voice.language, texts); }
  return texts;
}

function renderAll(reply: Reply, voice: Voice): SignalText[] {
  const tail = typedActions(reply, voice);
  const last = reply.messages.length - 1;
  const out = reply.messages.flatMap((m, i) => renderPieces(m, i === last ? tail : undefined));
  if (last < 0 && tail !== undefined) out.push(tail);
  return out;
}
