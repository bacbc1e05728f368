/**
 * `placard doctor` for Discord: is the token valid, does it belong to the
 * configured application, do interactions come the way this configuration
 * takes them (gateway or HTTP), will the gateway accept a session, are the
 * slash commands registered as this version defines them. Only GET requests:
 * nothing is posted, registered or changed.
 *
 * i18n-exempt-file: `placard doctor`'s findings, the operator's words.
 */
import { Routes, type APIApplication, type APIGatewayBotInfo, type APIUser, type REST } from 'discord.js';
import type { DoctorFinding } from '../../src/adapter.js';
import type { Command } from '../../src/commands/types.js';
import { describeError } from './classify.js';
import { slashCommandDefinitions } from './register.js';

/** What the checks need. */
export interface DoctorOptions {
  readonly rest: REST;
  readonly applicationId: string;
  readonly guildId?: string;
  readonly commands: readonly Command[];
  /** Shown when the API does not answer (no secret in it). */
  readonly apiUrl?: string;
  /** How interactions arrive: over the gateway (default), or over HTTP (`DISCORD_PUBLIC_KEY`). */
  readonly mode?: 'gateway' | 'http';
}

/** A failure in words for an operator, no URL with secrets (the API base is not one). */
function failure(error: unknown, options: DoctorOptions): string {
  const e = describeError(error);
  if (e.status === 401) return 'Discord rejected the token (401): set DISCORD_TOKEN to the bot token from the Developer Portal';
  if (e.status !== undefined) return `Discord answered ${String(e.status)}${e.code ? ` (code ${String(e.code)}: ${String(e.message)})` : ''}`;
  const where = options.apiUrl ?? 'https://discord.com/api';
  return `no answer from ${where} (${String(e.cause ?? e.name)}): check the network and DISCORD_API_URL`;
}

async function token(options: DoctorOptions): Promise<DoctorFinding> {
  try {
    const me = await options.rest.get(Routes.user('@me')) as APIUser;
    return { ok: true, check: 'token', detail: `valid, bot ${me.username}` };
  } catch (error: unknown) {
    return { ok: false, check: 'token', detail: failure(error, options) };
  }
}

/**
 * Where Discord sends interactions: with an Interactions Endpoint URL saved
 * in the Developer Portal, over HTTP to it and never over the gateway.
 */
function interactions(app: APIApplication, options: DoctorOptions): DoctorFinding {
  const url = app.interactions_endpoint_url ?? undefined;
  if (options.mode === 'http') {
    return url === undefined || url === ''
      ? { ok: false, check: 'interactions', detail: 'DISCORD_PUBLIC_KEY is set, but no Interactions Endpoint URL is saved: save https://<this host>/discord/interactions on the Developer Portal\'s General Information page' }
      : { ok: true, check: 'interactions', detail: `Discord sends interactions over HTTP to ${url}` };
  }
  return url === undefined || url === ''
    ? { ok: true, check: 'interactions', detail: 'Discord sends interactions over the gateway' }
    : { ok: false, check: 'interactions', detail: `an Interactions Endpoint URL is saved (${url}), so Discord sends no interactions over the gateway: set DISCORD_PUBLIC_KEY to take them there, or clear the URL on the Developer Portal` };
}

async function application(options: DoctorOptions): Promise<DoctorFinding[]> {
  try {
    const app = await options.rest.get(Routes.currentApplication()) as APIApplication;
    if (app.id === options.applicationId) return [{ ok: true, check: 'application', detail: `DISCORD_APPLICATION_ID matches the token (${app.id})` }, interactions(app, options)];
    return [{ ok: false, check: 'application', detail: `DISCORD_APPLICATION_ID is ${options.applicationId}, but the token belongs to application ${app.id}: set it to ${app.id}` }];
  } catch (error: unknown) {
    return [{ ok: false, check: 'application', detail: failure(error, options) }];
  }
}

async function gateway(options: DoctorOptions): Promise<DoctorFinding> {
  try {
    const info = await options.rest.get(Routes.gatewayBot()) as APIGatewayBotInfo;
    const left = info.session_start_limit.remaining;
    if (left > 0) return { ok: true, check: 'gateway', detail: `${left} session starts left today` };
    const hours = Math.ceil(info.session_start_limit.reset_after / 3_600_000);
    return { ok: false, check: 'gateway', detail: `no session starts left (the bot restarted too often); they come back in about ${hours} h` };
  } catch (error: unknown) {
    return { ok: false, check: 'gateway', detail: failure(error, options) };
  }
}

async function commands(options: DoctorOptions): Promise<DoctorFinding> {
  const route = options.guildId === undefined
    ? Routes.applicationCommands(options.applicationId)
    : Routes.applicationGuildCommands(options.applicationId, options.guildId);
  const scope = options.guildId === undefined ? 'globally' : `in server ${options.guildId}`;
  try {
    const registered = (await options.rest.get(route) as { name: string }[]).map((c) => c.name);
    const wanted = slashCommandDefinitions(options.commands).map((c) => c.name);
    const missing = wanted.filter((name) => !registered.includes(name));
    const extra = registered.filter((name) => !wanted.includes(name));
    if (missing.length === 0 && extra.length === 0) return { ok: true, check: 'commands', detail: `${wanted.length} slash commands registered ${scope}` };
    const parts = [
      missing.length > 0 ? `not registered: /${missing.join(', /')}` : '',
      extra.length > 0 ? `no longer defined: /${extra.join(', /')}` : '',
    ].filter((p) => p.length > 0);
    return { ok: false, check: 'commands', detail: `slash commands ${scope} are out of date (${parts.join('; ')}): run \`placard register\`` };
  } catch (error: unknown) {
    return { ok: false, check: 'commands', detail: failure(error, options) };
  }
}

/** Runs every check; each failure is a finding, never a throw. */
export async function discordDoctor(options: DoctorOptions): Promise<readonly DoctorFinding[]> {
  const first = await token(options);
  // With a bad token or no API, the other checks would only repeat the same failure.
  if (!first.ok) return [first];
  // Over HTTP interactions no gateway session is opened: its session starts do not matter.
  const [app, checks] = await Promise.all([application(options), Promise.all([...(options.mode === 'http' ? [] : [gateway(options)]), commands(options)])]);
  return [first, ...app, ...checks];
}
