/**
 * What /subscribe, /settings and /upcoming say when the bot may not post
 * where a chat's reminders go: the platform's reason, since when, and what an
 * admin should change. Shared so the three say it the same way.
 */
import type { PostingProblem } from '../adapter.js';
import { bold, paragraph, text, command } from '../rich/build.js';
import type { Block } from '../rich/model.js';
import type { PostingProblemFlag } from '../store/chat-settings.js';
import { clip } from '../text/fold.js';
import type { Invocation } from './types.js';

/** The warning shown with a chat's settings while its last reminder was refused. */
export function flaggedProblemBlocks(flag: PostingProblemFlag | undefined): Block[] {
  if (flag === undefined) return [];
  return [paragraph(
    bold('The last reminder could not be posted: '),
    text(`${clip(flag.reason, 160)} (since ${flag.since.slice(0, 16).replace('T', ' ')} UTC). `),
    text('Give the bot the right to post there; the next reminder tries again. Check now: '), command('/subscribe'), text('.'),
  )];
}

/** The warning of /subscribe when the platform says the bot cannot post there now. */
export function checkedProblemBlocks(problem: PostingProblem): Block[] {
  const missing = problem.missing.length > 0 ? ` Missing: ${problem.missing.join(', ')}.` : '';
  return [paragraph(
    bold('But the bot may not post there now: '),
    text(`${clip(problem.reason, 160)}.${missing} Reminders will be posted once an admin gives the bot those rights.`),
  )];
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
