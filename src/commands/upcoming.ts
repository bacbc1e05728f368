/** /upcoming — this chat's next reminders, with local date and time. */
import { bullets, italic, message, paragraph, reply, text, command, time } from '../rich/build.js';
import { dayInStatements } from '../content/queries.js';
import { formatDay, localTime, ordinal } from '../time/calendar.js';
import { upcomingReminders } from '../schedule/due.js';
import { readChatSettings } from '../store/chat-settings.js';
import { flaggedProblemBlocks } from './posting.js';
import type { Command } from './types.js';

/** How many reminders /upcoming lists. */
export const UPCOMING_COUNT = 5;

const pad = (n: number): string => String(n).padStart(2, '0');

/** /upcoming: this chat’s next reminders, saying where an event’s day is not in the statements. */
export const upcoming: Command = {
  name: 'upcoming',
  access: 'admin',
  options: [],
  async run(_args, inv, { campaign, store }) {
    const settings = await readChatSettings(store, inv.chat);
    const slot = {
      timeZone: settings?.timeZone ?? campaign.meta.timeZone,
      reminderTime: settings?.reminderTime ?? campaign.meta.reminderTime,
    };
    const list = upcomingReminders(campaign.events, slot, inv.now, UPCOMING_COUNT);
    const subscribed = settings?.subscribed === true;
    if (list.length === 0) return reply(message('Upcoming reminders', [paragraph('The timeline has no anniversaries to remember.')]));
    const items = list.map((r) => {
      const l = localTime(r.at, slot.timeZone);
      // The event's own date only where it is public record but in none of the statements, to say so.
      const day = dayInStatements(campaign, r.event) ? '' : ` (${formatDay(r.event)}: day not in the statements)`;
      return [time(`${formatDay(r.on)}, ${pad(l.hour)}:${pad(l.minute)}`, r.at), text(` — ${ordinal(r.years)} anniversary: ${r.event.title}${day}`)];
    });
    return reply(message(subscribed ? 'Upcoming reminders' : 'Upcoming reminders (not subscribed)', [
      subscribed
        ? paragraph(`This chat’s next reminders, ${slot.timeZone} time:`)
        : paragraph('This chat is not subscribed. With ', command('/subscribe'), `, it would get these, ${slot.timeZone} time:`),
      bullets(items),
      ...(subscribed ? flaggedProblemBlocks(settings.postingProblem) : []),
      paragraph(italic('Change the time or zone: '), command('/settings'), italic('.')),
    ]));
  },
};
