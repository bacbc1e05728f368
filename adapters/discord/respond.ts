/**
 * Answering an interaction with a Reply: within Discord's 3 seconds (defer
 * when the answer is not ready quickly), the first message as the response,
 * the rest as follow-ups, paging and actions as components of the last,
 * errors ephemeral, and `allowed_mentions` empty on every single message.
 */
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import type { Reply } from '../../src/rich/model.js';
import type { DiscordMessage, MarkdownContext } from './render.js';
import { renderReply } from './render-cache.js';
import type { AnswerBody, Responder } from './responder.js';
import { noMentions } from './send.js';

/**
 * `reply`: a new response (a slash command). `update`: replace the message
 * the pressed component is on (type 7, or a deferred update and an edit);
 * an ephemeral answer is a private reply instead and leaves it alone.
 * `private`: a press on a channel post (a reminder): the answer goes to the
 * presser alone, the post stays as it is for everyone.
 */
export type AnswerMode = 'reply' | 'update' | 'private';

/** How an interaction was answered. */
export interface Answered {
  readonly deferred: boolean;
  readonly messages: number;
  /** Whether the message the component is on was replaced. */
  readonly updated?: boolean;
}

/** The voice of the words the adapter adds to a reply; `own`: the reply is one only the invoker sees (a refusal). */
export type WordsOf = (own: boolean) => Promise<Voice>;

/** What an empty answer says, in the voice's language. */
const nothing = (voice: Voice): DiscordMessage => ({ content: voice.t('adapter-nothing') });
const LATE = Symbol('late');

/** The reply, or LATE when it is not ready within `ms`. */
async function within(pending: Promise<Reply>, ms: number): Promise<Reply | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => { timer = setTimeout(() => resolve(LATE), ms); });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A message body; every body carries the empty allowed mentions, and the ephemeral flag when `flags` says so. */
const body = (m: DiscordMessage, flags?: number): AnswerBody => ({
  ...(m.content === undefined ? {} : { content: m.content }),
  ...(m.embeds === undefined ? {} : { embeds: m.embeds }),
  ...(m.components === undefined ? {} : { components: m.components }),
  allowed_mentions: noMentions(),
  ...(flags === undefined ? {} : { flags }),
});

/** Replace the whole message: every field is set, so nothing of the old one stays. */
const replacement = (m: DiscordMessage): AnswerBody => ({
  content: m.content ?? '',
  embeds: m.embeds ?? [],
  components: m.components ?? [],
  allowed_mentions: noMentions(),
});

/** Acknowledges a slow interaction: a silent deferred update, or a "thinking…" reply (private when it must be). */
async function defer(io: Responder, mode: AnswerMode): Promise<void> {
  if (mode === 'update') await io.respond({ type: InteractionResponseType.DeferredMessageUpdate });
  else if (mode === 'private') await io.respond({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
  else await io.respond({ type: InteractionResponseType.DeferredChannelMessageWithSource });
}

/**
 * Answers an interaction through `io` with the reply `pending` resolves to.
 * When it takes longer than `deferAfterMs`, the interaction is deferred
 * first (a public "thinking…" for commands, a silent acknowledgement for an
 * update, a private "thinking…" for a press on a channel post). The words
 * the adapter adds (paging, the actions menu) are in the language `words`
 * gives. `update` is for presses only: it replaces the message pressed.
 */
export async function answer(
  io: Responder,
  pending: Promise<Reply>,
  mode: AnswerMode,
  deferAfterMs: number,
  markdown: MarkdownContext = {},
  words?: WordsOf,
): Promise<Answered> {
  let reply = await within(pending, deferAfterMs);
  let deferred = false;
  if (reply === LATE) {
    await defer(io, mode);
    deferred = true;
    reply = await pending;
  }
  const voice = (await words?.(reply.ephemeral === true)) ?? markdown.voice ?? defaultVoice();
  const rendered = renderReply(reply, { ...markdown, voice });
  const empty = nothing(voice);
  const messages = rendered.length > 0 ? rendered : [empty];
  const ephemeral = reply.ephemeral === true || mode === 'private';
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  const [first = empty, ...rest] = messages;
  const update = mode === 'update' && !ephemeral;

  if (update) {
    if (deferred) await io.editOriginal(replacement(first));
    else await io.respond({ type: InteractionResponseType.UpdateMessage, data: replacement(first) });
  } else if (!deferred) {
    await io.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: body(first, flags) });
  } else if (mode === 'update') {
    // After a silent acknowledgement of a press, an answer is a new (here: private) message.
    await io.followUp(body(first, flags));
  } else if (ephemeral && mode === 'reply') {
    // A deferred response is public; an error must not be: drop it and answer privately.
    await io.deleteOriginal();
    await io.followUp(body(first, flags));
  } else {
    await io.editOriginal(body(first));
  }
  for (const m of rest) await io.followUp(body(m, flags));
  return { deferred, messages: messages.length, updated: update };
}
