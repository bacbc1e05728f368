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
import type { Voice } from '../i18n/voice.js';

export type { ChatRef, Platform } from '../chat.js';

/** The invoker's role in the chat. */
export type Role = 'member' | 'admin';

/** Who may run a command. */
export type Access = 'everyone' | 'admin';

/** Where an option's autocomplete choices come from. */
export type ChoiceSource = 'statements' | 'organizations' | 'countries' | 'topics' | 'signatories' | 'timezones';

/**
 * One option of a command (a Discord slash option; positional text elsewhere).
 * Its description is the catalog message `command-<command>-<option>`, else
 * `option-<option>` (see `describe.ts`).
 */
export interface OptionSpec {
  readonly name: string;
  /**
   * `channel`: a channel of the same server, picked in the platform's UI (Discord only).
   * `boolean`: a yes/no picked in the platform's UI (Discord's True/False); its value reaches `run` as `'true'` or `'false'`.
   */
  readonly type: 'string' | 'integer' | 'channel' | 'boolean';
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
  /**
   * BCP 47 tag of the language the platform suggests for public answers here:
   * the Telegram user's `language_code` in a private chat or an inline query,
   * Discord's `guild_locale` in a server and the user's `locale` in a DM.
   * Absent where the platform has no hint for the whole chat (Telegram groups).
   */
  readonly locale?: string;
  /** The invoker's own language tag, for answers only they see (Discord's `locale`). */
  readonly userLocale?: string;
  /** The instant the command is handled at. */
  readonly now: Date;
  /**
   * Asks the platform whether the bot may post reminders where this chat's
   * would go — the chat itself, or `targetId` (a Discord channel) — without
   * sending anything. Given by adapters that can tell; resolved lazily.
   */
  readonly checkPosting?: (targetId?: string) => Promise<PostingProblem | undefined>;
  /**
   * Discord: asks whether the bot may keep scheduled events in this chat's
   * server (`/subscribe events:`), without changing anything. Given by
   * adapters that can tell; resolved lazily; undefined when it may.
   */
  readonly checkScheduledEvents?: () => Promise<PostingProblem | undefined>;
}

/** Read-only context a command runs with. */
export interface Services {
  readonly campaign: Campaign;
  readonly store: Store;
  /** The full command list (for /help). */
  readonly commands: readonly Command[];
  /**
   * The bot's own words in each language (`locales/*.ftl`). Absent: the
   * project's catalogs (`sharedTranslator()`).
   */
  readonly translator?: Translator;
  /** Where the campaign's pages are served (`PUBLIC_URL`): answers link to them when set. */
  readonly publicUrl?: string;
}

/** Arguments after parsing, as the command's `run` receives them. */
export interface CommandArgs {
  readonly options: OptionValues;
  /** The raw text (for echoing back in answers). */
  readonly text: string;
  /** The bot's words and formats in the language chosen for this answer. */
  readonly voice: Voice;
}

/**
 * A declarative command. Its words live in the catalogs: `command-<name>` is
 * its one-line description (≤ 100 characters, Discord's and Telegram's
 * limit, no full stop), `command-<name>-usage` its usage line for help.
 */
export interface Command {
  readonly name: string;
  readonly options: readonly OptionSpec[];
  readonly access: Access;
  /**
   * Maps raw text to option values for text platforms. Default: the whole
   * text goes to the first option. Return a string to refuse with that reason.
   */
  readonly parse?: (text: string, voice: Voice) => OptionValues | string;
  /**
   * True when the reply depends only on the campaign's content, the
   * platform, the language and the option values: not on the chat, the
   * invoker or the time. The dispatcher then builds it once per platform,
   * language and set of option values and serves that reply again, frozen
   * (so renderers may keep what they made of it).
   */
  readonly cacheable?: boolean;
  readonly run: (args: CommandArgs, invocation: Invocation, services: Services) => Promise<Reply> | Reply;
}
