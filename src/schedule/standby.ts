/**
 * Which platforms this instance drives in a fan-out, and what the others
 * know while they stand by. A platform is driven by the instance that holds
 * its fan-out lease (lease.ts); another instance counts the reminders it
 * would have sent as `standby` — unless the driver has noted them complete:
 * after a pass that left nothing unfinished, the driver writes which due
 * reminders (slot, event, year) it completed (`fanout:<platform>`), so a
 * standby does not report work that is already done.
 */
import type { Platform } from '../chat.js';
import type { BurstLog } from '../log-privacy.js';
import type { Store } from '../store/store.js';
import { slotKey, type DueReminder } from './due.js';
import type { FanOutTally } from './fanout.js';

/** A platform's fan-out lease as the fan-out uses it (lease.ts). */
export interface DrivingLease {
  /** True when this instance drives now (takes the lease if it can). Rejects on a store error. */
  acquire(): Promise<boolean>;
  /** True while it still does. */
  holds(): boolean;
  /** Keeps holding it, or trying to take it over, while reminders are due. */
  want(): void;
}

/** Namespace of the drivers' completion notes: key = platform. */
export const FANOUT = 'fanout';

/** A completion note: the due reminders whose chats (on that platform) all had a final outcome. */
interface CompletionNote { readonly due: readonly string[] }

/** The id of a due reminder in completion notes: slot, event and year. */
export const dueId = (r: DueReminder): string => `${slotKey(r.slot)}|${r.event.id}|${r.year}`;

/** Notes `due` complete for `platform`, for `ttlMs` (the catch-up window: after it they are not due anywhere). */
export async function noteComplete(store: Store, platform: Platform, due: readonly DueReminder[], ttlMs: number): Promise<void> {
  await store.set<CompletionNote>(FANOUT, platform, { due: due.map(dueId) }, ttlMs);
}

/** Pending reminders per platform, per due reminder id. */
export type Pending = ReadonlyMap<Platform, ReadonlyMap<string, number>>;

/** What deciding who drives needs. */
export interface DrivenHereInput {
  readonly store: Store;
  readonly burst: BurstLog;
  readonly leases?: ReadonlyMap<Platform, DrivingLease>;
}

const sum = (m: ReadonlyMap<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

/**
 * The platforms this instance drives now: those with reminders pending whose
 * lease it holds or takes. For each of the others, its pending reminders not
 * noted complete by the driver are counted as `standby` (and `claimed`: held
 * elsewhere) in `tally`, and nothing else is done.
 */
export async function drivenHere(input: DrivenHereInput, pending: Pending, tally: FanOutTally): Promise<Set<Platform>> {
  const driving = new Set<Platform>();
  await Promise.all([...pending].map(async ([platform, byDue]) => {
    if (sum(byDue) === 0) return;
    const lease = input.leases?.get(platform);
    const drives = lease === undefined || await lease.acquire().catch((error: unknown) => {
      input.burst.note('warn', `lease-acquire:${platform}`, { err: error, platform }, 'reminder fan-out lease not taken (store error); tried again');
      return false;
    });
    if (drives) {
      driving.add(platform);
      return;
    }
    const note = await input.store.get<CompletionNote>(FANOUT, platform).catch(() => undefined);
    const complete = new Set(Array.isArray(note?.due) ? note.due : []);
    let waiting = 0;
    for (const [id, n] of byDue) if (!complete.has(id)) waiting += n;
    tally.standby += waiting;
    tally.claimed += waiting;
  }));
  return driving;
}
