/**
 * The fake homeserver itself, over plain HTTP: the shapes of the spec's
 * answers, `/sync` tokens and long polls, invites, transaction ids, power
 * levels, and every injected fault.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { htmlProblems, MatrixFaults, startFakeMatrix, visibleText, type FakeMatrix } from './matrix/index.js';

const ANA = '@ana:fake.test';
let hs: FakeMatrix;
beforeEach(async () => { hs = await startFakeMatrix(); });
afterEach(async () => { await hs.close(); });

const v3 = (path: string): string => `${hs.url}/_matrix/client/v3${path}`;
async function call(method: string, path: string, body?: unknown, token: string | null = hs.token, signal?: AbortSignal): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const r = await fetch(v3(path), {
    method, ...(signal ? { signal } : {}),
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  let json: Record<string, unknown> = {};
  try { json = JSON.parse(text) as Record<string, unknown>; } catch { json = { html: text }; }
  return { status: r.status, json, headers: r.headers };
}
const enc = encodeURIComponent;
const notice = { msgtype: 'm.notice', body: 'hi', format: 'org.matrix.custom.html', formatted_body: '<b>hi</b>' };

describe('fake homeserver', () => {
  it('whoami answers the token’s user; a missing or unknown token gets 401 with the spec’s codes', async () => {
    expect((await call('GET', '/account/whoami')).json).toMatchObject({ user_id: hs.botUserId });
    expect(await call('GET', '/account/whoami', undefined, null)).toMatchObject({ status: 401, json: { errcode: 'M_MISSING_TOKEN' } });
    expect(await call('GET', '/account/whoami', undefined, 'nope')).toMatchObject({ status: 401, json: { errcode: 'M_UNKNOWN_TOKEN', soft_logout: false } });
    hs.revokeToken();
    expect((await call('GET', '/account/whoami')).status).toBe(401);
    hs.revokeToken(false);
    expect((await call('GET', '/account/whoami')).status).toBe(200);
    expect(await call('GET', '/no/such/thing')).toMatchObject({ status: 404, json: { errcode: 'M_UNRECOGNIZED' } });
  });

  it('sync: an initial sync gives a token; an incremental one long-polls until something happens, or its timeout', async () => {
    const room = hs.roomWithBot({ creator: ANA });
    const first = await call('GET', `/sync?timeout=0`);
    const since = first.json['next_batch'] as string;
    expect(since).toMatch(/^s\d+$/);
    expect(Object.keys((first.json['rooms'] as { join: object }).join)).toEqual([room]);
    const t0 = Date.now();
    const idle = await call('GET', `/sync?since=${since}&timeout=300`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    expect(idle.json['rooms']).toEqual({});
    const waiting = call('GET', `/sync?since=${since}&timeout=5000&filter=${enc(JSON.stringify({ room: { timeline: { types: ['m.room.message'] } } }))}`);
    setTimeout(() => hs.say(room, ANA, '/demands'), 50);
    const got = await waiting;
    const events = (got.json['rooms'] as { join: Record<string, { timeline: { events: { content: { body: string } }[] } }> }).join[room]!.timeline.events;
    expect(events.map((e) => e.content.body)).toEqual(['/demands']);
    expect(await call('GET', '/sync?since=bogus')).toMatchObject({ status: 400, json: { errcode: 'M_INVALID_PARAM' } });
  });

  it('invites arrive with stripped state (encryption included); join needs one; leaving shows in rooms.leave', async () => {
    const plain = hs.createRoom({ creator: ANA, name: 'Solidarity' });
    const secret = hs.createRoom({ creator: ANA, encrypted: true });
    const since = (await call('GET', '/sync?timeout=0')).json['next_batch'] as string;
    expect((await call('POST', `/join/${enc(plain)}`, {})).json).toMatchObject({ errcode: 'M_FORBIDDEN' });
    hs.inviteBot(plain, ANA, true);
    hs.inviteBot(secret, ANA);
    const s1 = await call('GET', `/sync?since=${since}&timeout=0`);
    const invites = (s1.json['rooms'] as { invite: Record<string, { invite_state: { events: { type: string; content: Record<string, unknown> }[] } }> }).invite;
    expect(invites[secret]!.invite_state.events.some((e) => e.type === 'm.room.encryption')).toBe(true);
    expect(invites[plain]!.invite_state.events.find((e) => e.type === 'm.room.member')?.content).toMatchObject({ membership: 'invite', is_direct: true });
    expect((await call('POST', `/join/${enc(plain)}`, {})).json).toEqual({ room_id: plain });
    expect((await call('POST', `/rooms/${enc(secret)}/leave`, {})).status).toBe(200);
    const s2 = await call('GET', `/sync?since=${s1.json['next_batch'] as string}&timeout=0`);
    expect(Object.keys((s2.json['rooms'] as { join: object }).join)).toEqual([plain]);
    expect(Object.keys((s2.json['rooms'] as { leave: object }).leave)).toEqual([secret]);
  });

  it('send: a transaction id is taken once per access token; refusals carry Synapse’s words', async () => {
    const room = hs.roomWithBot({ creator: ANA, members: ['@bo:fake.test'] });
    const a = await call('PUT', `/rooms/${enc(room)}/send/m.room.message/t1`, notice);
    const b = await call('PUT', `/rooms/${enc(room)}/send/m.room.message/t1`, { ...notice, body: 'changed' });
    expect(a.json['event_id']).toMatch(/^\$/);
    expect(b.json['event_id']).toBe(a.json['event_id']);
    const other = hs.addUser('@bo:fake.test');
    const c = await call('PUT', `/rooms/${enc(room)}/send/m.room.message/t1`, notice, other);
    expect(c.json['event_id']).not.toBe(a.json['event_id']);
    expect(hs.sentTo(room)).toHaveLength(1);
    expect(hs.sentTo(room)[0]).toMatchObject({ txnId: 't1', text: 'hi' });
    hs.setPowerLevels(room, { events_default: 50 });
    expect((await call('PUT', `/rooms/${enc(room)}/send/m.room.message/t2`, notice)).json['error']).toMatch(/user_level \(0\) < send_level \(50\)/);
    hs.remove(room, hs.botUserId, 'leave', ANA);
    expect((await call('PUT', `/rooms/${enc(room)}/send/m.room.message/t3`, notice)).json).toMatchObject({ errcode: 'M_FORBIDDEN', error: expect.stringMatching(/not in room/) });
  });

  it('state and members: power levels as content or as the whole event, 404 M_NOT_FOUND when absent', async () => {
    const room = hs.roomWithBot({ creator: ANA, members: ['@bo:fake.test'] });
    expect((await call('GET', `/rooms/${enc(room)}/state/m.room.power_levels/`)).json).toMatchObject({ users: { [ANA]: 100 }, state_default: 50 });
    expect((await call('GET', `/rooms/${enc(room)}/state/m.room.create/?format=event`)).json).toMatchObject({ sender: ANA, content: { room_version: '10' } });
    expect(await call('GET', `/rooms/${enc(room)}/state/m.room.encryption/`)).toMatchObject({ status: 404, json: { errcode: 'M_NOT_FOUND' } });
    expect(Object.keys((await call('GET', `/rooms/${enc(room)}/joined_members`)).json['joined'] as object).sort()).toEqual([ANA, '@bo:fake.test', hs.botUserId].sort());
    const elsewhere = hs.createRoom({ creator: ANA });
    expect((await call('GET', `/rooms/${enc(elsewhere)}/joined_members`)).status).toBe(403);
  });

  it('faults: 429 with retry_after_ms and Retry-After, 5xx as JSON or HTML, hang, drop, and a hung post that was taken', async () => {
    const room = hs.roomWithBot({ creator: ANA });
    hs.failNext('send', { roomId: room }, MatrixFaults.rateLimited(2500));
    const limited = await call('PUT', `/rooms/${enc(room)}/send/m.room.message/x1`, notice);
    expect(limited).toMatchObject({ status: 429, json: { errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 2500 } });
    expect(limited.headers.get('retry-after')).toBe('3');
    hs.failNext('whoami', {}, MatrixFaults.badGateway(true));
    expect((await call('GET', '/account/whoami')).json).toHaveProperty('html');
    hs.failNext('*', { times: 2 }, MatrixFaults.internal());
    expect((await call('GET', '/account/whoami')).status).toBe(500);
    expect((await call('GET', '/sync?timeout=0')).status).toBe(500);
    hs.failNext('send', {}, MatrixFaults.hangAfterProcessing());
    await expect(call('PUT', `/rooms/${enc(room)}/send/m.room.message/x2`, notice, hs.token, AbortSignal.timeout(300))).rejects.toThrow();
    expect(hs.sentTo(room)).toHaveLength(1); // taken before it hung…
    expect((await call('PUT', `/rooms/${enc(room)}/send/m.room.message/x2`, notice)).json['event_id']).toBe(hs.sentTo(room)[0]!.eventId); // …and a retry is the same event
    hs.failNext('whoami', {}, MatrixFaults.drop());
    await expect(call('GET', '/account/whoami')).rejects.toThrow();
    expect(hs.callsOf('send').map((c) => c.status)).toEqual([429, 'hang', 200]);
  });

  it('html helpers: visible text as a client shows it, and the spec’s permitted tags', () => {
    const html = '<p><b>Title</b></p><ol start="3"><li>a &amp; b</li><li><code>/x</code></li></ol><blockquote>q<br>r</blockquote>';
    expect(visibleText(html)).toBe('Title\n\n3. a & b\n4. /x\n\nq\nr');
    expect(htmlProblems(html)).toEqual([]);
    expect(htmlProblems('<script>x</script><a href="javascript:1">y</a><b>')).toEqual([
      'tag <script> is not in the spec\'s permitted set', 'unsafe link javascript:1', 'unclosed: b',
    ]);
  });
});
