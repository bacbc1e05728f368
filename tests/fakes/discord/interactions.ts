/**
 * Building and dispatching INTERACTION_CREATE payloads (slash commands,
 * autocomplete, component presses) and the handles tests wait on.
 */
import type { FakeGateway } from './gateway.js';
import type { HttpInteractions } from './http-interactions.js';
import type { ChannelState, FakeState, InteractionState, RegisteredCommand } from './state.js';
import type { FakeUser, InteractionResponseRecord, MessageRecord, WaitOptions } from './types.js';
import { DEFAULT_MEMBER_PERMISSIONS } from './types.js';
import { apiChannel, apiMember, apiMessage, apiUser } from './objects.js';

/** One command option as sent by the user. `type` is looked up in the registered command when omitted. */
export interface CommandOptionInput {
  name: string;
  type?: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: CommandOptionInput[];
}

/** Who invokes, and where. Without `guildId` the interaction comes from a DM with the bot. */
export interface InvocationInput {
  guildId?: string;
  /** Default: the guild's first text channel, or the DM channel with the user. */
  channelId?: string;
  user?: FakeUser;
  /** `member.permissions` of the invoker (decimal bitfield). Default {@link DEFAULT_MEMBER_PERMISSIONS}. */
  memberPermissions?: string;
  /** `app_permissions` (the bot's permissions in the channel). Default {@link DEFAULT_MEMBER_PERMISSIONS}. */
  appPermissions?: string;
  locale?: string;
}

/** A slash command invocation. Options as a list, or as `{ name: value }` (types inferred). */
export interface SlashCommandInput extends InvocationInput {
  name: string;
  options?: CommandOptionInput[] | Record<string, string | number | boolean>;
}

/** An autocomplete request; `focused` names the option being typed (default: the last one). */
export interface AutocompleteInput extends SlashCommandInput {
  focused?: string;
}

/** A press on a message component (button by default) of a message the fake knows. */
export interface ComponentInput extends Omit<InvocationInput, 'guildId' | 'channelId'> {
  customId: string;
  messageId: string;
  /** 2 button (default), 3 string select, … */
  componentType?: number;
  values?: string[];
}

/** A dispatched interaction and its answers. */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE `d` that was sent. */
  readonly payload: Record<string, unknown>;
  /** Answers so far: callback, follow-ups, edits, deletes, in arrival order (rejected ones too, `ok: false`). */
  responses(): InteractionResponseRecord[];
  /** The first answer (normally the callback). */
  waitForResponse(options?: WaitOptions): Promise<InteractionResponseRecord>;
  /** The first `count` answers. */
  waitForResponses(count: number, options?: WaitOptions): Promise<InteractionResponseRecord[]>;
  /** The message `@original` currently refers to, if any. */
  original(): MessageRecord | undefined;
}

/** The default invoking user. */
export const DEFAULT_USER: FakeUser = { id: '300000000000000001', username: 'activist' };

const inferType = (value: unknown): number =>
  typeof value === 'boolean' ? 5 : typeof value === 'number' ? (Number.isInteger(value) ? 4 : 10) : 3;

function normalise(input: SlashCommandInput['options']): CommandOptionInput[] {
  return Array.isArray(input) ? input : Object.entries(input ?? {}).map(([name, value]) => ({ name, value }));
}

/** Wire options: types from the registered definition (or inferred), `focused` on the named option. */
function resolveOptions(list: CommandOptionInput[], defs: unknown, focusName?: string): Record<string, unknown>[] {
  const defList = Array.isArray(defs) ? (defs as Record<string, unknown>[]) : [];
  return list.map((o) => {
    const def = defList.find((d) => d.name === o.name);
    const type = o.type ?? (typeof def?.type === 'number' ? def.type : o.options ? 1 : inferType(o.value));
    const out: Record<string, unknown> = { name: o.name, type };
    if (o.value !== undefined) out.value = o.value;
    if (o.options) out.options = resolveOptions(o.options, def?.options, focusName);
    if (o.value !== undefined && focusName !== undefined && o.name === focusName) out.focused = true;
    return out;
  });
}

/** Dispatches interactions (over the gateway, or to the interactions endpoint once one is set) and tracks them in the state. */
export class InteractionDriver {
  constructor(
    private readonly state: FakeState,
    private readonly gateway: FakeGateway,
    private readonly http?: HttpInteractions,
  ) {}

  private findCommand(name: string, guildId: string | null): RegisteredCommand | undefined {
    const local = guildId ? this.state.commandsFor(guildId).find((c) => c.name === name && c.type === 1) : undefined;
    return local ?? this.state.globalCommands.find((c) => c.name === name && c.type === 1);
  }

  private channelFor(input: InvocationInput, user: FakeUser): ChannelState {
    if (!input.guildId) return this.state.dmChannel(user, input.channelId);
    const guild = this.state.guilds.get(input.guildId);
    if (!guild) throw new Error(`fake Discord: unknown guild ${input.guildId}`);
    const id = input.channelId ?? guild.channelIds.find((c) => this.state.channels.get(c)?.type === 0);
    const channel = id ? this.state.channels.get(id) : undefined;
    if (!channel || channel.guildId !== guild.id) throw new Error(`fake Discord: unknown channel ${String(id)} in guild ${guild.id}`);
    return channel;
  }

  /** Dispatch a slash command (type 2, data.type 1). */
  slashCommand(input: SlashCommandInput): InteractionHandle {
    const guildId = input.guildId ?? null;
    const command = this.findCommand(input.name, guildId);
    const data: Record<string, unknown> = {
      id: command?.id ?? this.state.snowflake(),
      name: input.name,
      type: 1,
      options: resolveOptions(normalise(input.options), command?.options),
    };
    if (command?.guild_id) data.guild_id = command.guild_id;
    return this.dispatch(2, data, input);
  }

  /** Dispatch an autocomplete request (type 4) with one focused option. */
  autocomplete(input: AutocompleteInput): InteractionHandle {
    const guildId = input.guildId ?? null;
    const command = this.findCommand(input.name, guildId);
    const list = normalise(input.options);
    const focusName = input.focused ?? list.find((o) => o.focused === true)?.name ?? list.at(-1)?.name;
    const options = resolveOptions(list, command?.options, focusName);
    const data = { id: command?.id ?? this.state.snowflake(), name: input.name, type: 1, options };
    return this.dispatch(4, data, input);
  }

  /** Dispatch a component press (type 3) on a stored message. */
  pressButton(input: ComponentInput): InteractionHandle {
    const message = this.state.messages.get(input.messageId);
    if (!message || message.deleted) throw new Error(`fake Discord: unknown message ${input.messageId}`);
    const data: Record<string, unknown> = { custom_id: input.customId, component_type: input.componentType ?? 2 };
    if (input.values) data.values = input.values;
    const where: InvocationInput = { ...input, channelId: message.channelId };
    if (message.guildId) where.guildId = message.guildId;
    return this.dispatch(3, data, where, apiMessage(this.state, message));
  }

  private dispatch(type: number, data: Record<string, unknown>, input: InvocationInput, message?: unknown): InteractionHandle {
    const user = input.user ?? DEFAULT_USER;
    const channel = this.channelFor(input, user);
    const guild = channel.guildId ? this.state.guilds.get(channel.guildId) : undefined;
    const id = this.state.snowflake();
    const token = this.state.interactionToken();
    const payload: Record<string, unknown> = {
      id,
      application_id: this.state.applicationId,
      type,
      data,
      channel: apiChannel(channel),
      channel_id: channel.id,
      token,
      version: 1,
      app_permissions: input.appPermissions ?? DEFAULT_MEMBER_PERMISSIONS,
      locale: input.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guild ? guild.id : '0' },
      context: guild ? 0 : 1,
      attachment_size_limit: 10_485_760,
    };
    if (guild) {
      payload.guild_id = guild.id;
      payload.guild_locale = guild.locale;
      payload.guild = { id: guild.id, locale: guild.locale, features: [] };
      payload.member = apiMember(user, guild.joinedAt, input.memberPermissions ?? DEFAULT_MEMBER_PERMISSIONS);
    } else {
      payload.user = apiUser(user);
    }
    if (message !== undefined) payload.message = message;
    const it: InteractionState = {
      id,
      token,
      type,
      payload,
      channelId: channel.id,
      guildId: guild?.id ?? null,
      dispatchedAt: Date.now(),
      acknowledgedAt: null,
      callbackType: null,
      originalMessageId: null,
      responses: [],
    };
    this.state.interactions.set(id, it);
    this.state.interactionsByToken.set(token, it);
    // As on Discord: with an Interactions Endpoint URL set, interactions go there and not over the gateway.
    if (this.http?.url !== undefined) this.http.deliver(it);
    else this.gateway.dispatch('INTERACTION_CREATE', payload, it.guildId);
    this.state.changed();
    return this.handle(it);
  }

  private handle(it: InteractionState): InteractionHandle {
    const state = this.state;
    return {
      id: it.id,
      token: it.token,
      payload: it.payload,
      responses: () => [...it.responses],
      waitForResponse: (options) =>
        state.waitFor(() => it.responses[0], { what: `a response to interaction ${it.id}`, ...options }),
      waitForResponses: (count, options) =>
        state.waitFor(() => (it.responses.length >= count ? it.responses.slice(0, count) : undefined), {
          what: `${count} responses to interaction ${it.id}`,
          ...options,
        }),
      original: () => (it.originalMessageId ? state.messages.get(it.originalMessageId) : undefined),
    };
  }
}
