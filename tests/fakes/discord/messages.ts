/**
 * Creating and editing stored messages from request bodies, shared by the
 * channel, interaction-callback and webhook routes.
 */
import type { FakeState } from './state.js';
import type { AttachmentRecord, MessageRecord } from './types.js';

/** Ephemeral message flag. */
export const EPHEMERAL = 64;
/** Flag of a deferred ("thinking…") interaction reply. */
export const LOADING = 128;

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The fields of a message body that the fake keeps. */
export function messageFields(body: unknown): {
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  allowedMentions: unknown;
} {
  const b = asRecord(body);
  return {
    content: typeof b.content === 'string' ? b.content : '',
    embeds: Array.isArray(b.embeds) ? b.embeds.map((e) => ({ type: 'rich', ...asRecord(e) })) : [],
    components: Array.isArray(b.components) ? b.components : [],
    flags: typeof b.flags === 'number' ? b.flags : 0,
    allowedMentions: b.allowed_mentions,
  };
}

/** Store a new message in a channel. */
export function createMessage(
  state: FakeState,
  input: {
    channelId: string;
    guildId: string | null;
    body: unknown;
    files: AttachmentRecord[];
    source: MessageRecord['source'];
    interactionId?: string;
    loading?: boolean;
  },
): MessageRecord {
  const fields = messageFields(input.body);
  const flags = (fields.flags & EPHEMERAL) | (input.loading ? LOADING : 0);
  const message: MessageRecord = {
    id: state.snowflake(),
    channelId: input.channelId,
    guildId: input.guildId,
    source: input.source,
    content: fields.content,
    embeds: fields.embeds,
    components: fields.components,
    flags,
    ephemeral: (flags & EPHEMERAL) !== 0,
    allowedMentions: fields.allowedMentions,
    attachments: input.files,
    loading: input.loading ?? false,
    createdAt: Date.now(),
    editedAt: null,
    deleted: false,
  };
  if (input.interactionId) message.interactionId = input.interactionId;
  state.messages.set(message.id, message);
  const channel = state.channels.get(input.channelId);
  if (channel) channel.lastMessageId = message.id;
  return message;
}

/**
 * The message an edit would produce, without storing it (so it can be
 * validated first). Only fields present in the body change, as on Discord.
 */
export function editedBody(message: MessageRecord, body: unknown): Record<string, unknown> {
  const b = asRecord(body);
  return {
    content: 'content' in b ? b.content : message.content,
    embeds: 'embeds' in b ? b.embeds : message.embeds,
    components: 'components' in b ? b.components : message.components,
    attachments: 'attachments' in b ? b.attachments : message.attachments,
    allowed_mentions: b.allowed_mentions,
  };
}

/** Apply an edit in place (ephemerality cannot change). */
export function applyEdit(message: MessageRecord, body: unknown, files: AttachmentRecord[]): void {
  const b = asRecord(body);
  const fields = messageFields(body);
  if ('content' in b) message.content = fields.content;
  if ('embeds' in b) message.embeds = fields.embeds;
  if ('components' in b) message.components = fields.components;
  if (files.length > 0) message.attachments = [...message.attachments, ...files];
  message.allowedMentions = fields.allowedMentions;
  message.loading = false;
  message.flags &= ~LOADING;
  message.editedAt = Date.now();
}
