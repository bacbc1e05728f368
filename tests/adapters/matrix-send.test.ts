/**
 * Matrix sends and what their failures mean for the reminder ledger: each
 * homeserver answer mapped to a SendResult, transaction ids that make a
 * retried post one message, encrypted rooms refused, answers that wait out a
 * short rate limit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MatrixAdapter } from '../../adapters/matrix/adapter.js';
import { createLogger } from '../../src/log.js';
import { message, paragraph, text } from '../../src/rich/build.js';
import type { ChatRef } from '../../src/chat.js';
import { MatrixFaults } from '../fakes/matrix/index.js';
import { ANA, OLA, startMatrixRig, type MatrixRig } from '../fakes/matrix/rig.js';
import { testServices } from '../helpers/core.js';
import { freePort } from '../helpers/wait.js';

let rig: MatrixRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const REMINDER = message('15 years ago today: Striking oil workers killed in Zhanaozen', [paragraph(text('Police opened fire.'))]);
const group = (r: MatrixRig): ChatRef => ({ platform: 'matrix', chatId: r.groupRoom, kind: 'group' });

describe('Matrix reminders: send results', () => {
  it('posts a notice with its actions as commands to type', async () => {
    rig = await startMatrixRig();
    expect(await rig.adapter.send(group(rig), REMINDER, [{ label: 'The demands', command: 'demands', args: '' }])).toEqual({ kind: 'sent' });
    const [n] = rig.hs.sentTo(rig.groupRoom);
    expect(n!.content).toMatchObject({ msgtype: 'm.notice', format: 'org.matrix.custom.html' });
    expect(n!.content['body']).toMatch(/Zhanaozen[\s\S]*→ The demands: \/demands$/);
    expect(n!.txnId).toMatch(/^placard\.r\.[0-9a-f]{32}$/);
  });

  it('429 M_LIMIT_EXCEEDED: the wait from retry_after_ms or from Retry-After, for the whole bot', async () => {
    rig = await startMatrixRig();
    rig.hs.failNext('send', {}, MatrixFaults.rateLimited(2500, 'body'));
    expect(await rig.adapter.send(group(rig), REMINDER)).toEqual({ kind: 'retryAfter', ms: 2500, scope: 'bot' });
    rig.hs.failNext('send', {}, MatrixFaults.rateLimited(4000, 'header'));
    expect(await rig.adapter.send(group(rig), REMINDER)).toEqual({ kind: 'retryAfter', ms: 4000, scope: 'bot' });
    expect(rig.hs.sentTo(rig.groupRoom)).toHaveLength(0);
  });

  it('401 pauses; 5xx (JSON or a proxy’s HTML) is transient; a refused connection pauses', async () => {
    rig = await startMatrixRig();
    rig.hs.failNext('send', {}, MatrixFaults.unknownToken());
    expect(await rig.adapter.send(group(rig), REMINDER)).toMatchObject({ kind: 'paused', reason: expect.stringMatching(/access token/) });
    rig.hs.failNext('send', {}, MatrixFaults.internal());
    expect(await rig.adapter.send(group(rig), REMINDER)).toMatchObject({ kind: 'failed', transient: true });
    rig.hs.failNext('send', {}, MatrixFaults.badGateway(true));
    expect(await rig.adapter.send(group(rig), REMINDER)).toMatchObject({ kind: 'failed', transient: true });
    const nowhere = new MatrixAdapter({ homeserverUrl: `http://127.0.0.1:${await freePort()}`, accessToken: 'syt_x_0123456789', services: await testServices(), log: createLogger({ level: 'silent' }) });
    expect(await nowhere.send(group(rig), REMINDER)).toMatchObject({ kind: 'paused', reason: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('403: gone when the bot was kicked or banned, forbidden when its power level is too low', async () => {
    rig = await startMatrixRig();
    const { hs } = rig;
    hs.setPowerLevels(rig.groupRoom, { events_default: 50 });
    expect(await rig.adapter.send(group(rig), REMINDER)).toMatchObject({ kind: 'forbidden', reason: expect.stringMatching(/power level/) });
    hs.remove(rig.privateRoom, hs.botUserId, 'ban', ANA);
    expect(await rig.adapter.send({ platform: 'matrix', chatId: rig.privateRoom, kind: 'private' }, REMINDER)).toMatchObject({ kind: 'gone' });
    const never = hs.createRoom({ creator: OLA });
    expect(await rig.adapter.send({ platform: 'matrix', chatId: never, kind: 'group' }, REMINDER)).toMatchObject({ kind: 'gone' });
  });

  it('a post that hangs after the homeserver took it is ambiguous, and its retry is the same message (transaction id)', async () => {
    rig = await startMatrixRig();
    rig.hs.failNext('send', {}, MatrixFaults.hangAfterProcessing());
    const t0 = Date.now();
    expect(await rig.adapter.send(group(rig), REMINDER)).toMatchObject({ kind: 'failed', transient: true, ambiguous: true });
    expect(Date.now() - t0).toBeLessThan(3000); // the rig's 1 s send timeout
    expect(await rig.adapter.send(group(rig), REMINDER)).toEqual({ kind: 'sent' });
    expect(rig.hs.sentTo(rig.groupRoom)).toHaveLength(1);
    expect(rig.hs.callsOf('send').map((c) => c.status)).toEqual(['hang', 200]);
  });

  it('refuses an encrypted room without posting (forbidden: kept and flagged)', async () => {
    rig = await startMatrixRig();
    rig.hs.enableEncryption(rig.groupRoom);
    expect(await rig.adapter.send(group(rig), REMINDER)).toMatchObject({ kind: 'forbidden', reason: expect.stringMatching(/encrypted/) });
    expect(rig.hs.callsOf('send')).toHaveLength(0);
  });
});

describe('Matrix answers', () => {
  it('wait out a short rate limit and a 5xx, and post each answer once', async () => {
    rig = await startMatrixRig();
    rig.hs.failNext('send', { roomId: rig.privateRoom }, MatrixFaults.rateLimited(300, 'body'));
    rig.hs.failNext('send', { roomId: rig.privateRoom }, MatrixFaults.internal());
    const answers = await rig.say('/about');
    expect(answers).toHaveLength(1);
    expect(rig.hs.callsOf('send').map((c) => c.status).slice(0, 3)).toEqual([429, 500, 200]);
  });

  it('tell the flood listener of a rate limit an answer met (the account is limited, reminders too); other failures not', async () => {
    rig = await startMatrixRig();
    const heard: number[] = [];
    rig.adapter.onFloodWait((ms) => heard.push(ms));
    rig.hs.failNext('send', { roomId: rig.privateRoom }, MatrixFaults.internal());
    rig.hs.failNext('send', { roomId: rig.privateRoom }, MatrixFaults.rateLimited(400, 'header'));
    expect(await rig.say('/about')).toHaveLength(1);
    expect(heard).toEqual([1000]); // Retry-After is in whole seconds
    rig.hs.failNext('send', { roomId: rig.privateRoom }, MatrixFaults.rateLimited(350, 'body'));
    expect(await rig.say('/start')).toHaveLength(1);
    expect(heard).toEqual([1000, 350]);
  });
});
