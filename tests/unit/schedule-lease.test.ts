/**
 * One send budget per bot, at the unit level: several schedulers in one
 * process on one memory store, then on one SQLite file (a connection each),
 * against a platform enforcing a limit (the scenarios: tests/faults/lease-scenarios.ts);
 * and a flood wait shared through the store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOOD } from '../../src/schedule/gates.js';
import { openStore } from '../../src/store/open.js';
import { leaseScenarios } from '../faults/lease-scenarios.js';
import { until } from '../helpers/wait.js';
import { rigScheduler, schedulerRig, ScriptedAdapter } from '../schedule/harness.js';

leaseScenarios({
  name: 'a memory store',
  unavailable: undefined,
  async prepare() {
    const store = await openStore('memory://');
    return { open: async () => store, dispose: async () => undefined };
  },
});

leaseScenarios({
  name: 'a SQLite file',
  unavailable: undefined,
  async prepare() {
    const dir = await mkdtemp(join(tmpdir(), 'placard-lease-'));
    const url = `sqlite://${join(dir, 'store.sqlite')}`;
    return { open: () => openStore(url), dispose: () => rm(dir, { recursive: true, force: true }) };
  },
});

describe('flood waits are shared by every instance', () => {
  it('a whole-bot flood wait seen by one driver holds the next one too, until it ends', async () => {
    const rig = await schedulerRig(['-1001', '-1002', '-1003']);
    const second = new ScriptedAdapter();
    for (const id of ['-1001', '-1002', '-1003']) rig.adapter.script(id, { kind: 'retryAfter', ms: 10 * 60_000, scope: 'bot' });
    const a = rigScheduler(rig, { instanceId: 'instance-a', concurrency: 1 });
    const b = rigScheduler(rig, { instanceId: 'instance-b' }, new Map([['telegram', second]]));
    expect(await a.tick()).toMatchObject({ sent: 0, deferred: 1 });
    expect(rig.adapter.attempts).toHaveLength(1);
    expect(await rig.store.get(FLOOD, 'telegram')).toMatchObject({ until: rig.clock.ms + 10 * 60_000 });
    await a.stop(); // hands the lease back: the other instance drives now
    rig.clock.ms += 60_000;
    expect(await b.tick()).toMatchObject({ sent: 0, standby: 0 }); // it drives, but waits
    expect(second.attempts).toHaveLength(0); // it read the wait with the lease, and waited
    rig.clock.ms += 10 * 60_000;
    expect(await b.tick()).toMatchObject({ sent: 3 });
    await b.stop();
  });

  it('a flood wait an instance hears while answering (not sending reminders) holds the driver too', async () => {
    const rig = await schedulerRig(['-1001', '-1002', '-1003']);
    const answering = rigScheduler(rig, { instanceId: 'instance-answering' }, new Map([['telegram', new ScriptedAdapter()]]));
    const driver = rigScheduler(rig, { instanceId: 'instance-driving' });
    answering.floodWaitHeard('telegram', 5 * 60_000);
    expect(answering.gates.closedAt('telegram', rig.clock.ms)).toMatchObject({ reason: 'flood', until: rig.clock.ms + 5 * 60_000 });
    await until(async () => (await rig.store.get(FLOOD, 'telegram')) !== undefined);
    expect(await rig.store.get(FLOOD, 'telegram')).toEqual({ until: rig.clock.ms + 5 * 60_000 });
    expect(await driver.tick()).toMatchObject({ sent: 0 }); // it took the lease, read the wait, and waits
    expect(rig.adapter.attempts).toHaveLength(0);
    rig.clock.ms += 5 * 60_000;
    expect(await driver.tick()).toMatchObject({ sent: 3 });
    answering.floodWaitHeard('telegram', 0); // nothing to share
    await Promise.all([answering.stop(), driver.stop()]);
  });
});
