/**
 * The two ways the fault rigs tick the real Scheduler every
 * {@link TICK_EVERY_MS}: like node-cron, firing without waiting for the
 * previous tick ({@link tickLikeCron}), or one tick after the other while a
 * fault plays out ({@link tickThroughFault}).
 */
import type { Scheduler, TickReport } from '../../src/schedule/scheduler.js';
import { TICK_EVERY_MS, type FaultClock } from './fanout.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** How the overlapping ticks of {@link tickLikeCron} went. */
export interface CronTicks {
  /** Ticks fired, the final two included. */
  readonly ticks: number;
  /** Longest tick, wall ms. */
  readonly longestTickMs: number;
  /** The deadline ended the loop before `done()` held. */
  readonly timedOut: boolean;
}

/**
 * Fires `scheduler.tick()` every {@link TICK_EVERY_MS} without waiting for the
 * previous tick (ticks overlap, as node-cron's would) until `done()` holds or
 * `deadlineMs` of real time passed; then waits for the running ticks and
 * fires two more, one after the other (any reminder sent again would show).
 * A tick's rejection rejects the returned promise.
 */
export async function tickLikeCron(scheduler: Pick<Scheduler, 'tick'>, done: () => boolean, deadlineMs: number): Promise<CronTicks> {
  const started = Date.now();
  let ticks = 0;
  let longest = 0;
  const running = new Set<Promise<unknown>>();
  const fire = (): void => {
    ticks++;
    const t = Date.now();
    const p = scheduler.tick().finally(() => { longest = Math.max(longest, Date.now() - t); running.delete(p); });
    running.add(p);
  };
  let timedOut = false;
  while (!done()) {
    if (Date.now() - started > deadlineMs) { timedOut = true; break; }
    fire();
    await sleep(TICK_EVERY_MS);
  }
  await Promise.all([...running]);
  for (let i = 0; i < 2; i++) { fire(); await Promise.all([...running]); await sleep(TICK_EVERY_MS); }
  return { ticks, longestTickMs: longest, timedOut };
}

/** How the sequential ticks of {@link tickThroughFault} went. */
export interface FaultTicks {
  readonly ticks: number;
  /** The deadline ended the loop before the run settled. */
  readonly timedOut: boolean;
}

/** What {@link tickThroughFault} drives. */
export interface FaultRun {
  readonly scheduler: Pick<Scheduler, 'tick' | 'stop'>;
  /** Started (at the due instant) once the deadline is set, before the fault. */
  readonly clock: Pick<FaultClock, 'start'>;
  /** The fault, started after the clock and played out alongside the ticks. */
  readonly fault: () => Promise<void>;
  /** Every expected chat has its reminder. */
  readonly delivered: () => boolean;
  /** Real time the loop may take, ms. */
  readonly deadlineMs: number;
}

/** A tick that ran (was not skipped) and left nothing to retry: nothing claimed, deferred, failed, paused or forbidden, no store error. */
const quiet = (r: TickReport | undefined): boolean =>
  r !== undefined && r.claimed + r.deferred + r.failed + r.storeError + r.paused + r.forbidden === 0;

/**
 * Starts the clock and the fault, then ticks one tick after the other every
 * {@link TICK_EVERY_MS} until the fault is done, a tick was quiet and
 * `delivered()` holds (or the deadline passed); stops the scheduler, waits
 * for the fault and throws what it threw.
 */
export async function tickThroughFault(run: FaultRun): Promise<FaultTicks> {
  const { scheduler } = run;
  const deadline = Date.now() + run.deadlineMs;
  run.clock.start();
  let done = false;
  let failure: unknown;
  const faulting = run.fault().then(() => { done = true; }, (e: unknown) => { failure = e; done = true; });
  let ticks = 0;
  let timedOut = false;
  for (;;) {
    ticks++;
    const report = await scheduler.tick();
    if (done && quiet(report) && run.delivered()) break;
    if (Date.now() > deadline) { timedOut = true; break; }
    await sleep(TICK_EVERY_MS);
  }
  await scheduler.stop();
  await faulting;
  if (failure !== undefined) throw failure;
  return { ticks, timedOut };
}
