/**
 * Which room messages are commands. An `m.room.message` of msgtype `m.text`
 * whose body starts with `/` or `!`:
 *
 * - `/demands` as on every other platform; Element (web and desktop) takes a
 *   leading `/` as its own command and offers "Send as message" for one it
 *   does not know;
 * - `!demands`, the prefix Matrix bots are used to (maubot's and most
 *   others'), which every client sends as typed.
 *
 * Several bots often share a room, and `!` is theirs too: in a group room a
 * `!word` that is not one of Placard's commands is left alone (it is another
 * bot's); a `/word` there, and anything in a private room, gets the closest
 * match. Never commands: the bot's own messages, notices (other bots'
 * answers; the spec says bots must not answer them), edits (`m.replace`: an
 * edited command was answered already), and replies quoting someone (their
 * body starts with the quote).
 */
import { parseCommandLine, type CommandLine } from '../../src/commands/dispatch.js';
import type { MatrixEvent } from './types.js';

/** Longest message body read for a command; a command line is short, a pasted document is not one. */
const MAX_BODY = 4_096;

/** A command found in a message. */
export interface FoundCommand {
  readonly line: CommandLine;
  /** Typed with `!` (the caller leaves another bot's `!word` alone in a group). */
  readonly bang: boolean;
}

/** The command a message carries, or undefined when it is none (see the module comment). */
export function commandOf(event: MatrixEvent, ownUserId: string): FoundCommand | undefined {
  if (event.type !== 'm.room.message' || event.sender === undefined || event.sender === ownUserId) return undefined;
  const content = event.content ?? {};
  if (content['msgtype'] !== 'm.text' || typeof content['body'] !== 'string') return undefined;
  const relates = content['m.relates_to'];
  if (typeof relates === 'object' && relates !== null && (relates as Record<string, unknown>)['rel_type'] === 'm.replace') return undefined;
  const body = content['body'].trim();
  if (body.length === 0 || body.length > MAX_BODY) return undefined;
  const bang = body.startsWith('!');
  if (!bang && !body.startsWith('/')) return undefined;
  const line = parseCommandLine(bang ? `/${body.slice(1)}` : body);
  return line === undefined ? undefined : { line, bang };
}
