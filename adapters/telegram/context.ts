/**
 * What the update handlers share: the send options, their dependencies, and
 * the lazy parts of an Invocation (role, posting check) with their fallbacks.
 */
import type { Api } from 'grammy';
import type { PostingProblem } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import type { Invocation, Role, Services } from '../../src/commands/types.js';
import type { Logger } from '../../src/log.js';
import type { BurstLog } from '../../src/log-privacy.js';
import { describeTelegramError } from './errors.js';
import type { RoleResolver } from './roles.js';

/** How every message is sent: HTML, link previews off. */
export const SEND_OPTIONS = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

/** sendMessage's optional parameters. */
export type SendExtra = NonNullable<Parameters<Api['sendMessage']>[2]>;

/** What the handlers need from the adapter. */
export interface UpdateDeps {
  readonly services: Services;
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
