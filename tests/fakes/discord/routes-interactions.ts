/**
 * Interaction routes: the initial callback (`POST /interactions/:id/:token/callback`)
 * and the interaction webhook (follow-ups, edits, deletes of `@original` or a follow-up).
 */
import type { FakeState, InteractionState } from './state.js';
import type { Route, RestReply } from './rest.js';
import type { AttachmentRecord, InteractionResponseRecord, MessageRecord } from './types.js';
import { errorReply } from './rest.js';
import { apiMessage } from './objects.js';
import { EPHEMERAL, applyEdit, createMessage, editedBody, messageFields } from './messages.js';
import { apiError, formError, validateChoices, validateMessage } from './validate.js';

/** Timing rules of interactions. */
export interface InteractionRoutesEnv {
  state: FakeState;
  interactionTimeoutMs: number;
  tokenLifetimeMs: number;
}

/** Callback types each interaction type accepts (2 command, 3 component, 4 autocomplete, 5 modal submit). */
const ALLOWED: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The callback and the answer log, shared by the REST route and HTTP interactions. */
export function interactionCallbacks(env: InteractionRoutesEnv): InteractionCallbacks {
  const { state } = env;

  const log = (
    it: InteractionState,
    kind: InteractionResponseRecord['kind'],
    reply: RestReply,
    body: unknown,
    extra: Partial<InteractionResponseRecord> = {},
  ): RestReply => {
    const payload = kind === 'callback' ? asRecord(body).data : body;
    const fields = messageFields(payload);
    const error = reply.status >= 400 ? asRecord(reply.body) : undefined;
    const entry: InteractionResponseRecord = {
      interactionId: it.id,
      kind,
      status: reply.status,
      ok: reply.status < 300,
      elapsedMs: Date.now() - it.dispatchedAt,
      flags: fields.flags,
      ephemeral: (fields.flags & EPHEMERAL) !== 0,
      allowedMentions: fields.allowedMentions,
      body,
      ...extra,
    };
    if (payload !== undefined && kind !== 'delete') {
      entry.content = fields.content;
      entry.embeds = fields.embeds;
      entry.components = fields.components;
    }
    if (error) entry.error = { code: Number(error.code), message: String(error.message) };
    it.responses.push(entry);
    return reply;
  };

  const callback = (id: string, token: string, body: unknown, withResponse: boolean, files: AttachmentRecord[], via?: 'http-response'): RestReply => {
    const it = state.interactions.get(id);
    if (!it || it.token !== token) return errorReply(apiError(404, 10062, 'Unknown interaction'));
    const b = asRecord(body);
    const type = typeof b.type === 'number' ? b.type : -1;
    const extra: Partial<InteractionResponseRecord> = { callbackType: type, ...(via === undefined ? {} : { via }) };
    const fail = (reply: RestReply): RestReply => log(it, 'callback', reply, body, extra);
    if (it.acknowledgedAt !== null) {
      return fail(errorReply(apiError(400, 40060, 'Interaction has already been acknowledged.')));
    }
    if (Date.now() - it.dispatchedAt > env.interactionTimeoutMs) {
      return fail(errorReply(apiError(404, 10062, 'Unknown interaction')));
    }
    if (!(ALLOWED[it.type] ?? []).includes(type)) {
      const invalid = formError([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'Interaction response type is not valid for this interaction.' }]);
      return fail(errorReply(invalid!));
    }
    let message: MessageRecord | undefined;
    const componentMessage = (): MessageRecord | undefined =>
      state.messages.get(String(asRecord(it.payload.message).id ?? ''));
    if (type === 4 || type === 5) {
      const invalid = type === 4 ? validateMessage(b.data, ['data'], files.length > 0) : null;
      if (invalid) return fail(errorReply(invalid));
      message = createMessage(state, {
        channelId: it.channelId,
        guildId: it.guildId,
        body: b.data,
        files: type === 4 ? files : [],
        source: 'interaction',
        interactionId: it.id,
        loading: type === 5,
      });
    } else if (type === 6 || type === 7) {
      message = componentMessage();
      if (!message) return fail(errorReply(apiError(404, 10008, 'Unknown Message')));
      if (type === 7) {
        const invalid = validateMessage(editedBody(message, b.data), ['data'], files.length > 0);
        if (invalid) return fail(errorReply(invalid));
        applyEdit(message, b.data, files);
      }
    } else if (type === 8) {
      const invalid = validateChoices(b.data);
      if (invalid) return fail(errorReply(invalid));
      extra.choices = asRecord(b.data).choices as unknown[];
    } else if (type === 9) {
      const d = asRecord(b.data);
      if (typeof d.custom_id !== 'string' || typeof d.title !== 'string') {
        return fail(errorReply(formError([{ path: ['data'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }])!));
      }
    }
    it.acknowledgedAt = Date.now();
    it.callbackType = type;
    if (message) {
      it.originalMessageId = message.id;
      extra.messageId = message.id;
    }
    const reply: RestReply = withResponse
      ? {
          status: 200,
          body: {
            interaction: {
              id: it.id,
              type: it.type,
              response_message_id: message?.id,
              response_message_loading: message?.loading ?? false,
              response_message_ephemeral: message?.ephemeral ?? false,
            },
            resource: message ? { type, message: apiMessage(state, message) } : { type },
          },
        }
      : { status: 204 };
    return log(it, 'callback', reply, body, extra);
  };

  return { callback, log };
}

/** How an interaction's answers are taken: the initial callback, and the log every answer is recorded in. */
export interface InteractionCallbacks {
  /**
   * Take an interaction response (from `POST …/callback`, or from the body of
   * the answer to an HTTP interaction when `via` is `http-response`).
   */
  callback(id: string, token: string, body: unknown, withResponse: boolean, files: AttachmentRecord[], via?: 'http-response'): RestReply;
  /** Record an answer (or a failed one) to an interaction. */
  log(it: InteractionState, kind: InteractionResponseRecord['kind'], reply: RestReply, body: unknown, extra?: Partial<InteractionResponseRecord>): RestReply;
}

/** The interaction routes (no bot token needed: the interaction token is the credential). */
export function interactionRoutes(env: InteractionRoutesEnv, callbacks: InteractionCallbacks = interactionCallbacks(env)): Route[] {
  const { state } = env;
  const { callback, log } = callbacks;

  /** The interaction behind an interaction webhook, or the error to answer. */
  const webhook = (app: string, token: string): InteractionState | RestReply => {
    const it = state.interactionsByToken.get(token);
    if (app !== state.applicationId || !it || it.acknowledgedAt === null) {
      return errorReply(apiError(404, 10015, 'Unknown Webhook'));
    }
    if (Date.now() - it.dispatchedAt > env.tokenLifetimeMs) return errorReply(apiError(401, 50027, 'Invalid Webhook Token'));
    return it;
  };

  const target = (it: InteractionState, ref: string): MessageRecord | undefined => {
    const id = ref === '@original' ? it.originalMessageId : ref;
    const message = id ? state.messages.get(id) : undefined;
    const ownsIt = message && (message.interactionId === it.id || message.id === it.originalMessageId);
    return message && ownsIt && !message.deleted ? message : undefined;
  };

  const unknownMessage = (): RestReply => errorReply(apiError(404, 10008, 'Unknown Message'));

  return [
    {
      method: 'POST',
      pattern: '/interactions/:id/:token/callback',
      auth: false,
      unlimited: true,
      handle: (c) => callback(c.params.id!, c.params.token!, c.body, c.query.get('with_response') === 'true', c.files),
    },
    {
      method: 'POST',
      pattern: '/webhooks/:app/:token',
      auth: false,
      handle: (c) => {
        const it = webhook(c.params.app!, c.params.token!);
        if (!('token' in it)) return it;
        const invalid = validateMessage(c.body, [], c.files.length > 0);
        if (invalid) return log(it, 'followup', errorReply(invalid), c.body);
        const original = it.originalMessageId ? state.messages.get(it.originalMessageId) : undefined;
        let message: MessageRecord;
        if (original?.loading && !original.deleted) {
          // The first follow-up after a deferral replaces the "thinking…" reply (and keeps its ephemerality).
          applyEdit(original, c.body, c.files);
          message = original;
        } else {
          message = createMessage(state, {
            channelId: it.channelId,
            guildId: it.guildId,
            body: c.body,
            files: c.files,
            source: 'followup',
            interactionId: it.id,
          });
        }
        const wait = c.query.get('wait') === 'true';
        const reply: RestReply = wait ? { status: 200, body: apiMessage(state, message) } : { status: 204 };
        return log(it, 'followup', reply, c.body, { messageId: message.id });
      },
    },
    {
      method: 'GET',
      pattern: '/webhooks/:app/:token/messages/:message',
      auth: false,
      handle: (c) => {
        const it = webhook(c.params.app!, c.params.token!);
        if (!('token' in it)) return it;
        const message = target(it, c.params.message!);
        return message ? { status: 200, body: apiMessage(state, message) } : unknownMessage();
      },
    },
    {
      method: 'PATCH',
      pattern: '/webhooks/:app/:token/messages/:message',
      auth: false,
      handle: (c) => {
        const it = webhook(c.params.app!, c.params.token!);
        if (!('token' in it)) return it;
        const message = target(it, c.params.message!);
        if (!message) return log(it, 'edit', unknownMessage(), c.body);
        const invalid = validateMessage(editedBody(message, c.body), [], c.files.length > 0);
        if (invalid) return log(it, 'edit', errorReply(invalid), c.body, { messageId: message.id });
        applyEdit(message, c.body, c.files);
        return log(it, 'edit', { status: 200, body: apiMessage(state, message) }, c.body, { messageId: message.id });
      },
    },
    {
      method: 'DELETE',
      pattern: '/webhooks/:app/:token/messages/:message',
      auth: false,
      handle: (c) => {
        const it = webhook(c.params.app!, c.params.token!);
        if (!('token' in it)) return it;
        const message = target(it, c.params.message!);
        if (!message) return log(it, 'delete', unknownMessage(), undefined);
        message.deleted = true;
        return log(it, 'delete', { status: 204 }, undefined, { messageId: message.id });
      },
    },
  ];
}
