/**
 * The Discord adapter end to end: the real discord.js client against the
 * loopback fake of Discord's REST API and gateway, the real core behind it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../adapters/discord/escape.js';
import { renderDiscordReply } from '../../adapters/discord/render.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Command } from '../../src/commands/types.js';
import { action, message, paragraph, reply } from '../../src/rich/build.js';
import { openStore } from '../../src/store/open.js';
import { shippedCampaign } from '../helpers/core.js';
import { ADMIN_PERMISSIONS, type InteractionHandle, type MessageRecord } from '../fakes/discord/index.js';
import { G, startDiscordRig, type DiscordRig } from './discord-harness.js';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function rig(extra: Command[] = []): Promise<DiscordRig> {
  const r = await startDiscordRig({ extra });
  cleanups.push(() => r.close());
  return r;
}

interface Embed { title?: string; description?: string }
const embedsOf = (m: MessageRecord): Embed[] => m.embeds as Embed[];

/** Every answer was accepted by the fake and carried empty allowed mentions. */
function allClean(h: InteractionHandle): void {
  const responses = h.responses();
  expect(responses.length).toBeGreaterThan(0);
  for (const r of responses) {
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    if (r.kind !== 'delete' && r.callbackType !== 5 && r.callbackType !== 8) expect(r.allowedMentions).toEqual({ parse: [] });
  }
}

describe('discord adapter: commands', () => {
  it('answers every command of the list with its content, in a server and in a DM', async () => {
    const { dc, adapter, services, answered, shown } = await rig();
    const ids = adapter.knownCommandIds();
    expect(Object.keys(ids).sort()).toEqual(services.commands.map((c) => c.name).sort());
    // A twin core on its own store sees the same invocations in the same order: what it answers is what must show.
    const twinStore = await openStore('memory://');
    cleanups.push(() => twinStore.close());
    const twin = new Dispatcher({ ...services, store: twinStore });
    const first = services.campaign.statements[0]!.id;
    for (const command of services.commands) {
      const options: Record<string, string> = command.name === 'statement' ? { id: first } : {};
      for (const where of [{ guildId: G, memberPermissions: ADMIN_PERMISSIONS }, {}]) {
        const h = dc.slashCommand({ ...where, name: command.name, options });
        const outcome = await answered(h);
        expect(outcome).toMatchObject({ ok: true, kind: 'command', command: command.name, deferred: false });
        allClean(h);
        expect(h.responses()[0]).toMatchObject({ kind: 'callback', callbackType: 4 });
        const expected = await twin.dispatch({
          command: command.name, text: options.id ?? '', options, role: async () => 'admin', now: new Date(),
          chat: { platform: 'discord', chatId: String(h.payload.channel_id), kind: 'guildId' in where ? 'group' : 'private' },
        });
        const seen = shown(h).map((m) => ({ content: m.content, embeds: embedsOf(m).map((e) => [e.title, e.description]), components: m.components }));
        const want = renderDiscordReply(expected, { commandId: (name) => ids[name] })
          .map((m) => ({ content: m.content ?? '', embeds: (m.embeds ?? []).map((e) => [e.title, e.description]), components: m.components ?? [] }));
        expect(seen, command.name).toEqual(want);
      }
    }
  });

  it('autocomplete offers at most 25 choices matching what was typed', async () => {
    const { dc, services } = await rig();
    const ids = services.campaign.statements.map((s) => s.id);
    const all = await dc.autocomplete({ guildId: G, name: 'statement', options: { id: '' } }).waitForResponse();
    expect(all).toMatchObject({ callbackType: 8, ok: true });
    expect((all.choices as { value: string }[]).map((c) => c.value).sort()).toEqual([...ids].sort());
    const smk = await dc.autocomplete({ guildId: G, name: 'statement', options: { id: 'smk' } }).waitForResponse();
    const values = (smk.choices as { value: string }[]).map((c) => c.value);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v).toContain('smk');
    const many = await dc.autocomplete({ guildId: G, name: 'signatories', options: { filter: '' } }).waitForResponse();
    expect(many.ok).toBe(true);
    expect(many.choices!.length).toBe(25);
    const france = await dc.autocomplete({ name: 'signatories', options: { filter: 'fra' } }).waitForResponse();
    expect((france.choices as { name: string }[]).map((c) => c.name)).toContain('France (country)');
    const none = await dc.autocomplete({ guildId: G, name: 'help', options: { command: 'de' } }).waitForResponse();
    expect(none).toMatchObject({ ok: true, choices: [] });
  });

  it('@everyone and other mentions in an option never ping and are neutralised', async () => {
    const echo: Command = {
      name: 'echo', access: 'everyone',
      options: [{ name: 'text', type: 'string', required: true }],
      run: ({ options }) => reply(message(String(options.text), [paragraph(String(options.text))])),
    };
    const { dc, answered, shown } = await rig([echo]);
    const hostile = '**loud** @everyone @here <@&400000000000000001> <@300000000000000001>';
    for (const name of ['echo', 'statement']) {
      const key = name === 'echo' ? 'text' : 'id';
      const h = dc.slashCommand({ guildId: G, name, options: { [key]: hostile } });
      await answered(h);
      allClean(h);
      const seen = shown(h).flatMap((m) => [m.content, ...embedsOf(m).flatMap((e) => [e.title ?? '', e.description ?? ''])]).join('\n');
      expect(seen.length).toBeGreaterThan(0);
      for (const ping of ['@everyone', '@here', '<@&', '<@3']) expect(seen).not.toContain(ping);
      expect(seen).toContain('\\*\\*loud\\*\\*');
    }
  });

  it('a reply too long for one message arrives whole over several, each within the limits, buttons under the last', async () => {
    const longest = [...(await shippedCampaign()).statements].sort((a, b) => b.body.length - a.body.length)[0]!;
    // Commands answer in one short message now; the splitting underneath still has to hold for any long reply.
    const whole: Command = {
      name: 'whole', access: 'everyone', options: [],
      run: () => reply(message(longest.title, longest.paragraphs.map((p) => paragraph(p))), undefined, [action('Sources', 'sources')]),
    };
    const { dc, answered, shown } = await rig([whole]);
    const h = dc.slashCommand({ guildId: G, name: 'whole' });
    const outcome = await answered(h);
    allClean(h);
    const messages = shown(h);
    expect(outcome.messages).toBe(messages.length);
    expect(messages.length).toBeGreaterThan(1);
    expect(h.responses().map((r) => r.kind)).toEqual(['callback', ...messages.slice(1).map(() => 'followup')]);
    for (const m of messages) {
      const embeds = embedsOf(m);
      expect(embeds.length).toBeLessThanOrEqual(10);
      expect(embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0)).toBeLessThanOrEqual(6000);
      for (const e of embeds) expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    }
    expect(messages.map((m) => m.components.length)).toEqual([...messages.slice(1).map(() => 0), 1]);
    const all = messages.flatMap(embedsOf).map((e) => e.description ?? '').join('\n\n');
    for (const p of longest.paragraphs) expect(all).toContain(escapeMarkdown(p));
  });
});
