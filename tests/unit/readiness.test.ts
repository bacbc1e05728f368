/**
 * The adapters' shared readiness tracker (src/readiness.ts): blockers with
 * their reasons in order of precedence, platform failures in a row up to the
 * threshold, recovery on the next answer, and the reasons worded by the adapter.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAILURES_BEFORE_NOT_READY, Readiness, type ReadinessOptions } from '../../src/readiness.js';

type Blocker = 'starting' | 'token' | 'stream';

let streamProblem = 'connecting';
const options: ReadinessOptions<Blocker> = {
  blockers: {
    token: 'the platform rejected the token',
    stream: () => `stream down: ${streamProblem}`,
    starting: 'connecting to the platform',
  },
  initial: ['starting'],
  startup: { blocker: 'starting', unreachable: (cause) => `platform unreachable at start-up (${cause})` },
  failedCalls: (count, cause) => `the last ${count} calls failed (${cause})`,
};

describe('Readiness', () => {
  it('starts blocked by its initial blockers, then is ready once they clear', () => {
    const r = new Readiness(options);
    expect(r.ready()).toBe(false);
    expect(r.has('starting')).toBe(true);
    expect(r.reason()).toBe('connecting to the platform');
    r.set('starting', false);
    expect(r.ready()).toBe(true);
    expect(r.reason()).toBeUndefined();
  });

  it('starts ready with no initial blockers, and uses the default threshold', () => {
    const r = new Readiness({ ...options, initial: undefined });
    expect(r.ready()).toBe(true);
    expect(r.threshold).toBe(DEFAULT_FAILURES_BEFORE_NOT_READY);
    expect(DEFAULT_FAILURES_BEFORE_NOT_READY).toBe(3);
  });

  it('gives the first blocker set in the order written, whatever order they were set in', () => {
    const r = new Readiness(options);
    r.set('stream', true);
    r.set('token', true);
    expect(r.reason()).toBe('the platform rejected the token');
    r.set('token', false);
    expect(r.reason()).toBe('stream down: connecting');
    r.set('stream', false);
    expect(r.reason()).toBe('connecting to the platform');
  });

  it('words a blocker\'s reason when asked, from state kept elsewhere', () => {
    const r = new Readiness({ ...options, initial: ['stream'] });
    streamProblem = 'connection refused';
    expect(r.reason()).toBe('stream down: connection refused');
    streamProblem = 'connecting';
  });

  it('says what start-up runs into once a call failed, and its own reason again after an answer', () => {
    const r = new Readiness(options);
    r.record('timeout');
    expect(r.reason()).toBe('platform unreachable at start-up (timeout)');
    r.record('ECONNREFUSED');
    expect(r.reason()).toBe('platform unreachable at start-up (ECONNREFUSED)');
    r.record(undefined);
    expect(r.reason()).toBe('connecting to the platform');
  });

  it('lets a blocker before start-up speak even when calls failed', () => {
    const r = new Readiness(options);
    r.record('401');
    r.set('token', true);
    expect(r.reason()).toBe('the platform rejected the token');
  });

  it('is not ready after threshold failures in a row, and ready again at the next answer', () => {
    const r = new Readiness({ ...options, initial: [] });
    r.record('500');
    r.record('timeout');
    expect(r.ready()).toBe(true);
    expect(r.failing).toBe(false);
    expect(r.failuresInARow).toBe(2);
    r.record('503');
    expect(r.ready()).toBe(false);
    expect(r.failing).toBe(true);
    expect(r.lastFailure).toBe('503');
    expect(r.reason()).toBe('the last 3 calls failed (503)');
    r.record('network');
    expect(r.reason()).toBe('the last 4 calls failed (network)');
    r.record(undefined);
    expect(r.ready()).toBe(true);
    expect(r.reason()).toBeUndefined();
    expect(r.failuresInARow).toBe(0);
    expect(r.lastFailure).toBe('');
  });

  it('counts failures only in a row: an answer between them starts the count again', () => {
    const r = new Readiness({ ...options, initial: [] });
    r.record('500');
    r.record('500');
    r.record(undefined);
    r.record('500');
    r.record('500');
    expect(r.ready()).toBe(true);
  });

  it('takes its own threshold', () => {
    const r = new Readiness({ ...options, initial: [], threshold: 1 });
    r.record('timeout');
    expect(r.reason()).toBe('the last 1 calls failed (timeout)');
  });

  it('prefers a blocker to the failures, and gives the failures once it clears', () => {
    const r = new Readiness({ ...options, initial: [] });
    for (let i = 0; i < 3; i++) r.record('500');
    r.set('stream', true);
    expect(r.reason()).toBe('stream down: connecting');
    r.set('stream', false);
    expect(r.reason()).toBe('the last 3 calls failed (500)');
  });
});
