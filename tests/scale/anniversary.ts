/**
 * An anniversary that is due now, on any day the tests run, without faking
 * the clock of the `serve` processes: the shipped campaign copied to a
 * temporary folder with the Zhanaozen event moved to today's date in a
 * fixed-offset zone where it is about noon (far from a date change), and
 * subscriptions whose reminder time is the minute before now in that zone.
 * Also the raw look at the store the kill case needs: which delivery claims
 * are live and unmarked (the sends in flight of a killed instance).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CHAT_SETTINGS, type ChatSettings } from '../../src/store/chat-settings.js';
import { deliveryKey } from '../../src/schedule/ledger.js';
import { openStore } from '../../src/store/open.js';

const run = promisify(execFile);
const CONTENT = resolve(import.meta.dirname, '../../content');
/** The event moved to today (it has `remind: true`). */
export const EVENT_ID = 'zhanaozen-massacre-2011';
/** Its year in the copy: a leap year, so 29 February works too. */
const EVENT_YEAR = 2008;

/** Where and when the reminder falls due. */
export interface DueSlot {
  /** `Etc/GMT-5` and the like: local time about noon now. */
  readonly timeZone: string;
  /** Local `HH:MM`, the minute before `now`. */
  readonly reminderTime: string;
  /** Local date `MM-DD` of `now`. */
  readonly monthDay: string;
  /** Local year (part of the delivery key). */
  readonly year: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A slot in a fixed-offset zone where `now` is between 11:00 and 13:00 and the reminder fell due a minute ago. */
export function dueSlot(now: Date = new Date()): DueSlot {
  const offset = 12 - now.getUTCHours(); // −11 … +12 hours, all of them IANA Etc zones
  const timeZone = offset === 0 ? 'Etc/UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  const local = new Date(now.getTime() + offset * 3_600_000);
  const due = new Date(local.getTime() - 60_000);
  return {
    timeZone,
    reminderTime: `${pad(due.getUTCHours())}:${pad(due.getUTCMinutes())}`,
    monthDay: `${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    year: local.getUTCFullYear(),
  };
}

/** A copy of the shipped campaign whose reminded event falls on `slot`'s date; returns its folder (remove it with `rmSync`). */
export function writeDueCampaign(slot: DueSlot): string {
  const dir = mkdtempSync(join(tmpdir(), 'placard-scale-content-'));
  cpSync(CONTENT, dir, { recursive: true });
  const events = join(dir, 'events.yaml');
  const text = readFileSync(events, 'utf8');
  const moved = text.replace(/(- id: zhanaozen-massacre-2011\n\s+date: )\d{4}-\d{2}-\d{2}/, `$1${EVENT_YEAR}-${slot.monthDay}`);
  if (moved === text) throw new Error(`scale: could not move ${EVENT_ID} in ${events}`);
  writeFileSync(events, moved);
  return dir;
}

/** Removes a folder made by {@link writeDueCampaign}. */
export const removeCampaign = (dir: string): void => rmSync(dir, { recursive: true, force: true });

/** `count` group chat ids, as strings (negative: groups). */
export const groupChatIds = (count: number): string[] => Array.from({ length: count }, (_, i) => String(-100_000_000 - i));

/** Subscribes `ids` (groups) in `slot` through the store at `storeUrl`. */
export async function seedSubscriptions(storeUrl: string, ids: readonly string[], slot: DueSlot): Promise<void> {
  const store = await openStore(storeUrl);
  try {
    const settings: ChatSettings = { subscribed: true, timeZone: slot.timeZone, reminderTime: slot.reminderTime, kind: 'group' };
    for (let i = 0; i < ids.length; i += 500) {
      await Promise.all(ids.slice(i, i + 500).map((id) => store.set(CHAT_SETTINGS, `telegram:${id}`, settings)));
    }
  } finally {
    await store.close();
  }
}

/** The delivery key of the anniversary reminder to `chatId`. */
export const reminderKey = (chatId: string, slot: DueSlot): string => deliveryKey({ platform: 'telegram', chatId }, EVENT_ID, slot.year);

/** Where the raw claims are read from. */
export type RawStore = { readonly kind: 'redis'; readonly port: number } | { readonly kind: 'postgres'; readonly url: string };

/**
 * Delivery keys whose claim is live and which have no delivered marker:
 * sends claimed and not (known to be) done. Read raw (redis-cli, psql), so
 * a busy store pool in the test process cannot get in the way.
 */
export async function unmarkedClaims(raw: RawStore): Promise<Set<string>> {
  if (raw.kind === 'redis') {
    const cli = ['-h', '127.0.0.1', '-p', String(raw.port)];
    const { stdout } = await run('redis-cli', [...cli, '--scan', '--pattern', 'claim:telegram:*'], { timeout: 10_000 });
    const keys = stdout.split('\n').filter(Boolean).map((k) => k.slice('claim:'.length));
    if (keys.length === 0) return new Set();
    const exists = await existsAll(cli, keys.map((k) => `delivered:${k}`));
    return new Set(keys.filter((_, i) => exists[i] === false));
  }
  const sql = `SELECT substr(c.key, 7) FROM keyv c WHERE c.key LIKE 'claim:telegram:%'
    AND (c.value::jsonb ->> 'expires')::bigint > ${Date.now()}
    AND NOT EXISTS (SELECT 1 FROM keyv d WHERE d.key = 'delivered:' || substr(c.key, 7))`;
  const { stdout } = await run('psql', [raw.url, '-w', '-Atc', sql], { timeout: 10_000 });
  return new Set(stdout.split('\n').filter(Boolean));
}

/** `EXISTS` of each key, through one redis-cli reading commands from its input. */
function existsAll(cli: readonly string[], keys: readonly string[]): Promise<boolean[]> {
  return new Promise((resolve, reject) => {
    const child = execFile('redis-cli', [...cli], { timeout: 10_000 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout.split('\n').filter(Boolean).map((line) => line.trim() !== '0'));
    });
    child.stdin?.end(keys.map((k) => `EXISTS "${k}"\n`).join(''));
  });
}
