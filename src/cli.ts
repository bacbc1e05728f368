#!/usr/bin/env node
/**
 * The `placard` command line (what `npm start` runs).
 *
 *   placard                 console when no platform token is set, else serve
 *   placard console         the console, whatever is configured
 *   placard serve           every configured adapter (see README)
 *   placard check [dir]     validate the content
 *   placard doctor          will the next reminders go out? (sends nothing)
 *   placard new DIR         write a minimal, commented campaign to start from
 *   placard site OUT_DIR    write the campaign's static site (pages, calendars, feeds)
 *
 * A `.env` file in the working directory is read first; variables already
 * set in the environment win.
 */
import { resolve } from 'node:path';
import { ConsoleAdapter } from '../adapters/console/shell.js';
import { createCore } from './app.js';
import { hasPlatform, loadConfig, secretsOf, type Config } from './config.js';
import { loadContent } from './content/load.js';
import { formatWarning } from './content/translations.js';
import { writeNewCampaign } from './content/template/write.js';
import { loadDotEnv } from './env-file.js';
import { ContentError, PlacardError } from './errors.js';
import { pino } from 'pino';
import pretty from 'pino-pretty';
import { isLanguage, LANGUAGES } from './i18n/languages.js';
import { createLogger } from './log.js';
import { previewReminders } from './schedule/preview.js';

const USAGE = `Usage: placard [console | serve | check [dir] | new DIR | register | reminders | doctor | site OUT_DIR | help]
  (no argument)  the console when no platform token is set, else serve
  console        an offline shell to try every command (reads a pipe line by line)
  serve          run the configured platform adapters, the scheduler and the HTTP server
  check [dir]    validate campaign content (default: $CONTENT_DIR or ./content)
  new DIR        write a minimal, valid, commented campaign into DIR (a new or empty folder)
  register       register Discord slash commands now (needs DISCORD_TOKEN, DISCORD_APPLICATION_ID)
  reminders --date YYYY-MM-DD [--language en|ru|kk]
                 what would be posted that day and for which zones, without sending
  doctor         will the next reminders go out? checks the store, each platform's token
                 and webhook, and whether the bot may post in every subscribed chat;
                 sends nothing; exits 1 when something needs fixing
  site OUT_DIR   write the campaign's static site into OUT_DIR: pages in every language,
                 calendars (.ics) and feeds (Atom); PUBLIC_URL sets its public address
`;

const out = (s: string): void => { process.stdout.write(s); };
const err = (s: string): void => { process.stderr.write(s); };

async function check(dir: string | undefined): Promise<number> {
  const path = resolve(dir ?? process.env.CONTENT_DIR ?? './content');
  const { campaign, warnings } = await loadContent(path);
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  out(`content OK: ${path}\n  ${count(campaign.statements.length, 'statement', 'statements')}, `
    + `${count(campaign.organizations.length, 'organisation', 'organisations')}, ${count(campaign.events.length, 'event', 'events')} `
    + `(${campaign.events.filter((e) => e.remind).length} remembered)\n`);
  // Missing translations do not fail the check: the field falls back to another language.
  if (warnings.length > 0) {
    out(`${count(warnings.length, 'warning', 'warnings')} (the content loads; a missing translation falls back to another language):\n`
      + warnings.map((w) => `  ${formatWarning(w)}\n`).join(''));
  }
  return 0;
}

async function newCampaign(dir: string | undefined): Promise<number> {
  if (!dir) { err('placard new: give a folder for the campaign, e.g. placard new my-campaign\n'); return 64; }
  const path = resolve(dir);
  const files = await writeNewCampaign(path);
  out(`wrote a new campaign in ${path}:\n${files.map((f) => `  ${f}\n`).join('')}
Next:
  1. Edit the files: every field is explained in their comments and in docs/content.md.
     Put each statement in statements/<id>.md, its full text after the front matter.
  2. Check it:      placard check ${dir}      (npm run content:check -- ${dir})
  3. Try it:        CONTENT_DIR=${dir} placard console      (npm start with CONTENT_DIR set)
  4. Put it in your group: set CONTENT_DIR and a platform token (README, or a .env file).
`);
  return 0;
}

async function runConsole(config: Config): Promise<number> {
  // In the console, logs go to stderr and only warnings by default, so answers stay readable.
  const log = createLogger({ level: process.env.LOG_LEVEL ? config.logLevel : 'warn', secrets: secretsOf(config) });
  const core = await createCore(config, log);
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const shell = new ConsoleAdapter({ input: process.stdin, output: process.stdout, interactive, ansi: interactive, languages: core.dispatcher });
  await shell.start((invocation) => core.dispatcher.dispatch(invocation));
  await shell.finished;
  await core.close();
  return 0;
}

/** Longest a shutdown may take before the process exits anyway. */
const SHUTDOWN_BOUND_MS = 10_000;

async function runServe(config: Config): Promise<number> {
  // JSON lines for log collectors; readable lines when a person watches a terminal.
  const destination = process.stdout.isTTY ? pretty({ colorize: true, destination: 1, sync: true }) : pino.destination({ dest: 1, sync: false });
  const log = createLogger({ level: config.logLevel, secrets: secretsOf(config), destination });
  process.on('unhandledRejection', (reason: unknown) => log.error({ err: reason }, 'unhandled rejection'));
  // Listen before starting: a SIGTERM while the adapters still start (after /readyz first said 200,
  // or while Discord is slow to answer) must stop the bot cleanly, not kill it by the signal's default
  // action; the shutdown bound runs from the signal, whatever start-up is still doing.
  const signalled = new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  // Loaded only here: the console need not load the scheduler, metrics and HTTP server.
  const { serve } = await import('./main.js');
  const starting = serve(config, log);
  const first = await Promise.race([starting, signalled]);
  const signal = typeof first === 'string' ? first : await signalled;
  log.info({ signal }, 'shutting down');
  const bound = setTimeout(() => {
    log.warn({ boundMs: SHUTDOWN_BOUND_MS }, 'shutdown took too long; exiting');
    log.flush();
    process.exit(0);
  }, SHUTDOWN_BOUND_MS);
  bound.unref();
  const served = await starting;
  await served.stop();
  clearTimeout(bound);
  log.info('stopped');
  log.flush();
  return 0;
}

async function register(config: Config): Promise<number> {
  if (!config.discord) { err('placard register: set DISCORD_TOKEN and DISCORD_APPLICATION_ID\n'); return 64; }
  const log = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  const core = await createCore(config, log);
  try {
    const { registerCommands, createDiscordRest, definitionWords } = await import('../adapters/discord/index.js');
    const { token, applicationId, guildId, apiUrl } = config.discord;
    const outcome = await registerCommands({
      rest: createDiscordRest({ token, retries: 2, ...(apiUrl ? { apiUrl } : {}) }), applicationId, ...(guildId ? { guildId } : {}),
      commands: core.services.commands, store: core.store, log, force: true, words: definitionWords(core.services),
    });
    out(`registered ${outcome.commands} slash commands (${outcome.scope})\n`);
    return 0;
  } finally {
    await core.close();
  }
}

/** The value of `--name value` or `--name=value` in `args`. */
function flag(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function reminders(config: Config, args: readonly string[]): Promise<number> {
  const date = flag(args, 'date');
  if (!date) { err('placard reminders: give a day, e.g. --date 2026-12-16\n'); return 64; }
  const language = flag(args, 'language');
  if (language !== undefined && !isLanguage(language)) { err(`placard reminders: --language must be ${LANGUAGES.join(', ')}\n`); return 64; }
  const log = createLogger({ level: process.env.LOG_LEVEL ? config.logLevel : 'warn', secrets: secretsOf(config) });
  const core = await createCore(config, log);
  try {
    const options = { ...(language === undefined ? {} : { language }), ...(core.services.translator ? { translator: core.services.translator } : {}) };
    out(`${await previewReminders(core.campaign, date, core.store, options)}\n`);
    return 0;
  } finally {
    await core.close();
  }
}

async function doctor(config: Config): Promise<number> {
  const log = createLogger({ level: process.env.LOG_LEVEL ? config.logLevel : 'error', secrets: secretsOf(config) });
  const core = await createCore(config, log);
  try {
    const { createPlatforms } = await import('./platforms.js');
    const { runDoctor } = await import('./doctor.js');
    const { adapters } = await createPlatforms(config, core.services, log, core.dispatcher);
    return await runDoctor({ store: core.store, adapters, print: (line) => out(`${line}\n`) });
  } finally {
    await core.close();
  }
}

async function site(config: Config, dir: string | undefined): Promise<number> {
  if (!dir) { err('placard site: give a folder for the site, e.g. placard site out\n'); return 64; }
  const { campaign } = await loadContent(resolve(config.contentDir));
  const { buildSite } = await import('../adapters/web/index.js');
  const { writeSiteFiles } = await import('./site/files.js');
  const { loadTranslator } = await import('./i18n/translator.js');
  const files = buildSite(campaign, await loadTranslator(), { publicUrl: config.publicUrl });
  const written = await writeSiteFiles(dir, files);
  out(`wrote the campaign's site in ${resolve(dir)}: ${written.length} files (${files.filter((f) => f.path.endsWith('.html')).length} pages)\n`);
  if (!config.publicUrl) out('  PUBLIC_URL is not set: links between pages are relative (the not-found pages\' from the host\'s root); set it for link previews, canonical addresses, links in calendars and feeds, and a site under a sub-path\n');
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'help' || sub === '--help' || sub === '-h') { out(USAGE); return 0; }
  loadDotEnv();
  if (sub === 'check') return check(rest[0]);
  if (sub === 'new') return newCampaign(rest[0]);
  const config = loadConfig();
  switch (sub) {
    case undefined: return hasPlatform(config) ? runServe(config) : runConsole(config);
    case 'console': return runConsole(config);
    case 'serve': return runServe(config);
    case 'register': return register(config);
    case 'reminders': return reminders(config, rest);
    case 'doctor': return doctor(config);
    case 'site': return site(config, rest[0]);
    default: err(`placard: unknown command “${sub.slice(0, 40)}”\n${USAGE}`); return 64;
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
  if (error instanceof ContentError) err(`placard: ${error.message}\n`);
  else if (error instanceof PlacardError) err(`placard: ${error.code === 'config_invalid' ? 'bad configuration:\n' : ''}${error.message}\n`);
  else err(`placard: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
