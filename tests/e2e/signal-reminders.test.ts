/**
 * Reminders through Signal end to end, on a SQLite file: a group's admin
 * and a person subscribe by command, the scheduler posts the anniversary
 * reminder through the daemon fake exactly once, and a restart (a new
 * adapter, the store reopened from its file) neither repeats it nor, when
 * the bot was down at the due time, loses it. A group the bot was removed
 * from and a person who left Signal end their subscriptions.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignalAdapter } from '../../adapters/signal/adapter.js';
import { commands } from '../../src/commands/index.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import { sharedTranslator } from '../../src/i18n/translator.js';
import { createLogger } from '../../src/log.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { readChatSettings } from '../../src/store/chat-settings.js';
import { openStore } from '../../src/store/open.js';
import { ANA, MIA, OLA } from '../adapters/signal-harness.js';
import { startFakeSignal, type FakeSignal } from '../fakes/signal/index.js';
import { shippedCampaign } from '../helpers/core.js';

let dir = '';
let sig: FakeSignal;
const running: { stop(): Promise<void> }[] = [];
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'placard-signal-')); sig = await startFakeSignal(); });
afterEach(async () => { for (const r of running.splice(0)) await r.stop(); await sig.close(); await rm(dir, { recursive: true, force: true }); });

/** One "process": the store opened from the file, an adapter, a dispatcher; stop() closes them. */
async function boot(): Promise<{ services: Services; adapter: SignalAdapter; tick(iso: string): Promise<number>; stop(): Promise<void> }> {
  const store = await openStore(`sqlite://${join(dir, 'placard.sqlite')}`);
  const services: Services = { campaign: await shippedCampaign(), store, commands, translator: sharedTranslator() };
  const log = createLogger({ level: 'silent' });
  const adapter = new SignalAdapter({ url: sig.url, account: sig.account, services, log, backoff: { initialMs: 50, maxMs: 200 } });
  await adapter.start((inv) => new Dispatcher(services, log).dispatch(inv));
  await sig.waitFor(() => adapter.ready() || undefined, 5000, 'ready');
  let stopped = false;
  const proc = {
    services, adapter,
    async tick(iso: string): Promise<number> {
      const before = sig.sent.length;
      await new Scheduler({
        campaign: services.campaign, store, adapters: new Map([['signal', adapter]]), catchUpHours: 6, log,
        clock: () => new Date(iso), sleep: async () => undefined,
      }).tick();
      return sig.sent.length - before;
    },
    async stop(): Promise<void> { if (stopped) return; stopped = true; await adapter.stop(); await store.close(); },
  };
  running.push(proc);
  return proc;
}

/** Says a command and waits for its answer. */
async function command(from: typeof ANA, text: string, group?: string): Promise<string> {
  const chat = group ?? from.uuid!;
  const before = sig.sentTo(chat).length;
  sig.say(from, text, group === undefined ? {} : { group });
  const sent = await sig.waitForSent(before + 1, { chatId: chat });
  return sent.at(-1)!.text;
}

const reminders = (chatId: string): number => sig.sentTo(chatId).filter((m) => /Zhanaozen/.test(m.text.split('\n')[0] ?? '')).length;

describe('signal reminders, end to end', () => {
  it('go out once to a subscribed group and person, and not again after a restart', async () => {
    const group = sig.addGroup({ name: 'Solidarity', members: [{ person: ANA, admin: true }, { person: MIA }] });
    const first = await boot();
    expect(await command(MIA, '/subscribe', group)).toMatch(/admins/i);
    expect(await command(ANA, '/subscribe', group)).toMatch(/Subscribed/);
    expect(await command(OLA, '/subscribe')).toMatch(/Subscribed/);
    // 09:00 in Asia/Almaty on the 15th anniversary of the Zhanaozen massacre.
    expect(await first.tick('2026-12-16T04:00:30Z')).toBe(2);
    expect([reminders(group), reminders(OLA.uuid!)]).toEqual([1, 1]);
    const post = sig.sentTo(group).at(-1)!;
    expect(post.styles[0]).toMatchObject({ start: 0, style: 'BOLD' });
    expect(post.text).toMatch(/\n→ .+: \/\S+/);
    await first.stop();

    const second = await boot();
    expect(await second.tick('2026-12-16T04:01:00Z')).toBe(0);
    expect(await second.tick('2026-12-16T07:00:00Z')).toBe(0);
    expect([reminders(group), reminders(OLA.uuid!)]).toEqual([1, 1]);
    expect(sig.violations).toEqual([]);
  });

  it('a reminder due while the bot was down goes out once after the restart, within the catch-up window', async () => {
    const group = sig.addGroup({ name: 'Solidarity', members: [{ person: ANA, admin: true }] });
    const first = await boot();
    await command(ANA, '/subscribe', group);
    await first.stop();
    const second = await boot();
    expect(await second.tick('2026-12-16T07:00:00Z')).toBe(1);
    expect(await second.tick('2026-12-16T07:01:00Z')).toBe(0);
    await second.stop();
    const third = await boot();
    expect(await third.tick('2026-12-16T08:00:00Z')).toBe(0);
    expect(reminders(group)).toBe(1);
  });

  it('ends the subscription of a group the bot was removed from and of a person who left Signal', async () => {
    const kept = sig.addGroup({ name: 'Kept', members: [{ person: ANA, admin: true }] });
    const left = sig.addGroup({ name: 'Left', members: [{ person: ANA, admin: true }] });
    const proc = await boot();
    await command(ANA, '/subscribe', kept);
    await command(ANA, '/subscribe', left);
    await command(OLA, '/subscribe');
    sig.group(left).botIsMember = false;
    sig.unregister(OLA);
    expect(await proc.tick('2026-12-16T04:00:30Z')).toBe(1);
    const settings = (chatId: string): Promise<unknown> => readChatSettings(proc.services.store, { platform: 'signal', chatId });
    expect(await settings(kept)).toMatchObject({ subscribed: true });
    expect(await settings(left)).toBeUndefined();
    expect(await settings(OLA.uuid!)).toBeUndefined();
  });
});
