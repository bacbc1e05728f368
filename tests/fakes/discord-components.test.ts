/**
 * Self-test of the Discord fake's message components: Discord's limits on
 * rows, buttons and select menus, and pressing what a message shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { REST, Routes } from 'discord.js';
import { bareDiscordEchoClient } from './discord/echo-client.js';
import { DEFAULT_USER, startFakeDiscord, type FakeDiscord } from './discord/index.js';

const G = '210000000000000001';
const C = '210000000000000002';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function setup(): Promise<{ dc: FakeDiscord; rest: REST }> {
  const dc = await startFakeDiscord({ guilds: [{ id: G, name: 'Solidarity', channels: [{ id: C, name: 'general' }] }] });
  cleanups.push(() => dc.close());
  return { dc, rest: new REST({ api: dc.restApi, retries: 0 }).setToken(dc.token) };
}

const button = (id: string, label = 'Go', extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type: 2, style: 2, custom_id: id, label, ...extra });
const row = (...components: unknown[]): Record<string, unknown> => ({ type: 1, components });
const select = (id: string, values: string[]): Record<string, unknown> =>
  ({ type: 3, custom_id: id, options: values.map((v) => ({ label: `L ${v}`, value: v })) });

/** The Discord error code and the error paths of a refused post, or 'ok'. */
async function post(rest: REST, components: unknown[]): Promise<string> {
  try {
    await rest.post(Routes.channelMessages(C), { body: { content: 'x', components } });
    return 'ok';
  } catch (error: unknown) {
    const e = error as { code?: number; rawError?: { errors?: unknown } };
    return `${e.code}: ${JSON.stringify(e.rawError?.errors)}`;
  }
}

describe('fake Discord: message components', () => {
  it('accepts what Discord accepts and refuses what it refuses, with 50035 and the field', async () => {
    const { rest } = await setup();
    const five = (p: string) => row(...[1, 2, 3, 4, 5].map((i) => button(`${p}${i}`)));
    expect(await post(rest, [five('a'), five('b'), five('c'), five('d'), row(select('s', ['1', '2']))])).toBe('ok');
    expect(await post(rest, [five('a'), five('b'), five('c'), five('d'), five('e'), five('f')])).toMatch(/^50035: .*components/);
    expect(await post(rest, [row(...[1, 2, 3, 4, 5, 6].map((i) => button(`x${i}`)))])).toMatch(/^50035: .*BASE_TYPE_BAD_LENGTH/);
    expect(await post(rest, [row(button('a', 'x'.repeat(81)))])).toMatch(/^50035: .*label/);
    expect(await post(rest, [row(button('y'.repeat(101)))])).toMatch(/^50035: .*custom_id/);
    expect(await post(rest, [row(button('same')), row(button('same'))])).toMatch(/COMPONENT_CUSTOM_ID_DUPLICATED/);
    expect(await post(rest, [row(button('b'), select('s', ['1']))])).toMatch(/COMPONENT_LAYOUT_WIDTH_EXCEEDED/);
    expect(await post(rest, [row(select('s', Array.from({ length: 26 }, (_, i) => String(i))))])).toMatch(/options/);
    expect(await post(rest, [row(select('s', ['1', '1']))])).toMatch(/SELECT_COMPONENT_OPTION_VALUE_DUPLICATED/);
    expect(await post(rest, [row(button('n', ''))])).toMatch(/label/);
    expect(await post(rest, [row(button('l', 'Link', { style: 5, url: 'https://example.org', custom_id: undefined }))])).toBe('ok');
  });

  it('lists what a message shows and presses it as Discord would; disabled or absent components cannot be pressed', async () => {
    const { dc, rest } = await setup();
    const echo = await bareDiscordEchoClient(dc.restApi, dc.token);
    cleanups.push(() => echo.stop());
    await rest.post(Routes.channelMessages(C), {
      body: { content: 'x', components: [row(button('one', 'One'), button('off', 'Off', { disabled: true })), row(select('pick', ['a', 'b']))] },
    });
    const [m] = dc.channelMessages(C);
    expect(dc.pressables(m!.id).map((p) => [p.kind, p.label, p.customId, p.value ?? null, p.disabled])).toEqual([
      ['button', 'One', 'one', null, false], ['button', 'Off', 'off', null, true], ['option', 'L a', 'pick', 'a', false], ['option', 'L b', 'pick', 'b', false],
    ]);
    const pressed = dc.press(m!.id, 'One');
    expect(pressed.payload).toMatchObject({ type: 3, data: { custom_id: 'one', component_type: 2 }, message: { id: m!.id, components: m!.components } });
    // A bot's own channel post is not an answer to an interaction: no interaction_metadata.
    expect((pressed.payload.message as Record<string, unknown>).interaction_metadata).toBeUndefined();
    expect(dc.press(m!.id, 'L b').payload.data).toEqual({ custom_id: 'pick', component_type: 3, values: ['b'] });
    expect(() => dc.press(m!.id, 'Off')).toThrow(/disabled/);
    expect(() => dc.press(m!.id, 'Nope')).toThrow(/no component/);
  });

  it('an answer to an interaction carries interaction_metadata (who, which interaction), as on Discord', async () => {
    const { dc } = await setup();
    const echo = await bareDiscordEchoClient(dc.restApi, dc.token);
    cleanups.push(() => echo.stop());
    const h = dc.slashCommand({ guildId: G, name: 'anything' });
    const answer = await h.waitForResponse();
    const pressed = dc.pressButton({ customId: 'x', messageId: answer.messageId! });
    expect((pressed.payload.message as Record<string, unknown>).interaction_metadata).toMatchObject({
      id: h.id, type: 2, user: { id: DEFAULT_USER.id }, authorizing_integration_owners: { '0': G },
    });
  });
});
