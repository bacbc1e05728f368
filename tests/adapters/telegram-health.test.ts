/**
 * Bounded requests and truthful readiness of the Telegram adapter, against
 * the loopback fake: a hung request comes back within its timeout, idle long
 * polls do not time out, repeated failures make the adapter not ready (with a
 * reason) and a success makes it ready again, a rejected token is retried,
 * and a burst of one failure is one log line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { paragraph } from '../../src/rich/build.js';
import { Faults } from '../fakes/telegram/index.js';
import { ADMIN, GROUP, PRIVATE, startTelegramRig, type TelegramRig } from './telegram-harness.js';

let rig: TelegramRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const msg = { title: 'Reminder', blocks: [paragraph('15 years ago today')] };
const group = (id: number) => ({ platform: 'telegram' as const, chatId: String(id), kind: 'group' as const });
const count = (text: string, line: string): number => text.split('\n').filter((l) => l.includes(line)).length;

describe('Telegram requests are bounded', () => {
  it('a hung sendMessage comes back failed and ambiguous within the send timeout; other chats go on', async () => {
    rig = await startTelegramRig({ timeouts: { send: 0.3 } });
    rig.tg.failNext('sendMessage', { chatId: -601 }, Faults.hang());
    const t0 = Date.now();
    const result = await rig.adapter.send(group(-601), msg);
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(result).toEqual({ kind: 'failed', transient: true, ambiguous: true, reason: 'request timed out' });
    expect(await rig.adapter.send(group(-602), msg)).toEqual({ kind: 'sent' });
  });

  it('a hung reply times out and does not hold the chat; idle long polls shorter than the timeout keep working', async () => {
    rig = await startTelegramRig({ timeouts: { api: 2, poll: 1 } });
    // Three idle long polls: each answers [] after 1 s, under the 2 s request timeout.
    await rig.tg.waitForCall('getUpdates', 3, 5000);
    expect(rig.logs.text).not.toContain('telegram request failed');
    expect(rig.adapter.ready()).toBe(true);
    rig.tg.failNext('sendMessage', { chatId: PRIVATE.id }, Faults.hang());
    rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/start' });
    const [answer] = await rig.say('/about');
    expect(answer?.plainText).not.toBe('');
    expect(rig.logs.text).toMatch(/"cause":"timeout".*telegram request failed/);
  }, 15_000);
});

describe('Telegram readiness', () => {
  it('is not ready after three failed calls in a row, says why, and is ready again after a success', async () => {
    rig = await startTelegramRig({ pollRetryMs: 20 });
    await rig.tg.waitFor(() => rig!.adapter.ready() || undefined);
    expect(rig.adapter.notReadyReason?.()).toBeUndefined();
    rig.tg.failNext('getUpdates', { times: 1000 }, Faults.internal());
    rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/start' }); // ends the pending long poll; the next ones fail
    await rig.tg.waitFor(() => !rig!.adapter.ready() || undefined);
    expect(rig.tg.callsOf('getUpdates').filter((c) => c.status === 500).length).toBeGreaterThanOrEqual(3);
    expect(rig.adapter.notReadyReason?.()).toMatch(/^the last \d+ Bot API calls failed \(500\)$/);
    rig.tg.clearFaults();
    // An update waiting makes the next poll answer at once (an idle one answers only after its long-poll timeout).
    rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/about' });
    await rig.tg.waitFor(() => rig!.adapter.ready() || undefined);
    expect(rig.adapter.notReadyReason?.()).toBeUndefined();
    await rig.tg.waitForMessages(2, { chatId: PRIVATE.id });
  });

  it("a chat's own errors (kicked, no rights) do not make it unready", async () => {
    rig = await startTelegramRig();
    await rig.tg.waitFor(() => rig!.adapter.ready() || undefined);
    rig.tg.failNext('sendMessage', { times: 4 }, Faults.kicked());
    for (let i = 0; i < 4; i++) expect((await rig.adapter.send(group(-700 - i), msg)).kind).toBe('gone');
    expect(rig.adapter.ready()).toBe(true);
  });

  it('goes unready while the API root refuses connections, logs the burst as one line, and recovers', async () => {
    rig = await startTelegramRig({ pollRetryMs: 20 });
    await rig.tg.waitFor(() => rig!.adapter.ready() || undefined);
    await rig.tg.setDown(true);
    await rig.tg.waitFor(() => !rig!.adapter.ready() || undefined);
    expect(rig.adapter.notReadyReason?.()).toContain('ECONNREFUSED');
    // Let polling fail many more times: still one line (the repeats are summed when the interval ends).
    await new Promise((r) => setTimeout(r, 300));
    const refused = rig.logs.lines.filter((l) => l.includes('telegram request failed') && l.includes('ECONNREFUSED'));
    expect(refused).toHaveLength(1);
    expect(rig.tg.stats.requests).toBeGreaterThan(0);
    await rig.tg.setDown(false);
    // The first poll that answers makes it ready; with an update waiting, it answers at once.
    expect((await rig.say('/start', GROUP, ADMIN)).length).toBe(1);
    expect(rig.adapter.ready()).toBe(true);
  });

  it('a token rejected at start-up is retried, not given up; not ready meanwhile, said once', async () => {
    rig = await startTelegramRig({ backoff: { initialMs: 20, maxMs: 50 }, botInfo: undefined, ...rejectFirst(6) });
    await rig.tg.waitFor(() => rig!.logs.text.includes('rejected the bot token') || undefined);
    expect(rig.adapter.ready()).toBe(false);
    expect(rig.adapter.notReadyReason?.()).toContain('rejected the bot token (401)');
    await rig.tg.waitFor(() => rig!.adapter.ready() || undefined, 5000);
    expect(count(rig.logs.text, 'rejected the bot token')).toBe(1);
    expect(rig.tg.callsOf('getMe').length).toBeGreaterThanOrEqual(6);
    expect((await rig.say('/start')).length).toBe(1);
  });

  it('a 401 while polling: not ready with the token as the reason, polling resumes when it is accepted again', async () => {
    rig = await startTelegramRig({ backoff: { initialMs: 20, maxMs: 50 } });
    await rig.tg.waitFor(() => rig!.adapter.ready() || undefined);
    rig.tg.failNext('getUpdates', { times: 1000 }, Faults.error(401, 'Unauthorized'));
    rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/start' });
    await rig.tg.waitFor(() => !rig!.adapter.ready() || undefined);
    expect(rig.adapter.notReadyReason?.()).toContain('token');
    rig.tg.clearFaults();
    await rig.tg.waitFor(() => rig!.adapter.ready() || undefined);
    await rig.tg.waitForMessages(1, { chatId: PRIVATE.id });
    expect(count(rig.logs.text, 'telegram rejected the bot token while polling')).toBe(1);
  });
});

/** Makes the rig's fake answer 401 to the first `n` getMe calls (a proxy answering 401 until it is fixed). */
function rejectFirst(n: number): { onFake: (tg: TelegramRig['tg']) => void } {
  return { onFake: (tg) => tg.failNext('getMe', { times: n }, Faults.error(401, 'Unauthorized')) };
}
