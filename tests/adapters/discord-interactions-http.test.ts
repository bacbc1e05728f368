/**
 * Discord over HTTP interactions end to end: the fake signs and POSTs each
 * interaction to the adapter's `/discord/interactions` route on the project's
 * HTTP server and takes the HTTP response as the callback; later answers go
 * to the interaction webhook over REST. No gateway is opened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { STALE_BUTTON } from '../../adapters/discord/inbound.js';
import { createLogger } from '../../src/log.js';
import type { Command } from '../../src/commands/types.js';
import { action, errorReply, message, paragraph, reply } from '../../src/rich/build.js';
import type { InteractionHandle, InteractionResponseRecord } from '../fakes/discord/index.js';
import { C, G, startDiscordRig, type DiscordRig } from './discord-harness.js';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

let gate: Promise<void> = Promise.resolve();
let delayMs = 0;

/** `/slow [fail]`: answers after `delayMs` and the gate; `fail` answers an error. */
const slow: Command = {
  name: 'slow', access: 'everyone', options: [{ name: 'fail', type: 'string' }],
  run: async ({ options }) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    await gate;
    return options.fail ? errorReply('Nope.') : reply(message('Done', [paragraph('late')]), undefined, [action('Again', 'slow', '')]);
  },
};

/** `/long`: three long messages, which take three Discord messages (6,000 characters of embeds to a message at most). */
const long: Command = {
  name: 'long', access: 'everyone', options: [],
  run: () => reply(['one', 'two', 'three'].map((t) => message(t, [paragraph(`${t} `.repeat(750).trim())]))),
};

/** `/menu`: 30 actions (each showing the menu again), more than fit as buttons: the rest are in a select menu. */
const menu: Command = {
  name: 'menu', access: 'everyone', options: [],
  run: () => reply(message('Menu', [paragraph('Pick one.')]), undefined, Array.from({ length: 30 }, (_, i) => action(`Item ${i}`, 'menu', String(i)))),
};

async function rig(deferAfterMs?: number): Promise<DiscordRig> {
  gate = Promise.resolve();
  delayMs = 0;
  const r = await startDiscordRig({ extra: [slow, long, menu], http: true, ...(deferAfterMs === undefined ? {} : { adapter: { deferAfterMs } }) });
  cleanups.push(() => r.close());
  return r;
}

const endpoint = (r: DiscordRig): string => `http://127.0.0.1:${r.http!.port}/discord/interactions`;

/** POSTs `body` to the endpoint with the headers given. */
async function post(r: DiscordRig, body: string, headers: { readonly 'x-signature-ed25519'?: string; readonly 'x-signature-timestamp'?: string }): Promise<{ status: number; json: unknown }> {
  const given = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await fetch(endpoint(r), { method: 'POST', headers: { 'content-type': 'application/json', ...given }, body });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text) as unknown };
}

const summary = (responses: readonly InteractionResponseRecord[]): unknown[] =>
  responses.map((r) => [r.kind, r.callbackType ?? null, r.ok, r.via ?? 'rest']);
/** REST requests to the callback route (a gateway interaction's first answer): none over HTTP. */
const restCallbacks = (r: DiscordRig): number => r.dc.requests.filter((q) => q.route === '/interactions/:id/:token/callback').length;

describe('discord HTTP interactions: the endpoint', () => {
  it('passes Discord\'s check of the URL and answers a signed PING with a PONG', async () => {
    const r = await rig();
    // Saving the URL sent a signed PING (200) and a forged one (401).
    expect(r.dc.endpointRequests.slice(0, 2)).toEqual([{ type: 1, status: 200 }, { type: 1, status: 401 }]);
    const ping = JSON.stringify({ id: '1', application_id: r.dc.applicationId, type: 1, token: 't', version: 1 });
    expect(await post(r, ping, { ...r.dc.signInteraction(ping) })).toEqual({ status: 200, json: { type: 1 } });
  });

  it('refuses with 401 what Discord did not sign: a bad or missing signature, a changed body, an old timestamp', async () => {
    const r = await rig();
    const ping = JSON.stringify({ id: '1', application_id: r.dc.applicationId, type: 1, token: 't', version: 1 });
    const signed = r.dc.signInteraction(ping);
    const other = r.dc.signInteraction(`${ping} `);
    const old = String(Math.floor(Date.now() / 1000) - 600);
    const refused = [
      {}, // no headers
      { 'x-signature-timestamp': signed['x-signature-timestamp'] },
      { 'x-signature-ed25519': signed['x-signature-ed25519'] },
      { ...signed, 'x-signature-ed25519': 'zz' },
      { ...signed, 'x-signature-ed25519': '0'.repeat(128) },
      { ...other, 'x-signature-timestamp': signed['x-signature-timestamp'] }, // another body's signature
      { ...signed, 'x-signature-timestamp': String(Number(signed['x-signature-timestamp']) + 1) }, // a changed timestamp
      r.dc.signInteraction(ping, old), // signed, but ten minutes old: a replay
    ];
    for (const headers of refused) expect(await post(r, ping, headers)).toMatchObject({ status: 401 });
    // The signature covers the raw bytes: the same JSON with other spacing is refused too.
    expect(await post(r, ping.replace(/,/g, ', '), signed)).toMatchObject({ status: 401 });
    expect(await post(r, 'not json', r.dc.signInteraction('not json'))).toMatchObject({ status: 400 });
    expect(await post(r, ping, signed)).toEqual({ status: 200, json: { type: 1 } });
  });

  it('answers a PING before the adapter is started, and 503 for anything else until then', async () => {
    const r = await rig();
    await r.adapter.stop();
    const ping = JSON.stringify({ id: '1', application_id: r.dc.applicationId, type: 1, token: 't', version: 1 });
    expect(await post(r, ping, r.dc.signInteraction(ping))).toEqual({ status: 200, json: { type: 1 } });
    const command = JSON.stringify({ id: '2', application_id: r.dc.applicationId, type: 2, token: 't', version: 1, data: { id: '3', name: 'start', type: 1 } });
    expect(await post(r, command, r.dc.signInteraction(command))).toMatchObject({ status: 503 });
  });

  it('opens no gateway connection, is ready, and says so on /readyz', async () => {
    const r = await rig();
    const h = r.dc.slashCommand({ guildId: G, name: 'start' });
    await r.answered(h);
    expect(r.dc.gatewayStats()).toMatchObject({ connections: 0, identifies: 0, open: 0 });
    expect(r.dc.requests.some((q) => q.path.startsWith('/gateway'))).toBe(false);
    expect(r.adapter.ready()).toBe(true);
    const res = await fetch(`http://127.0.0.1:${r.http!.port}/readyz`);
    expect({ status: res.status, body: await res.json() as unknown }).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('posts reminders over REST with no gateway client', async () => {
    const r = await rig();
    const result = await r.adapter.send({ platform: 'discord', chatId: C, kind: 'group' }, message('On this day', [paragraph('A reminder.')]), [action('More', 'about', '')]);
    expect(result).toEqual({ kind: 'sent' });
    const post = await r.dc.waitForMessage(C, (m) => m.source === 'channel');
    expect(post).toMatchObject({ allowedMentions: { parse: [] }, embeds: [{ title: 'On this day' }] });
    // A press on that post answers the presser alone, in the HTTP response.
    const press = r.dc.press(post.id, 'More');
    await r.answered(press);
    expect(summary(press.responses())).toEqual([['callback', 4, true, 'http-response']]);
    expect(press.responses()[0]).toMatchObject({ ephemeral: true });
  });
});

describe('discord HTTP interactions: doctor', () => {
  it('says where Discord sends interactions and skips the gateway; a gateway bot with a saved URL is told it gets none', async () => {
    const r = await rig();
    const findings = await r.adapter.doctor();
    expect(findings.map((f) => [f.check, f.ok])).toEqual([['token', true], ['application', true], ['interactions', true], ['commands', true]]);
    expect(findings.find((f) => f.check === 'interactions')!.detail).toContain(endpoint(r));
    const gatewayBot = createDiscordAdapter({ token: r.dc.token, applicationId: r.dc.applicationId, guildId: G, apiUrl: r.dc.restApi, services: r.services, log: createLogger({ level: 'silent' }) });
    const told = (await gatewayBot.doctor()).find((f) => f.check === 'interactions');
    expect(told).toMatchObject({ ok: false, detail: expect.stringMatching(/no interactions over the gateway: set DISCORD_PUBLIC_KEY/) });
  });
});

describe('discord HTTP interactions: answers', () => {
  it('answers a slash command in the HTTP response (type 4), with no callback over REST', async () => {
    const r = await rig();
    const h = r.dc.slashCommand({ guildId: G, name: 'demands' });
    expect(await r.answered(h)).toMatchObject({ ok: true, kind: 'command', deferred: false, messages: 1 });
    expect(summary(h.responses())).toEqual([['callback', 4, true, 'http-response']]);
    expect(h.responses()[0]).toMatchObject({ ephemeral: false, allowedMentions: { parse: [] } });
    expect(h.original()?.embeds.length).toBeGreaterThan(0);
    expect(restCallbacks(r)).toBe(0);
  });

  it('answers an error privately (flag 64) and autocomplete with its choices (type 8)', async () => {
    const r = await rig();
    const refused = r.dc.slashCommand({ guildId: G, name: 'subscribe' }); // an admin command, run by a member
    await r.answered(refused);
    expect(refused.responses()).toMatchObject([{ kind: 'callback', callbackType: 4, ephemeral: true, flags: 64, via: 'http-response' }]);
    const ac = r.dc.autocomplete({ guildId: G, name: 'statement', options: { id: 'smk' } });
    expect(await r.answered(ac)).toMatchObject({ ok: true, kind: 'autocomplete' });
    const [answer] = ac.responses();
    expect(answer).toMatchObject({ callbackType: 8, ok: true, via: 'http-response' });
    expect((answer!.choices as { value: string }[]).map((c) => c.value)).toContain('smk-statement');
  });

  it('updates the pressed message in the HTTP response (type 7), for buttons and the select menu; a stale button answers privately', async () => {
    const r = await rig();
    const h = r.dc.slashCommand({ guildId: G, name: 'signatories' });
    await r.answered(h);
    const id = h.responses()[0]!.messageId!;
    const next = r.dc.press(id, 'Next ▶');
    expect(await r.answered(next)).toMatchObject({ ok: true, kind: 'button', command: 'signatories', updated: true });
    expect(summary(next.responses())).toEqual([['callback', 7, true, 'http-response']]);
    expect((r.dc.message(id)!.embeds[0] as { title: string }).title).toMatch(/page 2 of/);

    const shown = r.dc.slashCommand({ guildId: G, name: 'menu' });
    await r.answered(shown);
    const menuId = shown.responses()[0]!.messageId!;
    const option = r.dc.pressables(menuId).find((p) => p.componentType === 3)!;
    const chosen = r.dc.press(menuId, option);
    expect(await r.answered(chosen)).toMatchObject({ ok: true, kind: 'select', command: 'menu', updated: true });
    expect(summary(chosen.responses())).toEqual([['callback', 7, true, 'http-response']]);

    const stale = r.dc.pressButton({ customId: 'pg|retired|2|', messageId: id });
    await r.answered(stale);
    expect(stale.responses()).toMatchObject([{ callbackType: 4, ephemeral: true, via: 'http-response' }]);
    expect(stale.responses()[0]!.content).toContain(STALE_BUTTON.slice(0, 20));
    expect(restCallbacks(r)).toBe(0);
  });

  it('sends what does not fit one message as follow-ups over the webhook', async () => {
    const r = await rig();
    const h = r.dc.slashCommand({ guildId: G, name: 'long' });
    expect(await r.answered(h)).toMatchObject({ ok: true, messages: 3 });
    expect(summary(h.responses())).toEqual([
      ['callback', 4, true, 'http-response'], ['followup', null, true, 'rest'], ['followup', null, true, 'rest'],
    ]);
    expect(r.shown(h)).toHaveLength(3);
    for (const m of r.shown(h)) expect(m.allowedMentions).toEqual({ parse: [] });
  });
});

describe('discord HTTP interactions: slow answers', () => {
  const waitCallback = (h: InteractionHandle): Promise<InteractionResponseRecord> => h.waitForResponse({ timeoutMs: 5000 });

  it('defers a slow command (type 5) and edits the answer in; a slow error becomes a private follow-up', async () => {
    const r = await rig(30);
    let release: () => void = () => undefined;
    gate = new Promise<void>((resolve) => { release = resolve; });
    const ok = r.dc.slashCommand({ guildId: G, name: 'slow' });
    const failing = r.dc.slashCommand({ guildId: G, name: 'slow', options: { fail: 'yes' } });
    await waitCallback(ok);
    await waitCallback(failing);
    release();
    expect(await r.answered(ok)).toMatchObject({ ok: true, deferred: true, messages: 1 });
    expect(summary(ok.responses())).toEqual([['callback', 5, true, 'http-response'], ['edit', null, true, 'rest']]);
    expect(ok.original()).toMatchObject({ loading: false, allowedMentions: { parse: [] }, embeds: [{ title: 'Done' }] });
    expect(await r.answered(failing)).toMatchObject({ ok: true, deferred: true });
    expect(summary(failing.responses())).toEqual([
      ['callback', 5, true, 'http-response'], ['delete', null, true, 'rest'], ['followup', null, true, 'rest'],
    ]);
    expect(failing.responses()[2]).toMatchObject({ content: 'Nope.', ephemeral: true });
  });

  it('defers a slow press with a silent update (type 6), then edits the message', async () => {
    const r = await rig(30);
    const h = r.dc.slashCommand({ guildId: G, name: 'slow' });
    await r.answered(h);
    const id = h.responses().at(-1)!.messageId!;
    delayMs = 200;
    const again = r.dc.press(id, 'Again');
    expect(await r.answered(again)).toMatchObject({ ok: true, kind: 'button', deferred: true, updated: true });
    expect(summary(again.responses())).toEqual([['callback', 6, true, 'http-response'], ['edit', null, true, 'rest']]);
  });

  it('a command slower than Discord\'s 3 s is still answered: deferred in time, edited later', async () => {
    const r = await rig(); // the default: defer after 1.5 s
    delayMs = 3200;
    const h = r.dc.slashCommand({ guildId: G, name: 'slow' });
    expect(await r.answered(h)).toMatchObject({ ok: true, deferred: true });
    const [first, edit] = h.responses();
    expect(first).toMatchObject({ callbackType: 5, ok: true, via: 'http-response' });
    expect(first!.elapsedMs).toBeLessThan(3000);
    expect(edit).toMatchObject({ kind: 'edit', ok: true });
    expect(edit!.elapsedMs).toBeGreaterThanOrEqual(3000);
  }, 15_000);
});
