/**
 * The signal-cli daemon fake itself: its HTTP endpoints, event stream,
 * JSON-RPC answers and error shapes follow signal-cli's (HttpServerHandler,
 * ServerSentEventSender, SignalJsonRpcCommandHandler, SendCommand,
 * ListGroupsCommand), so adapter tests against it mean something.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { SignalFaults, startFakeSignal, type FakeSignal, type Person } from './signal/index.js';

const ANA: Person = { number: '+4917600000001', uuid: '0b7a9a62-43a1-4b0a-9a7e-6f0d5f1c2a01', name: 'Ana' };
const MIA: Person = { number: '+4917600000002', uuid: '0b7a9a62-43a1-4b0a-9a7e-6f0d5f1c2a02' };

let sig: FakeSignal | undefined;
afterEach(async () => { await sig?.close(); sig = undefined; });

interface RpcAnswer { jsonrpc?: string; id?: unknown; result?: unknown; error?: { code: number; message: string; data: unknown } }

async function rpc(fake: FakeSignal, method: string, params: Record<string, unknown> = {}, id: unknown = 1): Promise<RpcAnswer> {
  const res = await fetch(`${fake.url}/api/v1/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', method, params, id }) });
  expect(res.status).toBe(200);
  return (await res.json()) as RpcAnswer;
}

/** Opens the event stream and collects its raw text. */
async function stream(fake: FakeSignal, query = ''): Promise<{ status: number; type: string | null; text: () => string; close: () => void }> {
  const ac = new AbortController();
  const res = await fetch(`${fake.url}/api/v1/events${query}`, { signal: ac.signal });
  let text = '';
  if (res.status === 200 && res.body) {
    void (async () => {
      try { for await (const chunk of res.body!) text += Buffer.from(chunk as Uint8Array).toString('utf8'); } catch { /* closed */ }
    })();
  }
  return { status: res.status, type: res.headers.get('content-type'), text: () => text, close: () => ac.abort() };
}

describe('signal-cli daemon fake', () => {
  it('streams a message as an SSE event named receive, data {envelope, account} on one line, and sends keep-alives', async () => {
    sig = await startFakeSignal({ keepAliveMs: 50 });
    const group = sig.addGroup({ name: 'Solidarity', members: [{ person: ANA, admin: true }] });
    const s = await stream(sig, `?account=${encodeURIComponent(sig.account)}`);
    expect(s.status).toBe(200);
    expect(s.type).toBe('text/event-stream');
    sig.say(ANA, '/demands', { group });
    const fake = sig;
    await fake.waitFor(() => (s.text().includes('event:receive') && s.text().includes(':\n') ? true : undefined));
    const frame = /event:receive\ndata:(.*)\n\n/.exec(s.text())!;
    const data = JSON.parse(frame[1]!) as { account: string; envelope: Record<string, unknown> & { dataMessage: Record<string, unknown> } };
    expect(data.account).toBe(sig.account);
    expect(data.envelope).toMatchObject({ sourceNumber: ANA.number, sourceUuid: ANA.uuid, sourceDevice: 1 });
    expect(data.envelope.dataMessage).toMatchObject({ message: '/demands', groupInfo: { groupId: group, type: 'DELIVER' } });
    expect(data).not.toHaveProperty('jsonrpc');
    s.close();
  });

  it('answers 400 for another account, 405 and 415 for wrong requests, 421 for a Host it does not serve, 201 for a notification', async () => {
    sig = await startFakeSignal();
    expect((await stream(sig, '?account=%2B4900')).status).toBe(400);
    expect((await fetch(`${sig.url}/api/v1/rpc`)).status).toBe(405);
    expect((await fetch(`${sig.url}/api/v1/rpc`, { method: 'POST', body: '{}' })).status).toBe(415);
    expect((await fetch(`${sig.url}/api/v1/check`)).status).toBe(200);
    const notification = await fetch(`${sig.url}/api/v1/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', method: 'version' }) });
    expect(notification.status).toBe(201);
    const port = Number(new URL(sig.url).port);
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/api/v1/check', headers: { host: 'signal.example' } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).end();
    });
    expect(status).toBe(421);
  });

  it('keeps messages while no stream is open (receive mode on-connection) and delivers them on connect', async () => {
    sig = await startFakeSignal();
    sig.say(ANA, '/start');
    const s = await stream(sig);
    const fake = sig;
    await fake.waitFor(() => (s.text().includes('/start') ? true : undefined));
    s.close();
  });

  it('send records the text and the style ranges (UTF-16), and flags ranges outside the text and long bodies', async () => {
    sig = await startFakeSignal();
    const text = 'Ж 🚩 Bold';
    const ok = await rpc(sig, 'send', { recipient: [ANA.uuid], message: text, textStyle: ['5:4:BOLD', '0:1:ITALIC'], account: sig.account });
    expect(ok.result).toMatchObject({ timestamp: expect.any(Number), results: [{ type: 'SUCCESS' }] });
    expect(sig.sent[0]).toMatchObject({ chatId: ANA.uuid, kind: 'private', text, styles: [{ style: 'BOLD', text: 'Bold' }, { style: 'ITALIC', text: 'Ж' }] });
    expect(sig.violations).toEqual([]);
    await rpc(sig, 'send', { recipient: ANA.uuid, message: 'short', textStyle: '3:9:BOLD' });
    await rpc(sig, 'send', { recipient: ANA.uuid, message: 'ж'.repeat(1001) });
    expect(sig.violations.map((v) => v.problem)).toEqual([expect.stringMatching(/outside the text/), expect.stringMatching(/long-text attachment/)]);
    expect((await rpc(sig, 'send', { recipient: ANA.uuid, message: 'x', textStyle: 'bold' })).error).toMatchObject({ code: -1, message: expect.stringMatching(/Invalid textStyle syntax/) });
    expect((await rpc(sig, 'send', { recipient: ANA.uuid, message: 'x', textStyle: '0:1:LOUD' })).error).toMatchObject({ code: -1, message: 'Invalid style: LOUD' });
    expect((await rpc(sig, 'nope')).error).toMatchObject({ code: -32601 });
    expect((await rpc(sig, 'version')).result).toEqual({ version: expect.any(String) });
  });

  it('listGroups marks admins per member (current), in `admins` (before 0.14.1), or as strings (oldest)', async () => {
    sig = await startFakeSignal();
    const group = sig.addGroup({ name: 'G', members: [{ person: ANA, admin: true }, { person: MIA }], botIsAdmin: true });
    const current = (await rpc(sig, 'listGroups', { groupId: group })).result as { members: { uuid: string; isAdmin: boolean }[]; admins: unknown[] }[];
    expect(current).toHaveLength(1);
    expect(current[0]!.members).toContainEqual({ number: ANA.number, uuid: ANA.uuid, isAdmin: true });
    expect(current[0]!.members).toContainEqual({ number: MIA.number, uuid: MIA.uuid, isAdmin: false });
    expect(current[0]).toMatchObject({ id: group, isMember: true, permissionSendMessage: 'EVERY_MEMBER' });
    sig.setListGroupsStyle('legacy');
    const legacy = (await rpc(sig, 'listGroups')).result as { members: object[]; admins: object[] }[];
    expect(legacy[0]!.members[0]).not.toHaveProperty('isAdmin');
    expect(legacy[0]!.admins).toContainEqual({ number: ANA.number, uuid: ANA.uuid });
    sig.setListGroupsStyle('strings');
    expect(((await rpc(sig, 'listGroups')).result as { admins: string[] }[])[0]!.admins).toContain(ANA.number);
    expect((await rpc(sig, 'listGroups', { groupId: 'unknown' })).result).toEqual([]);
  });

  it('answers with signal-cli\'s errors: rate limit, captcha, unregistered, not a member, group not found, admins only, untrusted', async () => {
    sig = await startFakeSignal();
    const group = sig.addGroup({ name: 'G', members: [{ person: ANA }] });
    sig.failNext('send', SignalFaults.rateLimit(42));
    expect((await rpc(sig, 'send', { groupId: group, message: 'x' })).error).toMatchObject({
      code: -5, message: 'Failed to send message due to rate limiting',
      data: { response: { results: [{ type: 'RATE_LIMIT_FAILURE', retryAfterSeconds: 42, groupId: group }] } },
    });
    sig.failNext('send', SignalFaults.proofRequired('tok'));
    expect((await rpc(sig, 'send', { groupId: group, message: 'x' })).error).toMatchObject({ code: -5, data: { response: { results: [{ token: 'tok' }] } } });
    sig.unregister(MIA);
    expect((await rpc(sig, 'send', { recipient: [MIA.number], message: 'x' })).error).toMatchObject({ code: -1, message: `The user ${MIA.number!} is not registered.` });
    expect((await rpc(sig, 'send', { recipient: [MIA.uuid], message: 'x' })).error).toMatchObject({ code: -1, message: 'Failed to send message', data: { response: { results: [{ type: 'UNREGISTERED_FAILURE' }] } } });
    sig.group(group).botIsMember = false;
    expect((await rpc(sig, 'send', { groupId: group, message: 'x' })).error).toMatchObject({ code: -1, message: expect.stringMatching(/^User is not a member in group: G \(/) });
    sig.group(group).known = false;
    expect((await rpc(sig, 'send', { groupId: group, message: 'x' })).error).toMatchObject({ code: -1, message: `Group not found: ${group}` });
    const quiet = sig.addGroup({ name: 'Q', permissionSendMessage: 'ONLY_ADMINS' });
    expect((await rpc(sig, 'send', { groupId: quiet, message: 'x' })).error).toMatchObject({ code: -1, message: expect.stringMatching(/^User is not allowed to send message to group/) });
    sig.failNext('send', SignalFaults.untrusted());
    expect((await rpc(sig, 'send', { recipient: [ANA.uuid], message: 'x' })).error).toMatchObject({ code: -4 });
    expect((await rpc(sig, 'send', { recipient: [ANA.uuid], message: 'x', account: '+4900000' })).error).toMatchObject({ code: -32602 });
    expect(sig.sent).toHaveLength(0);
  });

  it('hangs a request, refuses connections while down, and listens again on the same port', async () => {
    sig = await startFakeSignal();
    sig.failNext('send', SignalFaults.hang());
    const hung = fetch(`${sig.url}/api/v1/rpc`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(200),
      body: JSON.stringify({ jsonrpc: '2.0', method: 'send', params: { recipient: [ANA.uuid], message: 'x' }, id: 1 }),
    });
    await expect(hung).rejects.toMatchObject({ name: 'TimeoutError' });
    const url = sig.url;
    await sig.setDown(true);
    await expect(fetch(`${url}/api/v1/check`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    await sig.setDown(false);
    expect(sig.url).toBe(url);
    expect((await fetch(`${url}/api/v1/check`)).status).toBe(200);
  });
});
