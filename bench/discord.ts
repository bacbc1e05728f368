/**
 * Discord: slash interactions → responses per second through the loopback
 * fake (REST + gateway), Placard's adapter against a bare discord.js client
 * that answers a fixed string, in the same run. The baseline answers with
 * as many characters as Placard's rendered /start, so both cost the fake
 * about the same; what differs is Placard's own work (inbound mapping,
 * dispatch, rendering, deferral timer).
 */
import { pathToFileURL } from 'node:url';
import { createDiscordAdapter, renderDiscordReply } from '../adapters/discord/index.js';
import { Dispatcher } from '../src/commands/dispatch.js';
import { createLogger } from '../src/log.js';
import { bareDiscordEchoClient } from '../tests/fakes/discord/echo-client.js';
import { startFakeDiscord, type FakeDiscord } from '../tests/fakes/discord/index.js';
import { testServices } from '../tests/helpers/core.js';

const G = '210000000000000001';
const C = '210000000000000002';
const CALLBACK = '/interactions/:id/:token/callback';

type Starter = (dc: FakeDiscord) => Promise<() => Promise<void>>;

const placard: Starter = async (dc) => {
  const services = await testServices();
  const log = createLogger({ level: 'silent' });
  const dispatcher = new Dispatcher(services, log);
  const adapter = createDiscordAdapter({ token: dc.token, applicationId: dc.applicationId, guildId: G, apiUrl: dc.restApi, services, log });
  await adapter.start((inv) => dispatcher.dispatch(inv));
  return () => adapter.stop();
};

/** The baseline's fixed answer: as long as Placard's /start (title + description), within a content's 2000. */
async function startAnswerText(): Promise<string> {
  const services = await testServices();
  const reply = await new Dispatcher(services).dispatch({
    command: 'start', text: '', chat: { platform: 'discord', chatId: C, kind: 'group' }, role: async () => 'member', now: new Date(),
  });
  const embed = renderDiscordReply(reply)[0]?.embeds?.[0];
  return `${embed?.title ?? ''}\n${embed?.description ?? ''}`.slice(0, 2000);
}

const bare: Starter = async (dc) => {
  const echo = await bareDiscordEchoClient(dc.restApi, dc.token, await startAnswerText());
  return () => echo.stop();
};

/** Accepted interaction callbacks so far, counted incrementally. */
function callbackCounter(dc: FakeDiscord): () => number {
  let index = 0;
  let count = 0;
  return () => {
    for (; index < dc.requests.length; index++) {
      const r = dc.requests[index]!;
      if (r.route === CALLBACK && r.status >= 200 && r.status < 300) count++;
    }
    return count;
  };
}

/** Dispatches `count` /start commands at once; resolves with answers per second. */
async function burst(dc: FakeDiscord, counted: () => number, count: number): Promise<number> {
  const before = counted();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) dc.slashCommand({ guildId: G, channelId: C, name: 'start' });
  await dc.waitFor(() => counted() - before >= count, { timeoutMs: 120_000, what: `${count} answers` });
  return count / ((performance.now() - t0) / 1000);
}

async function measure(start: Starter, count: number): Promise<number> {
  // A generous interaction timeout: a burst queues thousands of interactions at once.
  const dc = await startFakeDiscord({ guilds: [{ id: G, name: 'Bench', channels: [{ id: C, name: 'general' }] }], interactionTimeoutMs: 120_000 });
  const stop = await start(dc);
  try {
    const counted = callbackCounter(dc);
    await burst(dc, counted, Math.ceil(count / 10)); // warm-up
    return await burst(dc, counted, count);
  } finally {
    await stop();
    await dc.close();
  }
}

/** Runs both, alternating, and keeps each side's best of `rounds`. */
export async function benchDiscord(rounds = 2, count = 2000): Promise<{ placardPerSec: number; barePerSec: number; ratio: number }> {
  let p = 0;
  let b = 0;
  for (let r = 0; r < rounds; r++) {
    p = Math.max(p, await measure(placard, count));
    b = Math.max(b, await measure(bare, count));
  }
  return { placardPerSec: Math.round(p), barePerSec: Math.round(b), ratio: +(p / b).toFixed(3) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchDiscord();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
