/**
 * Discord scheduled events for the coming anniversaries, kept in step
 * (`/subscribe events:true`). For each server where a subscribed chat turned
 * them on, the server's Events list the anniversaries of the next weeks
 * (see `scheduled-events-plan.ts`), in the language, zone and reminder time
 * of that chat (of the first by id when several chats of one server did).
 *
 * When: a round a few seconds after start, then every few hours, and one
 * for a chat's server just after a command that may change its plan
 * (/subscribe, /settings, /unsubscribe, /language) ran on this instance.
 * Rounds never overlap in a process; instances share the store, whose
 * records and claims make each event once.
 *
 * A refusal for missing rights flags the server's chats (`/settings` shows
 * it) and is logged once until it is fixed; nothing here throws or retries
 * in a loop: the next round tries again.
 */
import type { Client, REST } from 'discord.js';
import type { InvocationHandler, PostingProblem } from '../../src/adapter.js';
import type { Services } from '../../src/commands/types.js';
import type { Logger } from '../../src/log.js';
import { CHAT_SETTINGS, type ChatSettings } from '../../src/store/chat-settings.js';
import { describeError } from './classify.js';
import { eventsProblem, guildPermissions, guildResolver, type GuildOf } from './scheduled-events-access.js';
import { syncGuild, type GuildOutcome, type SyncCounts } from './scheduled-events-guild.js';
import { planEvents } from './scheduled-events-plan.js';
import { guildsWithRecords } from './scheduled-events-store.js';

/** Options of {@link ScheduledEventsSync}. */
export interface ScheduledEventsOptions {
  /** The REST client (a create is tried once per round: no retries of its own). */
  readonly rest: REST;
  /** Set on the client before each round (@discordjs/rest forgets its token after a 401). */
  readonly token?: string;
  readonly services: Pick<Services, 'campaign' | 'store' | 'translator' | 'publicUrl'>;
  readonly log: Logger;
  /** The bot's user id. */
  readonly botId: () => Promise<string>;
  /** The gateway client, when there is one (its cache knows the channels' servers). */
  readonly client?: () => Client | undefined;
  /** Between rounds. Default 6 hours. */
  readonly intervalMs?: number;
  /** From `start` to the first round. Default 10 s. */
  readonly firstRunMs?: number;
  /** From a command to its server's round. Default 1 s (commands in a burst make one round). */
  readonly soonMs?: number;
  /** Events start at least this long after a round (Discord refuses a start in the past). Default 2 minutes. */
  readonly leadMs?: number;
  readonly now?: () => Date;
}

/** What a round did, in all servers. */
export interface SyncSummary extends SyncCounts {
  readonly guilds: number;
  forbidden: number;
  failed: number;
}

/** A chat that keeps its server's events, with its settings. */
interface EventsChat { readonly chatId: string; readonly settings: ChatSettings }

/** Commands after which a chat's server is synced at once. */
const PLAN_COMMANDS: ReadonlySet<string> = new Set(['subscribe', 'settings', 'unsubscribe', 'language']);

/** Snowflakes in numeric order (shorter first), so the same chat speaks for a server in every instance. */
const bySnowflake = (a: EventsChat, b: EventsChat): number => a.chatId.length - b.chatId.length || (a.chatId < b.chatId ? -1 : a.chatId > b.chatId ? 1 : 0);

/** Keeps the scheduled events of every server whose chats asked for them. */
export class ScheduledEventsSync {
  private readonly guildOf: GuildOf;
  private timer: NodeJS.Timeout | undefined;
  private readonly soonTimers = new Map<string, NodeJS.Timeout>();
  private running: Promise<unknown> = Promise.resolve();
  /** Set by `stop` (rounds end early, no more timers), cleared by `start`. */
  private stopped = false;
  /** Servers whose refusal was logged (again only after it was fixed). */
  private readonly refused = new Set<string>();

  constructor(private readonly options: ScheduledEventsOptions) {
    this.guildOf = guildResolver(options.rest, options.client ?? (() => undefined));
  }

  /** Starts the rounds: the first soon, then every few hours. */
  start(): void {
    this.stopped = false;
    this.schedule(this.options.firstRunMs ?? 10_000);
  }

  /** Stops the rounds and waits for the one running. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const t of this.soonTimers.values()) clearTimeout(t);
    this.soonTimers.clear();
    await this.running.catch(() => undefined);
  }

  /** One round over every server (after the one running). */
  sync(): Promise<SyncSummary> {
    return this.serial(() => this.round());
  }

  /** One round for the server of a chat (a channel); nothing for a chat that never chose `events:`, a DM or a channel the bot cannot see. */
  syncChat(chatId: string): Promise<SyncSummary> {
    return this.serial(async () => {
      const settings = await this.options.services.store.get<ChatSettings>(CHAT_SETTINGS, `discord:${chatId}`);
      if (settings?.discordEvents === undefined) return summary(0);
      const guildId = await this.guildOf(chatId);
      return guildId === null ? summary(0) : this.round(guildId);
    });
  }

  /**
   * Whether the bot may keep scheduled events in a chat's server, asked
   * over REST (for `/subscribe events:true`).
   *
   * @throws when Discord cannot be asked
   */
  async check(chatId: string): Promise<PostingProblem | undefined> {
    const guildId = await this.guildOf(chatId);
    if (guildId === null) return undefined;
    return eventsProblem(await guildPermissions(this.options.rest, guildId, await this.options.botId()));
  }

  /**
   * The handler with the adapter's side of `events:` added: invocations
   * from a server's channel can check the permission, and a command that may
   * change the plan has the chat's server synced right after it.
   */
  wrap(handler: InvocationHandler): InvocationHandler {
    return async (invocation) => {
      const { chat } = invocation;
      const inServer = chat.platform === 'discord' && chat.kind !== 'private';
      const reply = await handler(inServer ? { ...invocation, checkScheduledEvents: () => this.check(chat.chatId) } : invocation);
      if (inServer && PLAN_COMMANDS.has(invocation.command)) this.soon(chat.chatId);
      return reply;
    };
  }

  /** A round for a chat's server shortly (repeats within the delay make one). */
  private soon(chatId: string): void {
    if (this.stopped || this.soonTimers.has(chatId)) return;
    const timer = setTimeout(() => {
      this.soonTimers.delete(chatId);
      if (!this.stopped) void this.syncChat(chatId);
    }, this.options.soonMs ?? 1000);
    timer.unref();
    this.soonTimers.set(chatId, timer);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.sync().finally(() => this.schedule(this.options.intervalMs ?? 6 * 3_600_000));
    }, ms);
    this.timer.unref();
  }

  /** Runs `work` after the round running now; never rejects (a failed round is logged). */
  private serial(work: () => Promise<SyncSummary>): Promise<SyncSummary> {
    const next = this.running.then(work).catch((error: unknown) => {
      this.options.log.warn({ platform: 'discord', error: describeError(error) }, 'scheduled events: round failed');
      return summary(0);
    });
    this.running = next;
    return next;
  }

  /** The chats that keep their server's events, by server. `complete` is false when some chat's server could not be asked. */
  private async eventsChats(): Promise<{ byGuild: Map<string, EventsChat[]>; complete: boolean }> {
    const byGuild = new Map<string, EventsChat[]>();
    let complete = true;
    for await (const [key, settings] of this.options.services.store.entries<ChatSettings>(CHAT_SETTINGS, 'discord:')) {
      if (settings?.subscribed !== true || settings.discordEvents?.on !== true || settings.kind === 'private') continue;
      const chatId = key.slice('discord:'.length);
      let guildId: string | null;
      try {
        guildId = await this.guildOf(chatId);
      } catch {
        complete = false;
        continue;
      }
      if (guildId === null) continue;
      byGuild.set(guildId, [...(byGuild.get(guildId) ?? []), { chatId, settings }]);
    }
    for (const chats of byGuild.values()) chats.sort(bySnowflake);
    return { byGuild, complete };
  }

  /** One round: every server with chats or records (or only `only`). */
  private async round(only?: string): Promise<SyncSummary> {
    const { store, campaign, translator, publicUrl } = this.options.services;
    if (this.options.token !== undefined) this.options.rest.setToken(this.options.token);
    const now = this.options.now?.() ?? new Date();
    const from = new Date(now.getTime() + (this.options.leadMs ?? 120_000));
    const { byGuild, complete } = await this.eventsChats();
    // A server none of whose chats could be told is not emptied on a guess: only when every chat was.
    const guilds = only !== undefined ? [only] : [...new Set([...byGuild.keys(), ...(complete ? await guildsWithRecords(store) : [])])];
    const done = summary(guilds.length);
    if (guilds.length === 0) return done;
    const ctx = { rest: this.options.rest, store, botId: await this.options.botId(), now, from };
    for (const guildId of guilds) {
      if (this.stopped) break;
      const chats = byGuild.get(guildId) ?? [];
      const owner = chats[0]?.settings;
      const plan = owner === undefined ? undefined : planEvents({
        campaign, settings: owner, from, ...(translator ? { translator } : {}), ...(publicUrl ? { publicUrl } : {}),
      });
      const outcome = await syncGuild(ctx, guildId, plan);
      await this.report(guildId, chats, outcome, now);
      add(done, outcome);
    }
    return done;
  }

  /** Flags or clears the server's chats and logs what changed. */
  private async report(guildId: string, chats: readonly EventsChat[], outcome: GuildOutcome, now: Date): Promise<void> {
    const { log } = this.options;
    const { counts } = outcome;
    if (counts.created + counts.adopted + counts.updated + counts.deleted > 0) log.info({ platform: 'discord', guild: guildId, ...counts }, 'scheduled events updated');
    if (outcome.kind === 'failed') {
      log.warn({ platform: 'discord', guild: guildId, error: describeError(outcome.error) }, 'scheduled events: Discord did not take them; next round tries again');
      return;
    }
    if (outcome.kind === 'gone') {
      log.info({ platform: 'discord', guild: guildId }, 'scheduled events: the bot is no longer in that server; forgot its events');
      return;
    }
    if (outcome.kind === 'forbidden') {
      if (!this.refused.has(guildId)) log.warn({ platform: 'discord', guild: guildId, reason: outcome.reason }, 'scheduled events: the bot lacks Create Events in that server');
      this.refused.add(guildId);
    } else this.refused.delete(guildId);
    const problem = outcome.kind === 'forbidden' ? outcome.reason : undefined;
    for (const chat of chats) await this.flag(chat.chatId, problem, now);
  }

  /** Sets or clears a chat's flag, keeping the first `since` while it stays flagged; not for a chat that turned the events off meanwhile. */
  private async flag(chatId: string, reason: string | undefined, now: Date): Promise<void> {
    const { store } = this.options.services;
    const key = `discord:${chatId}`;
    const current = await store.get<ChatSettings>(CHAT_SETTINGS, key);
    const events = current?.discordEvents;
    if (current === undefined || events?.on !== true) return;
    if (reason === undefined ? events.problem === undefined : events.problem !== undefined) return;
    const discordEvents = reason === undefined ? { on: true } : { on: true, problem: { reason, since: now.toISOString() } };
    await store.set(CHAT_SETTINGS, key, { ...current, discordEvents });
  }
}

/** An empty summary over `guilds` servers. */
function summary(guilds: number): SyncSummary {
  return { guilds, created: 0, adopted: 0, updated: 0, deleted: 0, forbidden: 0, failed: 0 };
}

/** Adds a server's outcome to a round's summary. */
function add(to: SyncSummary, outcome: GuildOutcome): void {
  to.created += outcome.counts.created;
  to.adopted += outcome.counts.adopted;
  to.updated += outcome.counts.updated;
  to.deleted += outcome.counts.deleted;
  if (outcome.kind === 'forbidden') to.forbidden += 1;
  if (outcome.kind === 'failed') to.failed += 1;
}
