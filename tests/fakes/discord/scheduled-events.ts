/**
 * Guild scheduled events in the fake: what it keeps, the API object it
 * answers with, and Discord's validation of a create or a modify.
 *
 * From Discord's documentation ("Guild Scheduled Event"): `name` 1–100
 * characters, `description` 1–1000, `privacy_level` 2 (GUILD_ONLY) only,
 * `entity_type` 1 STAGE_INSTANCE, 2 VOICE, 3 EXTERNAL; EXTERNAL needs
 * `channel_id` null, `entity_metadata.location` (1–100) and
 * `scheduled_end_time`; at most 100 SCHEDULED or ACTIVE events per guild
 * (30038); an EXTERNAL event becomes ACTIVE at its start and COMPLETED at
 * its end by itself, and a finished event cannot be modified (180000).
 * Observed rather than documented, and kept here: a start in the past and an
 * end before the start are refused with 50035.
 */
import type { FieldError } from './validate.js';

/** Statuses, as on Discord. */
export const EventStatus = { Scheduled: 1, Active: 2, Completed: 3, Canceled: 4 } as const;

/** One scheduled event as the fake keeps it. */
export interface ScheduledEventState {
  readonly id: string;
  readonly guildId: string;
  /** Who made it: the bot's id for the bot's own events. */
  readonly creatorId: string;
  name: string;
  description: string | null;
  start: string;
  end: string | null;
  privacyLevel: number;
  entityType: number;
  channelId: string | null;
  location: string | null;
  /** Set once finished by hand (a status modify); otherwise the status follows the clock. */
  finalStatus: 3 | 4 | null;
  deleted: boolean;
  /** Bodies of every accepted create and modify, in order. */
  readonly history: Record<string, unknown>[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === 'string' ? [...v].length : 0);

/** The status an event has at `now` (EXTERNAL events start and end by themselves). */
export function statusOf(event: ScheduledEventState, now: number): number {
  if (event.finalStatus !== null) return event.finalStatus;
  if (event.entityType !== 3) return EventStatus.Scheduled;
  if (event.end !== null && Date.parse(event.end) <= now) return EventStatus.Completed;
  return Date.parse(event.start) <= now ? EventStatus.Active : EventStatus.Scheduled;
}

/** The API object (`GET …/scheduled-events`), times written as Discord writes them (`+00:00`). */
export function apiScheduledEvent(event: ScheduledEventState, now: number, creator: Record<string, unknown> | undefined): Record<string, unknown> {
  const time = (iso: string | null): string | null => (iso === null ? null : new Date(iso).toISOString().replace('Z', '+00:00'));
  return {
    id: event.id,
    guild_id: event.guildId,
    channel_id: event.channelId,
    creator_id: event.creatorId,
    name: event.name,
    description: event.description,
    scheduled_start_time: time(event.start),
    scheduled_end_time: time(event.end),
    privacy_level: event.privacyLevel,
    status: statusOf(event, now),
    entity_type: event.entityType,
    entity_id: null,
    entity_metadata: event.location === null ? null : { location: event.location },
    ...(creator === undefined ? {} : { creator }),
    image: null,
    recurrence_rule: null,
  };
}

/** The fields of a create, or of a modify merged over the event it changes. */
export interface EventFields {
  name: unknown;
  description: unknown;
  privacy_level: unknown;
  entity_type: unknown;
  channel_id: unknown;
  entity_metadata: unknown;
  scheduled_start_time: unknown;
  scheduled_end_time: unknown;
}

/** The fields a create's body carries. */
export function fieldsFrom(b: Record<string, unknown>): EventFields {
  return {
    name: b.name, description: b.description, privacy_level: b.privacy_level, entity_type: b.entity_type, channel_id: b.channel_id,
    entity_metadata: b.entity_metadata, scheduled_start_time: b.scheduled_start_time, scheduled_end_time: b.scheduled_end_time,
  };
}

/** The fields of an event as a body would carry them (the base a modify is merged over). */
export function fieldsOf(event: ScheduledEventState): EventFields {
  return {
    name: event.name, description: event.description, privacy_level: event.privacyLevel, entity_type: event.entityType,
    channel_id: event.channelId, entity_metadata: event.location === null ? null : { location: event.location },
    scheduled_start_time: event.start, scheduled_end_time: event.end,
  };
}

/** `body` over `base`: the fields a modify sends replace the event's (all are optional there). */
export function merged(base: EventFields, body: unknown): EventFields {
  const b = isRecord(body) ? body : {};
  const out = { ...base } as Record<string, unknown>;
  for (const key of Object.keys(base)) if (key in b) out[key] = b[key];
  return out as unknown as EventFields;
}

const required = (path: string[]): FieldError => ({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
const between = (path: string[], min: number, max: number): FieldError =>
  ({ path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` });

/** A date-time Discord would parse, as ms; undefined otherwise. */
const instant = (v: unknown): number | undefined => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
};

/**
 * Field errors of an event's fields. `startChanged`: the start is new (a
 * create, or a modify that sends one), so it must not be in the past.
 */
export function eventErrors(f: EventFields, now: number, startChanged: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof f.name !== 'string') errors.push(required(['name']));
  else if (len(f.name) < 1 || len(f.name) > 100) errors.push(between(['name'], 1, 100));
  if (f.description !== undefined && f.description !== null && (typeof f.description !== 'string' || len(f.description) > 1000)) {
    errors.push(between(['description'], 1, 1000));
  }
  if (f.privacy_level !== 2) errors.push({ path: ['privacy_level'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of {2}.' });
  if (f.entity_type !== 1 && f.entity_type !== 2 && f.entity_type !== 3) {
    errors.push({ path: ['entity_type'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of {1, 2, 3}.' });
  }
  const start = instant(f.scheduled_start_time);
  if (start === undefined) errors.push(f.scheduled_start_time === undefined ? required(['scheduled_start_time']) : { path: ['scheduled_start_time'], code: 'DATE_TIME_TYPE_PARSE', message: 'Could not parse the date and time.' });
  else if (startChanged && start <= now) errors.push({ path: ['scheduled_start_time'], code: 'GUILD_SCHEDULED_EVENT_SCHEDULE_PAST', message: 'Cannot schedule event in the past.' });
  const end = f.scheduled_end_time === undefined || f.scheduled_end_time === null ? undefined : instant(f.scheduled_end_time);
  if (f.scheduled_end_time !== undefined && f.scheduled_end_time !== null && end === undefined) {
    errors.push({ path: ['scheduled_end_time'], code: 'DATE_TIME_TYPE_PARSE', message: 'Could not parse the date and time.' });
  }
  if (start !== undefined && end !== undefined && end <= start) {
    errors.push({ path: ['scheduled_end_time'], code: 'GUILD_SCHEDULED_EVENT_END_BEFORE_START', message: 'Cannot schedule event to end before starting.' });
  }
  if (f.entity_type === 3) {
    if (f.channel_id !== undefined && f.channel_id !== null) errors.push({ path: ['channel_id'], code: 'BASE_TYPE_NULL', message: 'Must be null for an external event.' });
    const location = isRecord(f.entity_metadata) ? f.entity_metadata.location : undefined;
    if (typeof location !== 'string') errors.push(required(['entity_metadata', 'location']));
    else if (len(location) < 1 || len(location) > 100) errors.push(between(['entity_metadata', 'location'], 1, 100));
    if (end === undefined && (f.scheduled_end_time === undefined || f.scheduled_end_time === null)) errors.push(required(['scheduled_end_time']));
  } else if (f.entity_type === 1 || f.entity_type === 2) {
    if (typeof f.channel_id !== 'string') errors.push(required(['channel_id']));
  }
  return errors;
}

/** Applies accepted fields to an event. */
export function apply(event: ScheduledEventState, f: EventFields): void {
  event.name = f.name as string;
  event.description = typeof f.description === 'string' ? f.description : null;
  event.privacyLevel = f.privacy_level as number;
  event.entityType = f.entity_type as number;
  event.channelId = typeof f.channel_id === 'string' ? f.channel_id : null;
  event.location = isRecord(f.entity_metadata) && typeof f.entity_metadata.location === 'string' ? f.entity_metadata.location : null;
  event.start = new Date(f.scheduled_start_time as string).toISOString();
  event.end = typeof f.scheduled_end_time === 'string' ? new Date(f.scheduled_end_time).toISOString() : null;
}
