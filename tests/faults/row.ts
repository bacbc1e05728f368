/**
 * Turns what a fault run measured into its row of bench/faults.json, records
 * it (before any assertion, so a failing case still shows its numbers), and
 * checks the targets every store fault shares.
 */
import { expect } from 'vitest';
import type { ReminderCounters } from '../../src/schedule/counters.js';
import { MAX_DELAY_S, type Measured } from './fanout.js';
import { recordFault, type FaultRow } from './report.js';

/** Sums the counters of several instances. */
function sum(counters: readonly ReminderCounters[], key: 'sent' | 'markerRetries' | 'errors' | 'tickErrors' | 'claimedElsewhere'): number {
  return counters.reduce((n, c) => n + c[key], 0);
}

/** Builds, records and returns the row of one case. */
export async function record(
  fault: string, m: Measured, counters: readonly ReminderCounters[], recovered: boolean | number, notes: Record<string, unknown>,
): Promise<FaultRow> {
  const measured = {
    sentBy: counters.map((c) => c.sent).join('+'),
    markerRetries: sum(counters, 'markerRetries'),
    lateOver10s: m.late,
    storeErrors: sum(counters, 'errors'),
    tickErrors: sum(counters, 'tickErrors'),
    ticks: m.ticks.join('+'),
    ...(m.timedOut ? { timedOut: true } : {}),
    ...(m.doubledChats.length > 0 ? { doubledChats: m.doubledChats.slice(0, 5).join(',') } : {}),
    ...notes,
  };
  const row: FaultRow = {
    fault, chats: m.chats, lost: m.lost, doubled: m.doubled, recovered, seconds: m.seconds,
    notes: Object.entries(measured).map(([k, v]) => `${k}=${String(v)}`).join('; '),
  };
  await recordFault(row);
  return row;
}

/** The targets of issue 11: nothing lost, nothing doubled, every chat within 30 s, the run finished. */
export function expectTargets(row: FaultRow, m: Measured): void {
  const context = `${row.fault}: ${row.notes ?? ''}`;
  expect(m.timedOut, context).toBe(false);
  expect(row.lost, context).toBe(0);
  expect(row.doubled, context).toBe(0);
  expect(row.seconds, context).toBeLessThanOrEqual(MAX_DELAY_S);
  expect(row.recovered, context).toBeTruthy();
}
