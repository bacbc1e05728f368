/**
 * Bot-level methods of the fake: getMe, getUpdates (real long polling),
 * webhooks, commands, getChat and getChatMember.
 */
import type { BotCommand } from 'grammy/types';
import { asRecord, paramBool, paramChatId, paramInt, paramJson, paramString } from './http-body.js';
import { inlineMethods } from './methods-inline.js';
import { fail, messageMethods, ok, targetChat, type MethodHandler } from './methods-messages.js';
import type { ChatRecord, FakeState } from './state.js';
import type { ApiFailure, MemberStatus } from './types.js';

const isFailure = (v: unknown): v is ApiFailure => asRecord(v)?.['ok'] === false;

const getMe: MethodHandler = (ctx) => ok(ctx.state.botInfo);

const getUpdates: MethodHandler = async (ctx, p) => {
  const s = ctx.state;
  if (s.webhook) {
    return fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  const allowed = paramJson(p, 'allowed_updates');
  if (Array.isArray(allowed)) s.allowedUpdates = allowed.filter((x): x is string => typeof x === 'string');
  s.confirm(paramInt(p, 'offset') ?? 0);
  const limit = Math.min(100, Math.max(1, paramInt(p, 'limit') ?? 100));
  const timeout = Math.max(0, paramInt(p, 'timeout') ?? 0);
  let batch = s.take(limit);
  if (batch.length === 0 && timeout > 0) {
    const conflict = await s.waitForUpdate(timeout * 1000, ctx.signal);
    if (conflict) return conflict;
    batch = s.take(limit);
  }
  return ok(batch);
};

const setWebhook: MethodHandler = (ctx, p) => {
  const url = paramString(p, 'url') ?? '';
  const s = ctx.state;
  if (paramBool(p, 'drop_pending_updates')) s.updates.length = 0;
  if (url === '') {
    s.webhook = undefined;
    return ok(true, 'Webhook is already deleted');
  }
  if (!/^https?:\/\//i.test(url)) return fail(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
  s.webhook = { url };
  const secret = paramString(p, 'secret_token');
  if (secret !== undefined && secret !== '') s.webhook.secret_token = secret;
  const allowed = paramJson(p, 'allowed_updates');
  if (Array.isArray(allowed)) {
    s.webhook.allowed_updates = allowed.filter((x): x is string => typeof x === 'string');
    s.allowedUpdates = s.webhook.allowed_updates;
  }
  const max = paramInt(p, 'max_connections');
  if (max !== undefined) s.webhook.max_connections = max;
  s.releasePoll();
  return ok(true, 'Webhook was set');
};

const deleteWebhook: MethodHandler = (ctx, p) => {
  const s = ctx.state;
  if (paramBool(p, 'drop_pending_updates')) s.updates.length = 0;
  const had = s.webhook !== undefined;
  s.webhook = undefined;
  return ok(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
};

const getWebhookInfo: MethodHandler = (ctx) => {
  const w = ctx.state.webhook;
  const info: Record<string, unknown> = { url: w?.url ?? '', has_custom_certificate: false, pending_update_count: ctx.state.updates.length };
  if (w?.max_connections !== undefined) info['max_connections'] = w.max_connections;
  if (w?.allowed_updates !== undefined) info['allowed_updates'] = w.allowed_updates;
  if (w?.last_error_date !== undefined) info['last_error_date'] = w.last_error_date;
  if (w?.last_error_message !== undefined) info['last_error_message'] = w.last_error_message;
  return ok(info);
};

const SCOPES = new Set(['default', 'all_private_chats', 'all_group_chats', 'all_chat_administrators', 'chat', 'chat_administrators', 'chat_member']);

/** Storage key of a command list: scope + language. */
export function commandKey(scope: unknown, languageCode: string | undefined): string | ApiFailure {
  const sc = asRecord(scope) ?? { type: 'default' };
  const type = typeof sc['type'] === 'string' ? sc['type'] : '';
  if (!SCOPES.has(type)) return fail(400, 'Bad Request: unsupported bot command scope type');
  const chat = type.startsWith('chat') ? paramChatId(sc) : undefined;
  if (type.startsWith('chat') && chat === undefined) return fail(400, 'Bad Request: chat_id is empty');
  const user = type === 'chat_member' ? paramInt(sc, 'user_id') : undefined;
  return `${type}:${chat ?? ''}:${user ?? ''}|${languageCode ?? ''}`;
}

const setMyCommands: MethodHandler = (ctx, p) => {
  const key = commandKey(paramJson(p, 'scope'), paramString(p, 'language_code'));
  if (isFailure(key)) return key;
  const given = p['commands'] === undefined ? [] : paramJson(p, 'commands');
  if (!Array.isArray(given)) return fail(400, "Bad Request: can't parse commands JSON object");
  if (given.length > 100) return fail(400, 'Bad Request: BOT_COMMANDS_TOO_MUCH');
  const commands: BotCommand[] = [];
  for (const item of given) {
    const c = asRecord(item) ?? {};
    const command = paramString(c, 'command');
    const description = paramString(c, 'description');
    if (command === undefined) return fail(400, 'Bad Request: can\'t parse BotCommand: Can\'t find field "command"');
    if (description === undefined) return fail(400, 'Bad Request: can\'t parse BotCommand: Can\'t find field "description"');
    if (!/^[a-z0-9_]{1,32}$/.test(command)) return fail(400, 'Bad Request: BOT_COMMAND_INVALID');
    if (description.trim() === '') return fail(400, 'Bad Request: command description must be non-empty');
    if ([...description].length > 256) return fail(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
    commands.push({ command, description });
  }
  if (commands.length === 0) ctx.state.commands.delete(key);
  else ctx.state.commands.set(key, commands);
  return ok(true);
};

const getMyCommands: MethodHandler = (ctx, p) => {
  const key = commandKey(paramJson(p, 'scope'), paramString(p, 'language_code'));
  return isFailure(key) ? key : ok(ctx.state.commands.get(key) ?? []);
};

const deleteMyCommands: MethodHandler = (ctx, p) => {
  const key = commandKey(paramJson(p, 'scope'), paramString(p, 'language_code'));
  if (isFailure(key)) return key;
  ctx.state.commands.delete(key);
  return ok(true);
};

const getChat: MethodHandler = (ctx, p) => {
  const rec = targetChat(ctx.state, p);
  if (isFailure(rec)) return rec;
  return ok({ ...rec.chat, accent_color_id: 0, max_reaction_count: 11, ...(rec.permissions ? { permissions: rec.permissions } : {}) });
};

/**
 * A `ChatMember` object for a status. With the chat's record: an administrator
 * of a channel also gets the channel rights (`can_post_messages`, …), and the
 * bot's own fields are overridden by `botRights`.
 */
export function chatMember(state: FakeState, userId: number, status: MemberStatus, rec?: ChatRecord): Record<string, unknown> {
  const member = baseChatMember(state, userId, status);
  if (rec?.chat.type === 'channel' && status === 'administrator') Object.assign(member, { can_post_messages: true, can_edit_messages: true });
  if (rec?.botRights && userId === state.botInfo.id) Object.assign(member, rec.botRights);
  return member;
}

function baseChatMember(state: FakeState, userId: number, status: MemberStatus): Record<string, unknown> {
  const user = state.userById(userId);
  switch (status) {
    case 'creator':
      return { status, user, is_anonymous: false };
    case 'administrator':
      return {
        status, user, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
        can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
        can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false, can_pin_messages: true,
      };
    case 'restricted':
      return { status, user, is_member: true, until_date: 0, can_send_messages: false };
    case 'kicked':
      return { status, user, until_date: 0 };
    default:
      return { status, user };
  }
}

const getChatMember: MethodHandler = (ctx, p) => {
  const rec = targetChat(ctx.state, p);
  if (isFailure(rec)) return rec;
  const userId = paramInt(p, 'user_id');
  if (userId === undefined || userId <= 0) return fail(400, 'Bad Request: invalid user_id specified');
  const status = userId === ctx.state.botInfo.id ? rec.botStatus : rec.members.get(userId) ?? 'member';
  return ok(chatMember(ctx.state, userId, status, rec));
};

/** Every implemented method, keyed by lower-cased name (the Bot API is case-insensitive). */
export const methods: ReadonlyMap<string, MethodHandler> = new Map(
  Object.entries({
    ...messageMethods, ...inlineMethods, getMe, getUpdates, setWebhook, deleteWebhook, getWebhookInfo,
    setMyCommands, getMyCommands, deleteMyCommands, getChat, getChatMember,
  }).map(([name, h]) => [name.toLowerCase(), h]),
);
