/** Slash-command registration: one bulk overwrite, only when the definitions changed. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDiscordAdapter,
  createDiscordRest,
  definitionsHash,
  registerCommands,
  registrationKey,
  REGISTRATION_NAMESPACE,
  slashCommandDefinitions,
  type DiscordAdapter,
} from '../../adapters/discord/index.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Command, Services } from '../../src/commands/types.js';
import { createLogger } from '../../src/log.js';
import { message, paragraph, reply } from '../../src/rich/build.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { describeCommand, describeOption } from '../../src/commands/describe.js';
import { testServices, voice } from '../helpers/core.js';

const G = '210000000000000001';
const C = '210000000000000002';
const log = createLogger({ level: 'silent' });

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function fake(): Promise<FakeDiscord> {
  const dc = await startFakeDiscord({ guilds: [{ id: G, name: 'Solidarity', channels: [{ id: C, name: 'general' }] }] });
  cleanups.push(() => dc.close());
  return dc;
}

async function started(dc: FakeDiscord, services: Services, guildId: string | null = G): Promise<DiscordAdapter> {
  const adapter = createDiscordAdapter({
    token: dc.token, applicationId: dc.applicationId, apiUrl: dc.restApi, services, log,
    ...(guildId === null ? {} : { guildId }),
  });
  const dispatcher = new Dispatcher(services);
  await adapter.start((inv) => dispatcher.dispatch(inv));
  cleanups.push(() => adapter.stop());
  return adapter;
}

const extra: Command = {
  name: 'remind-test', access: 'admin',
  options: [
    { name: 'time', type: 'string' },
    { name: 'zone', type: 'string', required: true, choices: 'timezones' },
    { name: 'days', type: 'integer', min: 0, max: 7 },
  ],
  run: () => reply(message('Reminding', [paragraph('ok')])),
};

describe('discord registration', () => {
  it('overwrites once for unchanged definitions across restarts, and again after a change', async () => {
    const dc = await fake();
    const services = await testServices();
    const first = await started(dc, services);
    expect(await first.registered()).toMatchObject({ status: 'registered', scope: 'guild', commands: services.commands.length });
    await first.stop();
    const second = await started(dc, services);
    expect(await second.registered()).toMatchObject({ status: 'unchanged' });
    await second.stop();
    expect(dc.commandRegistrations.map((r) => [r.scope, r.guildId, r.status])).toEqual([['guild', G, 200]]);
    expect(dc.commands(G).map((c) => c.name)).toEqual(services.commands.map((c) => c.name));

    const changed: Services = { ...services, commands: [...services.commands, extra] };
    const third = await started(dc, changed);
    expect(await third.registered()).toMatchObject({ status: 'registered' });
    expect(dc.commandRegistrations).toHaveLength(2);
    const hash = definitionsHash(slashCommandDefinitions(changed.commands));
    expect(await services.store.get(REGISTRATION_NAMESPACE, registrationKey(dc.applicationId, G))).toBe(hash);
    const subscribe = dc.commands(G).find((c) => c.name === 'remind-test')!;
    expect(subscribe).toMatchObject({ default_member_permissions: '32', contexts: [0, 1] });
    // Required options first, as Discord demands; autocomplete where there are choices; integer bounds.
    expect(subscribe.options).toMatchObject([
      { name: 'zone', type: 3, required: true, autocomplete: true },
      { name: 'time', type: 3, required: false, autocomplete: false },
      { name: 'days', type: 4, min_value: 0, max_value: 7 },
    ]);
  });

  it('carries Russian localisations of every description (Discord has no Kazakh locale: none is sent)', async () => {
    const dc = await fake();
    const services = await testServices();
    await (await started(dc, services)).registered();
    const ru = voice('ru');
    const registered = dc.commands(G);
    expect(registered.map((c) => c.name)).toEqual(services.commands.map((c) => c.name));
    for (const c of registered) {
      const command = services.commands.find((x) => x.name === c.name)!;
      expect(c.description, c.name).toBe(describeCommand(voice('en'), command));
      expect(c.description_localizations, c.name).toEqual({ ru: describeCommand(ru, command) });
      for (const o of (c.options ?? []) as { name: string; description: string; description_localizations?: Record<string, string> | null }[]) {
        const spec = command.options.find((x) => x.name === o.name)!;
        expect(o.description_localizations, `${c.name} ${o.name}`).toEqual({ ru: describeOption(ru, command, spec) });
      }
    }
    const demands = registered.find((c) => c.name === 'demands')!;
    expect((demands.description_localizations as Record<string, string> | null)?.['ru']).toMatch(/Требования/);
    expect(JSON.stringify(registered)).not.toMatch(/"kk"/);
    // A campaign in Russian describes its commands in Russian by default, with English for English clients.
    const defs = slashCommandDefinitions(services.commands, { language: 'ru' });
    const start = defs.find((c) => c.name === 'start')!;
    expect(start.description).toBe(describeCommand(ru, { name: 'start' }));
    expect(start.description_localizations).toEqual({ 'en-US': describeCommand(voice('en'), { name: 'start' }), 'en-GB': describeCommand(voice('en'), { name: 'start' }) });
  });

  it('registers globally without a guild id', async () => {
    const dc = await fake();
    const services = await testServices();
    const adapter = await started(dc, services, null);
    expect(await adapter.registered()).toMatchObject({ status: 'registered', scope: 'global' });
    expect(dc.commandRegistrations.map((r) => r.scope)).toEqual(['global']);
    expect(dc.commands().length).toBe(services.commands.length);
    expect(await services.store.get(REGISTRATION_NAMESPACE, `discord:${dc.applicationId}:global`)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps serving when registration fails, and registers at the next start', async () => {
    const dc = await fake();
    const services = await testServices();
    dc.failNext('PUT /applications/:app/guilds/:guild/commands', { kind: 'error', status: 400, code: 50035, message: 'Invalid Form Body' });
    const adapter = await started(dc, services);
    expect(await adapter.registered()).toBeUndefined();
    expect(await services.store.get(REGISTRATION_NAMESPACE, registrationKey(dc.applicationId, G))).toBeUndefined();
    expect(adapter.ready()).toBe(true);
    const answer = await dc.slashCommand({ guildId: G, name: 'about' }).waitForResponse();
    expect(answer).toMatchObject({ ok: true, callbackType: 4 });
    await adapter.stop();
    const again = await started(dc, services);
    expect(await again.registered()).toMatchObject({ status: 'registered' });
  });

  it('registerCommands works without a gateway session (for `placard register`), and can be forced', async () => {
    const dc = await fake();
    const services = await testServices();
    const rest = createDiscordRest({ token: dc.token, apiUrl: dc.restApi });
    const options = { rest, applicationId: dc.applicationId, guildId: G, commands: services.commands, store: services.store, log };
    expect((await registerCommands(options)).status).toBe('registered');
    expect((await registerCommands(options)).status).toBe('unchanged');
    expect((await registerCommands({ ...options, force: true })).status).toBe('registered');
    expect(dc.commandRegistrations).toHaveLength(2);
    expect(dc.gatewayStats().connections).toBe(0);
    dc.failNext('PUT /applications/:app/guilds/:guild/commands', 'missingAccess');
    await expect(registerCommands({ ...options, force: true })).rejects.toMatchObject({ code: 50001 });
  });
});
