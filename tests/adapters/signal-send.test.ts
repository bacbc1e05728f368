/**
 * Reminders out through signal-cli's `send`, and what each of the daemon's
 * answers means for the ledger (see adapters/signal/classify.ts for where
 * the codes come from); posting checks and `placard doctor` from
 * `listGroups` and `version`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatRef } from '../../src/chat.js';
import { message, paragraph, text } from '../../src/rich/build.js';
import { SignalFaults, type SignalFault } from '../fakes/signal/index.js';
import { ANA, MIA, startSignalRig, type SignalRig } from './signal-harness.js';

let rig: SignalRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const FAST = { limits: { global: { count: 100, perMs: 1000 }, perChat: { count: 100, perMs: 1000 } }, timeouts: { send: 400, api: 400 } };
const reminder = message('15 years ago today', [paragraph('Zhanaozen.')]);
const group = (r: SignalRig): ChatRef => ({ platform: 'signal', chatId: r.group, kind: 'group' });
const person = (id: string): ChatRef => ({ platform: 'signal', chatId: id, kind: 'private' });

describe('signal send', () => {
  it('posts a reminder with its actions as commands to type, styled, and splits one over 2,000 bytes', async () => {
    const r = (rig = await startSignalRig(FAST));
    expect(await r.adapter.send(group(r), reminder, [{ label: 'Demands', command: 'demands', args: 'smk' }])).toEqual({ kind: 'sent' });
    const [post] = r.sig.sentTo(r.group);
    expect(post!.text).toBe('15 years ago today\n\nZhanaozen.\n\n→ Demands: /demands smk');
    expect(post!.styles.map((s) => [s.style, s.text])).toEqual([['BOLD', '15 years ago today'], ['MONOSPACE', '/demands smk']]);
    expect(await r.adapter.send(person(ANA.uuid!), message('Ж', [paragraph(text('жанаозен '.repeat(250)))]))).toEqual({ kind: 'sent' });
    const pieces = r.sig.sentTo(ANA.uuid!);
    expect(pieces.length).toBe(3);
    expect(pieces.every((p) => p.bytes <= 2000)).toBe(true);
    expect(r.sig.violations).toEqual([]);
  });

  const cases: [string, SignalFault, 'group' | 'number' | 'uuid', unknown][] = [
    ['rate limited, with retry-after', SignalFaults.rateLimit(42), 'group', { kind: 'retryAfter', ms: 42_000, scope: 'chat' }],
    ['rate limited, without retry-after', SignalFaults.rateLimit(), 'uuid', { kind: 'retryAfter', ms: 30_000, scope: 'chat' }],
    ['an unregistered number', SignalFaults.unregistered(), 'number', { kind: 'gone' }],
    ['an unregistered ACI', SignalFaults.unregisteredResult(), 'uuid', { kind: 'gone' }],
    ['not a member of the group', SignalFaults.notAMember(), 'group', { kind: 'gone' }],
    ['group not found', SignalFaults.groupNotFound(), 'group', { kind: 'gone' }],
    ['only admins may send', SignalFaults.onlyAdmins(), 'group', { kind: 'forbidden', reason: expect.stringMatching(/only admins/) }],
    ['an untrusted safety number', SignalFaults.untrusted(), 'uuid', { kind: 'forbidden', reason: expect.stringMatching(/safety number/) }],
    ['a network failure to every recipient', SignalFaults.networkFailure(), 'group', { kind: 'failed', transient: true }],
    ['signal-cli cannot reach Signal', SignalFaults.internal(), 'group', { kind: 'failed', transient: true }],
    ['the daemon does not serve the account', SignalFaults.unknownAccount(), 'group', { kind: 'paused', reason: expect.stringMatching(/SIGNAL_ACCOUNT/) }],
    ['another HTTP service at the URL', SignalFaults.http(404), 'group', { kind: 'paused', reason: expect.stringMatching(/HTTP 404/) }],
    ['a 502 in front of the daemon', SignalFaults.http(502), 'group', { kind: 'failed', transient: true }],
    ['a send that hangs', SignalFaults.hang(), 'group', { kind: 'failed', transient: true, ambiguous: true }],
  ];
  for (const [what, fault, to, expected] of cases) {
    it(`maps ${what} to ${(expected as { kind: string }).kind}`, async () => {
      const r = (rig = await startSignalRig(FAST));
      r.sig.failNext('send', fault);
      const target = to === 'group' ? group(r) : person(to === 'number' ? MIA.number! : MIA.uuid!);
      expect(await r.adapter.send(target, reminder)).toMatchObject(expected as object);
      expect(r.adapter.ready()).toBe(true);
    });
  }

  it('pauses for a captcha: not ready, with what to do; the challenge token logged once; ready again once a send goes through', async () => {
    const r = (rig = await startSignalRig(FAST));
    r.sig.failNext('send', SignalFaults.proofRequired('tok-123'), 2);
    expect(await r.adapter.send(group(r), reminder)).toMatchObject({ kind: 'paused', reason: expect.stringMatching(/captcha/) });
    expect(await r.adapter.send(group(r), reminder)).toMatchObject({ kind: 'paused' });
    expect(r.adapter.ready()).toBe(false);
    expect(r.adapter.notReadyReason()).toMatch(/signalcaptchas\.org.*submitRateLimitChallenge/);
    expect(r.logs.text.match(/tok-123/g)).toHaveLength(1);
    expect(await r.adapter.send(group(r), reminder)).toEqual({ kind: 'sent' });
    expect(r.adapter.ready()).toBe(true);
  });

  it('the daemon down: paused, not ready with the reason, ready again once it is back', async () => {
    const r = (rig = await startSignalRig({ ...FAST, probeIntervalMs: 50 }));
    await r.sig.setDown(true);
    // The first request may still go out on a pooled connection the daemon just cut: that one is ambiguous.
    const first = await r.adapter.send(group(r), reminder);
    expect(['paused', 'failed']).toContain(first.kind);
    expect(await r.adapter.send(group(r), reminder)).toMatchObject({ kind: 'paused', reason: expect.stringMatching(/does not answer.*ECONNREFUSED/) });
    await r.sig.waitFor(() => !r.adapter.ready() || undefined, 3000, 'not ready');
    expect(r.adapter.notReadyReason()).toMatch(/signal-cli daemon/);
    await r.sig.setDown(false);
    await r.sig.waitFor(() => r.adapter.ready() || undefined, 5000, 'ready again');
    expect(await r.adapter.send(group(r), reminder)).toEqual({ kind: 'sent' });
  });

  it('checks whether it may post: a member may, a removed bot may not, a group where only admins send needs it as admin', async () => {
    const r = (rig = await startSignalRig(FAST));
    expect(await r.adapter.checkPosting(group(r))).toBeUndefined();
    expect(await r.adapter.checkPosting(person(ANA.uuid!))).toBeUndefined();
    r.sig.group(r.group).permissionSendMessage = 'ONLY_ADMINS';
    expect(await r.adapter.checkPosting(group(r))).toMatchObject({ reason: expect.stringMatching(/only admins/), missing: ['Send messages'] });
    r.sig.group(r.group).botIsAdmin = true;
    expect(await r.adapter.checkPosting(group(r))).toBeUndefined();
    r.sig.group(r.group).botIsMember = false;
    expect(await r.adapter.checkPosting(group(r))).toMatchObject({ reason: expect.stringMatching(/not a member/) });
    r.sig.group(r.group).known = false;
    expect(await r.adapter.checkPosting(group(r))).toMatchObject({ reason: expect.stringMatching(/not a member/) });
  });

  it('doctor: the daemon\'s version and the account; what to fix when it does not serve the account or does not answer', async () => {
    const r = (rig = await startSignalRig(FAST));
    expect(await r.adapter.doctor()).toEqual([
      { ok: true, check: 'daemon', detail: expect.stringMatching(/^signal-cli 0\.14\.6 answers/) },
      { ok: true, check: 'account', detail: expect.stringMatching(/in 1 group/) },
    ]);
    r.sig.failNext('listGroups', SignalFaults.unknownAccount());
    expect((await r.adapter.doctor())[1]).toMatchObject({ ok: false, detail: expect.stringMatching(/does not serve SIGNAL_ACCOUNT/) });
    await r.sig.setDown(true);
    expect(await r.adapter.doctor()).toEqual([{ ok: false, check: 'daemon', detail: expect.stringMatching(/could not ask the signal-cli daemon: .*(does not|did not) answer/) }]);
  });
});
