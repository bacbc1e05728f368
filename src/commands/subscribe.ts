/**
 * /subscribe [HH:MM] [time zone] — anniversary reminders in this chat, at its local hour.
 * On Discord also `channel:` (where they go) and `events:` (the server's own scheduled
 * events for the coming anniversaries, kept by the adapter).
 */
import { bold, code, errorReply, paragraph, reply, message, command, time } from '../rich/build.js';
import type { PostingProblem } from '../adapter.js';
import type { Block, Reply, Span } from '../rich/model.js';
import type { Voice } from '../i18n/voice.js';
import { upcomingReminders } from '../schedule/due.js';
import { describeTimeZone, normalizeClockTime, parseTimeAndZone, resolveTimeZone, type ZoneMessage } from '../time/zones.js';
import { chatKey } from '../chat.js';
import { CHAT_SETTINGS, readChatSettings, type ChatSettings, type DiscordEventsSetting } from '../store/chat-settings.js';
import { clip } from '../text/fold.js';
import { checkedProblemBlocks, checkPosting } from './posting.js';
import type { Command, Invocation, OptionSpec, OptionValues } from './types.js';

/** The `time` and `zone` options shared by /subscribe and /settings. */
export const TIME_AND_ZONE_OPTIONS: readonly OptionSpec[] = [
  { name: 'time', type: 'string' },
  { name: 'zone', type: 'string', choices: 'timezones' },
];

/** Validated time and zone, each only when given. */
export interface TimeAndZone {
  readonly time?: string;
  readonly zone?: string;
  /** How the zone was read, when that is worth saying ("“Москва” → Europe/Moscow."). */
  readonly note?: ZoneMessage;
}

/** A sentence about a zone in the voice's language. */
export const zoneText = (voice: Voice, m: ZoneMessage): string => voice.t(m.id, m.args);

/** Text → `time` and `zone` for /subscribe and /settings; a refusal in the voice's language. */
export function parseTimeAndZoneIn(text: string, voice: Voice): OptionValues | string {
  const parsed = parseTimeAndZone(text);
  return 'refused' in parsed ? voice.t(parsed.refused) : parsed;
}

/** "Did you mean A or B?" with each suggested zone as code; nothing without suggestions. */
function guessSpans(voice: Voice, guesses: readonly string[]): Span[] {
  const [a, b, c] = guesses.map(code);
  if (a === undefined) return [];
  return c !== undefined ? voice.rich('zone-guess-3', { a, b: b!, c })
    : b !== undefined ? voice.rich('zone-guess-2', { a, b }) : voice.rich('zone-guess-1', { a });
}

/** Checks the `time` and `zone` options; an error reply for a bad one. */
export function readTimeAndZone(voice: Voice, options: OptionValues, now: Date): TimeAndZone | Reply {
  const rawTime = options.time === undefined ? undefined : String(options.time).trim();
  const rawZone = options.zone === undefined ? undefined : String(options.zone).trim();
  let time: string | undefined;
  if (rawTime) {
    time = normalizeClockTime(rawTime);
    if (!time) return errorReply(...voice.rich('subscribe-bad-time', { given: clip(rawTime, 16), example: code('08:30') }));
  }
  let zone: string | undefined;
  let note: ZoneMessage | undefined;
  if (rawZone) {
    const found = resolveTimeZone(rawZone, now);
    if ('suggestions' in found) {
      const why = found.note ? zoneText(voice, found.note) : voice.t('subscribe-unknown-zone', { given: clip(rawZone, 40) });
      const guesses = guessSpans(voice, found.suggestions);
      return errorReply(
        why, ' ', ...guesses, ...(guesses.length ? [' '] : []),
        ...voice.rich('subscribe-zones-are', { berlin: code('Europe/Berlin'), almaty: code('Asia/Almaty') }),
      );
    }
    zone = found.zone;
    note = found.note;
  }
  return { ...(time ? { time } : {}), ...(zone ? { zone } : {}), ...(note ? { note } : {}) };
}

/** The Discord-only `events` option: the server's own scheduled events for the coming anniversaries. */
const EVENTS_OPTION: OptionSpec = { name: 'events', type: 'boolean', platforms: ['discord'] };

/** The permission those events need, by the name Discord's server settings show. */
const EVENTS_PERMISSION = 'Create Events'; // i18n-exempt: Discord's own name of a permission, as its settings show it

/** `events:` as given: true, false, or undefined when not given. */
const eventsChoice = (value: string | number | undefined): boolean | undefined =>
  value === 'true' ? true : value === 'false' ? false : undefined;

/** Asks the adapter whether the bot may keep the server's events; a check that failed is no problem to report (the sync will tell). */
async function checkEvents(inv: Invocation): Promise<PostingProblem | undefined> {
  try {
    return await inv.checkScheduledEvents?.();
  } catch {
    return undefined;
  }
}

/** What /subscribe keeps about the server's events: as chosen now, else as before. */
function eventsSetting(choice: boolean | undefined, before: DiscordEventsSetting | undefined, problem: PostingProblem | undefined, now: Date): DiscordEventsSetting | undefined {
  if (choice === undefined) return before;
  if (!choice) return { on: false };
  return { on: true, ...(problem ? { problem: { reason: problem.reason, since: now.toISOString() } } : {}) };
}

/** The hint that turns the server's events off (`/subscribe events:false`). */
const eventsOff = (): Span => command(`/subscribe ${EVENTS_OPTION.name}:false`);

/** What /subscribe says of the server's events when `events:` was given (a missing permission in the chat's language, not the platform's). */
function eventsBlocks(voice: Voice, choice: boolean | undefined, problem: PostingProblem | undefined): Block[] {
  if (choice === undefined) return [];
  if (!choice) return [paragraph(voice.t('discord-events-off'))];
  return [
    paragraph(...voice.rich('discord-events-on', { permission: EVENTS_PERMISSION, off: eventsOff() })),
    ...(problem ? [paragraph(...voice.rich('discord-events-missing', {
      lead: bold(voice.t('discord-events-missing-lead')), permission: EVENTS_PERMISSION,
    }))] : []),
  ];
}

/** What /settings says of the server's events while they are on: that they are, and why the bot could not make them, if it could not. */
export function eventsSettingsBlocks(voice: Voice, settings: ChatSettings | undefined): Block[] {
  const events = settings?.discordEvents;
  if (settings?.subscribed !== true || events?.on !== true) return [];
  const flag = events.problem;
  return [
    paragraph(...voice.rich('discord-events-settings', { off: eventsOff() })),
    // The platform's reason is for the logs: a refusal here is always a missing permission, said in the chat's language.
    ...(flag ? [paragraph(...voice.rich('discord-events-flagged', {
      lead: bold(voice.t('discord-events-flagged-lead')), since: flag.since.slice(0, 16).replace('T', ' '), permission: EVENTS_PERMISSION,
    }))] : []),
  ];
}

/** True when `value` is an error reply rather than parsed values. */
export const isReply = (value: TimeAndZone | Reply): value is Reply => 'messages' in value;

export const subscribe: Command = {
  name: 'subscribe',
  access: 'admin',
  options: [
    ...TIME_AND_ZONE_OPTIONS,
    { name: 'channel', type: 'channel', platforms: ['discord'] },
    EVENTS_OPTION,
  ],
  parse: parseTimeAndZoneIn,
  async run({ options, voice }, inv, { campaign, store }) {
    const given = readTimeAndZone(voice, options, inv.now);
    if (isReply(given)) return given;
    const events = eventsChoice(options[EVENTS_OPTION.name]);
    // Scheduled events belong to a server: a DM with the bot has none.
    if (events === true && inv.chat.kind === 'private') {
      return errorReply(...voice.rich('discord-events-in-dm', { subscribe: command(`/subscribe ${EVENTS_OPTION.name}:true`) }));
    }
    const before = await readChatSettings(store, inv.chat);
    // Reminders go to the chosen channel, else to this chat (a target chosen earlier is dropped).
    const channel = typeof options.channel === 'string' && options.channel !== inv.chat.chatId ? options.channel : undefined;
    const { targetId: _previous, postingProblem: _flag, threadId: _thread, discordEvents: eventsBefore, ...kept } = before ?? {};
    // Asked of the platform before saving, so the answer says exactly what is missing; subscribed anyway,
    // so the reminders start once an admin fixes the rights.
    const problem = await checkPosting(inv, channel);
    const eventsProblem = events === true ? await checkEvents(inv) : undefined;
    const discordEvents = eventsSetting(events, eventsBefore, eventsProblem, inv.now);
    const settings: ChatSettings = {
      ...kept,
      subscribed: true,
      kind: inv.chat.kind,
      timeZone: given.zone ?? before?.timeZone ?? campaign.meta.timeZone,
      reminderTime: given.time ?? before?.reminderTime ?? campaign.meta.reminderTime,
      // The platform's language for the chat, for reminders while the chat chose none with /language.
      ...(inv.locale ? { localeHint: inv.locale } : {}),
      ...(channel ? { targetId: channel } : {}),
      // Sent inside a thread or forum topic: the reminders go there; sent outside one: to the chat itself.
      ...(!channel && inv.chat.threadId !== undefined ? { threadId: inv.chat.threadId } : {}),
      ...(problem ? { postingProblem: { reason: problem.reason, since: inv.now.toISOString() } } : {}),
      ...(discordEvents ? { discordEvents } : {}),
    };
    await store.set(CHAT_SETTINGS, chatKey(inv.chat), settings);
    const slot = { timeZone: settings.timeZone!, reminderTime: settings.reminderTime! };
    const next = upcomingReminders(campaign.events, slot, inv.now, 1)[0];
    const already = before?.subscribed === true;
    const zone = zoneText(voice, describeTimeZone(slot.timeZone));
    return reply(message(voice.t(already ? 'subscribe-title-updated' : 'subscribe-title-new'), [
      ...(given.note ? [paragraph(zoneText(voice, given.note))] : []),
      paragraph(voice.t(channel ? 'subscribe-where-channel' : 'subscribe-where-chat', { time: slot.reminderTime, zone })),
      ...(next ? [paragraph(...voice.rich('subscribe-next', {
        when: time(voice.t('time-day-at', { day: voice.day(next.on), time: slot.reminderTime }), next.at), title: next.event.title,
      }))] : []),
      ...(problem ? checkedProblemBlocks(voice, problem) : []),
      ...eventsBlocks(voice, events, eventsProblem),
      paragraph(...voice.rich('subscribe-links', {
        upcoming: command('/upcoming'), settings: command('/settings'), unsubscribe: command('/unsubscribe'),
      })),
    ]));
  },
};
