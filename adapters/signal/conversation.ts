/**
 * Answering a message: the command becomes an Invocation, its reply is
 * rendered (actions as commands to type) and sent back, in a group quoting
 * the command. A private chat's id is a person's, so its settings are kept
 * only while it is subscribed: after `/unsubscribe`, or a setting changed
 * without a subscription, they are deleted (forgetChat) and the answer says
 * so. The adapter's own words are taken in the chat's language, chosen as
 * the dispatcher chooses it (Signal gives no hint of its own).
 */
import type { ChatRef } from '../../src/chat.js';
import type { InvocationHandler } from '../../src/adapter.js';
import type { Invocation, Role, Services } from '../../src/commands/types.js';
import { chooseLanguage, isLanguage } from '../../src/i18n/languages.js';
import { sharedTranslator } from '../../src/i18n/translator.js';
import { voiceOf, type Voice } from '../../src/i18n/voice.js';
import type { Logger } from '../../src/log.js';
import { chatForLog, type BurstLog } from '../../src/log-privacy.js';
import { command as commandSpan, message, paragraph } from '../../src/rich/build.js';
import { forgetChat, readChatSettings } from '../../src/store/chat-settings.js';
import type { PostingProblem } from '../../src/adapter.js';
import { describeSignalError } from './classify.js';
import type { SignalGroups } from './groups.js';
import { commandOf, type SignalIncoming } from './inbound.js';
import { renderSignalReply } from './reply.js';
import { renderPieces, type SignalText } from './render.js';

/** The message a reply quotes: Signal identifies it by its timestamp and author. */
export interface SignalQuote {
  readonly timestamp: number;
  readonly author: string;
  readonly text: string;
}

/** What answering needs from the adapter. */
export interface ConversationDeps {
  readonly services: Services;
  readonly groups: SignalGroups;
  readonly burst: BurstLog;
  readonly log: Logger;
  /** Sends one piece to a chat; rejects with the daemon's error. */
  readonly post: (target: ChatRef, text: SignalText, quote?: SignalQuote) => Promise<void>;
  /** Acts on a failed reply (a chat that is gone is forgotten, a captcha pauses). */
  readonly failed: (target: ChatRef, error: unknown) => Promise<void>;
  readonly checkPosting: (target: ChatRef) => Promise<PostingProblem | undefined>;
}

/** The voice of a chat: its `/language`, else the campaign's default, else English. A store that fails leaves the setting out. */
export async function voiceFor(services: Services, chat: Pick<ChatRef, 'platform' | 'chatId'>): Promise<Voice> {
  const stored = await readChatSettings(services.store, chat).then((s) => s?.language, () => undefined);
  const language = chooseLanguage({ chatSetting: isLanguage(stored) ? stored : undefined, campaignDefault: services.campaign.meta.language });
  return voiceOf(services.translator ?? sharedTranslator(), language);
}

/**
 * A private chat keeps settings only while subscribed: anything else of it
 * is deleted, its delivery markers too. True when something was deleted.
 */
export async function keepOnlyWhileSubscribed(services: Services, chat: ChatRef): Promise<boolean> {
  if (chat.kind !== 'private') return false;
  const settings = await readChatSettings(services.store, chat);
  if (settings === undefined || settings.subscribed === true) return false;
  return forgetChat(services.store, chat);
}

async function roleOr(fallback: Role, get: () => Promise<Role>, deps: ConversationDeps): Promise<Role> {
  try { return await get(); } catch (error: unknown) {
    deps.burst.note('warn', 'role', describeSignalError(error), 'signal role lookup failed; treating as member');
    return fallback;
  }
}

/** Answers one message (a command); anything else is left alone. Never throws. */
export async function answer(incoming: SignalIncoming, handler: InvocationHandler, deps: ConversationDeps): Promise<void> {
  const line = commandOf(incoming.text);
  if (line === undefined) return;
  const { chat } = incoming;
  const invocation: Invocation = {
    command: line.command, text: line.text, chat, now: new Date(),
    role: () => roleOr('member', () => deps.groups.roleOf(chat, incoming.sender), deps),
    checkPosting: () => deps.checkPosting(chat),
  };
  let texts: readonly SignalText[];
  try {
    const reply = await handler(invocation);
    const voice = await voiceFor(deps.services, chat);
    texts = renderSignalReply(reply, voice);
    const forgotten = await keepOnlyWhileSubscribed(deps.services, chat);
    if (forgotten && line.command !== 'unsubscribe') texts = [...texts, ...notKept(voice)];
    if (forgotten) deps.log.info({ chat: chatForLog(chat) }, 'signal private chat not subscribed; its settings are deleted');
  } catch (error: unknown) {
    deps.burst.note('error', 'answer', { err: error, chat: chatForLog(chat) }, 'signal command could not be answered');
    return;
  }
  const author = incoming.sender.uuid ?? incoming.sender.number;
  const quote = chat.kind === 'group' && author !== undefined && incoming.timestamp > 0
    ? { timestamp: incoming.timestamp, author, text: incoming.text } : undefined;
  try {
    for (let i = 0; i < texts.length; i++) await deps.post(chat, texts[i]!, i === 0 ? quote : undefined);
  } catch (error: unknown) {
    await deps.failed(chat, error);
  }
}

/** The note under an answer whose settings were not kept. */
function notKept(voice: Voice): SignalText[] {
  return renderPieces(message(undefined, [paragraph(...voice.rich('signal-not-kept', { subscribe: commandSpan('/subscribe') }))]));
}
