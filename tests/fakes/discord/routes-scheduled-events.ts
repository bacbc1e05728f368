/**
 * `GET/POST /guilds/:guild/scheduled-events` and `GET/PATCH/DELETE
 * /guilds/:guild/scheduled-events/:event`, with Discord's permission rules
 * for EXTERNAL events ("Guild Scheduled Event → Permissions Requirements"):
 * none to read; the bot's guild-level permissions (@everyone and its roles,
 * no channel overwrites; Administrator grants all) must include CREATE_EVENTS
 * (1 << 44) to create, and CREATE_EVENTS or MANAGE_EVENTS (1 << 33) to modify
 * or delete an event it created (MANAGE_EVENTS for anyone else's); else
 * 403 50013 Missing Permissions. A guild the bot is not in: 404 10004.
 */
import type { FakeState, GuildState } from './state.js';
import type { Route, RestReply } from './rest.js';
import { errorReply } from './rest.js';
import { botUser } from './objects.js';
import { apiError, formError } from './validate.js';
import {
  EventStatus, apiScheduledEvent, apply, eventErrors, fieldsFrom, fieldsOf, merged, statusOf, type ScheduledEventState,
} from './scheduled-events.js';

const ADMINISTRATOR = 1n << 3n;
const MANAGE_EVENTS = 1n << 33n;
const CREATE_EVENTS = 1n << 44n;
/** At most this many SCHEDULED or ACTIVE events per guild. */
const MAX_UNCOMPLETED = 100;

/** The guilds' scheduled events and the clock their statuses follow. */
export class FakeScheduledEvents {
  /** Every event made, deleted ones too, by id. */
  readonly events = new Map<string, ScheduledEventState>();
  /** The fake's clock for statuses and the "not in the past" check (tests may set it). */
  now: () => number = () => Date.now();

  constructor(private readonly state: FakeState) {}

  /** A guild's events that are not deleted (finished ones too), oldest first. */
  of(guildId: string): ScheduledEventState[] {
    return [...this.events.values()].filter((e) => e.guildId === guildId && !e.deleted);
  }

  /** The status of an event now. */
  status(event: ScheduledEventState): number {
    return statusOf(event, this.now());
  }

  /** Gives the bot one role with `permissions` (decimal) in a guild, replacing the one given before. */
  setBotPermissions(guildId: string, permissions: string): void {
    const guild = this.state.guilds.get(guildId);
    if (!guild) throw new Error(`fake Discord: no guild ${guildId}`);
    const id = `${guildId.slice(0, -1)}9`;
    guild.roles = [...guild.roles.filter((r) => r.id !== id), { id, name: 'placard-events', permissions }];
    if (!guild.botRoleIds.includes(id)) guild.botRoleIds.push(id);
    this.state.changed();
  }

  /** The bot's guild-level permissions. */
  private botPermissions(guild: GuildState): bigint {
    let bits = BigInt(guild.everyonePermissions);
    for (const role of guild.roles) if (guild.botRoleIds.includes(role.id)) bits |= BigInt(role.permissions);
    return (bits & ADMINISTRATOR) !== 0n ? ~0n : bits;
  }

  private may(guild: GuildState, need: 'create' | 'change', event?: ScheduledEventState): boolean {
    const bits = this.botPermissions(guild);
    if (need === 'create') return (bits & CREATE_EVENTS) !== 0n;
    const own = event?.creatorId === this.state.applicationId;
    return (bits & MANAGE_EVENTS) !== 0n || (own && (bits & CREATE_EVENTS) !== 0n);
  }

  private json(event: ScheduledEventState): Record<string, unknown> {
    return apiScheduledEvent(event, this.now(), event.creatorId === this.state.applicationId ? botUser(this.state) : undefined);
  }

  private create(guild: GuildState, body: unknown): RestReply {
    if (!this.may(guild, 'create')) return errorReply(apiError(403, 50013, 'Missing Permissions'));
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const fields = fieldsFrom(b);
    const invalid = formError(eventErrors(fields, this.now(), true));
    if (invalid) return errorReply(invalid);
    const open = this.of(guild.id).filter((e) => this.status(e) === EventStatus.Scheduled || this.status(e) === EventStatus.Active);
    if (open.length >= MAX_UNCOMPLETED) return errorReply(apiError(400, 30038, 'Maximum number of uncompleted guild scheduled events reached (100)'));
    const event: ScheduledEventState = {
      id: this.state.snowflake(), guildId: guild.id, creatorId: this.state.applicationId, name: '', description: null, start: '', end: null,
      privacyLevel: 2, entityType: 3, channelId: null, location: null, finalStatus: null, deleted: false, history: [b],
    };
    apply(event, fields);
    this.events.set(event.id, event);
    return { status: 200, body: this.json(event) };
  }

  private modify(guild: GuildState, event: ScheduledEventState, body: unknown): RestReply {
    if (!this.may(guild, 'change', event)) return errorReply(apiError(403, 50013, 'Missing Permissions'));
    const status = this.status(event);
    if (status === EventStatus.Completed || status === EventStatus.Canceled) return errorReply(apiError(400, 180000, 'Cannot update a finished event'));
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const fields = merged(fieldsOf(event), b);
    const startChanged = 'scheduled_start_time' in b && Date.parse(String(b.scheduled_start_time)) !== Date.parse(event.start);
    const invalid = formError(eventErrors(fields, this.now(), startChanged));
    if (invalid) return errorReply(invalid);
    apply(event, fields);
    event.history.push(b);
    if (b.status === EventStatus.Completed || b.status === EventStatus.Canceled) event.finalStatus = b.status;
    return { status: 200, body: this.json(event) };
  }

  /** The routes, for the REST server. */
  routes(): Route[] {
    const guildOf = (id: string): GuildState | undefined => this.state.guilds.get(id);
    const unknownGuild = (): RestReply => errorReply(apiError(404, 10004, 'Unknown Guild'));
    const unknownEvent = (): RestReply => errorReply(apiError(404, 10070, 'Unknown Guild Scheduled Event'));
    const find = (guild: GuildState, id: string): ScheduledEventState | undefined => {
      const event = this.events.get(id);
      return event && event.guildId === guild.id && !event.deleted ? event : undefined;
    };
    const done = (reply: RestReply): RestReply => { this.state.changed(); return reply; };
    const base = '/guilds/:guild/scheduled-events';
    return [
      {
        method: 'GET', pattern: base, auth: true,
        handle: (c) => {
          const guild = guildOf(c.params.guild!);
          if (!guild) return unknownGuild();
          // Listed: SCHEDULED and ACTIVE events (finished ones leave the server's Events).
          const listed = this.of(guild.id).filter((e) => this.status(e) === EventStatus.Scheduled || this.status(e) === EventStatus.Active);
          return { status: 200, body: listed.map((e) => this.json(e)) };
        },
      },
      {
        method: 'POST', pattern: base, auth: true,
        handle: (c) => { const guild = guildOf(c.params.guild!); return guild ? done(this.create(guild, c.body)) : unknownGuild(); },
      },
      {
        method: 'GET', pattern: `${base}/:event`, auth: true,
        handle: (c) => {
          const guild = guildOf(c.params.guild!);
          if (!guild) return unknownGuild();
          const event = find(guild, c.params.event!);
          return event ? { status: 200, body: this.json(event) } : unknownEvent();
        },
      },
      {
        method: 'PATCH', pattern: `${base}/:event`, auth: true,
        handle: (c) => {
          const guild = guildOf(c.params.guild!);
          if (!guild) return unknownGuild();
          const event = find(guild, c.params.event!);
          return event ? done(this.modify(guild, event, c.body)) : unknownEvent();
        },
      },
      {
        method: 'DELETE', pattern: `${base}/:event`, auth: true,
        handle: (c) => {
          const guild = guildOf(c.params.guild!);
          if (!guild) return unknownGuild();
          const event = find(guild, c.params.event!);
          if (!event) return unknownEvent();
          if (!this.may(guild, 'change', event)) return errorReply(apiError(403, 50013, 'Missing Permissions'));
          event.deleted = true;
          return done({ status: 204 });
        },
      },
    ];
  }
}
