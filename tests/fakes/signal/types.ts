/** Types of the signal-cli daemon fake. */

/** A Signal user: a phone number and an ACI (either may be hidden, as Signal allows). */
export interface Person {
  readonly number?: string;
  readonly uuid?: string;
  readonly name?: string;
}

/** A group as the fake keeps it. */
export interface FakeGroup {
  readonly id: string;
  name: string;
  /** Members with their admin flag; the bot is implied by `botIsMember`/`botIsAdmin`. */
  members: { person: Person; admin: boolean }[];
  botIsMember: boolean;
  botIsAdmin: boolean;
  blocked: boolean;
  /** `ONLY_ADMINS` or `EVERY_MEMBER` (Group settings → Permissions → Send messages). */
  permissionSendMessage: 'EVERY_MEMBER' | 'ONLY_ADMINS';
  /** Known to the account at all (false: "Group not found"). */
  known: boolean;
}

/** One style range of a sent message, with the text it covers. */
export interface SentStyle {
  readonly start: number;
  readonly length: number;
  readonly style: string;
  /** The text the range covers (UTF-16 slicing, as Signal does). */
  readonly text: string;
}

/** A message the bot sent through `send`. */
export interface SentMessage {
  /** The group id or the recipient (number or ACI). */
  readonly chatId: string;
  readonly kind: 'group' | 'private';
  readonly text: string;
  readonly styles: readonly SentStyle[];
  /** The quoted message's timestamp, when the send quoted one. */
  readonly quoteTimestamp?: number;
  /** UTF-8 bytes of the text; over 2,000 signal-cli would have sent a long-text attachment. */
  readonly bytes: number;
  readonly timestamp: number;
  /** When the fake took it (ms since the epoch). */
  readonly at: number;
}

/**
 * A fault for the next calls of a method, with the error signal-cli answers:
 * see `faults.ts`. `hang` never answers; `http` answers that status.
 */
export type SignalFault =
  | { readonly kind: 'rateLimit'; readonly retryAfterSeconds?: number }
  | { readonly kind: 'proofRequired'; readonly token: string; readonly retryAfterSeconds?: number }
  | { readonly kind: 'unregistered' }
  | { readonly kind: 'unregisteredResult' }
  | { readonly kind: 'notAMember' }
  | { readonly kind: 'groupNotFound' }
  | { readonly kind: 'onlyAdmins' }
  | { readonly kind: 'untrusted' }
  | { readonly kind: 'networkFailure' }
  | { readonly kind: 'internal' }
  | { readonly kind: 'unknownAccount' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'http'; readonly status: number };

/** Something the bot did that real Signal would mishandle (checked by tests). */
export interface Violation {
  readonly method: string;
  readonly problem: string;
}
