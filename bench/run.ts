/**
 * `npm run bench`: every benchmark in one run, each as a ratio against a
 * baseline measured in the same run (these machines are shared and noisy, so
 * absolute numbers mean little). Prints a table and writes bench/results.json.
 * `npm run bench -- telegram` runs only the named ones and keeps the other
 * benches' figures in the file (each bench's `<name>_ran_at` says when it ran).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { benchDiscord, benchDiscordNoise } from './discord.js';
import { reminderBenchmarks } from './reminders.js';
import { reminderCostBenchmarks } from './reminders-cost.js';
import { benchScale, benchScaleAt30 } from './scale.js';
import { benchTelegram, benchTelegramNoise } from './telegram.js';

type Bench = () => Promise<Record<string, number>>;

const benches: Record<string, Bench> = {
  telegram: () => benchTelegram(),
  reminders: () => reminderBenchmarks(),
  // Store round trips per reminder, 1,000,000 subscriptions on Redis and Postgres, a scaled anniversary → 1M chats' hours.
  costs: () => reminderCostBenchmarks(),
  // Three `placard serve` behind HAProxy on one Redis (and Postgres): tests/scale's rig.
  scale: () => benchScale(),
  discord: () => benchDiscord(),
};

/** Run only when named: the Telegram bench with the bare bot on both sides, to show this machine's noise. */
const optIn: Record<string, Bench> = {
  'telegram-aa': () => benchTelegramNoise(),
  // The Discord bench with the bare discord.js bot on both sides: this machine's noise.
  'discord-aa': () => benchDiscordNoise(),
  // The scale run at Telegram's real 30 messages/s (a few minutes).
  'scale-30': () => benchScaleAt30(),
};

const only = process.argv.slice(2);
const unknown = only.filter((n) => !(n in benches) && !(n in optIn));
if (unknown.length) {
  process.stderr.write(`unknown bench: ${unknown.join(', ')} (known: ${[...Object.keys(benches), ...Object.keys(optIn)].join(', ')})\n`);
  process.exit(2);
}
const out = resolve(import.meta.dirname, 'results.json');
// A partial run (`npm run bench -- telegram`) updates its own keys and keeps the others'.
const earlier = only.length ? await readFile(out, 'utf8').then((t) => JSON.parse(t) as Record<string, number | string>, () => ({})) : {};
const results: Record<string, number | string> = { ...earlier, date: new Date().toISOString(), node: process.version };
for (const [name, bench] of [...Object.entries(benches), ...Object.entries(optIn)]) {
  if (only.length ? !only.includes(name) : name in optIn) continue;
  process.stdout.write(`running ${name}…\n`);
  const figures = await bench();
  // A bench that could not run here (a missing server) returns nothing: its earlier figures and date stay.
  Object.assign(results, figures, Object.keys(figures).length ? { [`${name}_ran_at`]: new Date().toISOString() } : {});
}
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
const width = Math.max(...Object.keys(results).map((k) => k.length));
for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
process.stdout.write(`written to ${out}\n`);
process.exit(0);
