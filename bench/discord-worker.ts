/**
 * The loopback Discord fake (REST + gateway) in a worker thread, so that the
 * platform does not compete with the bot for its heap and event loop (as
 * the real Discord would not). It drives users and times the bot's answers
 * from the platform's side. Messages in: `burst`, `steady`, `last`, `close`;
 * each answer has the same `type` and `id`.
 */
import { parentPort } from 'node:worker_threads';
import { startFakeDiscord } from '../tests/fakes/discord/index.js';
import { BENCH_CHANNEL, BENCH_GUILD } from './discord-thread.js';
const CALLBACK = '/interactions/:id/:token/callback';

/** Requests the worker answers. */
export type DiscordWorkerRequest =
  /** `count` slash commands `/name` at once; answers answers per second. */
  | { readonly type: 'burst'; readonly id: number; readonly count: number; readonly name: string }
  /** Closed loop: `inFlight` commands outstanding until `total` answers; answers answers per second. */
  | { readonly type: 'steady'; readonly id: number; readonly inFlight: number; readonly total: number; readonly name: string }
  /** What the last answer showed (content, embeds, components), command ids masked (they differ between fakes). */
  | { readonly type: 'last'; readonly id: number }
  | { readonly type: 'close'; readonly id: number };

const port = parentPort;
if (!port) throw new Error('discord-worker must run in a worker thread');
// A generous interaction timeout: a burst queues thousands of interactions at once.
const dc = await startFakeDiscord({ guilds: [{ id: BENCH_GUILD, name: 'Bench', channels: [{ id: BENCH_CHANNEL, name: 'general' }] }], interactionTimeoutMs: 120_000 });

let scanned = 0;
let accepted = 0;
let lastShown: unknown;
/** Accepted interaction callbacks so far, counted incrementally. */
function answers(): number {
  for (; scanned < dc.requests.length; scanned++) {
    const r = dc.requests[scanned]!;
    if (r.route === CALLBACK && r.status >= 200 && r.status < 300) accepted++;
  }
  return accepted;
}

/** What an interaction's first answer showed. */
const shown = (interactionId: string): unknown => {
  const r = dc.interactionResponses(interactionId)[0];
  return r && { content: r.content, embeds: r.embeds, components: r.components, allowedMentions: r.allowedMentions };
};

const command = (name: string): string => {
  const h = dc.slashCommand({ guildId: BENCH_GUILD, channelId: BENCH_CHANNEL, name });
  return h.id;
};

async function burst(count: number, name: string): Promise<number> {
  const before = answers();
  const t0 = performance.now();
  let last = '';
  for (let i = 0; i < count; i++) last = command(name);
  await dc.waitFor(() => answers() - before >= count, { timeoutMs: 120_000, what: `${count} answers` });
  lastShown = shown(last);
  return count / ((performance.now() - t0) / 1000);
}

/** Each accepted answer brings the next command, until `total` answers. */
async function steady(inFlight: number, total: number, name: string): Promise<number> {
  const start = answers();
  let asked = 0;
  let seen = start;
  let busy = false;
  let last = '';
  const t0 = performance.now();
  for (; asked < Math.min(inFlight, total); asked++) last = command(name);
  await dc.waitFor(() => {
    if (busy) return false; // asking notifies again; this pass picks up what arrives meanwhile
    busy = true;
    const now = answers();
    for (; seen < now; seen++) if (asked < total) { asked++; last = command(name); }
    busy = false;
    return answers() - start >= total;
  }, { timeoutMs: 120_000, what: `${total} answers` });
  lastShown = shown(last);
  return total / ((performance.now() - t0) / 1000);
}

const masked = (body: unknown): string => JSON.stringify(body ?? null).replace(/\d{17,20}/g, 'ID');

port.postMessage({ type: 'ready', restApi: dc.restApi, token: dc.token, applicationId: dc.applicationId });
port.on('message', (req: DiscordWorkerRequest) => {
  const answer = (value: Record<string, unknown>): void => port.postMessage({ type: req.type, id: req.id, ...value });
  const fail = (e: unknown): void => port.postMessage({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
  switch (req.type) {
    case 'burst': burst(req.count, req.name).then((perSec) => answer({ perSec }), fail); break;
    case 'steady': steady(req.inFlight, req.total, req.name).then((perSec) => answer({ perSec }), fail); break;
    case 'last': answer({ shown: masked(lastShown) }); break;
    case 'close': void dc.close().then(() => port.close()); break;
  }
});
