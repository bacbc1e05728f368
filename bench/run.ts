/**
 * `npm run bench`: every benchmark in one run, each as a ratio against a
 * baseline measured in the same run (these machines are shared and noisy, so
 * absolute numbers mean little). Prints a table and writes bench/results.json.
 * `npm run bench -- telegram` runs only the named ones.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { benchDiscord } from './discord.js';
import { reminderBenchmarks } from './reminders.js';
import { benchTelegram } from './telegram.js';

type Bench = () => Promise<Record<string, number>>;

const benches: Record<string, Bench> = {
  telegram: () => benchTelegram(),
  reminders: () => reminderBenchmarks(),
  discord: async () => {
    const r = await benchDiscord();
    return { discord_placard_answers_per_sec: Math.round(r.placardPerSec), discord_bare_answers_per_sec: Math.round(r.barePerSec), discord_throughput_ratio: +r.ratio.toFixed(3) };
  },
};

const only = process.argv.slice(2);
const results: Record<string, number | string> = { date: new Date().toISOString(), node: process.version };
for (const [name, bench] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  process.stdout.write(`running ${name}…\n`);
  Object.assign(results, await bench());
}
const out = resolve(import.meta.dirname, 'results.json');
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
const width = Math.max(...Object.keys(results).map((k) => k.length));
for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
process.stdout.write(`written to ${out}\n`);
process.exit(0);
