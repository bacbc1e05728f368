/**
 * The Matrix adapter against the fake homeserver: commands (`/` and `!`)
 * answered as notices, admins by power level, invites, encrypted rooms
 * declined, the sync token across a restart, and privacy of the logs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MatrixAdapter } from '../../adapters/matrix/adapter.js';
import { createLogger } from '../../src/log.js';
import { readChatSettings } from '../../src/store/chat-settings.js';
import { htmlProblems, MatrixFaults, startFakeMatrix } from '../fakes/matrix/index.js';
import { ANA, MIA, MOD, OLA, startMatrixRig, type MatrixRig } from '../fakes/matrix/rig.js';
import { shippedCampaign, testServices } from '../helpers/core.js';
import { until } from '../helpers/wait.js';

let rig: MatrixRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('Matrix adapter: commands', () => {
  it('answers /demands word for word as an m.notice with escaped HTML; a group answer is a reply to the command', async () => {
    rig = await startMatrixRig();
    const campaign = await shippedCampaign();
    const first = campaign.statementById.get(campaign.meta.demandsFirst)!;
    const [answer] = await rig.say('/demands');
    expect(answer!.content).toMatchObject({ msgtype: 'm.notice', format: 'org.matrix.custom.html' });
    expect(squash(answer!.text)).toContain(squash(first.demands[0]!.text));
    expect(squash(String(answer!.content['body']))).toContain(squash(first.demands[0]!.text));
    expect(htmlProblems(String(answer!.content['formatted_body']))).toEqual([]);
    expect(answer!.content['m.relates_to']).toBeUndefined();
    const [inGroup] = await rig.say('!demands', rig.groupRoom, MIA);
    expect(inGroup!.content['m.relates_to']).toMatchObject({ 'm.in_reply_to': { event_id: expect.stringMatching(/^\$/) } });
    expect(squash(inGroup!.text)).toContain(squash(first.demands[0]!.text));
  });

  it('takes ! as well as /; leaves another bot’s !word alone in a group, suggests the closest command otherwise', async () => {
    rig = await startMatrixRig();
    expect(await rig.say('!ping', rig.groupRoom, MIA)).toEqual([]);
    expect((await rig.say('/demnads', rig.groupRoom, MIA))[0]?.text).toMatch(/Unknown command.*\/demands/s);
    expect((await rig.say('!demnads'))[0]?.text).toMatch(/Unknown command.*\/demands/s);
    expect((await rig.say('!help'))[0]?.text).toContain('/subscribe');
  });

  it('only admins (power level ≥ state_default) can /subscribe in a group; a demotion counts at once; in a private room the person is the admin', async () => {
    rig = await startMatrixRig();
    expect((await rig.say('/subscribe', rig.groupRoom, MIA))[0]?.text).toBe('Only admins of this chat can use /subscribe.');
    expect((await rig.say('/subscribe 08:30 Europe/Berlin', rig.groupRoom, MOD))[0]?.text).toContain('Europe/Berlin');
    expect(await readChatSettings(rig.services.store, { platform: 'matrix', chatId: rig.groupRoom })).toMatchObject({ subscribed: true, kind: 'group' });
    rig.hs.setPowerLevel(rig.groupRoom, MOD, 0);
    expect((await rig.say('/unsubscribe', rig.groupRoom, MOD))[0]?.text).toBe('Only admins of this chat can use /unsubscribe.');
    expect((await rig.say('/unsubscribe', rig.groupRoom, OLA))[0]?.text).toMatch(/no more anniversary reminders/);
    await rig.say('/subscribe', rig.privateRoom, ANA);
    expect(await readChatSettings(rig.services.store, { platform: 'matrix', chatId: rig.privateRoom })).toMatchObject({ subscribed: true, kind: 'private' });
  });

  it('never answers its own messages, notices, edits, or non-text messages', async () => {
    rig = await startMatrixRig();
    const { hs, privateRoom } = rig;
    hs.say(privateRoom, ANA, '/about', { msgtype: 'm.notice' });
    hs.say(privateRoom, ANA, '/about', { msgtype: 'm.emote' });
    hs.say(privateRoom, ANA, '* /about', { 'm.new_content': { msgtype: 'm.text', body: '/about' }, 'm.relates_to': { rel_type: 'm.replace', event_id: '$x' } });
    hs.say(privateRoom, hs.botUserId, '/about', { msgtype: 'm.text' });
    await rig.say('/start');
    // What the bot posted through its client (with a transaction id): the answers to /start and the marker only.
    expect(hs.sentTo(privateRoom).filter((n) => n.txnId !== undefined)).toHaveLength(2);
  });
});

describe('Matrix adapter: rooms', () => {
  it('joins a room it is invited to, declines an encrypted one, and stays silent (logging once) in a room that turned encrypted', async () => {
    rig = await startMatrixRig();
    const { hs } = rig;
    const fresh = hs.createRoom({ creator: ANA, members: [OLA] });
    const secret = hs.createRoom({ creator: ANA, encrypted: true });
    hs.inviteBot(fresh, ANA);
    hs.inviteBot(secret, ANA);
    await hs.waitFor(() => (hs.world.membership(fresh, hs.botUserId) === 'join' && hs.world.membership(secret, hs.botUserId) === 'leave') || undefined, 5000, 'invites answered');
    expect((await rig.say('/about', fresh, ANA))[0]?.text).toBeTruthy();
    hs.enableEncryption(rig.groupRoom);
    hs.say(rig.groupRoom, OLA, '/about');
    hs.say(rig.groupRoom, OLA, '/about');
    await until(() => rig!.logs.text.includes('encrypted: Placard answers nothing there'), 5000, 'declined');
    await new Promise((r) => setTimeout(r, 300));
    expect(hs.sentTo(rig.groupRoom)).toHaveLength(0);
    expect(rig.logs.lines.filter((l) => l.includes('answers nothing there'))).toHaveLength(1);
    expect(rig.logs.text).toContain('invite to an end-to-end encrypted room declined');
  });

  it('a room the bot was kicked from forgets its settings', async () => {
    rig = await startMatrixRig();
    await rig.say('/subscribe', rig.groupRoom, OLA);
    rig.hs.remove(rig.groupRoom, rig.hs.botUserId, 'leave', OLA);
    await until(async () => (await readChatSettings(rig!.services.store, { platform: 'matrix', chatId: rig!.groupRoom })) === undefined, 5000, 'forgotten');
  });

  it('checkPosting: joined and allowed; power level too low (names Element’s "Send messages"); encrypted; not a member', async () => {
    rig = await startMatrixRig();
    const { hs, adapter, groupRoom } = rig;
    const chat = { platform: 'matrix' as const, chatId: groupRoom, kind: 'group' as const };
    expect(await adapter.checkPosting(chat)).toBeUndefined();
    hs.setPowerLevels(groupRoom, { events_default: 50 });
    await until(async () => (await adapter.checkPosting(chat)) !== undefined, 5000, 'power levels seen');
    expect(await adapter.checkPosting(chat)).toMatchObject({ missing: ['Send messages'], reason: expect.stringMatching(/power level \(0\) is below the 50/) });
    hs.enableEncryption(groupRoom);
    await until(async () => /encrypted/.test((await adapter.checkPosting(chat))?.reason ?? ''), 5000, 'encryption seen');
    hs.remove(groupRoom, hs.botUserId, 'leave', OLA);
    expect((await adapter.checkPosting(chat))?.reason).toMatch(/not a member/);
  });
});

describe('Matrix adapter: sync token, readiness, doctor, privacy', () => {
  it('a fresh start answers no history; a restart answers what came while it was down, once, and nothing twice', async () => {
    rig = await startMatrixRig({ onFake: (hs) => { hs.say(hs.world.rooms.keys().next().value!, ANA, '/about'); } });
    const { hs, privateRoom } = rig;
    await rig.say('/start');
    expect(hs.sentTo(privateRoom)).toHaveLength(2); // /start and the marker; the /about from before the start is history
    await rig.adapter.stop();
    const whileDown = hs.say(privateRoom, ANA, '/next');
    await rig.restart();
    await hs.waitFor(() => hs.sentTo(privateRoom).length === 3 || undefined, 5000, 'answer to what came while down');
    await rig.say('/about');
    await new Promise((r) => setTimeout(r, 200));
    expect(hs.sentTo(privateRoom).map((n) => n.txnId?.split('.')[2])).toHaveLength(5);
    expect(new Set(hs.sentTo(privateRoom).map((n) => n.txnId)).size).toBe(5);
    expect(whileDown).toMatch(/^\$/);
  });

  it('a rejected token makes it not ready with the reason; it recovers when the token is accepted again', async () => {
    rig = await startMatrixRig();
    const { hs, adapter } = rig;
    hs.revokeToken();
    await until(() => !adapter.ready(), 5000, 'not ready');
    expect(adapter.notReadyReason()).toMatch(/rejected the access token.*MATRIX_ACCESS_TOKEN/);
    expect(await adapter.doctor()).toEqual([expect.objectContaining({ ok: false, check: 'token', detail: expect.stringMatching(/MATRIX_ACCESS_TOKEN/) })]);
    hs.revokeToken(false);
    await until(() => adapter.ready(), 5000, 'ready again');
    const findings = await adapter.doctor();
    expect(findings.map((f) => [f.check, f.ok])).toEqual([['token', true], ['sync', true]]);
    expect(findings[0]!.detail).toContain(hs.botUserId);
  });

  it('stops at once while the homeserver hangs at start-up, or while an answer hangs', async () => {
    const hs = await startFakeMatrix();
    hs.failNext('whoami', { times: Number.POSITIVE_INFINITY }, MatrixFaults.hang());
    const adapter = new MatrixAdapter({ homeserverUrl: hs.url, accessToken: hs.token, services: await testServices(), log: createLogger({ level: 'silent' }) });
    await adapter.start(async () => ({ messages: [] }));
    await hs.waitFor(() => hs.callsOf('whoami')[0], 5000, 'whoami');
    expect(adapter.ready()).toBe(false);
    expect(adapter.notReadyReason()).toMatch(/connecting/);
    let t0 = Date.now();
    await adapter.stop();
    expect(Date.now() - t0).toBeLessThan(1000);
    await hs.close();
    rig = await startMatrixRig({ timeouts: { send: 10_000 } });
    rig.hs.failNext('send', {}, MatrixFaults.hang());
    rig.hs.say(rig.privateRoom, ANA, '/about');
    await rig.hs.waitFor(() => rig!.hs.callsOf('send')[0], 5000, 'the hung answer');
    t0 = Date.now();
    await rig.adapter.stop();
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('logs no user id, no message text and no token', async () => {
    rig = await startMatrixRig();
    await rig.say('/subscribe', rig.groupRoom, MIA);
    await rig.say('/demands smk', rig.groupRoom, OLA);
    rig.hs.remove(rig.groupRoom, rig.hs.botUserId, 'leave', OLA);
    await new Promise((r) => setTimeout(r, 300));
    const text = rig.logs.text;
    for (const secret of [ANA, OLA, MOD, MIA, rig.hs.token, '/demands smk', 'subscribe']) expect(text).not.toContain(secret);
  });
});
