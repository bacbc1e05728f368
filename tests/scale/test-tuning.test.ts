/**
 * PLACARD_TEST_TUNING (src/test-tuning.ts), the test-only hook the scale
 * suite starts its instances with: unset means no tuning, a malformed value
 * stops `serve` with the variable's name, never a half-read tuning.
 */
import { describe, expect, it } from 'vitest';
import { readTestTuning } from '../../src/test-tuning.js';

const env = (value: string | undefined): NodeJS.ProcessEnv => (value === undefined ? {} : { PLACARD_TEST_TUNING: value });

describe('PLACARD_TEST_TUNING', () => {
  it('is no tuning when unset or empty', () => {
    expect(readTestTuning(env(undefined))).toBeUndefined();
    expect(readTestTuning(env('  '))).toBeUndefined();
  });

  it('reads the tick, the Telegram limit and the scheduler options', () => {
    expect(readTestTuning(env('{"tickEveryMs":1000,"telegramPerSecond":300,"scheduler":{"leaseMs":10000}}'))).toEqual({
      tickEveryMs: 1000, telegramPerSecond: 300, scheduler: { leaseMs: 10000 },
    });
    expect(readTestTuning(env('{}'))).toEqual({});
  });

  it('refuses what is not a JSON object or has a bad number, naming the variable', () => {
    for (const bad of ['nope', '[]', '3', '{"tickEveryMs":0}', '{"telegramPerSecond":"300"}', '{"scheduler":[]}']) {
      expect(() => readTestTuning(env(bad)), bad).toThrow(/PLACARD_TEST_TUNING/);
    }
  });
});
