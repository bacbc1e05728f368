/** Start-up while Discord is unreachable, a rejected token, and what reaches the logs. */
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/index.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import { createLogger } from '../../src/log.js';
import { message, paragraph } from '../../src/rich/build.js';
import { DEFAULT_USER, startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { testServices } from '../helpers/core.js';

const G = '210000000000000001';
const C = '210000000000000002';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** Log lines written so far, and a way to wait for one. */
interface Capture {
  readonly lines: string[];
  waitFor(predicate: (lines: readonly string[]) => boolean): Promise<void>;
}

function capture(): { capture: Capture; destination: { write(line: string): void } } {
  const lines: string[] = [];
  const waiters: { predicate: (l: readonly string[]) => boolean; resolve: () => void }[] = [];
  const check = (): void => {
    for (const w of [...waiters]) if (w.predicate(lines)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
  };
  return {
    capture: { lines, waitFor: (predicate) => new Promise((resolve) => { waiters.push({ predicate, resolve }); check(); }) },
    destination: { write: (line: string) => { lines.push(line); check(); } },
  };
}

async function fake(): Promise<FakeDiscord> {
  const dc = await startFakeDiscord({ guilds: [{ id: G, name: 'Solidarity', channels: [{ id: C, name: 'general' }] }] });
  cleanups.push(() => dc.close());
  return dc;
}

async function adapterFor(dc: FakeDiscord, token: string, destination: { write(line: string): void }): Promise<{ adapter: DiscordAdapter; start(): Promise<void> }> {
  const services = await testServices();
  const dispatcher = new Dispatcher(services);
  // No `secrets` on purpose: the adapter itself must never write a token; the scrubber is only a second line.
  const log = createLogger({ level: 'trace', destination });
  const adapter = createDiscordAdapter({
    token, applicationId: dc.applicationId, guildId: G, apiUrl: dc.restApi, services, log, retry: { initialMs: 20, maxMs: 80 },
  });
  cleanups.push(() => adapter.stop());
  return { adapter, start: () => adapter.start((inv) => dispatcher.dispatch(inv)) };
}

const retries = (lines: readonly string[]): number => lines.filter((l) => l.includes('Discord unreachable; retrying')).length;

describe('discord adapter lifecycle', () => {
  it('stays up while Discord is unreachable, retries, and serves once it is back', async () => {
    const dc = await fake();
    await dc.setDown(true);
    const { capture: logs, destination } = capture();
    const { adapter, start } = await adapterFor(dc, dc.token, destination);
    await start();
    expect(adapter.ready()).toBe(false);
    await logs.waitFor((lines) => retries(lines) >= 3);
    await dc.setDown(false);
    await dc.waitForGateway({ timeoutMs: 10_000 });
    await dc.waitFor(() => dc.commandRegistrations.length === 1, { what: 'registration after connecting' });
    const answer = await dc.slashCommand({ guildId: G, name: 'about' }).waitForResponse();
    expect(answer).toMatchObject({ ok: true, callbackType: 4 });
    expect(adapter.ready()).toBe(true);
    expect(logs.lines.some((l) => l.includes('connected to Discord'))).toBe(true);
  });

  it('does not retry a token Discord rejects', async () => {
    const dc = await fake();
    const { capture: logs, destination } = capture();
    const wrong = 'bm90LXRoZS10b2tlbg.fake.wrong-discord-token';
    const { adapter, start } = await adapterFor(dc, wrong, destination);
    await start();
    expect(adapter.ready()).toBe(false);
    expect(logs.lines.some((l) => l.includes('Discord rejected the token'))).toBe(true);
    expect(retries(logs.lines)).toBe(0);
    expect(logs.lines.join('\n')).not.toContain(wrong);
  });

  it('never logs a token, an interaction token, a user or what they typed', async () => {
    const dc = await fake();
    const { capture: logs, destination } = capture();
    const wrong = 'd3JvbmctdG9rZW4tZm9yLWxvZ3M.fake.also-wrong';
    const bad = await adapterFor(dc, wrong, destination);
    await bad.start();
    const { adapter, start } = await adapterFor(dc, dc.token, destination);
    await start();
    const typed = 'secret plan of the strike committee';
    const answered = dc.slashCommand({ guildId: G, name: 'statement', options: { id: typed } });
    await answered.waitForResponse();
    dc.failNext('POST /interactions/:id/:token/callback', 'serverError', 4);
    const failed = dc.slashCommand({ guildId: G, name: 'demands', options: { filter: typed } });
    await logs.waitFor((lines) => lines.some((l) => l.includes('could not answer an interaction')));
    dc.failNext('POST /channels/:id/messages', 'missingAccess');
    expect((await adapter.send({ platform: 'discord', chatId: C, kind: 'group' }, message('Hi', [paragraph(typed)]))).kind).toBe('forbidden');
    dc.removeChannel(C);
    expect((await adapter.send({ platform: 'discord', chatId: C, kind: 'group' }, message('Hi', [paragraph(typed)]))).kind).toBe('gone');

    const all = logs.lines.join('\n');
    expect(logs.lines.length).toBeGreaterThan(5);
    for (const secret of [dc.token, wrong, answered.token, failed.token, DEFAULT_USER.id, DEFAULT_USER.username, typed]) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('the channel is gone for us');
    expect(all).toContain('the bot may not post in that channel');
    expect(all).toContain('slash commands registered');
  });
});
