/**
 * Fault row: `/subscribe channel:` naming a channel the reminders must not go
 * to — any channel, from a DM (no server to belong to), or a channel of
 * another server (whose admins agreed to nothing). Both are refused before
 * the command runs and nothing is stored; a channel of this server is taken,
 * and on the anniversary the reminder goes there only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ELSEWHERE, CHANNEL_IN_DM } from '../../adapters/discord/index.js';
import type { ChatSettings } from '../../src/store/chat-settings.js';
import { CHAT_SETTINGS } from '../../src/store/chat-settings.js';
import type { Store } from '../../src/store/store.js';
import { ADMIN_PERMISSIONS } from '../fakes/discord/index.js';
import { G, GENERAL, startDiscordFaultRig, type DiscordFaultRig } from './discord-rig.js';
import { record } from './row.js';

const G2 = '250000000000000001';
const ELSEWHERE = '250000000000000002';

let rig: DiscordFaultRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

/** Every chat's settings in the store, by key. */
async function chats(store: Store): Promise<Map<string, ChatSettings>> {
  const found = new Map<string, ChatSettings>();
  for await (const [key, value] of store.entries<ChatSettings>(CHAT_SETTINGS)) found.set(key, value);
  return found;
}

describe('fault: /subscribe channel: from a DM or naming another server', () => {
  it('is refused, nothing is stored, and the reminder goes only to a channel of this server', async () => {
    const r = (rig = await startDiscordFaultRig({ chats: 1, seed: false, otherGuilds: [{ id: G2, name: 'Elsewhere', channels: [{ id: ELSEWHERE, name: 'general' }] }] }));
    const target = r.ids[0]!;
    const store = r.services.store;
    const before = await chats(store);
    const subscribe = (guildId: string | undefined, channel: string) => r.dc.slashCommand({
      ...(guildId === undefined ? {} : { guildId, channelId: GENERAL }), name: 'subscribe', memberPermissions: ADMIN_PERMISSIONS,
      options: [{ name: 'channel', type: 7, value: channel }],
    });
    const t0 = Date.now();
    const dmHandle = subscribe(undefined, target);
    const fromDm = await dmHandle.waitForResponse();
    const afterDm = await chats(store);
    const elsewhere = await subscribe(G, ELSEWHERE).waitForResponse();
    const afterElsewhere = await chats(store);
    const refusedMs = Date.now() - t0;
    // The control: a channel of this server, from this server.
    const here = await subscribe(G, target).waitForResponse();
    const afterHere = await chats(store);

    // On the anniversary: the reminder goes to the chosen channel, never to the DM or the other server.
    r.clock.start();
    const tick = await r.scheduler.tick();
    const dmChannel = String(dmHandle.payload.channel_id);
    const posted = { target: r.posts(target), general: r.posts(GENERAL), elsewhere: r.posts(ELSEWHERE), dm: r.posts(dmChannel) };
    const stored = afterHere.get(`discord:${GENERAL}`);
    // The row's chat is the one valid subscription: lost when its reminder did not come, doubled by any extra or misdirected post.
    const misdirected = posted.general + posted.elsewhere + posted.dm;
    const row = await record('discord: /subscribe channel: from a DM or of another server', {
      chats: 1, lost: posted.target === 0 ? 1 : 0, doubled: Math.max(0, posted.target - 1) + misdirected, doubledChats: [],
      seconds: Math.round(refusedMs / 100) / 10, late: 0, ticks: [1], timedOut: false,
    }, [r.scheduler.counters], stored?.targetId === target, {
      refusedFromDm: fromDm.ephemeral && JSON.stringify(fromDm.body).includes(CHANNEL_IN_DM.slice(0, 40)),
      refusedElsewhere: elsewhere.ephemeral && JSON.stringify(elsewhere.body).includes(CHANNEL_ELSEWHERE),
      storedAfterRefusals: afterElsewhere.size - before.size, storedAfterValid: afterHere.size - before.size,
      postsTarget: posted.target, postsElsewhere: posted.elsewhere, postsDm: posted.dm, tickSent: tick?.sent ?? -1,
      measured: 'seconds = both refusals answered; recovered = a channel of this server still taken',
    });

    expect(fromDm.ephemeral).toBe(true);
    expect(JSON.stringify(fromDm.body)).toContain(CHANNEL_IN_DM.slice(0, 40));
    expect(elsewhere.ephemeral).toBe(true);
    expect(JSON.stringify(elsewhere.body)).toContain(CHANNEL_ELSEWHERE);
    expect([...afterDm.keys()]).toEqual([...before.keys()]);
    expect([...afterElsewhere.keys()]).toEqual([...before.keys()]);
    expect(here.ephemeral).toBe(false);
    expect(stored).toMatchObject({ subscribed: true, targetId: target });
    expect(row.recovered).toBe(true);
    // #general's subscription posts into `target`: one reminder there, none elsewhere.
    expect(posted).toEqual({ target: 1, general: 0, elsewhere: 0, dm: 0 });
  });
});
