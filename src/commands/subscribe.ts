/** /subscribe [HH:MM] [time zone] — anniversary reminders in this chat, at its local hour. */
import { code, errorReply, paragraph, reply, message, text, command, time } from '../rich/build.js';
import type { Reply } from '../rich/model.js';
import { formatDay } from '../time/calendar.js';
import { upcomingReminders } from '../schedule/due.js';
import { describeTimeZone, normalizeClockTime, parseTimeAndZone, resolveTimeZone } from '../time/zones.js';
import { chatKey } from '../chat.js';
import { CHAT_SETTINGS, readChatSettings, type ChatSettings } from '../store/chat-settings.js';
import { clip } from '../text/fold.js';
import { checkedProblemBlocks, checkPosting } from './posting.js';
import type { Command, OptionSpec, OptionValues } from './types.js';

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
  readonly note?: string;
}

/** Checks the `time` and `zone` options; an error reply for a bad one. */
export function readTimeAndZone(options: OptionValues, now: Date): TimeAndZone | Reply {
  const rawTime = options.time === undefined ? undefined : String(options.time).trim();
  const rawZone = options.zone === undefined ? undefined : String(options.zone).trim();
  let time: string | undefined;
  if (rawTime) {
    time = normalizeClockTime(rawTime);
    if (!time) return errorReply(`“${clip(rawTime, 16)}” is not a time of day. Use HH:MM on a 24-hour clock, e.g. `, code('08:30'), '.');
  }
  let zone: string | undefined;
  let note: string | undefined;
  if (rawZone) {
    const found = resolveTimeZone(rawZone, now);
    if ('suggestions' in found) {
      const guess = found.suggestions;
      return errorReply(
        text(found.note ? `${found.note} ` : `Unknown time zone “${clip(rawZone, 40)}”. `),
        ...(guess.length ? [text('Did you mean '), ...guess.flatMap((g, i) => [...(i ? [text(' or ')] : []), code(g)]), text('? ')] : []),
        text('Time zones are IANA names such as '), code('Europe/Berlin'), text(' or '), code('Asia/Almaty'), text('.'),
      );
    }
    zone = found.zone;
    note = found.note;
  }
  return { ...(time ? { time } : {}), ...(zone ? { zone } : {}), ...(note ? { note } : {}) };
}

/** True when `value` is an error reply rather than parsed values. */
export const isReply = (value: TimeAndZone | Reply): value is Reply => 'messages' in value;

export const subscribe: Command = {
  name: 'subscribe',
  access: 'admin',
  options: [
    ...TIME_AND_ZONE_OPTIONS,
    { name: 'channel', type: 'channel', platforms: ['discord'] },
  ],
  parse: parseTimeAndZone,
  async run({ options }, inv, { campaign, store }) {
    const given = readTimeAndZone(options, inv.now);
    if (isReply(given)) return given;
    const before = await readChatSettings(store, inv.chat);
    // Reminders go to the chosen channel, else to this chat (a target chosen earlier is dropped).
    const channel = typeof options.channel === 'string' && options.channel !== inv.chat.chatId ? options.channel : undefined;
    const { targetId: _previous, postingProblem: _flag, threadId: _thread, ...kept } = before ?? {};
    // Asked of the platform before saving, so the answer says exactly what is missing; subscribed anyway,
    // so the reminders start once an admin fixes the rights.
    const problem = await checkPosting(inv, channel);
    const settings: ChatSettings = {
      ...kept,
      subscribed: true,
      kind: inv.chat.kind,
      timeZone: given.zone ?? before?.timeZone ?? campaign.meta.timeZone,
      reminderTime: given.time ?? before?.reminderTime ?? campaign.meta.reminderTime,
      ...(channel ? { targetId: channel } : {}),
      // Sent inside a thread or forum topic: the reminders go there; sent outside one: to the chat itself.
      ...(!channel && inv.chat.threadId !== undefined ? { threadId: inv.chat.threadId } : {}),
      ...(problem ? { postingProblem: { reason: problem.reason, since: inv.now.toISOString() } } : {}),
    };
    await store.set(CHAT_SETTINGS, chatKey(inv.chat), settings);
    const slot = { timeZone: settings.timeZone!, reminderTime: settings.reminderTime! };
    const next = upcomingReminders(campaign.events, slot, inv.now, 1)[0];
    const already = before?.subscribed === true;
    return reply(message(already ? 'Reminders updated' : 'Subscribed to anniversary reminders', [
      ...(given.note ? [paragraph(given.note)] : []),
      paragraph(`${channel ? 'The chosen channel' : 'This chat'} gets a reminder on each anniversary at ${slot.reminderTime}, ${describeTimeZone(slot.timeZone)} time.`),
      ...(next ? [paragraph('The next: ', time(`${formatDay(next.on)}, ${slot.reminderTime}`, next.at), ` — ${next.event.title}.`)] : []),
      ...(problem ? checkedProblemBlocks(problem) : []),
      paragraph('Coming reminders: ', command('/upcoming'), '. Change the time or zone: ', command('/settings'), '. Stop: ', command('/unsubscribe'), '.'),
    ]));
  },
};
