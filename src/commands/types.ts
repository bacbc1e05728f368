/**
 * The command seam. A command is declarative data plus a pure `run`: it reads
 * the campaign and the store and returns a Reply; it never calls a platform.
 * Help, Telegram's command menu and Discord's slash commands are all derived
 * from the one list in `index.ts`.
 */
import type { Campaign } from '../content/campaign.js';
import type { Reply } from '../rich/model.js';
import type { Store } from '../store/store.js';
import type { ChatRef, Platform } from '../chat.js';
import type { PostingProblem } from '../adapter.js';
import type { Translator } from '../i18n/translator.js';

export type { ChatRef, Platform } from '../chat.js';

/** The invoker's role in the chat. */
export type Role = 'member' | 'admin';

/** Who may run a command. */
export type Access = 'everyone' | 'admin';

/** Where an option's autocomplete choices come from. */
export type ChoiceSource = 'statements' | 'organizations' | 'countries' | 'topics' | 'signatories' | 'timezones';

/** One option of a command (a Discord slash option; positional text elsewhere). */
export interface OptionSpec {
  readonly name: string;
  readonly description: string;
  /** `channel`: a channel of the same server, picked in the platform's UI (Discord only). */
  readonly type: 'string' | 'integer' | 'channel';
  /** Offered only on these platforms (default: everywhere). */
  readonly platforms?: readonly Platform[];
  readonly required?: boolean;
  /** Offer completions from this source (Discord autocomplete). */
  readonly choices?: ChoiceSource;
  readonly min?: number;
  readonly max?: number;
}

/** Option values by option name. */
export type OptionValues = Readonly<Record<string, string | number | undefined>>;

/** One call of a command, built by an adapter from a platform update. */
export interface Invocation {
  /** Lower-case command name without slash or @bot suffix. */
  readonly command: string;
  /** Raw argument text as typed (text platforms); '' when none. */
  readonly text: string;
  /** Named option values (Discord) — when present, `text` is not parsed. */
  readonly options?: OptionValues;
  readonly chat: ChatRef;
  /** The invoker's role, resolved lazily (it may cost a platform call). */
  readonly role: () => Promise<Role>;
  /** BCP 47 language tag of the chat or user, when the platform tells. */
  readonly locale?: string;
  /** The instant the command is handled at. */
  readonly now: Date;
  /**
   * Asks the platform whether the bot may post reminders where this chat's
   * would go — the chat itself, or `targetId` (a Discord channel) — without
   * sending anything. Given by adapters that can tell; resolved lazily.
   */
  readonly checkPosting?: (targetId?: string) => Promise<PostingProblem | undefined>;
}

/** Read-only context a command runs with. */
export interface Services {
  readonly campaign: Campaign;
  readonly store: Store;
  /** The full command list (for /help). */
  readonly commands: readonly Command[];
  /**
   * The bot's own words in each language (`locales/*.ftl`). Absent: commands
   * use the project's catalogs (`sharedTranslator()`).
   */
  readonly translator?: Translator;
}

/** Arguments after parsing, as the command's `run` receives them. */
export interface CommandArgs {
  readonly options: OptionValues;
  /** The raw text (for echoing back in answers). */
  readonly text: string;
}

/** A declarative command. */
export interface Command {
  readonly name: string;
  /** One line, ≤ 100 characters (Discord's and Telegram's limit), no trailing period. */
  readonly description: string;
  readonly options: readonly OptionSpec[];
  readonly access: Access;
  /** Usage line for help, e.g. `/demands [statement | organisation | topic]`. */
  readonly usage?: string;
  /**
   * Maps raw text to option values for text platforms. Default: the whole
   * text goes to the first option. Return a string to refuse with that reason.
   */
  readonly parse?: (text: string) => OptionValues | string;
  /**
   * True when the reply depends only on the campaign's content and the option
   * values: not on the chat, the invoker, the platform or the time. The
   * dispatcher then builds it once per set of option values and serves that
   * reply again, frozen (so renderers may keep what they made of it).
   */
  readonly cacheable?: boolean;
  readonly run: (args: CommandArgs, invocation: Invocation, services: Services) => Promise<Reply> | Reply;
}
