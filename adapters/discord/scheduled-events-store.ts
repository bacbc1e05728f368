/**
 * What the bot remembers of the scheduled events it made: one record per
 * server and anniversary in the store namespace `discord-events`, keyed
 * `<guild id>:<campaign event id>:<year>`, with Discord's id of the event and
 * a hash of what was last sent. Restarts and other instances read the same
 * records, and a create is claimed first (`discord-events:<same key>`), so
 * each anniversary is made once per server. No user ids: a server's id, an
 * event's id, times.
 */
import type { Store } from '../../src/store/store.js';

/** Store namespace of the records. */
export const DISCORD_EVENTS = 'discord-events';

/** One scheduled event the bot made (or is about to make) in a server. */
export interface EventRecord {
  /** Discord's id of the scheduled event. */
  readonly id: string;
  /** {@link bodyHash} of what was last sent: modified when the plan's differs. */
  readonly hash: string;
  /** Its start and end (ISO), as last sent. */
  readonly start: string;
  readonly end: string;
  /**
   * Someone deleted it in Discord (an admin who did not want it): it is not
   * made again for that anniversary.
   */
  readonly removed?: true;
}

/** How long a record outlives its event's end (then the store drops it by itself). */
const KEPT_AFTER_END_MS = 30 * 86_400_000;

/** How long a create is claimed for: well over one request's timeout. */
export const CREATE_CLAIM_MS = 2 * 60_000;

/** Store key of a record. */
export const recordKey = (guildId: string, key: string): string => `${guildId}:${key}`;

/** Claim key of a create. */
export const createClaimKey = (guildId: string, key: string): string => `${DISCORD_EVENTS}:${guildId}:${key}`;

/** A server's records by anniversary key (`<event id>:<year>`). */
export async function readRecords(store: Store, guildId: string): Promise<Map<string, EventRecord>> {
  const out = new Map<string, EventRecord>();
  for await (const [key, record] of store.entries<EventRecord>(DISCORD_EVENTS, `${guildId}:`)) {
    if (record !== undefined && record !== null) out.set(key.slice(guildId.length + 1), record);
  }
  return out;
}

/** One record, read again (after a claim: another instance may have written it meanwhile). */
export function readRecord(store: Store, guildId: string, key: string): Promise<EventRecord | undefined> {
  return store.get<EventRecord>(DISCORD_EVENTS, recordKey(guildId, key));
}

/** Writes a record; it expires a month after its event ends. */
export function writeRecord(store: Store, guildId: string, key: string, record: EventRecord, now: Date): Promise<void> {
  const ttl = Math.max(60_000, Date.parse(record.end) - now.getTime() + KEPT_AFTER_END_MS);
  return store.set(DISCORD_EVENTS, recordKey(guildId, key), record, ttl);
}

/** Forgets a record. */
export async function dropRecord(store: Store, guildId: string, key: string): Promise<void> {
  await store.delete(DISCORD_EVENTS, recordKey(guildId, key));
}

/** The servers that have records (the sync deletes the events of those whose chats turned them off). */
export async function guildsWithRecords(store: Store): Promise<Set<string>> {
  const out = new Set<string>();
  for await (const [key] of store.entries(DISCORD_EVENTS)) {
    const at = key.indexOf(':');
    if (at > 0) out.add(key.slice(0, at));
  }
  return out;
}
