/**
 * Rich messages → Discord embeds (and plain content for ephemeral answers),
 * within Discord's limits. Escaping lives in `escape.ts` and is applied here,
 * and nowhere else; lengths are measured on the escaped markdown that is
 * actually sent, so a split never produces a message Discord would refuse.
 */
import type { APIEmbed } from 'discord.js';
import type { Block, Reply, RichMessage, Span } from '../../src/rich/model.js';
import { splitMessage, splitReply } from '../../src/rich/split.js';
import { ZWSP, codeSpan, escapeMarkdown, safeUrl } from './escape.js';

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
}

/** One span as markdown; whitespace around a marked run stays outside the markers, or Discord ignores them. */
function inline(span: Span): string {
  const start = span.text.length - span.text.trimStart().length;
  const body = span.text.trim();
  if (body === '') return span.text;
  const lead = span.text.slice(0, start);
  const trail = span.text.slice(start + body.length);
  let md = span.code ? (codeSpan(body) ?? escapeMarkdown(body)) : escapeMarkdown(body);
  if (span.italic) md = `*${md}*`;
  if (span.bold) md = `**${md}**`;
  const url = span.link === undefined ? undefined : safeUrl(span.link);
  if (url !== undefined) md = `[${md}](${url})`;
  return `${lead}${md}${trail}`;
}

/** Spans joined; a zero-width space keeps `**a**` + `*b*` from reading as `***`. */
function inlines(spans: readonly Span[]): string {
  let out = '';
  for (const span of spans) {
    const md = inline(span);
    const edge = out.at(-1);
    if (edge !== undefined && (edge === '*' || edge === '`') && md.startsWith(edge)) out += ZWSP;
    out += md;
  }
  return out;
}

function block(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return inlines(b.spans);
    case 'heading':
      return `**${inlines(b.spans.map((s) => ({ ...s, bold: false })))}**`;
    case 'quote':
      return inlines(b.spans).split('\n').map((line) => `> ${line}`).join('\n');
    case 'list':
      return b.items
        .map((item, i) => `${b.ordered ? `${(b.start ?? 1) + i}.` : '-'} ${inlines(item).replace(/\n/g, '\n   ')}`)
        .join('\n');
  }
}

const body = (message: RichMessage): string => message.blocks.map(block).filter((s) => s.length > 0).join('\n\n');

/**
 * One message as one embed: the title (escaped) as the embed title, the
 * blocks as the description. A title longer than an embed title allows
 * opens the description in bold instead, so nothing is cut.
 */
export function renderEmbed(message: RichMessage): APIEmbed {
  const title = message.title === undefined ? '' : escapeMarkdown(message.title.replace(/\s+/g, ' ').trim());
  const text = body(message);
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
export function renderContent(message: RichMessage): string {
  const title = message.title === undefined ? '' : escapeMarkdown(message.title.trim());
  const text = body(message);
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
export const fitsEmbed = (message: RichMessage): boolean => embedFits(renderEmbed(message));

/** True when the message, as plain content, is within Discord's limit. */
export const fitsContent = (message: RichMessage): boolean => renderContent(message).length <= DISCORD_LIMITS.content;

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
 * A reply as the Discord messages to send, in order, each within the limits.
 * Ephemeral replies (errors, refusals) are plain content; everything else is
 * one embed per (piece of a) rich message, packed several to a message when
 * they fit together.
 */
export function renderDiscordReply(reply: Reply): DiscordMessage[] {
  if (reply.ephemeral) {
    return splitReply(reply, fitsContent).messages.map(renderContent).filter((c) => c.trim().length > 0).map((content) => ({ content }));
  }
  // Render each message once; only one that does not fit is split (and re-rendered piece by piece).
  const embeds = reply.messages
    .flatMap((m) => {
      const whole = renderEmbed(m);
      return embedFits(whole) ? [whole] : splitMessage(m, fitsEmbed).map(renderEmbed);
    })
    .filter((e) => e.title !== undefined || e.description !== undefined);
  return pack(embeds);
}

/** One rich message (a reminder) as Discord messages. */
export const renderDiscordMessage = (message: RichMessage): DiscordMessage[] => renderDiscordReply({ messages: [message] });
