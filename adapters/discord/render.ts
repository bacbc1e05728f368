/**
 * Rich messages → Discord embeds (and plain content for ephemeral answers),
 * within Discord's limits, with paging and actions as components. Escaping
 * lives in `escape.ts` and is applied by `markdown.ts`, and nowhere else;
 * lengths are measured on the escaped markdown that is actually sent, so a
 * split never produces a message Discord would refuse.
 */
import type { APIEmbed } from 'discord.js';
import type { Action, Reply, RichMessage } from '../../src/rich/model.js';
import { splitMessage, splitReply } from '../../src/rich/split.js';
import { layoutActions, typedCommand, type ActionRow } from './actions.js';
import { escapeMarkdown } from './escape.js';
import { messageBody, type MarkdownContext } from './markdown.js';

export type { MarkdownContext } from './markdown.js';

/** Discord's documented message limits. */
export const DISCORD_LIMITS = Object.freeze({
  content: 2000,
  title: 256,
  description: 4096,
  /** Characters across every embed of one message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
});

/** Accent colour of Placard's embeds. */
export const EMBED_COLOR = 0xb71c1c;

/** One Discord message body, ready for a reply, a follow-up or a channel post. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  /** Paging and action rows: only on the last message of a reply. */
  readonly components?: readonly ActionRow[];
}

/**
 * One message as one embed: the title (escaped) as the embed title, the
 * blocks as the description. A title longer than an embed title allows
 * opens the description in bold instead, so nothing is cut.
 */
export function renderEmbed(message: RichMessage, ctx: MarkdownContext = {}): APIEmbed {
  const title = message.title === undefined ? '' : escapeMarkdown(message.title.replace(/\s+/g, ' ').trim());
  const text = messageBody(message, ctx);
  const embed: { title?: string; description?: string; color: number } = { color: EMBED_COLOR };
  if (title.length > DISCORD_LIMITS.title) {
    embed.description = text ? `**${title}**\n\n${text}` : `**${title}**`;
    return embed;
  }
  if (title) embed.title = title;
  if (text) embed.description = text;
  return embed;
}

/** One message as plain message content (ephemeral answers): a bold title line, then the blocks. */
export function renderContent(message: RichMessage, ctx: MarkdownContext = {}): string {
  const title = message.title === undefined ? '' : escapeMarkdown(message.title.trim());
  const text = messageBody(message, ctx);
  return title ? (text ? `**${title}**\n${text}` : `**${title}**`) : text;
}

/** Characters of an embed that count toward the 6000 of one message. */
export function embedSize(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0)
    + (embed.author?.name.length ?? 0) + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

const embedFits = (e: APIEmbed): boolean => (e.title?.length ?? 0) <= DISCORD_LIMITS.title
  && (e.description?.length ?? 0) <= DISCORD_LIMITS.description
  && embedSize(e) <= DISCORD_LIMITS.embedTotal;

/** True when the message, as one embed, is within Discord's limits. */
export const fitsEmbed = (message: RichMessage, ctx: MarkdownContext = {}): boolean => embedFits(renderEmbed(message, ctx));

/** True when the message, as plain content, is within Discord's limit. */
export const fitsContent = (message: RichMessage, ctx: MarkdownContext = {}): boolean =>
  renderContent(message, ctx).length <= DISCORD_LIMITS.content;

/** Groups consecutive embeds into as few messages as the per-message limits allow, in order. */
function pack(embeds: readonly APIEmbed[]): DiscordMessage[] {
  const out: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const n = embedSize(embed);
    if (current.length > 0 && (current.length >= DISCORD_LIMITS.embedsPerMessage || size + n > DISCORD_LIMITS.embedTotal)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += n;
  }
  if (current.length > 0) out.push(current);
  return out.map((group) => ({ embeds: group }));
}

/**
 * The actions that fit neither as buttons nor in the select menu, as
 * commands to type, added to the last message (never dropped).
 */
function withTyped(messages: readonly RichMessage[], typed: readonly Action[]): readonly RichMessage[] {
  if (typed.length === 0) return messages;
  const list: RichMessage['blocks'][number] = {
    type: 'list', ordered: false,
    items: typed.map((a) => [{ text: `${a.label.trim() || typedCommand(a)}: ` }, { text: typedCommand(a), command: true }]),
  };
  const last = messages.at(-1) ?? { blocks: [] };
  return [...messages.slice(0, -1), { ...last, blocks: [...last.blocks, list] }];
}

/** Puts the component rows on the last message. */
function withRows(messages: DiscordMessage[], rows: readonly ActionRow[]): DiscordMessage[] {
  const last = messages.at(-1);
  if (rows.length === 0) return messages;
  if (last === undefined) return [{ components: rows }];
  return [...messages.slice(0, -1), { ...last, components: rows }];
}

/**
 * A reply as the Discord messages to send, in order, each within the limits.
 * Ephemeral replies (errors, refusals) are plain content; everything else is
 * one embed per (piece of a) rich message, packed several to a message when
 * they fit together. Paging and actions become components of the last
 * message; command hints become command mentions where `ctx` knows the id.
 */
export function renderDiscordReply(reply: Reply, ctx: MarkdownContext = {}): DiscordMessage[] {
  const { rows, typed } = layoutActions(reply.paging, reply.actions, ctx.voice);
  const messages = withTyped(reply.messages, typed);
  if (reply.ephemeral) {
    const parts = splitReply({ ...reply, messages }, (m) => fitsContent(m, ctx)).messages;
    const contents = parts.map((m) => renderContent(m, ctx)).filter((c) => c.trim().length > 0);
    return withRows(contents.map((content) => ({ content })), rows);
  }
  // Render each message once; only one that does not fit is split (and re-rendered piece by piece).
  const embeds = messages
    .flatMap((m) => {
      const whole = renderEmbed(m, ctx);
      return embedFits(whole) ? [whole] : splitMessage(m, (piece) => fitsEmbed(piece, ctx)).map((piece) => renderEmbed(piece, ctx));
    })
    .filter((e) => e.title !== undefined || e.description !== undefined);
  return withRows(pack(embeds), rows);
}

/** One rich message (a reminder) as Discord messages, its actions as components of the last. */
export const renderDiscordMessage = (message: RichMessage, actions?: readonly Action[], ctx: MarkdownContext = {}): DiscordMessage[] =>
  renderDiscordReply({ messages: [message], ...(actions === undefined ? {} : { actions }) }, ctx);
