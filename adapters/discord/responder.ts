/**
 * Where an interaction's answers go. The first answer (Discord's "interaction
 * response", one only) goes over REST to the callback route for a gateway
 * interaction, and back as the body of the HTTP response for an HTTP one;
 * everything after it (the edit of a deferred answer, follow-ups) goes to the
 * interaction's webhook over REST in both cases. The interaction token is the
 * credential of those routes: no bot token is sent (`auth: false`), and
 * their URLs, which hold the token, are never logged (see `describeError`).
 *
 * Routes as documented in "Interactions → Receiving and Responding":
 * `POST /interactions/{id}/{token}/callback`, `PATCH` / `DELETE
 * /webhooks/{application.id}/{token}/messages/@original`, `POST
 * /webhooks/{application.id}/{token}` (follow-ups).
 */
import { DiscordAPIError, InteractionResponseType, Routes, type APIEmbed, type REST } from 'discord.js';
import type { ActionRow } from './actions.js';

/** A message body of an answer, in Discord's own field names. */
export interface AnswerBody {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly components?: readonly ActionRow[];
  readonly allowed_mentions: { readonly parse: readonly [] };
  /** 64: only the invoker sees it (follow-ups and first answers only; an edit keeps the flags it had). */
  readonly flags?: number;
}

/** An autocomplete choice (at most 25 to an answer). */
export interface Choice { readonly name: string; readonly value: string }

/** The interaction response: the first answer, in Discord's callback types. */
export type FirstAnswer =
  | { readonly type: InteractionResponseType.ChannelMessageWithSource | InteractionResponseType.UpdateMessage; readonly data: AnswerBody }
  | { readonly type: InteractionResponseType.DeferredChannelMessageWithSource; readonly data?: { readonly flags: number } }
  | { readonly type: InteractionResponseType.DeferredMessageUpdate }
  | { readonly type: InteractionResponseType.ApplicationCommandAutocompleteResult; readonly data: { readonly choices: readonly Choice[] } };

/** Sends one interaction's answers. */
export interface Responder {
  /** The interaction response (types 4–8); Discord takes one per interaction. */
  respond(response: FirstAnswer): Promise<void>;
  /** Replaces the first answer's message (after a deferral: the "thinking…" one). */
  editOriginal(body: AnswerBody): Promise<void>;
  /** Deletes the first answer's message. */
  deleteOriginal(): Promise<void>;
  /** Another message in answer to the same interaction. */
  followUp(body: AnswerBody): Promise<void>;
}

/** What a responder needs to know of the interaction. */
export interface InteractionKeys {
  readonly id: string;
  readonly token: string;
  readonly application_id: string;
}

/** The webhook half (edits, deletions, follow-ups), over REST. */
export function webhookResponder(rest: REST, keys: InteractionKeys): Omit<Responder, 'respond'> {
  const original = Routes.webhookMessage(keys.application_id, keys.token, '@original');
  return {
    editOriginal: async (body) => { await rest.patch(original, { body, auth: false }); },
    deleteOriginal: async () => { await rest.delete(original, { auth: false }); },
    followUp: async (body) => { await rest.post(Routes.webhook(keys.application_id, keys.token), { body, auth: false }); },
  };
}

/** A gateway interaction's responder: the first answer to the callback route, the rest to the webhook. */
export function restResponder(rest: REST, keys: InteractionKeys): Responder {
  const route = Routes.interactionCallback(keys.id, keys.token);
  return {
    respond: async (response) => { await rest.post(route, { body: response, auth: false }); },
    ...webhookResponder(rest, keys),
  };
}

/** Discord's "Unknown Webhook": the interaction's webhook is not (yet) known. */
const UNKNOWN_WEBHOOK = 10015;

/**
 * The webhook half for an interaction answered in an HTTP response: the
 * first webhook call may reach Discord before it has taken that response in,
 * so an Unknown Webhook (10015) is tried again a few times, `delaysMs` apart.
 */
export function webhookAfterHttp(rest: REST, keys: InteractionKeys, delaysMs: readonly number[] = [100, 250, 500]): Omit<Responder, 'respond'> {
  const inner = webhookResponder(rest, keys);
  let settled = false;
  const patiently = async <T>(call: () => Promise<T>): Promise<T> => {
    for (const delay of settled ? [] : delaysMs) {
      try {
        const result = await call();
        settled = true;
        return result;
      } catch (error: unknown) {
        if (!(error instanceof DiscordAPIError && error.code === UNKNOWN_WEBHOOK)) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    const result = await call();
    settled = true;
    return result;
  };
  return {
    editOriginal: (body) => patiently(() => inner.editOriginal(body)),
    deleteOriginal: () => patiently(() => inner.deleteOriginal()),
    followUp: (body) => patiently(() => inner.followUp(body)),
  };
}
