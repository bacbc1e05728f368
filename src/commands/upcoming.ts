/** /upcoming — this chat's next reminders, with local date and time. */
import { bullets, italic, message, paragraph, reply, text, command, time } from '../rich/build.js';
import type { Span } from '../rich/model.js';
import { dayInStatements } from '../content/queries.js';
import { formatClockTime, localTime } from '../time/calendar.js';
import { upcomingReminders } from '../schedule/due.js';
import { readChatSettings } from '../store/chat-settings.js';
import { flaggedProblemBlocks } from './posting.js';
import type { Command } from './types.js';

/** How many reminders /upcoming lists. */
export const UPCOMING_COUNT = 5;

/** The words of a rich message in italics, its commands as they are. */
const italics = (spans: readonly Span[]): Span[] => spans.map((s) => (s.command ? s : italic(s.text)));

/** /upcoming: this chat’s next reminders, saying where an event’s day is not in the statements. */
export const upcoming: Command = {
  name: 'upcoming',
  access: 'admin',
  options: [],
  async run({ voice }, inv, { campaign, store }) {
    const settings = await readChatSettings(store, inv.chat);
    const slot = {
      timeZone: settings?.timeZone ?? campaign.meta.timeZone,
      reminderTime: settings?.reminderTime ?? campaign.meta.reminderTime,
    };
    const list = upcomingReminders(campaign.events, slot, inv.now, UPCOMING_COUNT);
    const subscribed = settings?.subscribed === true;
    if (list.length === 0) return reply(message(voice.t('upcoming-title'), [paragraph(voice.t('time-no-anniversaries'))]));
    const items = list.map((r) => {
      const when = voice.t('time-day-at', { day: voice.day(r.on), time: formatClockTime(localTime(r.at, slot.timeZone)) });
      // The event's own date only where it is public record but in none of the statements, to say so.
      const what = dayInStatements(campaign, r.event)
        ? voice.t('upcoming-anniversary', { years: r.years, title: r.event.title })
        : voice.t('upcoming-anniversary-day', { years: r.years, title: r.event.title, day: voice.day(r.event) });
      return [time(when, r.at), text(` — ${what}`)];
    });
    return reply(message(voice.t(subscribed ? 'upcoming-title' : 'upcoming-title-unsubscribed'), [
      subscribed
        ? paragraph(voice.t('upcoming-intro', { zone: slot.timeZone }))
        : paragraph(...voice.rich('upcoming-intro-unsubscribed', { subscribe: command('/subscribe'), zone: slot.timeZone })),
      bullets(items),
      ...(subscribed ? flaggedProblemBlocks(voice, settings.postingProblem) : []),
      paragraph(...italics(voice.rich('time-change', { settings: command('/settings') }))),
    ]));
  },
};
