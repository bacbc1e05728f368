/**
 * What /subscribe, /settings and /upcoming say when the bot may not post
 * where a chat's reminders go: the platform's reason, since when, and what an
 * admin should change. Shared so the three say it the same way.
 */
import type { PostingProblem } from '../adapter.js';
import type { Voice } from '../i18n/voice.js';
import { bold, paragraph, command } from '../rich/build.js';
import type { Block } from '../rich/model.js';
import type { PostingProblemFlag } from '../store/chat-settings.js';
import { clip } from '../text/fold.js';
import type { Invocation } from './types.js';

/**
 * The warning shown with a chat's settings while its last reminder was refused.
 * The reason is the platform's, as the adapter gave it; the time is UTC, written `2026-11-22 12:00`.
 */
export function flaggedProblemBlocks(voice: Voice, flag: PostingProblemFlag | undefined): Block[] {
  if (flag === undefined) return [];
  return [paragraph(...voice.rich('posting-flagged', {
    lead: bold(voice.t('posting-flagged-lead')), reason: clip(flag.reason, 160),
    since: flag.since.slice(0, 16).replace('T', ' '), subscribe: command('/subscribe'),
  }))];
}

/** A problem in the chat's language where the catalogs word its kind, else the adapter's own words. */
const reasonIn = (voice: Voice, problem: PostingProblem): string =>
  (problem.why === undefined ? clip(problem.reason, 160) : voice.t(`posting-why-${problem.why}`));

/** The warning of /subscribe when the platform says the bot cannot post there now (the missing rights by the platform's names). */
export function checkedProblemBlocks(voice: Voice, problem: PostingProblem): Block[] {
  const lead = bold(voice.t('posting-checked-lead'));
  const reason = reasonIn(voice, problem);
  return [paragraph(...(problem.missing.length > 0
    ? voice.rich('posting-checked-missing', { lead, reason, missing: problem.missing.join(', ') })
    : voice.rich('posting-checked', { lead, reason })))];
}

/**
 * Asks the adapter whether the bot may post to `targetId` (or the chat). A
 * failed check (the platform did not answer) is not a problem to report:
 * undefined, and the reminder itself will tell.
 */
export async function checkPosting(inv: Invocation, targetId: string | undefined): Promise<PostingProblem | undefined> {
  if (inv.checkPosting === undefined) return undefined;
  try {
    return await inv.checkPosting(targetId);
  } catch {
    return undefined;
  }
}
