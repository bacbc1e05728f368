/**
 * One server brought in step with its plan: each planned anniversary made
 * once (claimed, then created — or adopted when an earlier create's answer
 * was lost), modified when what it should say changed, and the bot's events
 * that are no longer planned deleted. Events that have started are left to
 * Discord: an EXTERNAL event becomes ACTIVE at its start and COMPLETED at its
 * end by itself ("Guild Scheduled Event Status Update Automation"), so past
 * ones are not deleted, only forgotten. An event someone deleted in Discord
 * is not made again for that anniversary.
 *
 * i18n-exempt-file: reasons for logs and the store, never shown to a chat as they are.
 */
import { DiscordAPIError, Routes, type APIGuildScheduledEvent, type REST } from 'discord.js';
import type { Store } from '../../src/store/store.js';
import { bodyHash, eventBody, type EventBody, type PlannedEvent } from './scheduled-events-plan.js';
import {
  CREATE_CLAIM_MS, createClaimKey, dropRecord, readRecord, readRecords, writeRecord, type EventRecord,
} from './scheduled-events-store.js';

/** What a server's sync works with. */
export interface GuildSyncContext {
  readonly rest: REST;
  readonly store: Store;
  /** The bot's user id: the creator of the events it may adopt. */
  readonly botId: string;
  readonly now: Date;
  /** Planned events start at or after this instant; the bot's events that start earlier have started for this sync. */
  readonly from: Date;
}

/** How many events a sync created, adopted, modified and deleted. */
export interface SyncCounts {
  created: number;
  adopted: number;
  updated: number;
  deleted: number;
}

/**
 * How a server's sync ended: `ok`; `forbidden` (the bot lacks the
 * permission: the chats are flagged); `gone` (the bot is no longer in the
 * server: its records are forgotten); `failed` (Discord did not answer, a
 * rate limit, anything else: tried again next round).
 */
export type GuildOutcome =
  | { readonly kind: 'ok'; readonly counts: SyncCounts }
  | { readonly kind: 'forbidden' | 'gone'; readonly reason: string; readonly counts: SyncCounts }
  | { readonly kind: 'failed'; readonly error: unknown; readonly counts: SyncCounts };

/** Missing Permissions, Missing Access: an admin can fix it. */
const FORBIDDEN = new Set([50013, 50001]);
/** Unknown Guild. */
const UNKNOWN_GUILD = 10004;
/** Unknown Guild Scheduled Event: deleted in Discord. */
const UNKNOWN_EVENT = 10070;

/** Ends a server's sync early with an outcome. */
class Stop extends Error {
  constructor(readonly outcome: 'forbidden' | 'gone', reason: string) {
    super(reason);
    this.name = 'Stop';
  }
}

const codeOf = (error: unknown): number | undefined =>
  error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined;

/** Rethrows `error`, as a {@link Stop} when it ends the whole server's sync. */
function rethrow(error: unknown): never {
  const code = codeOf(error);
  if (code !== undefined && FORBIDDEN.has(code)) throw new Stop('forbidden', `${(error as DiscordAPIError).status} ${code} ${(error as DiscordAPIError).message.split('\n')[0] ?? ''}`.slice(0, 200));
  if (code === UNKNOWN_GUILD) throw new Stop('gone', 'Unknown Guild');
  throw error;
}

/** True when a listed event is the bot's own for `body` (a create whose answer was lost). */
function sameEvent(event: APIGuildScheduledEvent, body: EventBody, botId: string): boolean {
  return event.creator_id === botId && event.entity_type === body.entity_type && event.name === body.name
    && Date.parse(event.scheduled_start_time) === Date.parse(body.scheduled_start_time);
}

/** The record of a planned event as sent with `body`. */
const recordOf = (id: string, body: EventBody, hash = bodyHash(body)): EventRecord =>
  ({ id, hash, start: body.scheduled_start_time, end: body.scheduled_end_time });

/** One server's sync. */
class GuildSync {
  readonly counts: SyncCounts = { created: 0, adopted: 0, updated: 0, deleted: 0 };
  private listed: Promise<APIGuildScheduledEvent[]> | undefined;

  constructor(private readonly ctx: GuildSyncContext, private readonly guildId: string) {}

  /** The server's scheduled events, asked once per sync (only when something is to be created). */
  private list(): Promise<APIGuildScheduledEvent[]> {
    this.listed ??= this.ctx.rest.get(Routes.guildScheduledEvents(this.guildId)) as Promise<APIGuildScheduledEvent[]>;
    return this.listed;
  }

  /** Makes, modifies or leaves one planned event. */
  async keep(planned: PlannedEvent, record: EventRecord | undefined): Promise<void> {
    const { rest, store, now } = this.ctx;
    const body = eventBody(planned);
    const hash = bodyHash(body);
    if (record?.removed === true || record?.hash === hash) return;
    if (record !== undefined) {
      if (Date.parse(record.start) <= this.ctx.from.getTime()) return; // started: Discord's now
      try {
        await rest.patch(Routes.guildScheduledEvent(this.guildId, record.id), { body });
      } catch (error: unknown) {
        if (codeOf(error) !== UNKNOWN_EVENT) rethrow(error);
        await writeRecord(store, this.guildId, planned.key, { ...record, removed: true }, now);
        return;
      }
      await writeRecord(store, this.guildId, planned.key, recordOf(record.id, body, hash), now);
      this.counts.updated += 1;
      return;
    }
    await this.create(planned.key, body, hash);
  }

  /** Creates one event under a claim, so that instances syncing at once make it once. */
  private async create(key: string, body: EventBody, hash: string): Promise<void> {
    const { rest, store, now, botId } = this.ctx;
    const claim = createClaimKey(this.guildId, key);
    if (!(await store.claim(claim, CREATE_CLAIM_MS))) return; // another instance is making it
    try {
      if ((await readRecord(store, this.guildId, key)) !== undefined) return; // made meanwhile
      const found = (await this.list()).find((e) => sameEvent(e, body, botId));
      if (found !== undefined) {
        // Adopted as it is; an empty hash has it modified next time when it says something else.
        const same = found.description === body.description && Date.parse(found.scheduled_end_time ?? '') === Date.parse(body.scheduled_end_time)
          && found.entity_metadata?.location === body.entity_metadata.location;
        await writeRecord(store, this.guildId, key, recordOf(found.id, body, same ? hash : ''), now);
        this.counts.adopted += 1;
        return;
      }
      const made = await rest.post(Routes.guildScheduledEvents(this.guildId), { body }) as APIGuildScheduledEvent;
      await writeRecord(store, this.guildId, key, recordOf(made.id, body, hash), now);
      this.counts.created += 1;
    } catch (error: unknown) {
      rethrow(error);
    } finally {
      await store.release(claim).catch(() => undefined);
    }
  }

  /** An event of the bot's that is no longer planned: forgotten when over or started, deleted otherwise. */
  async retire(key: string, record: EventRecord, on: boolean): Promise<void> {
    const { rest, store, now, from } = this.ctx;
    if (Date.parse(record.end) <= now.getTime() || record.removed === true) {
      await dropRecord(store, this.guildId, key);
      return;
    }
    if (on && Date.parse(record.start) <= from.getTime()) return; // running: Discord completes it at its end
    try {
      await rest.delete(Routes.guildScheduledEvent(this.guildId, record.id));
      this.counts.deleted += 1;
    } catch (error: unknown) {
      if (codeOf(error) !== UNKNOWN_EVENT) rethrow(error);
    }
    await dropRecord(store, this.guildId, key);
  }
}

/**
 * Brings one server in step with `plan` (undefined: its chats turned the
 * events off, so every event of the bot's there that has not ended is
 * deleted). Never throws.
 */
export async function syncGuild(ctx: GuildSyncContext, guildId: string, plan: readonly PlannedEvent[] | undefined): Promise<GuildOutcome> {
  const sync = new GuildSync(ctx, guildId);
  try {
    const records = await readRecords(ctx.store, guildId);
    const planned = new Set<string>();
    for (const p of plan ?? []) {
      planned.add(p.key);
      await sync.keep(p, records.get(p.key));
    }
    for (const [key, record] of records) if (!planned.has(key)) await sync.retire(key, record, plan !== undefined);
    return { kind: 'ok', counts: sync.counts };
  } catch (error: unknown) {
    if (error instanceof Stop) {
      if (error.outcome === 'gone') for (const key of (await readRecords(ctx.store, guildId).catch(() => new Map<string, EventRecord>())).keys()) await dropRecord(ctx.store, guildId, key).catch(() => undefined);
      return { kind: error.outcome, reason: error.message, counts: sync.counts };
    }
    return { kind: 'failed', error, counts: sync.counts };
  }
}
