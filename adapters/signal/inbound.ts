/**
 * A `receive` event → the command it carries, if any. The event's data is
 * `{"envelope": …, "account": …}` (JsonReceiveMessageHandler); the envelope
 * (JsonMessageEnvelope) names its sender by `sourceNumber` and/or
 * `sourceUuid` (the ACI) and carries at most one of `dataMessage`,
 * `syncMessage`, `receiptMessage`, `typingMessage`, … A `dataMessage` with
 * `groupInfo.groupId` was written in that group; without it, to the bot
 * alone. Only text messages count; the bot's own messages and sync messages
 * (what the account sent from another device) are skipped.
 *
 * A private chat's id is its person's: the ACI (a UUID) when the envelope
 * has it, else the phone number. Either is personal and never logged.
 */
import type { ChatRef } from '../../src/chat.js';
import { parseCommandLine, type CommandLine } from '../../src/commands/dispatch.js';

/** Who wrote a message: what the daemon tells of them (kept in memory only). */
export interface SignalSender {
  readonly uuid?: string;
  readonly number?: string;
}

/** A text message to the bot, or in a group it is in. */
export interface SignalIncoming {
  readonly chat: ChatRef;
  readonly sender: SignalSender;
  /** The message as typed (leading mentions of the bot removed). */
  readonly text: string;
  /** The message's own timestamp (Signal's id of it, for quoting). */
  readonly timestamp: number;
}

interface Mention { readonly number?: unknown; readonly uuid?: unknown; readonly start?: unknown; readonly length?: unknown }
interface DataMessage {
  readonly timestamp?: unknown;
  readonly message?: unknown;
  readonly groupInfo?: { readonly groupId?: unknown; readonly type?: unknown };
  readonly mentions?: readonly Mention[];
}
interface Envelope {
  readonly sourceNumber?: unknown;
  readonly sourceUuid?: unknown;
  readonly timestamp?: unknown;
  readonly dataMessage?: DataMessage;
  readonly syncMessage?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Signal writes a mention as U+FFFC in the text; one of the bot at the very start is dropped ("@Placard /demands"). */
function withoutLeadingMention(text: string, mentions: readonly Mention[] | undefined, account: string, self: SignalSender): string {
  let out = text;
  const sorted = [...(mentions ?? [])].sort((a, b) => Number(a.start) - Number(b.start));
  let cut = 0;
  for (const m of sorted) {
    const isBot = m.number === account || (self.uuid !== undefined && m.uuid === self.uuid);
    if (!isBot || Number(m.start) !== cut) break;
    cut += Number(m.length) || 1;
    while (out.slice(cut, cut + 1).trim() === '' && cut < out.length) cut++;
  }
  if (cut > 0) out = out.slice(cut);
  return out;
}

/**
 * The text message an event carries, or undefined for everything else
 * (receipts, typing, reactions, group updates, sync and own messages,
 * another account's events, JSON that is not an envelope).
 */
export function incomingOf(data: string, account: string, self: SignalSender = {}): SignalIncoming | undefined {
  let parsed: { envelope?: Envelope; account?: unknown };
  try {
    parsed = JSON.parse(data) as typeof parsed;
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  if (parsed.account !== undefined && parsed.account !== account) return undefined;
  const env = parsed.envelope;
  if (env === undefined || env === null || env.syncMessage !== undefined) return undefined;
  const number = str(env.sourceNumber);
  const uuid = str(env.sourceUuid);
  if (number === account || (uuid !== undefined && uuid === self.uuid)) return undefined;
  const dm = env.dataMessage;
  const body = dm === undefined ? undefined : str(dm.message);
  if (dm === undefined || body === undefined) return undefined;
  const groupId = str(dm.groupInfo?.groupId);
  const person = uuid ?? number;
  if (person === undefined) return undefined;
  const chat: ChatRef = groupId !== undefined
    ? { platform: 'signal', chatId: groupId, kind: 'group' }
    : { platform: 'signal', chatId: person, kind: 'private' };
  const timestamp = typeof dm.timestamp === 'number' ? dm.timestamp : typeof env.timestamp === 'number' ? env.timestamp : 0;
  return {
    chat,
    sender: { ...(uuid === undefined ? {} : { uuid }), ...(number === undefined ? {} : { number }) },
    text: withoutLeadingMention(body, dm.mentions, account, self),
    timestamp,
  };
}

/** The group a group update (members, admins, settings changed: `groupInfo.type` UPDATE) is about, if the event is one. */
export function groupUpdateOf(data: string): string | undefined {
  try {
    const info = (JSON.parse(data) as { envelope?: Envelope } | null)?.envelope?.dataMessage?.groupInfo;
    return info?.type === 'UPDATE' ? str(info.groupId) : undefined;
  } catch {
    return undefined;
  }
}

/** The command a message is, or undefined: it starts with `/`, and is not addressed to another bot (`/cmd@other`). */
export function commandOf(text: string): CommandLine | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('/')) return undefined;
  const line = parseCommandLine(trimmed);
  return line === undefined || line.target !== undefined ? undefined : line;
}

/** Signal's forms of a person's id: an ACI (UUID) or a phone number; anything else is a group id (base64). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE = /^\+\d{6,15}$/;

/** Whether a chat id names a person (`recipient`) rather than a group (`groupId`). */
export const isPersonId = (chatId: string): boolean => UUID.test(chatId) || PHONE.test(chatId);
