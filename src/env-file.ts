/**
 * A `.env` file in the working directory, read at start with Node's
 * `process.loadEnvFile` before the configuration is validated. Variables
 * already set in the environment win over the file's.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Loads `<cwd>/.env` into `process.env` when the file exists and returns its
 * path; undefined when there is none. A variable already set keeps its
 * value. Throws when the file exists but cannot be read.
 */
export function loadDotEnv(cwd: string = process.cwd()): string | undefined {
  const path = resolve(cwd, '.env');
  if (!existsSync(path)) return undefined;
  const before = { ...process.env };
  process.loadEnvFile(path);
  for (const [key, value] of Object.entries(before)) process.env[key] = value; // the environment wins
  return path;
}
