/**
 * Action buttons and select menus end to end: real discord.js against the
 * loopback fake. A press runs its command as the presser and updates the
 * message it sits under; errors and stale buttons answer privately.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_SELECT_ID } from '../../adapters/discord/actions.js';
import { STALE_BUTTON } from '../../adapters/discord/inbound.js';
import type { Command, Invocation, Role } from '../../src/commands/types.js';
import { action, errorReply, message, paragraph, reply } from '../../src/rich/build.js';
import { ADMIN_PERMISSIONS, DEFAULT_MEMBER_PERMISSIONS, type MessageRecord } from '../fakes/discord/index.js';
import { G, startDiscordRig, type DiscordRig } from './discord-harness.js';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** What the `step` command saw when it ran. */
const seen: { text: string; locale?: string; userLocale?: string; role: Role }[] = [];
let gate: Promise<void> = Promise.resolve();

/** `/step n`: shows step n with buttons to steps n+1 and n+2; `fail` answers an error; `many` offers 30 steps. */
const step: Command = {
  name: 'step', access: 'everyone',
  options: [{ name: 'n', type: 'string' }],
  run: async (_args, inv: Invocation) => {
    seen.push({
      text: inv.text, ...(inv.locale === undefined ? {} : { locale: inv.locale }),
      ...(inv.userLocale === undefined ? {} : { userLocale: inv.userLocale }), role: await inv.role(),
    });
    await gate;
    if (inv.text === 'fail') return errorReply('That step does not exist.');
    if (inv.text === 'many') return reply(message('Many', [paragraph('Pick one.')]), undefined, Array.from({ length: 30 }, (_, i) => action(`Step ${i}`, 'step', String(i))));
    const n = Number(inv.text || '0');
    return reply(message(`Step ${n}`, [paragraph(`You are at step ${n}.`)]), undefined, [
      action('Next', 'step', String(n + 1)), action('Skip', 'step', String(n + 2)), action('Fail', 'step', 'fail'),
    ]);
  },
};

async function rig(deferAfterMs?: number): Promise<DiscordRig> {
  seen.length = 0;
  gate = Promise.resolve();
  const r = await startDiscordRig({ extra: [step], ...(deferAfterMs === undefined ? {} : { adapter: { deferAfterMs } }) });
  cleanups.push(() => r.close());
  return r;
}

const titleOf = (m: MessageRecord | undefined): string | undefined => (m?.embeds[0] as { title?: string } | undefined)?.title;

describe('discord action buttons', () => {
  it('shows actions as buttons; a press runs the command as the presser and updates the message in place', async () => {
    const { dc, answered } = await rig();
    const h = dc.slashCommand({ guildId: G, name: 'step', options: { n: '1' } });
    await answered(h);
    const id = h.responses()[0]!.messageId!;
    expect(dc.pressables(id).map((p) => [p.label, p.customId])).toEqual([['Next', 'a|step|2'], ['Skip', 'a|step|3'], ['Fail', 'a|step|fail']]);

    const press = dc.press(id, 'Next', { memberPermissions: ADMIN_PERMISSIONS, locale: 'ru' });
    expect(await answered(press)).toMatchObject({ ok: true, kind: 'button', command: 'step', deferred: false });
    expect(press.responses()).toMatchObject([{ kind: 'callback', callbackType: 7, ok: true, allowedMentions: { parse: [] } }]);
    // In a server, public answers follow the server's locale; the presser's own is there for what only they see.
    expect(seen.at(-1)).toEqual({ text: '2', locale: 'en-US', userLocale: 'ru', role: 'admin' });
    expect(titleOf(dc.message(id))).toBe('Step 2');
    expect(dc.pressables(id).map((p) => p.customId)).toEqual(['a|step|3', 'a|step|4', 'a|step|fail']);
    expect(dc.channelMessages(String(h.payload.channel_id))).toHaveLength(1);

    await answered(dc.press(id, 'Skip', { memberPermissions: DEFAULT_MEMBER_PERMISSIONS }));
    expect(seen.at(-1)).toEqual({ text: '4', locale: 'en-US', userLocale: 'en-US', role: 'member' });
    expect(titleOf(dc.message(id))).toBe('Step 4');
  });

  it('answers an error privately and leaves the message alone; so are stale and foreign buttons', async () => {
    const { dc, answered } = await rig();
    const h = dc.slashCommand({ guildId: G, name: 'step', options: { n: '1' } });
    await answered(h);
    const id = h.responses()[0]!.messageId!;
    const before = JSON.stringify(dc.message(id));

    const fail = dc.press(id, 'Fail');
    await answered(fail);
    expect(fail.responses()).toMatchObject([{ callbackType: 4, ephemeral: true, ok: true, content: 'That step does not exist.', allowedMentions: { parse: [] } }]);
    for (const stale of ['a|retired|x', 'pg|retired|2|', 'subscribe:yes']) {
      const s = dc.pressButton({ customId: stale, messageId: id });
      expect(await answered(s)).toMatchObject({ ok: true, command: 'unknown' });
      expect(s.responses()).toMatchObject([{ callbackType: 4, ephemeral: true, content: STALE_BUTTON }]);
    }
    const select = dc.pressButton({ customId: ACTION_SELECT_ID, messageId: id, componentType: 3, values: ['nonsense'] });
    await answered(select);
    expect(select.responses()).toMatchObject([{ callbackType: 4, ephemeral: true, content: STALE_BUTTON }]);
    expect(JSON.stringify(dc.message(id))).toBe(before);
  });

  it('puts what does not fit as buttons in a select menu; choosing an option updates the message', async () => {
    const { dc, answered } = await rig();
    const h = dc.slashCommand({ name: 'step', options: { n: 'many' } });
    await answered(h);
    expect(h.responses()[0]).toMatchObject({ ok: true });
    const id = h.responses()[0]!.messageId!;
    const all = dc.pressables(id);
    expect(all.filter((p) => p.kind === 'button')).toHaveLength(20);
    expect(all.filter((p) => p.kind === 'option').map((p) => p.label)).toEqual(Array.from({ length: 10 }, (_, i) => `Step ${i + 20}`));
    const choose = dc.press(id, 'Step 27');
    expect(await answered(choose)).toMatchObject({ ok: true, kind: 'select', command: 'step' });
    expect(choose.payload.data).toMatchObject({ custom_id: ACTION_SELECT_ID, component_type: 3, values: ['a|step|27'] });
    expect(choose.responses()).toMatchObject([{ callbackType: 7, ok: true }]);
    expect(titleOf(dc.message(id))).toBe('Step 27');
    expect(dc.pressables(id).map((p) => p.kind)).toEqual(['button', 'button', 'button']);
  });

  it('a slow press is acknowledged at once and the message edited when the answer is ready, well within 3 s', async () => {
    const { dc, answered } = await rig(30);
    const h = dc.slashCommand({ guildId: G, name: 'step', options: { n: '1' } });
    await answered(h);
    const id = h.responses()[0]!.messageId!;
    let release: () => void = () => undefined;
    gate = new Promise<void>((resolve) => { release = resolve; });
    const slow = dc.press(id, 'Next');
    const failing = dc.press(id, 'Fail');
    await slow.waitForResponse();
    await failing.waitForResponse();
    release();
    expect(await answered(slow)).toMatchObject({ ok: true, deferred: true });
    expect(slow.responses().map((r) => [r.kind, r.callbackType, r.ok, r.messageId])).toEqual([['callback', 6, true, id], ['edit', undefined, true, id]]);
    expect(slow.responses()[0]!.elapsedMs).toBeLessThan(3000);
    expect(titleOf(dc.message(id))).toBe('Step 2');

    // A slow error: acknowledged silently, then a private follow-up; the message stays as it was.
    expect(await answered(failing)).toMatchObject({ ok: true, deferred: true });
    expect(failing.responses().map((r) => [r.kind, r.callbackType, r.ephemeral])).toEqual([['callback', 6, false], ['followup', undefined, true]]);
    expect(titleOf(dc.message(id))).toBe('Step 2');
  });

  it('a slow press on a reminder is deferred privately, then answered in that private message', async () => {
    const { dc, adapter, answered } = await rig(30);
    const C = '210000000000000002';
    expect(await adapter.send({ platform: 'discord', chatId: C, kind: 'group' }, message('Reminder', [paragraph('x')]), [action('Step', 'step', '5')])).toEqual({ kind: 'sent' });
    const [posted] = dc.channelMessages(C);
    let release: () => void = () => undefined;
    gate = new Promise<void>((resolve) => { release = resolve; });
    const h = dc.press(posted!.id, 'Step');
    await h.waitForResponse();
    release();
    expect(await answered(h)).toMatchObject({ ok: true, deferred: true });
    expect(h.responses().map((r) => [r.kind, r.callbackType, r.ephemeral])).toEqual([['callback', 5, true], ['edit', undefined, false]]);
    expect(h.original()).toMatchObject({ ephemeral: true, loading: false, embeds: [{ title: 'Step 5' }] });
    expect(dc.message(posted!.id)!.embeds).toMatchObject([{ title: 'Reminder' }]);
  });

  it('every message, button and menu it sends passes Discord\'s component limits', async () => {
    const { dc, answered } = await rig();
    for (const n of ['many', '1']) await answered(dc.slashCommand({ guildId: G, name: 'step', options: { n } }));
    const rejected = dc.requests.filter((r) => r.status >= 400);
    expect(rejected).toEqual([]);
  });
});
