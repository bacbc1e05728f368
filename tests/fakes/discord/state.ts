/**
 * The fake's in-memory world: guilds, channels, messages, interactions,
 * command registrations and the request log, plus a change signal that the
 * `waitFor` helpers listen to (no polling, no sleeps).
 */
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import type {
  CommandRegistration,
  FakeGuildInit,
  FakeOverwrite,
  FakeRoleInit,
  FakeUser,
  InteractionResponseRecord,
  MessageRecord,
  RequestRecord,
  WaitOptions,
} from './types.js';
import { DEFAULT_MEMBER_PERMISSIONS } from './types.js';

const DISCORD_EPOCH = 1420070400000n;

/** A channel known to the fake (guild channel or DM). */
export interface ChannelState {
  id: string;
  name: string;
  type: number;
  guildId: string | null;
  recipient?: FakeUser;
  lastMessageId: string | null;
  overwrites: FakeOverwrite[];
}

/** A guild known to the fake. */
export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  locale: string;
  everyonePermissions: string;
  channelIds: string[];
  joinedAt: string;
  roles: FakeRoleInit[];
  botRoleIds: string[];
}

/** Interaction types, as on Discord. */
export const InteractionKind = { Command: 2, Component: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

/** An interaction the fake dispatched. */
export interface InteractionState {
  id: string;
  token: string;
  type: number;
  payload: Record<string, unknown>;
  channelId: string;
  guildId: string | null;
  dispatchedAt: number;
  /** Set once the callback was accepted. */
  acknowledgedAt: number | null;
  callbackType: number | null;
  /** The message `@original` refers to, once there is one. */
  originalMessageId: string | null;
  responses: InteractionResponseRecord[];
}

/** An application command as registered (the response body of a bulk overwrite). */
export type RegisteredCommand = Record<string, unknown> & { id: string; name: string; type: number };

/** Mutable state shared by the REST and gateway halves. */
export class FakeState {
  readonly events = new EventEmitter();
  readonly guilds = new Map<string, GuildState>();
  readonly channels = new Map<string, ChannelState>();
  readonly messages = new Map<string, MessageRecord>();
  readonly interactions = new Map<string, InteractionState>();
  readonly interactionsByToken = new Map<string, InteractionState>();
  readonly globalCommands: RegisteredCommand[] = [];
  readonly guildCommands = new Map<string, RegisteredCommand[]>();
  readonly registrations: CommandRegistration[] = [];
  readonly requests: RequestRecord[] = [];
  /** Stable command ids per scope+name, as Discord keeps ids across overwrites. */
  readonly commandIds = new Map<string, string>();
  private increment = 0n;

  constructor(
    readonly token: string,
    readonly applicationId: string,
    readonly botUsername: string,
  ) {
    this.events.setMaxListeners(0);
  }

  /** A fresh snowflake with the current timestamp (so @discordjs/rest's route logic sees real-looking ids). */
  snowflake(): string {
    this.increment = (this.increment + 1n) & 0xfffn;
    return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | this.increment);
  }

  /** A random interaction token. */
  interactionToken(): string {
    return `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`;
  }

  /** Add a guild and its channels. */
  addGuild(init: FakeGuildInit): void {
    const guild: GuildState = {
      id: init.id,
      name: init.name,
      ownerId: init.ownerId ?? this.snowflake(),
      locale: init.locale ?? 'en-US',
      everyonePermissions: init.everyonePermissions ?? DEFAULT_MEMBER_PERMISSIONS,
      channelIds: [],
      joinedAt: new Date().toISOString(),
      roles: [...(init.roles ?? [])],
      botRoleIds: [...(init.botRoleIds ?? [])],
    };
    for (const c of init.channels ?? []) {
      this.channels.set(c.id, {
        id: c.id, name: c.name, type: c.type ?? 0, guildId: init.id, lastMessageId: null, overwrites: [...(c.overwrites ?? [])],
      });
      guild.channelIds.push(c.id);
    }
    this.guilds.set(guild.id, guild);
  }

  /** The DM channel with a user, created on first use. */
  dmChannel(user: FakeUser, channelId?: string): ChannelState {
    const existing = [...this.channels.values()].find((c) => c.type === 1 && c.recipient?.id === user.id);
    if (existing && (!channelId || existing.id === channelId)) return existing;
    const channel: ChannelState = {
      id: channelId ?? this.snowflake(),
      name: user.username,
      type: 1,
      guildId: null,
      recipient: user,
      lastMessageId: null,
      overwrites: [],
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** Registered commands: global (`null`) or of one guild. */
  commandsFor(guildId: string | null): RegisteredCommand[] {
    if (guildId === null) return this.globalCommands;
    return this.guildCommands.get(guildId) ?? [];
  }

  /** Signal a change: every pending `waitFor` re-checks its predicate. */
  changed(): void {
    this.events.emit('change');
  }

  /**
   * Resolve with the first truthy value of `probe`, re-evaluated on every change.
   * Rejects after `timeoutMs` (default 5000) naming `what`.
   */
  waitFor<T>(probe: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
    const { timeoutMs = 5000, what = 'condition' } = options;
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        let value: T | undefined | null | false;
        try {
          value = probe();
        } catch (error) {
          finish();
          reject(error instanceof Error ? error : new Error(String(error)));
          return true;
        }
        if (value === undefined || value === null || value === false) return false;
        finish();
        resolve(value);
        return true;
      };
      const onChange = (): void => {
        check();
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.events.off('change', onChange);
      };
      this.events.on('change', onChange);
      check();
    });
  }
}
