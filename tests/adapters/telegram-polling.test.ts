/**
 * Two instances long-polling one token: Telegram ends the older getUpdates
 * with 409 "Conflict: terminated by other getUpdates request". The runner
 * alone stops polling for good on that; the adapter waits it out with
 * backoff, says so once per episode, is not ready meanwhile, and takes over
 * when the other instance stops.
 */
import { Api, GrammyError } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, PRIVATE, startTelegramRig, type TelegramRig } from './telegram-harness.js';

let rig: TelegramRig | undefined;
let otherRunning = false;
afterEach(async () => { otherRunning = false; await rig?.close(); rig = undefined; });

/** Another instance with the same token: polls again at once whenever its poll is ended, until stopped. */
async function otherInstance(r: TelegramRig): Promise<number> {
  const api = new Api(r.tg.token, { apiRoot: r.tg.apiRoot });
  let polls = 0;
  while (otherRunning) {
    polls++;
    try { await api.getUpdates({ timeout: 1 }); } catch (e: unknown) { if (!(e instanceof GrammyError && e.error_code === 409)) throw e; }
  }
  return polls;
}

const conflicts = (r: TelegramRig): number => r.tg.callsOf('getUpdates').filter((c) => c.status === 409).length;

describe('Telegram long polling with a second poller', () => {
  it('retries a 409 with backoff, logs the episode once, is not ready meanwhile, and takes over when the other stops', async () => {
    rig = await startTelegramRig({ backoff: { initialMs: 20, maxMs: 100 } });
    await rig.tg.waitFor(() => rig!.adapter.ready() || undefined);
    otherRunning = true;
    const other = otherInstance(rig);
    await rig.tg.waitFor(() => !rig!.adapter.ready() || undefined);
    expect(rig.adapter.notReadyReason?.()).toContain('409');
    // Several conflicts in the episode (the adapter's retries end the other's polls and are ended in turn)…
    await rig.tg.waitFor(() => conflicts(rig!) >= 6 || undefined, 5000);
    // …and one log line for all of them.
    expect(rig.logs.lines.filter((l) => l.includes('telegram polling conflict'))).toHaveLength(1);
    expect(rig.adapter.ready()).toBe(false);

    otherRunning = false;
    expect(await other).toBeGreaterThan(1);
    const [answer] = await rig.say('/start', PRIVATE, ADMIN);
    expect(answer?.plainText).toContain(rig.services.campaign.meta.title);
    expect(rig.adapter.ready()).toBe(true);
    expect(rig.logs.lines.filter((l) => l.includes('telegram polling resumed'))).toHaveLength(1);
  });

  it('a second episode is logged again', async () => {
    rig = await startTelegramRig({ backoff: { initialMs: 20, maxMs: 100 } });
    await rig.tg.waitFor(() => rig!.adapter.ready() || undefined);
    for (let episode = 1; episode <= 2; episode++) {
      otherRunning = true;
      const other = otherInstance(rig);
      await rig.tg.waitFor(() => !rig!.adapter.ready() || undefined);
      otherRunning = false;
      await other;
      await rig.say('/start', PRIVATE, ADMIN);
      expect(rig.logs.lines.filter((l) => l.includes('telegram polling conflict'))).toHaveLength(episode);
    }
  });
});
