/**
 * Inbound: interactions → Invocations, and the answers back. Slash commands
 * run the dispatcher; autocomplete asks the core's choices; buttons and
 * select menus (actions, paging) run their command and update their message
 * in place (see `press.ts`).
 *
 * Privacy: nothing here logs who invoked, what they typed, or what was answered.
 */
import {
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type BaseInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type REST,
} from 'discord.js';
import type { InvocationHandler, PostingProblem } from '../../src/adapter.js';
import { choicesFor } from '../../src/commands/choices.js';
import type { Dispatcher } from '../../src/commands/dispatch.js';
import type { Invocation, OptionValues, Role, Services } from '../../src/commands/types.js';
import { campaignIn } from '../../src/content/editions.js';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import type { Logger } from '../../src/log.js';
import { errorReply } from '../../src/rich/build.js';
import type { Reply } from '../../src/rich/model.js';
import { refuseChannelOption } from './channel-option.js';
import type { MarkdownContext } from './markdown.js';
import { postingProblem } from './permissions.js';
import { handlePress } from './press.js';
import { answer, type Answered, type WordsOf } from './respond.js';
import { describeError } from './send.js';

export { STALE_BUTTON } from './press.js';

/** What happened to one interaction (for metrics, benchmarks and tests; no user data). */
export interface InteractionOutcome {
  readonly kind: 'command' | 'autocomplete' | 'button' | 'select';
  /** The interaction's id (an event id, not a person's). */
  readonly interactionId: string;
  readonly command: string;
  readonly ok: boolean;
  /** Whether the answer was deferred first. */
  readonly deferred: boolean;
  /** Messages sent (0 for autocomplete). */
  readonly messages: number;
  /** For a press: whether the message it was on was replaced (false: answered privately). */
  readonly updated?: boolean;
  readonly ms: number;
}

/**
 * How the adapter learns the language of an answer, for the words it adds
 * itself: the dispatcher that answers its invocations (`languageOf`, `voice`).
 */
export type AnswerLanguages = Pick<Dispatcher, 'languageOf' | 'voice'>;

/** What the inbound side needs. */
export interface InboundContext {
  readonly services: Services;
  readonly handler: InvocationHandler;
  readonly languages: AnswerLanguages;
  readonly log: Logger;
  /** Defer when the answer is not ready within this many ms. */
  readonly deferAfterMs: number;
  readonly observe?: (outcome: InteractionOutcome) => void;
  /** A REST client for look-ups (a channel option's server). */
  readonly rest: REST;
  /** The adapter's `checkPosting` for a channel other than the interaction's own. */
  readonly checkPosting: (channelId: string) => Promise<PostingProblem | undefined>;
  /** How messages are rendered (command mentions once the commands' ids are known). */
  readonly markdown?: MarkdownContext;
}

/** The invoker's role: admin in a DM, or with Manage Server (or Administrator) in a server — read when asked. */
export function roleOf(interaction: BaseInteraction): Role {
  if (!interaction.inGuild()) return 'admin';
  return interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild) ? 'admin' : 'member';
}

/**
 * Whether the bot may post in `targetId` (default: the interaction's own
 * channel). For the own channel, `appPermissions` of the interaction tells
 * at no cost; another channel is asked through `other`.
 */
export function checkPostingFor(
  interaction: BaseInteraction,
  other: (channelId: string) => Promise<PostingProblem | undefined>,
): (targetId?: string) => Promise<PostingProblem | undefined> {
  return async (targetId) => {
    if (targetId !== undefined && targetId !== interaction.channelId) return other(targetId);
    if (!interaction.inGuild()) return undefined; // a DM the user wrote in: nothing an admin grants
    return postingProblem(interaction.appPermissions.bitfield, interaction.channel?.isThread() ?? false);
  };
}

/** An Invocation for a command run from an interaction; `checkPosting` is given when `other` is. */
export function invocationFrom(
  interaction: BaseInteraction,
  command: string,
  text: string,
  options?: OptionValues,
  other?: (channelId: string) => Promise<PostingProblem | undefined>,
): Invocation {
  return {
    command,
    text,
    ...(options === undefined ? {} : { options }),
    chat: { platform: 'discord', chatId: interaction.channelId ?? '', kind: interaction.inGuild() ? 'group' : 'private' },
    role: async () => roleOf(interaction),
    // Public answers: the server's language in a server, the user's in a DM; answers only the invoker sees: theirs.
    locale: interaction.inGuild() ? interaction.guildLocale : interaction.locale,
    userLocale: interaction.locale,
    now: new Date(),
    ...(other === undefined ? {} : { checkPosting: checkPostingFor(interaction, other) }),
  };
}

/** Option values by name, and the values joined in the command's option order (for echoing). */
export function optionsOf(interaction: ChatInputCommandInteraction, services: Services): { options: OptionValues; text: string } {
  const options: Record<string, string | number> = {};
  for (const o of interaction.options.data) {
    if (typeof o.value === 'string' || typeof o.value === 'number') options[o.name] = o.value;
  }
  const spec = services.commands.find((c) => c.name === interaction.commandName)?.options.map((o) => o.name);
  const order = spec ?? Object.keys(options);
  const text = order.map((name) => options[name]).filter((v) => v !== undefined && v !== '').join(' ');
  return { options, text };
}

/**
 * The voice of the adapter's own words for `interaction` (`own`: an answer
 * only the invoker sees). English when the language cannot be told: these
 * few words never fail an answer.
 */
export function wordsFor(ctx: Pick<InboundContext, 'languages'>, interaction: BaseInteraction): WordsOf {
  const invocation = invocationFrom(interaction, '', '');
  return async (own: boolean): Promise<Voice> => {
    try {
      return ctx.languages.voice(await ctx.languages.languageOf(invocation, own));
    } catch {
      return defaultVoice();
    }
  };
}

/** The apology for an answer that failed on our side (the dispatcher's words), only the invoker sees it. */
const sorry = async (words: WordsOf): Promise<Reply> => errorReply((await words(true)).t('dispatch-failed'));

/** Runs the handler; a handler that throws (the dispatcher never does) still yields an answer. */
function run(ctx: InboundContext, invocation: Invocation, words: WordsOf): Promise<Reply> {
  return ctx.handler(invocation).catch((error: unknown) => {
    ctx.log.error({ platform: 'discord', command: invocation.command, error: describeError(error) }, 'handler failed');
    return sorry(words);
  });
}

/** A slash command's reply: a refused channel option is answered here, everything else by the handler. */
async function reply(
  interaction: ChatInputCommandInteraction, ctx: InboundContext, command: string, text: string, options: OptionValues, words: WordsOf,
): Promise<Reply> {
  const spec = ctx.services.commands.find((c) => c.name === command);
  let refused: string | undefined;
  try {
    refused = await refuseChannelOption(interaction, spec, options, ctx.rest, () => words(true));
  } catch (error: unknown) {
    ctx.log.warn({ platform: 'discord', command, error: describeError(error) }, 'could not look up a channel option');
    return sorry(words);
  }
  if (refused !== undefined) return errorReply(refused);
  return run(ctx, invocationFrom(interaction, command, text, options, ctx.checkPosting), words);
}

/** Autocomplete answers, which only the invoker sees: in their language, from the campaign's edition in it. */
async function autocomplete(interaction: AutocompleteInteraction, ctx: InboundContext, words: WordsOf): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const command = ctx.services.commands.find((c) => c.name === interaction.commandName);
  const spec = command?.options.find((o) => o.name === focused.name);
  let choices: { name: string; value: string }[] = [];
  if (spec?.choices !== undefined && spec.type === 'string') {
    const voice = await words(true);
    choices = choicesFor(spec.choices, campaignIn(ctx.services.campaign, voice.language), String(focused.value), voice)
      .filter((c) => c.name.length > 0);
  }
  await interaction.respond(choices.map((c) => ({ name: c.name, value: c.value })));
}

/** Handles one interaction to the end; never throws. */
export async function handleInteraction(interaction: Interaction, ctx: InboundContext): Promise<void> {
  const started = Date.now();
  let kind: InteractionOutcome['kind'] = 'command';
  let command = 'unknown';
  let result: Answered = { deferred: false, messages: 0 };
  let ok = true;
  const words = wordsFor(ctx, interaction);
  try {
    if (interaction.isChatInputCommand()) {
      command = interaction.commandName;
      const { options, text } = optionsOf(interaction, ctx.services);
      result = await answer(interaction, reply(interaction, ctx, command, text, options, words), 'reply', ctx.deferAfterMs, ctx.markdown, words);
    } else if (interaction.isAutocomplete()) {
      kind = 'autocomplete';
      command = interaction.commandName;
      await autocomplete(interaction, ctx, words);
    } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
      kind = interaction.isButton() ? 'button' : 'select';
      ({ command, result } = await handlePress(interaction, {
        known: (name) => ctx.services.commands.some((c) => c.name === name),
        run: (invocation) => run(ctx, invocation, words),
        invocation: (name, text) => invocationFrom(interaction, name, text, undefined, ctx.checkPosting),
        deferAfterMs: ctx.deferAfterMs,
        markdown: ctx.markdown ?? {},
        words,
      }));
    } else {
      return;
    }
  } catch (error: unknown) {
    ok = false;
    ctx.log.warn({ platform: 'discord', kind, command, error: describeError(error) }, 'could not answer an interaction');
  }
  ctx.observe?.({ kind, interactionId: interaction.id, command, ok, ...result, ms: Date.now() - started });
}
