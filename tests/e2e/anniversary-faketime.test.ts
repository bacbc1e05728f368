/**
 * The real bot through the 15th anniversary of Zhanaozen, on the machine's
 * clock moved with libfaketime (Debian's `faketime` package, its library preloaded into node): `placard serve` on a
 * SQLite file, Telegram against the loopback fake, started at 03:59:40 UTC
 * on 16 December 2026. At 04:00 UTC (09:00 in Almaty, UTC+5) the chats at
 * the campaign's default hour get their reminder, once, each in its own
 * language; a chat at 08:30 in Berlin does not yet. Restarted at 07:29:45,
 * the same process finds the Almaty reminders already delivered (still
 * inside the catch-up window: without the ledger they would go again) and
 * posts Berlin's at 07:30 UTC. Nothing else on the machine is faked: the
 * fake and the test keep the real clock.
 *
 * Skipped, with the reason in its name, where `faketime` is not installed
 * (`.ci/run` installs it).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatSettings } from '../../src/store/chat-settings.js';
import { CHAT_SETTINGS } from '../../src/store/chat-settings.js';
import { openStore } from '../../src/store/open.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram/index.js';
import { spawnPlacard, type PlacardProcess } from '../helpers/cli.js';
import { freePort, until } from '../helpers/wait.js';

/**
 * libfaketime's multi-threaded library (Node runs threads), preloaded into
 * node itself rather than through the `faketime` wrapper, which would stand
 * between the test and node's signals and exit code.
 */
const LIBFAKETIME = ['/usr/lib', '/usr/lib64'].flatMap((root) => {
  const dirs = existsSync(root) ? readdirSync(root).map((d) => join(root, d, 'faketime')) : [];
  return [join(root, 'faketime'), ...dirs].map((d) => join(d, 'libfaketimeMT.so.1'));
}).find((path) => existsSync(path));
const faketimeMissing = LIBFAKETIME === undefined;

/** The chats: two at the campaign's default hour in Almaty (one reads Russian), one at 08:30 in Berlin, one unsubscribed. */
const ALMATY_GROUP = { id: -100_700_001, type: 'supergroup' as const, title: 'Almaty solidarity' };
const ALMATY_RU = { id: -100_700_002, type: 'supergroup' as const, title: 'Солидарность' };
const BERLIN = { id: -100_700_003, type: 'supergroup' as const, title: 'Berlin solidarity' };
const LEFT = { id: -100_700_004, type: 'supergroup' as const, title: 'Unsubscribed' };
const SETTINGS: ReadonlyArray<readonly [number, ChatSettings]> = [
  [ALMATY_GROUP.id, { subscribed: true, timeZone: 'Asia/Almaty', reminderTime: '09:00', kind: 'group' }],
  [ALMATY_RU.id, { subscribed: true, timeZone: 'Asia/Almaty', reminderTime: '09:00', kind: 'group', language: 'ru' }],
  [BERLIN.id, { subscribed: true, timeZone: 'Europe/Berlin', reminderTime: '08:30', kind: 'group' }],
  [LEFT.id, { subscribed: false, timeZone: 'Asia/Almaty', reminderTime: '09:00', kind: 'group' }],
];

interface Served extends PlacardProcess { stop(): Promise<number | null> }

/** `placard serve` with the clock starting at `at` (UTC) and running on from there. */
function serveAt(at: string, env: Record<string, string>): Served {
  const served = spawnPlacard({ LD_PRELOAD: LIBFAKETIME!, FAKETIME: `@${at}`, TZ: 'UTC', LOG_LEVEL: 'info', ...env });
  return { ...served, stop: async () => { served.child.kill('SIGTERM'); return served.exited; } };
}

describe.skipIf(faketimeMissing)(`the real bot through 16 December 2026 on a faked clock${faketimeMissing ? ' — skipped: faketime is not installed (apt-get install faketime)' : ''}`, () => {
  let tg: FakeTelegram;
  let dir: string;
  let env: Record<string, string>;
  let served: Served | undefined;

  beforeAll(async () => {
    tg = await startFakeTelegram({ botUsername: 'placardbot' });
    for (const chat of [ALMATY_GROUP, ALMATY_RU, BERLIN, LEFT]) tg.addChat(chat);
    dir = mkdtempSync(join(tmpdir(), 'placard-faketime-'));
    const storeUrl = `sqlite://${join(dir, 'placard.sqlite')}`;
    const store = await openStore(storeUrl);
    try {
      for (const [id, settings] of SETTINGS) await store.set(CHAT_SETTINGS, `telegram:${id}`, settings);
    } finally {
      await store.close();
    }
    env = { STORE_URL: storeUrl, TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, HTTP_PORT: String(await freePort()) };
  });

  afterAll(async () => {
    served?.child.kill('SIGKILL');
    await tg?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The anniversary reminders the fake took for `chatId` so far. */
  const remindersTo = (chatId: number) => tg.sentTo(chatId).filter((m) => /Zhanaozen|Жанаозен/.test(m.plainText) && /\b15\b/.test(m.plainText));

  it('at 04:00 UTC the Almaty chats get the 15th anniversary once, each in its language; Berlin and the unsubscribed chat nothing yet', async () => {
    served = serveAt('2026-12-16 03:59:40', env);
    await until(() => remindersTo(ALMATY_GROUP.id).length > 0 && remindersTo(ALMATY_RU.id).length > 0, 60_000, `the 04:00 reminders:\n${served.output().slice(-3000)}`);
    // A little longer: nothing more comes (a double would follow within the same fan-out).
    await new Promise((r) => setTimeout(r, 5_000));
    expect(remindersTo(ALMATY_GROUP.id)).toHaveLength(1);
    expect(remindersTo(ALMATY_RU.id)).toHaveLength(1);
    expect(remindersTo(ALMATY_GROUP.id)[0]!.plainText).toMatch(/Zhanaozen/);
    expect(remindersTo(ALMATY_RU.id)[0]!.plainText).toMatch(/Жанаозен/);
    expect(tg.sentTo(BERLIN.id)).toHaveLength(0);
    expect(tg.sentTo(LEFT.id)).toHaveLength(0);
    expect(await served.stop()).toBe(0);
    served = undefined;
  }, 120_000);

  it('restarted at 07:29:45 (Almaty still inside the catch-up window): Berlin gets its own at 07:30, the Almaty chats nothing twice', async () => {
    served = serveAt('2026-12-16 07:29:45', env);
    await until(() => remindersTo(BERLIN.id).length > 0, 60_000, `the 07:30 reminder:\n${served.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 5_000));
    expect(remindersTo(BERLIN.id)).toHaveLength(1);
    expect(remindersTo(ALMATY_GROUP.id)).toHaveLength(1);
    expect(remindersTo(ALMATY_RU.id)).toHaveLength(1);
    expect(tg.sentTo(LEFT.id)).toHaveLength(0);
    expect(await served.stop()).toBe(0);
    served = undefined;
  }, 120_000);
});
