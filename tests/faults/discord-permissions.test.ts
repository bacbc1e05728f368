/**
 * Fault row: Discord answers a reminder with 403 50013 Missing Permissions
 * (a server that invited the bot without Embed Links) or 50001 Missing
 * Access (a channel closed to it). The subscriptions must be kept and
 * flagged, tried again after `forbiddenRetryMs`, and delivered once an admin
 * grants the permission; the other channels go out on time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readChatSettings, type ChatSettings } from '../../src/store/chat-settings.js';
import { until } from '../helpers/wait.js';
import { startDiscordFaultRig, runDiscordFanOut, type DiscordFaultRig } from './discord-rig.js';
import { expectTargets, record } from './row.js';

let rig: DiscordFaultRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const settingsOf = (r: DiscordFaultRig, ids: readonly string[]): Promise<(ChatSettings | undefined)[]> =>
  Promise.all(ids.map((chatId) => readChatSettings(r.services.store, { platform: 'discord', chatId })));

describe('fault: discord missing permissions', () => {
  it('50013 and 50001 keep and flag the subscription, retry after forbiddenRetryMs, and deliver once granted', async () => {
    const FORBIDDEN_RETRY_MS = 1_500;
    const r = (rig = await startDiscordFaultRig({ chats: 12, proxy: true, scheduler: { forbiddenRetryMs: FORBIDDEN_RETRY_MS } }));
    const proxy = r.proxy!;
    const noEmbeds = r.ids.slice(0, 4);
    const closed = r.ids.slice(4, 8);
    const denied = [...noEmbeds, ...closed];
    const healthy = r.ids.slice(8);
    for (const id of noEmbeds) proxy.deny(id, 50013);
    for (const id of closed) proxy.deny(id, 50001);

    let flagged: (ChatSettings | undefined)[] = [];
    let refusedBeforeGrant = 0;
    let grantedAt = 0;
    const m = await runDiscordFanOut(r, async () => {
      // The first tick is refused for the denied channels; wait until the store shows it.
      // (Not thrown on: a case that fails should still record its row.)
      await until(async () => (await settingsOf(r, denied)).every((s) => s?.postingProblem !== undefined), 3_000, 'refused channels flagged').catch(() => undefined);
      flagged = await settingsOf(r, denied);
      // A few more ticks while still denied: the refused reminders wait for forbiddenRetryMs, not for every tick.
      await new Promise((resolve) => setTimeout(resolve, 500));
      refusedBeforeGrant = proxy.answered.denied;
      for (const id of denied) proxy.grant(id);
      grantedAt = r.clock.elapsed();
    }, { healthy, deadlineMs: 10_000 });

    const after = await settingsOf(r, denied);
    const deliveredAfterGrant = denied.filter((id) => r.posts(id) === 1).length;
    const refusedLines = r.lines.filter((l) => String(l.msg).startsWith('reminder refused')).length;
    const row = await record('discord: 50013 Missing Permissions / 50001 Missing Access, granted later', m, [r.scheduler.counters], deliveredAfterGrant, {
      denied50013: noEmbeds.length, denied50001: closed.length, healthy: healthy.length,
      keptAndFlagged: flagged.filter((s) => s?.subscribed === true && s.postingProblem !== undefined).length,
      refusedPosts: proxy.answered.denied, refusedBeforeGrant, grantedAtS: Math.round(grantedAt / 100) / 10,
      forbiddenRetryMs: FORBIDDEN_RETRY_MS, healthyWorstS: m.healthySeconds,
      flagsClearedAfterPost: after.filter((s) => s?.subscribed === true && s.postingProblem === undefined).length,
      refusedLogLines: refusedLines, forbiddenCount: r.scheduler.counters.forbidden,
    });

    expectTargets(row, m);
    expect(m.healthySeconds).toBeLessThanOrEqual(5);
    for (const [i, s] of flagged.entries()) {
      expect(s, denied[i]).toMatchObject({ subscribed: true, postingProblem: { reason: expect.stringMatching(i < 4 ? /50013/ : /50001/) } });
    }
    // One refusal per channel: the retry came after forbiddenRetryMs, by when the permission was granted.
    expect(refusedBeforeGrant).toBe(denied.length);
    expect(proxy.answered.denied).toBe(denied.length);
    expect(deliveredAfterGrant).toBe(denied.length);
    // Delivered after the grant, and not before forbiddenRetryMs had passed.
    for (const id of denied) {
      const at = r.clock.elapsedAt(r.dc.channelMessages(id).find((msg) => msg.source === 'channel')!.createdAt);
      expect(at).toBeGreaterThanOrEqual(Math.max(grantedAt, FORBIDDEN_RETRY_MS) - 50);
    }
    // The flag goes once a reminder went out again.
    expect(after.every((s) => s?.subscribed === true && s.postingProblem === undefined)).toBe(true);
    expect(refusedLines).toBeGreaterThanOrEqual(1);
    expect(refusedLines).toBeLessThanOrEqual(2);
  });
});
