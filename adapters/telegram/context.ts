/**
 * What the update handlers share: the send options, their dependencies, and
 * the lazy parts of an Invocation (role, posting check) with their fallbacks.
 */
import type { Api } from 'grammy';
import type { PostingProblem } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import type { Dispatcher } from '../../src/commands/dispatch.js';
import type { Invocation, Role, Services } from '../../src/commands/types.js';
import type { Language } from '../../src/i18n/languages.js';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import type { Logger } from '../../src/log.js';
import type { BurstLog } from '../../src/log-privacy.js';
import { describeTelegramError } from './errors.js';
import type { RoleResolver } from './roles.js';

/** How every message is sent: HTML, link previews off. */
export const SEND_OPTIONS = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

/** sendMessage's optional parameters. */
export type SendExtra = NonNullable<Parameters<Api['sendMessage']>[2]>;

/**
 * How the adapter learns the language of an answer, for the words it adds
 * itself (paging buttons, notices): the dispatcher that answers its
 * invocations (`languageOf`, `voice`).
 */
export type AnswerLanguages = Pick<Dispatcher, 'languageOf' | 'voice'>;

/** What the handlers need from the adapter. */
export interface UpdateDeps {
  readonly services: Services;
  readonly languages: AnswerLanguages;
  readonly roles: RoleResolver;
  readonly burst: BurstLog;
  readonly log: Logger;
  readonly checkPosting: (target: ChatRef) => Promise<PostingProblem | undefined>;
}

/** The Invocation's lazy parts: the role (getChatMember) and the posting check, asked only when a command needs them. */
export function lazyParts(chat: ChatRef, role: () => Promise<Role>, deps: UpdateDeps): Pick<Invocation, 'role' | 'checkPosting'> {
  // Telegram reminders go to the chat itself; a `targetId` (a Discord channel) has no meaning here.
  return { role: () => roleOr('member', role, deps), checkPosting: () => deps.checkPosting(chat) };
}

async function roleOr<T>(fallback: T, get: () => Promise<T>, deps: UpdateDeps): Promise<T> {
  try { return await get(); } catch (e: unknown) {
    deps.burst.note('warn', 'role', describeTelegramError(e), 'telegram role lookup failed; treating as member');
    return fallback;
  }
}

/**
 * The voice an answer to `invocation` is in (`own`: one only the invoker
 * sees). English when the language cannot be told: the adapter's few words
 * never fail an answer.
 */
export async function voiceFor(languages: AnswerLanguages, invocation: Invocation, own = false): Promise<Voice> {
  let language: Language;
  try {
    language = await languages.languageOf(invocation, own);
  } catch {
    return defaultVoice();
  }
  return languages.voice(language);
}
