/**
 * What the Telegram adapter tells without sending anything: whether the bot
 * may post where a chat's reminders go (checkPosting, also on Invocations),
 * and `placard doctor`'s checks of the token and the webhook.
 */
import { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../adapters/telegram/adapter.js';
import { commands } from '../../src/commands/index.js';
import type { Command } from '../../src/commands/types.js';
import { createLogger } from '../../src/log.js';
import { paragraph, reply } from '../../src/rich/build.js';
import { testServices } from '../helpers/core.js';
import { Faults } from '../fakes/telegram/index.js';
import { ADMIN, GROUP, startTelegramRig, type TelegramRig } from './telegram-harness.js';

let rig: TelegramRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const ref = (id: number, kind: 'group' | 'channel' | 'private' = 'group') => ({ platform: 'telegram' as const, chatId: String(id), kind });
const calledMethods = (r: TelegramRig): string[] => [...new Set(r.tg.calls.map((c) => c.method))].sort();

/** Waits until the adapter is ready and has set its command menus (3 scopes × 3 languages), then empties the fake's call log. */
async function settled(r: TelegramRig): Promise<void> {
  await r.tg.waitFor(() => (r.adapter.ready() && r.tg.callsOf('setMyCommands').length === 9) || undefined);
  r.tg.clearLog();
}

describe('Telegram checkPosting', () => {
  it("reads the bot's own rights: member, restricted, removed, channel admin with and without Post Messages", async () => {
    rig = await startTelegramRig();
    const { tg, adapter } = rig;
    const bot = tg.botInfo.id;
    await settled(rig);
    tg.addChat({ id: -801, type: 'supergroup' });
    expect(await adapter.checkPosting(ref(-801))).toBeUndefined();
    tg.setMemberStatus(-801, bot, 'restricted');
    expect(await adapter.checkPosting(ref(-801))).toMatchObject({ missing: ['Send Messages'] });
    tg.setMemberStatus(-801, bot, 'kicked');
    expect(await adapter.checkPosting(ref(-801))).toMatchObject({ missing: [], reason: expect.stringContaining('not a member') });
    tg.setMemberStatus(-801, bot, 'left');
    expect(await adapter.checkPosting(ref(-801))).toMatchObject({ reason: expect.stringContaining('not a member') });

    // Members may not write in this group: the bot as a member cannot either; as an admin it can.
    tg.addChat({ id: -802, type: 'supergroup' });
    tg.setChatPermissions(-802, { can_send_messages: false });
    expect(await adapter.checkPosting(ref(-802))).toMatchObject({ missing: ['Send Messages'] });
    tg.setMemberStatus(-802, bot, 'administrator');
    expect(await adapter.checkPosting(ref(-802))).toBeUndefined();

    tg.addChat({ id: -1000803, type: 'channel' });
    expect(await adapter.checkPosting(ref(-1000803, 'channel'))).toMatchObject({ missing: ['Post Messages'] });
    tg.setMemberStatus(-1000803, bot, 'administrator');
    expect(await adapter.checkPosting(ref(-1000803, 'channel'))).toBeUndefined();
    tg.setBotRights(-1000803, { can_post_messages: false });
    expect(await adapter.checkPosting(ref(-1000803, 'channel'))).toMatchObject({ missing: ['Post Messages'] });

    tg.failNext('getChatMember', {}, Faults.chatNotFound());
    expect(await adapter.checkPosting(ref(-804))).toMatchObject({ reason: expect.stringContaining('not a member') });
    expect(await adapter.checkPosting(ref(4242, 'private'))).toBeUndefined();
    // Asked, never posted.
    expect(tg.sent).toHaveLength(0);
    expect(calledMethods(rig)).toEqual(['getChat', 'getChatMember']);
    expect(tg.callsOf('getChatMember').every((c) => Number(c.params['user_id']) === bot)).toBe(true);
  });

  it('rejects when Telegram cannot be asked (a failed check is not "fine")', async () => {
    rig = await startTelegramRig();
    rig.tg.failNext('getChatMember', {}, Faults.internal());
    await expect(rig.adapter.checkPosting(ref(-805))).rejects.toThrow();
  });

  it('is on the Invocations it builds, asked only when a command calls it', async () => {
    const probe: Command = {
      name: 'probe', options: [], access: 'everyone',
      run: async (_args, inv) => {
        const problem = await inv.checkPosting?.();
        return reply({ blocks: [paragraph(problem ? `problem: ${problem.missing.join(', ')}` : 'can post')] });
      },
    };
    rig = await startTelegramRig({ services: { ...(await testServices()), commands: [...commands, probe] } });
    await rig.say('/about', GROUP, ADMIN);
    expect(rig.tg.callsOf('getChatMember')).toHaveLength(0);
    expect((await rig.say('/probe', GROUP, ADMIN))[0]?.plainText).toBe('can post');
    // Members muted in the group (the fake still lets the bot answer, so the result can be seen).
    rig.tg.setChatPermissions(GROUP.id, { can_send_messages: false });
    expect((await rig.say('/probe', GROUP, ADMIN))[0]?.plainText).toBe('problem: Send Messages');
  });
});

describe('Telegram doctor', () => {
  const silent = createLogger({ level: 'silent' });

  it('polling: the token is accepted and no webhook is set; a webhook set elsewhere is a finding; nothing is sent', async () => {
    rig = await startTelegramRig();
    await settled(rig);
    const ok = await rig.adapter.doctor();
    expect(ok).toEqual([
      { ok: true, check: 'token', detail: 'accepted: the bot is @placardbot' },
      { ok: true, check: 'webhook', detail: expect.stringContaining('none set') },
      // Inline mode is optional: off is said, with where to switch it on, and is not a problem.
      { ok: true, check: 'inline mode', detail: expect.stringContaining('@BotFather (/setinline)') },
    ]);
    await new Api(rig.tg.token, { apiRoot: rig.tg.apiRoot }).setWebhook('https://elsewhere.example/hook');
    const findings = await rig.adapter.doctor();
    expect(findings[1]).toMatchObject({ ok: false, check: 'webhook', detail: expect.stringContaining('https://elsewhere.example/hook') });
    expect(calledMethods(rig).filter((m) => m !== 'getUpdates' && m !== 'setWebhook')).toEqual(['getMe', 'getWebhookInfo']);
    expect(rig.tg.sent).toHaveLength(0);
  });

  it('webhook mode: the URL must match; a failed delivery is reported with pending updates', async () => {
    rig = await startTelegramRig({ webhook: { url: 'http://127.0.0.1:9/telegram/hook', secret: 'S3cret' } });
    await rig.tg.waitFor(() => rig!.adapter.ready() || undefined);
    expect(await rig.adapter.doctor()).toEqual([
      expect.objectContaining({ ok: true, check: 'token' }),
      { ok: true, check: 'webhook', detail: 'set to http://127.0.0.1:9/telegram/hook; 0 update(s) waiting' },
      expect.objectContaining({ ok: true, check: 'inline mode' }),
    ]);
    // Port 9 answers nothing: Telegram records the failed delivery.
    const update = rig.tg.sendUserMessage({ chat: GROUP, from: ADMIN, text: '/start' });
    expect(await rig.tg.deliverToWebhook(update)).toBe(0);
    const findings = await rig.adapter.doctor();
    expect(findings[2]).toMatchObject({ ok: false, check: 'webhook delivery', detail: expect.stringMatching(/Connection refused; 1 update\(s\) waiting/) });
    await new Api(rig.tg.token, { apiRoot: rig.tg.apiRoot }).setWebhook('https://other.example/hook');
    expect((await rig.adapter.doctor())[1]).toMatchObject({ ok: false, detail: expect.stringContaining('expected http://127.0.0.1:9/telegram/hook') });
    expect(rig.tg.callsOf('sendMessage')).toHaveLength(0);
  });

  it('a rejected token or an unreachable API root is a finding, without starting the adapter', async () => {
    rig = await startTelegramRig();
    const services = rig.services;
    const wrong = new TelegramAdapter({ token: '1234567890:wrong', apiRoot: rig.tg.apiRoot, services, log: silent });
    expect(await wrong.doctor()).toEqual([{ ok: false, check: 'token', detail: expect.stringContaining('rejected the token (401)') }]);
    await rig.tg.setDown(true);
    const down = new TelegramAdapter({ token: rig.tg.token, apiRoot: rig.tg.apiRoot, services, log: silent });
    // ECONNRESET when grammY's pooled keep-alive socket to this root is tried first, ECONNREFUSED after.
    expect(await down.doctor()).toEqual([{ ok: false, check: 'token', detail: expect.stringMatching(/^could not ask Telegram: .*(ECONNREFUSED|ECONNRESET)/) }]);
  });
});
