/**
 * `npm start -- doctor` as an operator runs it before an anniversary: the real
 * CLI and Telegram adapter against the fake Bot API, a SQLite store with
 * subscriptions. It names what to fix chat by chat, sends nothing, and exits 1
 * until the rights are fixed, then 0.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram/index.js';
import { runNpm } from '../helpers/cli.js';
import { seedSubscriptions } from '../schedule/harness.js';

let tg: FakeTelegram | undefined;
let dir: string | undefined;
afterEach(async () => {
  await tg?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  tg = undefined;
  dir = undefined;
});

describe('placard doctor', () => {
  it('names each chat the bot may not post in, sends nothing, and passes once the rights are fixed', async () => {
    tg = await startFakeTelegram({ botUsername: 'placardbot' });
    const fine = -100_111; const channel = -100_222; const muted = -100_333;
    tg.addChat({ id: fine, type: 'supergroup', title: 'Fine' });
    tg.addChat({ id: channel, type: 'channel', title: 'News' });
    tg.addChat({ id: muted, type: 'supergroup', title: 'Muted' });
    tg.setMemberStatus(channel, tg.botInfo.id, 'member'); // in the channel, but not an administrator
    tg.setChatPermissions(muted, { can_send_messages: false });
    dir = await mkdtemp(join(tmpdir(), 'placard-doctor-'));
    const storeUrl = `sqlite://${join(dir, 'placard.sqlite')}`;
    const store = await openStore(storeUrl);
    await seedSubscriptions(store, 'telegram', [fine, muted]);
    await seedSubscriptions(store, 'telegram', [channel], { kind: 'channel' });
    await store.close();
    const env = { STORE_URL: storeUrl, TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, LOG_LEVEL: 'silent' };

    const broken = await runNpm(['start', '--', 'doctor'], '', env);
    expect(broken.code).toBe(1);
    const lines = broken.stdout.split('\n');
    expect(lines).toContain('ok   store answers: sqlite store');
    expect(lines.some((l) => l.startsWith('ok   telegram token:'))).toBe(true);
    expect(lines.some((l) => l.startsWith(`FIX  telegram chat ${channel} can post:`) && l.includes('Post Messages'))).toBe(true);
    expect(lines.some((l) => l.startsWith(`FIX  telegram chat ${muted} can post:`) && l.includes('Send Messages'))).toBe(true);
    expect(lines.some((l) => l.includes(`chat ${fine} `))).toBe(false);
    expect(lines).toContain('3 subscribed chat(s), 3 checked; 2 problem(s) found');
    expect(tg.callsOf('sendMessage')).toHaveLength(0);

    tg.setMemberStatus(channel, tg.botInfo.id, 'administrator');
    tg.setChatPermissions(muted, { can_send_messages: true });
    const fixed = await runNpm(['start', '--', 'doctor'], '', env);
    expect(fixed.stdout).toContain('3 subscribed chat(s), 3 checked; nothing to fix');
    expect(fixed.code).toBe(0);
    expect(tg.callsOf('sendMessage')).toHaveLength(0);
  }, 60_000);
});
