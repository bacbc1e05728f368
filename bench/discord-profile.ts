/**
 * Profiling aid (not part of `npm run bench`): Placard's side of the Discord
 * bench for `node --cpu-prof`, `/start`, `/next` or any command in a steady loop.
 */
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { Dispatcher } from '../src/commands/dispatch.js';
import { createLogger } from '../src/log.js';
import { testServices } from '../tests/helpers/core.js';
import { BENCH_GUILD, discordInWorker } from './discord-thread.js';

const name = process.argv[2] ?? 'next';
const dc = await discordInWorker();
const services = await testServices();
const log = createLogger({ level: 'silent' });
const dispatcher = new Dispatcher(services, log);
const adapter = createDiscordAdapter({ token: dc.token, applicationId: dc.applicationId, guildId: BENCH_GUILD, apiUrl: dc.restApi, services, languages: dispatcher, log });
await adapter.start((inv) => dispatcher.dispatch(inv));
const total = Number(process.argv[3] ?? 6000);
await dc.steady(100, 2000, name);
const cpu0 = process.cpuUsage();
const perSec = await dc.steady(100, total, name);
const cpu = process.cpuUsage(cpu0);
// cpuUsage counts every thread of the process, the fake's worker too: compare runs with one another, not with the bench's figures.
process.stdout.write(`${name}: ${Math.round(perSec)}/s, ${((cpu.user + cpu.system) / total).toFixed(0)} µs CPU per answer (process)\n`);
await adapter.stop();
await dc.close();
process.exit(0);
