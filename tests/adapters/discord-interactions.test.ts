/**
 * The Discord adapter end to end: admin checks, paging buttons, deferred
 * answers — real discord.js against the loopback fake.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { STALE_BUTTON } from '../../adapters/discord/inbound.js';
import type { Command } from '../../src/commands/types.js';
import { errorReply, message, paragraph, reply } from '../../src/rich/build.js';
import { ADMIN_PERMISSIONS, DEFAULT_MEMBER_PERMISSIONS, type MessageRecord } from '../fakes/discord/index.js';
import { G, startDiscordRig, type DiscordRig } from './discord-harness.js';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function rig(extra: Command[] = [], deferAfterMs?: number): Promise<DiscordRig> {
  const r = await startDiscordRig({ extra, ...(deferAfterMs === undefined ? {} : { adapter: { deferAfterMs } }) });
  cleanups.push(() => r.close());
  return r;
}

const adminOnly: Command = {
  name: 'admin-only', access: 'admin', options: [],
  run: () => reply(message('Admins only', [paragraph('Done.')])),
};

const MANAGE_GUILD = String(BigInt(DEFAULT_MEMBER_PERMISSIONS) | (1n << 5n));

interface Button { custom_id: string; label: string; disabled?: boolean }
/** The paging buttons of a message (its first row; action buttons follow in rows of their own). */
const buttonsOf = (m: MessageRecord | undefined): Button[] =>
  ((m?.components ?? []) as { components: Button[] }[]).flatMap((row) => row.components).filter((b) => b.custom_id?.startsWith('pg|'));
const titleOf = (m: MessageRecord | undefined): string | undefined => (m?.embeds[0] as { title?: string } | undefined)?.title;

describe('discord adapter: admin commands', () => {
  it('registers admin commands behind Manage Server and re-checks the member when they run', async () => {
    const { dc, answered } = await rig([adminOnly]);
    const def = dc.commands(G).find((c) => c.name === 'admin-only')!;
    expect(def.default_member_permissions).toBe('32');
    expect(dc.commands(G).find((c) => c.name === 'demands')!.default_member_permissions).toBeNull();

    const member = dc.slashCommand({ guildId: G, name: 'admin-only', memberPermissions: DEFAULT_MEMBER_PERMISSIONS });
    await answered(member);
    expect(member.responses()[0]).toMatchObject({ ok: true, callbackType: 4, ephemeral: true, allowedMentions: { parse: [] } });
    expect(member.responses()[0]!.content).toContain('Only admins');
    expect(member.responses()[0]!.embeds).toEqual([]);

    for (const who of [{ guildId: G, memberPermissions: MANAGE_GUILD }, { guildId: G, memberPermissions: ADMIN_PERMISSIONS }, {}]) {
      const h = dc.slashCommand({ ...who, name: 'admin-only' });
      await answered(h);
      expect(h.responses()[0]).toMatchObject({ ok: true, ephemeral: false, embeds: [{ title: 'Admins only' }] });
    }
  });
});

describe('discord adapter: paging buttons', () => {
  it('pages forward and back in place, and answers stale buttons politely', async () => {
    const { dc, answered } = await rig();
    const first = dc.slashCommand({ guildId: G, name: 'signatories' });
    await answered(first);
    const id = first.responses()[0]!.messageId!;
    expect(titleOf(dc.message(id))).toMatch(/^Signatories — page 1 of (\d+)$/);
    const pages = Number(/of (\d+)$/.exec(titleOf(dc.message(id))!)![1]);
    expect(buttonsOf(dc.message(id)).map((b) => [b.label, b.disabled, b.custom_id])).toEqual([
      ['◀ Previous', true, 'pg|signatories|0|'], ['Next ▶', false, 'pg|signatories|2|'],
    ]);

    const next = dc.pressButton({ customId: 'pg|signatories|2|', messageId: id, memberPermissions: DEFAULT_MEMBER_PERMISSIONS });
    expect(await answered(next)).toMatchObject({ ok: true, kind: 'button', command: 'signatories' });
    expect(next.responses()).toMatchObject([{ callbackType: 7, ok: true, allowedMentions: { parse: [] } }]);
    expect(titleOf(dc.message(id))).toBe(`Signatories — page 2 of ${pages}`);
    expect(buttonsOf(dc.message(id)).map((b) => b.custom_id)).toEqual(['pg|signatories|1|', 'pg|signatories|3|']);

    const back = dc.pressButton({ customId: 'pg|signatories|1|', messageId: id });
    await answered(back);
    expect(titleOf(dc.message(id))).toBe(`Signatories — page 1 of ${pages}`);

    const last = dc.pressButton({ customId: `pg|signatories|${pages}|`, messageId: id });
    await answered(last);
    expect(buttonsOf(dc.message(id)).map((b) => b.disabled)).toEqual([false, true]);

    for (const stale of ['pg|signatories|99|', 'pg|retired|2|', 'subscribe:yes']) {
      const h = dc.pressButton({ customId: stale, messageId: id });
      await answered(h);
      expect(h.responses()).toMatchObject([{ callbackType: 4, ok: true, ephemeral: true, allowedMentions: { parse: [] } }]);
      expect(h.responses()[0]!.content).toMatch(stale.includes('99') ? /page 99 does not exist/ : new RegExp(STALE_BUTTON.slice(0, 20)));
    }
    expect(titleOf(dc.message(id))).toBe(`Signatories — page ${pages} of ${pages}`);
  });

  it('keeps the filter across pages', async () => {
    const { dc, answered } = await rig();
    const h = dc.slashCommand({ guildId: G, name: 'signatories', options: { filter: 'party', page: 1 } });
    await answered(h);
    const id = h.responses()[0]!.messageId!;
    const next = buttonsOf(dc.message(id))[1]!;
    expect(next.custom_id).toBe('pg|signatories|2|party');
    await answered(dc.pressButton({ customId: next.custom_id, messageId: id }));
    expect(titleOf(dc.message(id))).toBe('Signatories — page 2 of 2');
    expect((dc.message(id)!.embeds[0] as { description: string }).description).toMatch(/matching “party”/);
  });
});

describe('discord adapter: deferred answers', () => {
  it('defers a slow answer, then edits it in; a slow error is replaced by an ephemeral follow-up', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const slow: Command = {
      name: 'slow', access: 'everyone', options: [{ name: 'fail', type: 'string' }],
      run: async ({ options }) => { await gate; return options.fail ? errorReply('Nope.') : reply(message('Done', [paragraph('late')])); },
    };
    const { dc, answered } = await rig([slow], 30);
    const ok = dc.slashCommand({ guildId: G, name: 'slow' });
    const failing = dc.slashCommand({ guildId: G, name: 'slow', options: { fail: 'yes' } });
    await ok.waitForResponse();
    await failing.waitForResponse();
    release();
    expect(await answered(ok)).toMatchObject({ ok: true, deferred: true, messages: 1 });
    expect(ok.responses().map((r) => [r.kind, r.callbackType, r.ok])).toEqual([['callback', 5, true], ['edit', undefined, true]]);
    expect(ok.original()).toMatchObject({ loading: false, allowedMentions: { parse: [] }, embeds: [{ title: 'Done' }] });

    expect(await answered(failing)).toMatchObject({ ok: true, deferred: true });
    expect(failing.responses().map((r) => [r.kind, r.ok, r.ephemeral])).toEqual([
      ['callback', true, false], ['delete', true, false], ['followup', true, true],
    ]);
    expect(failing.responses()[2]).toMatchObject({ content: 'Nope.', allowedMentions: { parse: [] } });
  });
});
