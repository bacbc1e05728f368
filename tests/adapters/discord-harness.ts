/**
 * Runs the real Discord adapter (discord.js) against the loopback fake of
 * Discord's REST API and gateway, with the shipped content and a memory store.
 */
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions, type InteractionOutcome } from '../../adapters/discord/index.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import type { Command, Services } from '../../src/commands/types.js';
import { createLogger } from '../../src/log.js';
import {
  ADMIN_PERMISSIONS,
  DEFAULT_MEMBER_PERMISSIONS,
  startFakeDiscord,
  type FakeDiscord,
  type InteractionHandle,
  type MessageRecord,
  type PressInput,
  type SlashCommandInput,
} from '../fakes/discord/index.js';
import { testServices } from '../helpers/core.js';
import { visible } from '../helpers/discord-visible.js';

/** The test guild and its channel. */
export const G = '210000000000000001';
export const C = '210000000000000002';

/** A started adapter with its fake and services. */
export interface DiscordRig {
  readonly dc: FakeDiscord;
  readonly adapter: DiscordAdapter;
  readonly services: Services;
  /** Resolves once the adapter has finished answering the interaction. */
  answered(h: InteractionHandle): Promise<InteractionOutcome>;
  /** The messages the interaction left in its channel, oldest first. */
  shown(h: InteractionHandle): MessageRecord[];
  /** In HTTP interactions mode: the HTTP server the interactions endpoint is on (with `/readyz`). */
  readonly http?: HttpServer;
  /** Runs a slash command as `who` and resolves with what the answer shows and what can be pressed under it. */
  converse(input: SlashCommandInput, who?: Speaker): Promise<DiscordTurn>;
  close(): Promise<void>;
}

/** Who talks: a member (or an admin) in guild G, or, by default, someone in a DM with the bot. */
export interface Speaker {
  readonly group?: boolean;
  readonly admin?: boolean;
}

/** One step of a conversation: the messages the answer left (after a press: the updated message first), and what can be pressed. */
export interface DiscordTurn {
  readonly messages: readonly MessageRecord[];
  /** The enabled buttons and select options under the last message that has any. */
  readonly actions: readonly DiscordAction[];
}

/** A button or select option that can be pressed; pressing resolves with the next turn. */
export interface DiscordAction {
  readonly label: string;
  readonly customId: string;
  press(): Promise<DiscordTurn>;
}

/** A person's `member.permissions` and guild for `who`. */
const whereOf = (who: Speaker): { guildId?: string; memberPermissions?: string } =>
  who.group ? { guildId: G, memberPermissions: who.admin ? ADMIN_PERMISSIONS : DEFAULT_MEMBER_PERMISSIONS } : {};

/**
 * What a person reads in a message: content, embed titles and descriptions,
 * with the markdown escapes undone, a command mention `</name:id>` read as
 * `/name` and a timestamp `<t:unix:F>` as the date and time (in UTC here).
 */
export function readMessage(m: MessageRecord): string {
  const embeds = m.embeds as { title?: string; description?: string }[];
  const md = [m.content, ...embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])].filter((s) => s !== '').join('\n');
  const shown = md
    .replace(/<\/([\p{Ll}\p{N}_ -]{1,65}):\d{1,20}>/gu, '/$1')
    .replace(/<t:(-?\d{1,13}):F>/g, (_, unix: string) => new Date(Number(unix) * 1000).toLocaleString('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }));
  return visible(shown);
}

/** A conversation over a running rig: commands and presses, each resolved once the adapter answered. */
function conversation(
  dc: FakeDiscord,
  answered: (h: InteractionHandle) => Promise<InteractionOutcome>,
  shown: (h: InteractionHandle) => MessageRecord[],
): DiscordRig['converse'] {
  const settle = async (h: InteractionHandle, pressed?: string): Promise<DiscordTurn> => {
    const outcome = await answered(h);
    if (!outcome.ok) throw new Error(`the adapter could not answer ${outcome.command}`);
    const responses = h.responses();
    const updated = pressed !== undefined && responses.some((r) => r.ok && (r.callbackType === 7 || (r.kind === 'edit' && r.messageId === pressed)));
    const own = shown(h);
    const messages = updated ? [dc.message(pressed)!, ...own] : own;
    return { messages, actions: actionsOf(messages, who(h)) };
  };
  const who = (h: InteractionHandle): PressInput => {
    const member = h.payload.member as { permissions?: string } | undefined;
    return member?.permissions === undefined ? {} : { memberPermissions: member.permissions };
  };
  const actionsOf = (messages: readonly MessageRecord[], presser: PressInput): DiscordAction[] => {
    const under = [...messages].reverse().find((m) => m.components.length > 0);
    if (!under) return [];
    // A press sends what this turn showed, even when a later press has since replaced the message
    // (as a client that has not refreshed would): the custom id is all the state there is.
    return dc.pressables(under.id).filter((p) => !p.disabled).map((p) => ({
      label: p.label,
      customId: p.value ?? p.customId,
      press: () => {
        const current = dc.pressables(under.id).some((q) => q.customId === p.customId && q.value === p.value);
        const h = current ? dc.press(under.id, p, presser) : dc.pressButton({
          ...presser, messageId: under.id, customId: p.customId, componentType: p.componentType, ...(p.value === undefined ? {} : { values: [p.value] }),
        });
        return settle(h, under.id);
      },
    }));
  };
  return (input, speaker = {}) => settle(dc.slashCommand({ ...whereOf(speaker), ...input }));
}

/** Options of `startDiscordRig`. */
export interface DiscordRigOptions {
  /** Commands added to the shipped list (e.g. an admin-only test command). */
  readonly extra?: readonly Command[];
  /** Channels of the test guild besides C. */
  readonly channels?: readonly { id: string; name: string }[];
  /** The test guild's `preferred_locale` (sent as `guild_locale`); default `en-US`. */
  readonly guildLocale?: string;
  readonly adapter?: Partial<Pick<DiscordAdapterOptions, 'deferAfterMs' | 'log'>>;
  /**
   * HTTP interactions mode: the adapter gets the fake's public key, its route
   * is served by the project's HTTP server, and that URL is saved as the
   * fake's Interactions Endpoint URL (checked as Discord checks it), so every
   * interaction arrives over HTTP and no gateway is opened.
   */
  readonly http?: boolean;
}

/** Serves the adapter's interactions route and saves it as the fake's endpoint URL. */
async function serveInteractions(dc: FakeDiscord, adapter: DiscordAdapter): Promise<HttpServer> {
  const route = adapter.interactionsRoute();
  if (!route) throw new Error('the adapter has no interactions route (no public key)');
  const server = await startHttpServer({
    port: 0, host: '127.0.0.1', routes: { [route.path]: route.handler },
    readiness: { discord: async () => (adapter.ready() ? undefined : adapter.notReadyReason() ?? 'not ready') },
  });
  const check = await dc.setInteractionsEndpoint(`http://127.0.0.1:${server.port}${route.path}`);
  if (!check.ok) { await server.close(); throw new Error(`the fake refused the interactions endpoint: ${check.reason ?? ''}`); }
  return server;
}

/** Starts the fake, the core and the adapter (commands registered in guild G). */
export async function startDiscordRig(options: DiscordRigOptions = {}): Promise<DiscordRig> {
  const dc = await startFakeDiscord({ guilds: [{
    id: G, name: 'Solidarity', channels: [{ id: C, name: 'general' }, ...(options.channels ?? [])],
    ...(options.guildLocale === undefined ? {} : { locale: options.guildLocale }),
  }] });
  const base = await testServices();
  const services: Services = { ...base, commands: [...base.commands, ...(options.extra ?? [])] };
  const dispatcher = new Dispatcher(services);
  const done = new Map<string, InteractionOutcome>();
  const waiting = new Map<string, (o: InteractionOutcome) => void>();
  const adapter = createDiscordAdapter({
    token: dc.token, applicationId: dc.applicationId, guildId: G, apiUrl: dc.restApi, services, languages: dispatcher,
    log: createLogger({ level: 'silent' }),
    ...options.adapter,
    ...(options.http ? { publicKey: dc.publicKey } : {}),
    observe: (o) => { done.set(o.interactionId, o); waiting.get(o.interactionId)?.(o); },
  });
  await adapter.start((inv) => dispatcher.dispatch(inv));
  const http = options.http ? await serveInteractions(dc, adapter) : undefined;
  const observed = (h: InteractionHandle): Promise<InteractionOutcome> =>
    new Promise((resolve) => { const o = done.get(h.id); if (o) resolve(o); else waiting.set(h.id, resolve); });
  // Over HTTP the first answer is the response to Discord's request: the adapter may be done before the fake has read it.
  const answered = async (h: InteractionHandle): Promise<InteractionOutcome> => {
    const outcome = await observed(h);
    if (http && outcome.ok) await dc.waitFor(() => h.responses().some((r) => r.kind === 'callback'), { what: `the HTTP answer to ${h.id}` });
    return outcome;
  };
  const shown = (h: InteractionHandle): MessageRecord[] => dc.channelMessages(String(h.payload.channel_id)).filter((m) => m.interactionId === h.id);
  return {
    dc, adapter, services, answered, shown, ...(http ? { http } : {}),
    converse: conversation(dc, answered, shown),
    close: async () => { await adapter.stop(); await http?.close(); await dc.close(); },
  };
}

/** Log lines written so far (pino JSON), and a logger-destination that collects them. */
export interface LogCapture {
  readonly lines: string[];
  readonly destination: { write(line: string): void };
  /** Parsed lines whose `msg` contains `text`. */
  matching(text: string): Record<string, unknown>[];
}

/** Collects log lines for assertions. */
export function captureLogs(): LogCapture {
  const lines: string[] = [];
  return {
    lines,
    destination: { write: (line: string) => { lines.push(line); } },
    matching: (text) => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => String(l.msg).includes(text)),
  };
}
