/**
 * Reminders through Matrix end to end, on the fake homeserver: rooms
 * subscribe with /subscribe (admins only in a group), the scheduler posts on
 * the anniversary at each room's own hour, and a fan-out interrupted midway —
 * the adapter and the scheduler stopped while some posts hang after the
 * homeserver took them, then both started afresh on the same store —
 * delivers every reminder exactly once: the ledger holds what was marked,
 * and the transaction ids make the retried posts the same messages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter.js';
import { createLogger } from '../../src/log.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { MatrixFaults } from '../fakes/matrix/index.js';
import { ANA, MIA, OLA, startMatrixRig, type MatrixRig } from '../fakes/matrix/rig.js';
import { seedSubscriptions } from '../schedule/harness.js';

let rig: MatrixRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const scheduler = (r: MatrixRig, adapter: Adapter, iso: string): Scheduler => new Scheduler({
  campaign: r.services.campaign, store: r.services.store, adapters: new Map([['matrix', adapter]]), catchUpHours: 6,
  log: createLogger({ level: 'silent' }), clock: () => new Date(iso), sleep: async () => undefined, sendTimeoutMs: 5_000,
});
const reminders = (r: MatrixRig, room: string): number => r.hs.sentTo(room).filter((n) => n.txnId?.startsWith('placard.r.')).length;

describe('Matrix reminders end to end', () => {
  it('posts the 15th anniversary of Zhanaozen once, at each room’s own local hour; only admins subscribe a group', async () => {
    rig = await startMatrixRig();
    expect((await rig.say('/subscribe', rig.groupRoom, MIA))[0]?.text).toBe('Only admins of this chat can use /subscribe.');
    expect((await rig.say('/subscribe 08:30 europe/berlin', rig.groupRoom, OLA))[0]?.text).toContain('Europe/Berlin');
    await rig.say('/subscribe', rig.privateRoom, ANA); // the campaign's default: 09:00 Asia/Almaty
    // 04:00 UTC = 09:00 in Almaty: the private room is due, Berlin (05:00 local) is not yet.
    expect(await scheduler(rig, rig.adapter, '2026-12-16T04:00:00Z').tick()).toMatchObject({ sent: 1 });
    expect(reminders(rig, rig.privateRoom)).toBe(1);
    expect(reminders(rig, rig.groupRoom)).toBe(0);
    // 07:30 UTC = 08:30 in Berlin: the group is due; the private room is not posted again.
    expect(await scheduler(rig, rig.adapter, '2026-12-16T07:30:00Z').tick()).toMatchObject({ sent: 1 });
    expect(await scheduler(rig, rig.adapter, '2026-12-16T07:31:00Z').tick()).toMatchObject({ sent: 0 });
    expect(reminders(rig, rig.groupRoom)).toBe(1);
    expect(reminders(rig, rig.privateRoom)).toBe(1);
    const [posted] = rig.hs.sentTo(rig.groupRoom).filter((n) => n.txnId?.startsWith('placard.r.'));
    expect(posted!.text).toMatch(/Zhanaozen/);
    expect(posted!.content).toMatchObject({ msgtype: 'm.notice', format: 'org.matrix.custom.html' });
  });

  it('a fan-out stopped midway, with posts hanging after the homeserver took them, finishes after a restart: every room once', async () => {
    rig = await startMatrixRig({ limits: { global: { count: 200, perMs: 1000 }, perChat: { count: 1, perMs: 1000 } } });
    const { hs } = rig;
    const rooms = Array.from({ length: 60 }, (_, i) => hs.roomWithBot({ creator: OLA, name: `Union ${i}` }));
    for (const room of rooms) await seedSubscriptions(rig.services.store, 'matrix', [room]);
    const due = '2026-12-16T04:00:30Z';
    const first = scheduler(rig, rig.adapter, due);
    // After 20 posts, the next 6 hang once the homeserver has taken them; then both are stopped, as a crash would leave it.
    let hung = false;
    const off = hs.onChange(() => {
      if (hung || hs.callsOf('send').filter((c) => c.status === 200).length < 20) return;
      hung = true;
      hs.failNext('send', { times: 6 }, MatrixFaults.hangAfterProcessing());
    });
    const running = first.tick();
    await hs.waitFor(() => hs.callsOf('send').filter((c) => c.status === 'hang').length >= 6 || undefined, 20_000, 'six hung posts');
    off();
    await Promise.all([first.stop(), rig.adapter.stop()]);
    await running;
    const before = rooms.filter((r) => reminders(rig!, r) > 0).length;
    expect(before).toBeGreaterThanOrEqual(26);
    expect(before).toBeLessThan(rooms.length);

    const adapter = await rig.restart();
    const second = scheduler(rig, adapter, due);
    for (let i = 0; i < 5 && rooms.some((r) => reminders(rig!, r) === 0); i++) await second.tick();
    await second.stop();
    const counts = rooms.map((r) => reminders(rig!, r));
    expect(counts.filter((n) => n === 0)).toHaveLength(0);
    expect(counts.filter((n) => n > 1)).toHaveLength(0);
    // The hung posts were tried again with the same transaction ids: the homeserver answered them as the same events.
    const hungTxns = new Set(hs.callsOf('send').filter((c) => c.status === 'hang').map((c) => c.txnId));
    expect(hungTxns.size).toBe(6);
    const retried = hs.callsOf('send').filter((c) => c.status === 200 && hungTxns.has(c.txnId));
    expect(retried.length).toBeGreaterThan(0);
  }, 60_000);
});
