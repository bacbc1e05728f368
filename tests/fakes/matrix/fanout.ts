/**
 * Matrix fault rows: the real Scheduler and the real MatrixAdapter against
 * the fake homeserver, on a memory store, through the Zhanaozen fan-out
 * (09:00 Asia/Almaty, 16 December 2026), measured from what the homeserver
 * took: a room's reminder counts when its notice is in the room (answered or
 * not), a double is a second reminder notice in one room. The clock is the
 * Telegram rows' JumpClock: real time shifted to the due instant, movable
 * past waits fixed in the code.
 */
import { MatrixAdapter, type MatrixAdapterOptions } from '../../../adapters/matrix/adapter.js';
import { Dispatcher } from '../../../src/commands/dispatch.js';
import type { Services } from '../../../src/commands/types.js';
import { Scheduler, type SchedulerOptions } from '../../../src/schedule/scheduler.js';
import { FAST } from '../../faults/fanout.js';
import { captureLog, JumpClock, type LogLines } from '../../faults/telegram-rig.js';
import { tickLikeCron } from '../../faults/tick-loops.js';
import { testServices } from '../../helpers/core.js';
import { seedSubscriptions } from '../../schedule/harness.js';
import { startFakeMatrix, type FakeMatrix } from './index.js';
import { OLA } from './rig.js';

/** A running Matrix fan-out rig. */
export interface MatrixFanOutRig {
  readonly hs: FakeMatrix;
  readonly adapter: MatrixAdapter;
  readonly scheduler: Scheduler;
  readonly services: Services;
  readonly clock: JumpClock;
  readonly logs: LogLines;
  readonly rooms: readonly string[];
  close(): Promise<void>;
}

/** Request timeouts of the rows, ms (production: send 10 s, api 20 s, poll 30 s). */
export const MATRIX_SUITE_TIMEOUTS = { send: 1_000, api: 2_000, poll: 1_000, pollSlack: 1_000 } as const;

/** `count` rooms with the bot, subscribed; the adapter started and ready; the scheduler built (not ticking). */
export async function startMatrixFanOut(count: number, extra: { adapter?: Partial<MatrixAdapterOptions>; scheduler?: Partial<SchedulerOptions> } = {}): Promise<MatrixFanOutRig> {
  const hs = await startFakeMatrix();
  const rooms = Array.from({ length: count }, (_, i) => hs.roomWithBot({ creator: OLA, name: `Union ${i}` }));
  const services = await testServices();
  for (let i = 0; i < rooms.length; i += 200) await Promise.all(rooms.slice(i, i + 200).map((r) => seedSubscriptions(services.store, 'matrix', [r])));
  const logs = captureLog([hs.token]);
  const adapter = new MatrixAdapter({
    homeserverUrl: hs.url, accessToken: hs.token, services, log: logs.log, backoff: { initialMs: 50, maxMs: 200 },
    limits: { global: { count: 200, perMs: 1000 }, perChat: { count: 1, perMs: 1000 } }, timeouts: MATRIX_SUITE_TIMEOUTS, ...extra.adapter,
  });
  const dispatcher = new Dispatcher(services, logs.log);
  await adapter.start((inv) => dispatcher.dispatch(inv));
  await hs.waitFor(() => adapter.ready() || undefined, 5000, 'adapter ready');
  const clock = new JumpClock();
  const scheduler = new Scheduler({
    campaign: services.campaign, store: services.store, adapters: new Map([['matrix', adapter]]), catchUpHours: 6,
    log: logs.log.child({ component: 'reminders' }), clock: clock.now, sleep: clock.sleep, ...FAST, ...extra.scheduler,
  });
  return { hs, adapter, scheduler, services, clock, logs, rooms, close: async () => { await scheduler.stop(); await adapter.stop(); await hs.close(); } };
}

/** What the rooms received. */
export interface MatrixReceived {
  readonly lost: number;
  readonly doubled: number;
  /** Worst delay, seconds of scheduler time. */
  readonly seconds: number;
  readonly firstAt: ReadonlyMap<string, number>;
}

/** Counts reminder notices (transaction ids `placard.r.…`) per room. */
export function receivedIn(rig: Pick<MatrixFanOutRig, 'hs' | 'clock'>, rooms: readonly string[]): MatrixReceived {
  let lost = 0;
  let doubled = 0;
  const firstAt = new Map<string, number>();
  for (const room of rooms) {
    const posts = rig.hs.sentTo(room).filter((n) => n.txnId?.startsWith('placard.r.'));
    if (posts.length === 0) lost++;
    else firstAt.set(room, rig.clock.at(posts[0]!.at));
    doubled += Math.max(0, posts.length - 1);
  }
  return { lost, doubled, firstAt, seconds: Math.round(Math.max(0, ...firstAt.values()) / 100) / 10 };
}

/** Ticks like cron ({@link tickLikeCron}) until `done()` or the deadline, then twice more (a double would show). */
export async function driveMatrix(rig: MatrixFanOutRig, done: () => boolean, deadlineMs = 30_000): Promise<{ ticks: number; timedOut: boolean }> {
  const { ticks, timedOut } = await tickLikeCron(rig.scheduler, done, deadlineMs);
  return { ticks, timedOut };
}

/** Calls `fire` once, when the homeserver has taken `n` posts. */
export function whenPosted(rig: MatrixFanOutRig, n: number, fire: () => void): void {
  let fired = false;
  const off = rig.hs.onChange(() => {
    if (fired || rig.hs.callsOf('send').filter((c) => c.status === 200).length < n) return;
    fired = true;
    off();
    fire();
  });
}
