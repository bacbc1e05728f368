/**
 * The dispatcher: finds the command, parses its arguments, checks access,
 * runs it, and turns every failure into a short answer. It never throws.
 */
import type { Logger } from 'pino';
import { deepFreeze } from '../content/freeze.js';
import { PlacardError } from '../errors.js';
import { BurstLog } from '../log-privacy.js';
import { command as commandSpan, errorReply, text } from '../rich/build.js';
import type { Reply } from '../rich/model.js';
import { closest } from '../text/closest.js';
import { clip } from '../text/fold.js';
import { campaignIn } from '../content/editions.js';
import { chooseLanguage, type Language } from '../i18n/languages.js';
import { sharedTranslator } from '../i18n/translator.js';
import { voiceOf, type Voice } from '../i18n/voice.js';
import { ChatLanguages } from './chat-language.js';
import { usageOf } from './describe.js';
import type { Command, Invocation, OptionValues, Platform, Services } from './types.js';

/** A command line split into its parts: `/Demands@PlacardBot  france` → demands, placardbot, "france". */
export interface CommandLine {
  readonly command: string;
  /** Lower-case bot username after `@`, when the command was addressed to one. */
  readonly target?: string;
  readonly text: string;
}

/** Parses a line that starts with `/`; undefined for anything else. */
export function parseCommandLine(line: string): CommandLine | undefined {
  const m = /^\/([\p{L}\p{N}_-]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/u.exec(line.trim());
  if (!m) return undefined;
  return { command: m[1]!.toLowerCase(), ...(m[2] ? { target: m[2].toLowerCase() } : {}), text: (m[3] ?? '').trim() };
}

/** Text → option values: the command's own parser (its refusals in the voice's language), else the whole text to the first option. */
export function optionsFromText(command: Command, raw: string, voice: Voice): OptionValues | string {
  if (command.parse) return command.parse(raw, voice);
  const first = command.options[0];
  return first && raw ? { [first.name]: raw } : {};
}

/** Checks required options and integer ranges; returns a reason (in the voice's language) or the cleaned values. */
function checkOptions(command: Command, values: OptionValues, platform: Platform, voice: Voice): OptionValues | string {
  const out: Record<string, string | number | undefined> = {};
  for (const spec of command.options) {
    if (spec.platforms && !spec.platforms.includes(platform)) continue;
    const value = values[spec.name];
    if (value === undefined || value === '') {
      if (spec.required) return voice.t('dispatch-missing', { option: spec.name });
      continue;
    }
    if (spec.type === 'integer') {
      const n = typeof value === 'number' ? value : /^\s*-?\d{1,9}\s*$/.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(n) || (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        return spec.min === undefined ? voice.t('dispatch-whole-number', { option: spec.name })
          : voice.t('dispatch-whole-number-from', { option: spec.name, min: spec.min });
      }
      out[spec.name] = n;
    } else out[spec.name] = String(value);
  }
  return out;
}

/** How an invocation ended, for metrics. */
export type Outcome = 'ok' | 'refused' | 'bad_arguments' | 'failed' | 'unknown_command';

/** Called once per invocation with the command (or `unknown`), platform and outcome. */
export type DispatchObserver = (command: string, platform: string, outcome: Outcome) => void;

/** How many cached replies a dispatcher keeps at most before starting over. */
const MAX_CACHED_REPLIES = 1000;

/** A cacheable command's cache key: its platform, language, name and option values in declared order. */
function cacheKey(platform: string, language: Language, command: Command, options: OptionValues): string {
  let key = `${platform}\u0000${language}\u0000${command.name}`;
  for (const spec of command.options) key += `\u0000${options[spec.name] ?? ''}`;
  return key;
}

/** Routes invocations to commands. */
export class Dispatcher {
  private readonly byName: ReadonlyMap<string, Command>;
  /** Replies of cacheable commands (see `Command.cacheable`) by `cacheKey`, for this dispatcher's campaign. */
  private readonly replies = new Map<string, Reply>();

  /** A store outage fails every command for a while: one line per kind of failure and interval, not one per command. */
  private readonly failures: BurstLog | undefined;
  /** Each chat's `/language`, kept briefly. */
  private readonly languages: ChatLanguages;
  /** The services with the campaign in each language, made once. */
  private readonly editions = new Map<Language, Services>();

  constructor(private readonly services: Services, private readonly log?: Logger, private readonly observe?: DispatchObserver) {
    this.byName = new Map(services.commands.map((c) => [c.name, c]));
    this.failures = log ? new BurstLog(log) : undefined;
    this.languages = new ChatLanguages(services.store);
  }

  /** The voice of `language` over the services' translator. */
  voice(language: Language): Voice {
    return voiceOf(this.services.translator ?? sharedTranslator(), language);
  }

  /**
   * The language to answer an invocation in (DESIGN.md, "Languages"): the
   * chat's `/language`, else the platform's hint, else the campaign's
   * default, else English. `own`: for an answer only the invoker sees, whose
   * own language comes before the platform's hint for the chat. A store that
   * cannot be read leaves the chat's setting out rather than failing the answer.
   */
  async languageOf(invocation: Invocation, own = false): Promise<Language> {
    let chatSetting: Language | undefined;
    try {
      chatSetting = await this.languages.of(invocation.chat);
    } catch {
      chatSetting = undefined;
    }
    return chooseLanguage({
      chatSetting,
      platformHint: own ? invocation.userLocale ?? invocation.locale : invocation.locale,
      campaignDefault: this.services.campaign.meta.language,
    });
  }

  /** Drops what is kept of a chat's language (after its settings changed or were deleted outside a command). */
  forgetChat(chat: Invocation['chat']): void {
    this.languages.forget(chat);
  }

  /** The services with the campaign's edition in `language`. */
  private servicesIn(language: Language): Services {
    let services = this.editions.get(language);
    if (services === undefined) {
      services = { ...this.services, campaign: campaignIn(this.services.campaign, language) };
      this.editions.set(language, services);
    }
    return services;
  }

  /** The command called `name`, if any. */
  find(name: string): Command | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Answers one invocation. Never throws: failures become short, ephemeral answers. */
  async dispatch(invocation: Invocation): Promise<Reply> {
    const command = this.find(invocation.command);
    if (!command) return this.done(command, invocation, 'unknown_command', this.unknown(invocation.command, this.voice(await this.languageOf(invocation, true))));
    const language = await this.languageOf(invocation);
    const voice = this.voice(language);
    try {
      const parsed = invocation.options ?? optionsFromText(command, invocation.text, voice);
      const options = typeof parsed === 'string' ? parsed : checkOptions(command, parsed, invocation.chat.platform, voice);
      if (typeof options === 'string') {
        return this.done(command, invocation, 'bad_arguments', errorReply(
          text(voice.t('dispatch-bad-arguments', { reason: options })), text(' '), commandSpan(usageOf(voice, command)),
          text(' '), text(voice.t('dispatch-see')), text(' '), commandSpan(`/help ${command.name}`), text('.'),
        ));
      }
      if (command.access === 'admin' && (await invocation.role()) !== 'admin') {
        return this.done(command, invocation, 'refused', errorReply(voice.t('dispatch-admins-only', { command: `/${command.name}` })));
      }
      const key = command.cacheable ? cacheKey(invocation.chat.platform, language, command, options) : undefined;
      const cached = key === undefined ? undefined : this.replies.get(key);
      if (cached) return this.done(command, invocation, 'ok', cached);
      const reply = await command.run({ options, text: invocation.text, voice }, invocation, this.servicesIn(language));
      // Commands that change or drop the chat's settings: the next answer reads its language again.
      if (command.name === 'language' || command.name === 'unsubscribe') this.forgetChat(invocation.chat);
      if (reply.ephemeral) return this.done(command, invocation, 'bad_arguments', reply);
      return this.done(command, invocation, 'ok', key === undefined ? reply : this.remember(key, reply));
    } catch (error: unknown) {
      // Log what failed, never what was typed or who typed it.
      const kind = error instanceof PlacardError ? error.code : error instanceof Error ? error.name : 'unknown';
      this.failures?.note('error', `command:${kind}`, { err: error, command: command.name, platform: invocation.chat.platform }, 'command failed');
      return this.done(command, invocation, 'failed', errorReply(voice.t('dispatch-failed')));
    }
  }

  /** Keeps a cacheable command's reply, frozen: every chat that asks the same gets this one object. */
  private remember(key: string, reply: Reply): Reply {
    // Answers to arguments that match nothing are ephemeral and never kept, but a matching filter can be
    // spelt many ways (`france`, `France`, `FRANCE` …); the cap bounds what typing can make this hold.
    if (this.replies.size >= MAX_CACHED_REPLIES) this.replies.clear();
    const kept = deepFreeze(reply);
    this.replies.set(key, kept);
    return kept;
  }

  /** Reports the outcome to the observer and hands the reply back. */
  private done(command: Command | undefined, invocation: Invocation, outcome: Outcome, reply: Reply): Reply {
    this.observe?.(command?.name ?? 'unknown', invocation.chat.platform, outcome);
    return reply;
  }

  private unknown(name: string, voice: Voice): Reply {
    const guess = closest(name, [...this.byName.keys()])[0];
    return errorReply(
      text(voice.t('dispatch-unknown', { command: `/${clip(name, 32)}` })), text(' '),
      ...(guess ? [text(voice.t('dispatch-did-you-mean')), text(' '), commandSpan(`/${guess}`), text('? ')] : []),
      commandSpan('/help'), text(' '), text(voice.t('dispatch-help-lists')),
    );
  }
}
