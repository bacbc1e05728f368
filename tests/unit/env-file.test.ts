/** A `.env` file in the working directory is read at start; the environment wins over it. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadDotEnv } from '../../src/env-file.js';

const KEYS = ['PLACARD_TEST_FROM_FILE', 'LOG_LEVEL', 'CATCH_UP_HOURS'];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
const dirs: string[] = [];
afterEach(async () => {
  for (const k of KEYS) { if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k]; }
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('.env', () => {
  it('is read when present, before the configuration is validated; variables already set win', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'placard-env-')); dirs.push(dir);
    await writeFile(join(dir, '.env'), 'PLACARD_TEST_FROM_FILE=yes\nLOG_LEVEL=debug\nCATCH_UP_HOURS=3\n');
    delete process.env.PLACARD_TEST_FROM_FILE;
    delete process.env.CATCH_UP_HOURS;
    process.env.LOG_LEVEL = 'warn';
    expect(loadDotEnv(dir)).toBe(join(dir, '.env'));
    expect(process.env.PLACARD_TEST_FROM_FILE).toBe('yes');
    expect(process.env.LOG_LEVEL).toBe('warn');
    const config = loadConfig();
    expect(config.catchUpHours).toBe(3);
    expect(config.logLevel).toBe('warn');
  });

  it('is optional', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'placard-env-')); dirs.push(dir);
    expect(loadDotEnv(dir)).toBeUndefined();
  });
});
