/** `placard doctor` over a real store with adapters that answer like platforms would; nothing is sent. */
import { describe, expect, it } from 'vitest';
import type { Adapter, DoctorFinding, PostingProblem } from '../../src/adapter.js';
import type { ChatRef, Platform } from '../../src/chat.js';
import { runDoctor } from '../../src/doctor.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { seedSubscriptions } from '../schedule/harness.js';

class CheckingAdapter implements Adapter {
  readonly asked: ChatRef[] = [];
  sends = 0;
  constructor(readonly name: Platform, private readonly problems: Record<string, PostingProblem>, private readonly findings: DoctorFinding[] = []) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  ready(): boolean { return true; }
  async send(): Promise<never> { this.sends++; throw new Error('doctor must not send'); }
  async checkPosting(target: ChatRef): Promise<PostingProblem | undefined> { this.asked.push(target); return this.problems[target.chatId]; }
  async doctor(): Promise<readonly DoctorFinding[]> { return this.findings; }
}

async function run(store: Store, adapters: Adapter[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runDoctor({ store, adapters, print: (l) => lines.push(l) });
  return { code, lines };
}

describe('placard doctor', () => {
  it('exits 0 when every subscribed chat can be posted to, and asks about each target without sending', async () => {
    const store = await openStore('memory://');
    await seedSubscriptions(store, 'telegram', ['-1001', '-1002']);
    await seedSubscriptions(store, 'telegram', ['-1003'], { subscribed: false });
    const telegram = new CheckingAdapter('telegram', {}, [{ ok: true, check: 'token', detail: 'bot @placardbot' }]);
    const { code, lines } = await run(store, [telegram]);
    expect(code).toBe(0);
    expect(telegram.asked.map((t) => t.chatId).sort()).toEqual(['-1001', '-1002']);
    expect(telegram.sends).toBe(0);
    expect(lines).toContain('ok   telegram token: bot @placardbot');
    expect(lines.at(-1)).toBe('2 subscribed chat(s), 2 checked; nothing to fix');
  });

  it('names what to fix chat by chat, hides private chat ids, and exits 1', async () => {
    const store = await openStore('memory://');
    await seedSubscriptions(store, 'telegram', ['-1001', '-1002']);
    await seedSubscriptions(store, 'telegram', ['5550001'], { kind: 'private' });
    await seedSubscriptions(store, 'discord', ['111'], { targetId: '222' });
    const telegram = new CheckingAdapter('telegram', {
      '-1002': { reason: 'the bot is not an administrator of the channel', missing: ['Post Messages'] },
      '5550001': { reason: 'the user blocked the bot', missing: [] },
    }, [{ ok: false, check: 'webhook', detail: 'set to https://old.example/hook, expected https://bot.example/hook' }]);
    const discord = new CheckingAdapter('discord', { 222: { reason: 'missing permissions in the channel', missing: ['Embed Links'] } });
    const { code, lines } = await run(store, [telegram, discord]);
    expect(code).toBe(1);
    expect(discord.asked).toEqual([{ platform: 'discord', chatId: '222', kind: 'group' }]);
    expect(lines).toContain('FIX  telegram webhook: set to https://old.example/hook, expected https://bot.example/hook');
    expect(lines).toContain('FIX  telegram chat -1002 can post: the bot is not an administrator of the channel — give the bot: Post Messages');
    expect(lines).toContain('FIX  discord chat 111 (posts to channel 222) can post: missing permissions in the channel — give the bot: Embed Links');
    expect(lines.join('\n')).not.toContain('5550001');
    expect(lines.some((l) => /^FIX {2}telegram chat private:[0-9a-f]{10} can post: the user blocked the bot$/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('4 subscribed chat(s), 4 checked; 4 problem(s) found');
  });

  it('says when subscribed chats belong to a platform not configured here, and when the store does not answer', async () => {
    const store = await openStore('memory://');
    await seedSubscriptions(store, 'discord', ['111']);
    const { code, lines } = await run(store, [new CheckingAdapter('telegram', {})]);
    expect(code).toBe(1);
    expect(lines).toContain('FIX  discord configured: 1 subscribed chat(s), but discord is not configured here, so they get no reminders from this instance');
    await store.close();
    const down = await run(store, []);
    expect(down.code).toBe(1);
    expect(down.lines[0]).toMatch(/^FIX {2}store answers: memory store: ping failed/);
  });
});
