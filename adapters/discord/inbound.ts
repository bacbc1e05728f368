/**
 * Inbound: interactions → Invocations, and the answers back. An interaction
 * is Discord's API JSON, whether it came over the gateway or in an HTTP
 * request (`interaction.ts` reads it); the answers go through a `Responder`
 * (`responder.ts`), which knows which way they go back. Slash commands run
 * the dispatcher; autocomplete asks the core's choices; buttons and select
 * menus (actions, paging) run their command and update their message in
 * place (see `press.ts`).
 *
 * Privacy: nothing here logs who invoked, what they typed, or what was answered.
 */
import { InteractionResponseType, type APIInteraction } from 'discord.js';
import type { InvocationHandler, PostingProblem } from '../../src/adapter.js';
import { choicesFor } from '../../src/commands/choices.js';
import type { Dispatcher } from '../../src/commands/dispatch.js';
import type { Invocation, OptionValues, Services } from '../../src/commands/types.js';
import { campaignIn } from '../../src/content/editions.js';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import type { Logger } from '../../src/log.js';
import { errorReply } from '../../src/rich/build.js';
import type { Reply } from '../../src/rich/model.js';
import { refuseChannelOption, type GuildOfChannel } from './channel-option.js';
import {
  classify, focusedOf, invocationFrom, optionsOf, type Answerable, type AutocompleteInteraction, type CommandInteraction,
} from './interaction.js';
import type { MarkdownContext } from './markdown.js';
import { handlePress } from './press.js';
import { answer, type Answered, type WordsOf } from './respond.js';
import type { Responder } from './responder.js';
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
  /** The server a channel belongs to (a channel option's), as Discord says. */
  readonly guildOf: GuildOfChannel;
  /** The adapter's `checkPosting` for a channel other than the interaction's own. */
  readonly checkPosting: (channelId: string) => Promise<PostingProblem | undefined>;
  /** How messages are rendered (command mentions once the commands' ids are known). */
  readonly markdown?: MarkdownContext;
}

/**
 * The voice of the adapter's own words for `interaction` (`own`: an answer
 * only the invoker sees). English when the language cannot be told: these
 * few words never fail an answer.
 */
export function wordsFor(ctx: Pick<InboundContext, 'languages'>, interaction: Answerable): WordsOf {
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
  interaction: CommandInteraction, ctx: InboundContext, command: string, text: string, options: OptionValues, words: WordsOf,
): Promise<Reply> {
  const spec = ctx.services.commands.find((c) => c.name === command);
  let refused: string | undefined;
  try {
    refused = await refuseChannelOption(interaction, spec, options, ctx.guildOf, () => words(true));
  } catch (error: unknown) {
    ctx.log.warn({ platform: 'discord', command, error: describeError(error) }, 'could not look up a channel option');
    return sorry(words);
  }
  if (refused !== undefined) return errorReply(refused);
  return run(ctx, invocationFrom(interaction, command, text, options, ctx.checkPosting), words);
}

/** Autocomplete answers, which only the invoker sees: in their language, from the campaign's edition in it. */
async function autocomplete(interaction: AutocompleteInteraction, io: Responder, ctx: InboundContext, words: WordsOf): Promise<void> {
  const focused = focusedOf(interaction);
  const command = ctx.services.commands.find((c) => c.name === interaction.data.name);
  const spec = command?.options.find((o) => o.name === focused?.name);
  let choices: { name: string; value: string }[] = [];
  if (focused !== undefined && spec?.choices !== undefined && spec.type === 'string') {
    const voice = await words(true);
    choices = choicesFor(spec.choices, campaignIn(ctx.services.campaign, voice.language), focused.value, voice)
      .filter((c) => c.name.length > 0);
  }
  await io.respond({
    type: InteractionResponseType.ApplicationCommandAutocompleteResult,
    data: { choices: choices.map((c) => ({ name: c.name, value: c.value })) },
  });
}

/**
 * Handles one interaction (the API JSON, from the gateway or an HTTP
 * request) to the end, answering through `io`; never throws. Resolves with
 * false for an interaction Placard does not answer (nothing was sent).
 */
export async function handleInteraction(raw: APIInteraction, io: Responder, ctx: InboundContext): Promise<boolean> {
  const started = Date.now();
  const seen = classify(raw);
  if (seen.kind === 'other') return false;
  const { kind } = seen;
  let command = 'unknown';
  let result: Answered = { deferred: false, messages: 0 };
  let ok = true;
  const words = wordsFor(ctx, seen.interaction);
  try {
    if (seen.kind === 'command') {
      const interaction = seen.interaction;
      command = interaction.data.name;
      const { options, text } = optionsOf(interaction, ctx.services);
      result = await answer(io, reply(interaction, ctx, command, text, options, words), 'reply', ctx.deferAfterMs, ctx.markdown, words);
    } else if (seen.kind === 'autocomplete') {
      command = seen.interaction.data.name;
      await autocomplete(seen.interaction, io, ctx, words);
    } else {
      const interaction = seen.interaction;
      ({ command, result } = await handlePress(interaction, io, {
        known: (name) => ctx.services.commands.some((c) => c.name === name),
        run: (invocation) => run(ctx, invocation, words),
        invocation: (name, text) => invocationFrom(interaction, name, text, undefined, ctx.checkPosting),
        deferAfterMs: ctx.deferAfterMs,
        markdown: ctx.markdown ?? {},
        words,
      }));
    }
  } catch (error: unknown) {
    ok = false;
    ctx.log.warn({ platform: 'discord', kind, command, error: describeError(error) }, 'could not answer an interaction');
  }
  ctx.observe?.({ kind, interactionId: raw.id, command, ok, ...result, ms: Date.now() - started });
  return true;
}
