/**
 * The Signal adapter against the daemon fake: answers word for word, in
 * groups quoting the command; only a group's admins may run admin commands
 * (whichever shape listGroups has); a private chat's person is its admin,
 * and its settings — its number — are kept only while it is subscribed;
 * nothing personal reaches the log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readChatSettings } from '../../src/store/chat-settings.js';
import { DELIVERED } from '../../src/schedule/delivery.js';
import { SignalRpcError } from '../../adapters/signal/rpc.js';
import { shippedCampaign } from '../helpers/core.js';
import { ANA, MIA, OLA, startSignalRig, type SignalRig } from './signal-harness.js';

let rig: SignalRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const settingsOf = (r: SignalRig, chatId: string): Promise<unknown> => readChatSettings(r.services.store, { platform: 'signal', chatId });

describe('signal adapter', () => {
  it('answers /demands in a group word for word, quoting the command, demands in one styled message', async () => {
    const r = (rig = await startSignalRig());
    const campaign = await shippedCampaign();
    const smk = campaign.statementById.get(campaign.meta.demandsFirst)!;
    const at = Date.now();
    const [answer, ...more] = await r.say('/demands', { group: r.group, from: MIA });
    expect(more).toHaveLength(0);
    for (const d of smk.demands) expect(answer!.text).toContain(d.text);
    expect(answer!.quoteTimestamp).toBeGreaterThanOrEqual(at);
    expect(answer!.styles[0]).toMatchObject({ start: 0, style: 'BOLD' });
    expect(r.sig.callsOf('send').at(-1)).toMatchObject({ groupId: r.group, account: r.sig.account });
    expect(r.sig.violations).toEqual([]);
  });

  for (const style of ['current', 'legacy', 'strings'] as const) {
    it(`only the group's admins may /subscribe (listGroups ${style})`, async () => {
      const r = (rig = await startSignalRig({ onFake: (sig) => sig.setListGroupsStyle(style) }));
      const refused = await r.say('/subscribe', { group: r.group, from: MIA });
      expect(refused[0]!.text).toMatch(/admins/i);
      expect(await settingsOf(r, r.group)).toBeUndefined();
      await r.say('/subscribe', { group: r.group, from: ANA });
      expect(await settingsOf(r, r.group)).toMatchObject({ subscribed: true, kind: 'group' });
    });
  }

  it('an admin promoted in Signal may subscribe at once: a group update drops the cached admins', async () => {
    const r = (rig = await startSignalRig());
    expect((await r.say('/subscribe', { group: r.group, from: MIA }))[0]!.text).toMatch(/admins/i);
    r.sig.setAdmin(r.group, MIA, true);
    r.sig.emit({ account: r.sig.account, envelope: { sourceNumber: ANA.number, sourceUuid: ANA.uuid, timestamp: Date.now(), dataMessage: { timestamp: Date.now(), message: null, groupInfo: { groupId: r.group, type: 'UPDATE' } } } });
    await r.say('/subscribe', { group: r.group, from: MIA });
    expect(await settingsOf(r, r.group)).toMatchObject({ subscribed: true });
  });

  it('in a private chat the person is the admin; the chat is their ACI, or their number when Signal gives no ACI', async () => {
    const r = (rig = await startSignalRig());
    await r.say('/subscribe 08:30 Europe/Berlin', { from: OLA });
    expect(await settingsOf(r, OLA.uuid!)).toMatchObject({ subscribed: true, kind: 'private', reminderTime: '08:30', timeZone: 'Europe/Berlin' });
    r.sig.say({ number: '+4917600000099' }, '/start');
    const [welcome] = await r.sig.waitForSent(1, { chatId: '+4917600000099' });
    expect(welcome!.kind).toBe('private');
  });

  it('keeps a private chat\'s settings only while subscribed: /unsubscribe deletes them with their markers; a setting alone is not kept', async () => {
    const r = (rig = await startSignalRig());
    await r.say('/subscribe');
    const chat = { platform: 'signal' as const, chatId: ANA.uuid! };
    await r.services.store.set(DELIVERED, `signal:${ANA.uuid!}:zhanaozen-massacre-2011:2026`, { outcome: 'sent', at: new Date().toISOString() });
    expect(await readChatSettings(r.services.store, chat)).toMatchObject({ subscribed: true });
    const [bye] = await r.say('/unsubscribe');
    expect(bye!.text).toMatch(/no more/i);
    expect(await readChatSettings(r.services.store, chat)).toBeUndefined();
    expect(await r.services.store.get(DELIVERED, `signal:${ANA.uuid!}:zhanaozen-massacre-2011:2026`)).toBeUndefined();
    const [saved, note] = await r.say('/settings zone Europe/Berlin');
    expect(saved!.text).toMatch(/saved/i);
    expect(note!.text).toMatch(/^Not kept: .*only while you get reminders \(\/subscribe\)/);
    expect(await readChatSettings(r.services.store, chat)).toBeUndefined();
    // A group keeps its settings whether subscribed or not: its id is no person's.
    await r.say('/settings zone Europe/Berlin', { group: r.group, from: ANA });
    expect(await settingsOf(r, r.group)).toMatchObject({ timeZone: 'Europe/Berlin' });
  });

  it('answers neither sync messages, nor its own, nor plain text, nor commands for another bot; a mention of it works', async () => {
    const r = (rig = await startSignalRig());
    r.sig.syncSent('/demands', { group: r.group });
    r.sig.say({ number: r.sig.account, uuid: r.sig.botUuid }, '/demands', { group: r.group });
    r.sig.say(ANA, 'hello', { group: r.group });
    r.sig.say(ANA, '/demands@otherbot', { group: r.group });
    r.sig.say(ANA, '\uFFFC /about', { group: r.group, mentions: [{ start: 0, length: 1, person: { number: r.sig.account, name: 'Placard' } }] });
    const [about] = await r.sig.waitForSent(1, { chatId: r.group });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.sig.sentTo(r.group)).toHaveLength(1);
    expect(about!.text).toContain((await shippedCampaign()).meta.title);
  });

  it('answers one chat\'s messages in order', async () => {
    const r = (rig = await startSignalRig());
    for (const line of ['/about', '/statements', '/next', '/timeline']) r.sig.say(ANA, line, { group: r.group });
    const sent = await r.sig.waitForSent(4, { chatId: r.group, timeoutMs: 10_000 });
    expect(sent.map((m) => m.text.split('\n')[0])).toEqual([
      expect.stringMatching(/Solidarity|Kazakhstan/), expect.stringMatching(/Statements/i), expect.stringMatching(/Next|anniversary/i), expect.stringMatching(/Timeline|Events/i),
    ]);
  });

  it('logs no phone number, no ACI, no group name and no message text', async () => {
    const r = (rig = await startSignalRig());
    await r.say('/subscribe', { group: r.group, from: ANA });
    await r.say('/statement nothing-like-this', { from: MIA });
    r.sig.unregister(MIA);
    r.sig.say(MIA, '/demands');
    await r.sig.waitFor(() => r.logs.text.includes('"result":"gone"') || undefined, 5000, 'a logged failure');
    r.sig.failNext('send', { kind: 'notAMember' });
    r.sig.say(ANA, '/about', { group: r.group });
    // A group the bot was removed from is forgotten when a reply finds it gone.
    const left = r.group;
    for (let i = 0; i < 200 && (await settingsOf(r, left)) !== undefined; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await settingsOf(r, left)).toBeUndefined();
    // A daemon error logged whole keeps the daemon's words (which quote numbers) out of the line.
    r.log.warn({ err: new SignalRpcError('send', -1, `The user ${MIA.number!} is not registered.`, { response: { results: [{ recipientAddress: MIA }] } }) }, 'x');
    const log = r.logs.text;
    expect(log).toContain('"code":-1');
    for (const secret of [ANA.number!, ANA.uuid!, MIA.number!, MIA.uuid!, r.sig.account, 'Solidarity', 'nothing-like-this']) expect(log).not.toContain(secret);
    expect(log).toContain('private:');
  });
});
