/**
 * Answering an interaction with a Reply: within Discord's 3 seconds (defer
 * when the answer is not ready quickly), the first message as the response,
 * the rest as follow-ups, errors ephemeral, and `allowed_mentions` empty on
 * every single message.
 */
import {
  MessageFlags,
  type APIEmbed,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageMentionOptions,
} from 'discord.js';
import type { Reply } from '../../src/rich/model.js';
import { pagingRow } from './paging.js';
import { renderDiscordReply, type DiscordMessage } from './render.js';
import { noMentions } from './send.js';

/** `reply`: a new response; `update`: replace the message the pressed button is on. */
export type AnswerMode = 'reply' | 'update';

/** How an interaction was answered. */
export interface Answered {
  readonly deferred: boolean;
  readonly messages: number;
}

const NOTHING: DiscordMessage = { content: 'Nothing to show.' };
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

/** A message body for discord.js; every body carries the empty allowed mentions. */
function body(m: DiscordMessage): { content?: string; embeds?: APIEmbed[]; allowedMentions: MessageMentionOptions } {
  return {
    ...(m.content === undefined ? {} : { content: m.content }),
    ...(m.embeds === undefined ? {} : { embeds: [...m.embeds] }),
    allowedMentions: noMentions(),
  };
}

/**
 * Answers `interaction` with the reply `pending` resolves to. When it takes
 * longer than `deferAfterMs`, the interaction is deferred first (a public
 * "thinking…" for commands, a silent acknowledgement for buttons).
 */
export async function answer(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  pending: Promise<Reply>,
  mode: AnswerMode,
  deferAfterMs: number,
): Promise<Answered> {
  let reply = await within(pending, deferAfterMs);
  let deferred = false;
  if (reply === LATE) {
    if (mode === 'update' && interaction.isButton()) await interaction.deferUpdate();
    else await interaction.deferReply();
    deferred = true;
    reply = await pending;
  }
  const rendered = renderDiscordReply(reply);
  const messages = rendered.length > 0 ? rendered : [NOTHING];
  const ephemeral = reply.ephemeral === true;
  const flags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  const row = ephemeral ? undefined : pagingRow(reply.paging);
  const [first = NOTHING, ...rest] = messages;

  if (mode === 'update' && interaction.isButton() && !ephemeral) {
    // Replace the whole message: every field is set, so nothing of the old page stays.
    const update: InteractionUpdateOptions = {
      content: first.content ?? '',
      embeds: [...(first.embeds ?? [])],
      components: row ? [row] : [],
      allowedMentions: noMentions(),
    };
    if (deferred) await interaction.editReply(update);
    else await interaction.update(update);
  } else {
    const options: InteractionReplyOptions = { ...body(first), ...(row ? { components: [row] } : {}), ...flags };
    if (!deferred) {
      await interaction.reply(options);
    } else if (mode === 'update') {
      // After a silent acknowledgement of a button, a follow-up is a new message.
      await interaction.followUp(options);
    } else if (ephemeral) {
      // A deferred response is public; an error must not be: drop it and answer privately.
      await interaction.deleteReply();
      await interaction.followUp(options);
    } else {
      await interaction.editReply({ ...body(first), ...(row ? { components: [row] } : {}) });
    }
  }
  for (const m of rest) await interaction.followUp({ ...body(m), ...flags });
  return { deferred, messages: messages.length };
}
