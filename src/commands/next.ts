/** /next — the next anniversary: date, days until, which anniversary, each event one tap from its details. */
import { action, heading, italic, message, paragraph, reply, time } from '../rich/build.js';
import type { Block } from '../rich/model.js';
import { daysBetween, formatDay, localTime, nextAnniversaries, ordinal } from '../time/calendar.js';
import { upcomingReminders } from '../schedule/due.js';
import { readChatSettings } from '../store/chat-settings.js';
import type { Command } from './types.js';
import { PAGE_BUDGET, messageLength } from '../present/pages.js';
import { eventDate, eventLabel, sourcesText } from '../present/present.js';

/** /next: the next anniversary, with a button to each event’s details. */
export const next: Command = {
  name: 'next',
  access: 'everyone',
  options: [],
  async run(_args, inv, { campaign, store }) {
    const settings = await readChatSettings(store, inv.chat);
    const zone = settings?.timeZone ?? campaign.meta.timeZone;
    const today = localTime(inv.now, zone);
    const found = nextAnniversaries(campaign.events.filter((e) => e.remind), today);
    if (!found) return reply(message('Next anniversary', [paragraph('The timeline has no anniversaries to remember.')]));
    const days = daysBetween(today, found.on);
    const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
    const title = `Next anniversary: ${formatDay(found.on)}, ${when}`;
    // The reminder instant, when this chat gets reminders and the next one is for this day.
    const slot = { timeZone: zone, reminderTime: settings?.reminderTime ?? campaign.meta.reminderTime };
    const reminder = settings?.subscribed === true ? upcomingReminders(campaign.events, slot, inv.now, 1)[0] : undefined;
    const footer: Block[] = [
      ...(reminder && daysBetween(reminder.on, found.on) === 0
        ? [paragraph('Reminder in this chat: ', time(`${formatDay(reminder.on)}, ${slot.reminderTime} (${zone})`, reminder.at), '.')]
        : []),
      paragraph(italic(`Dates are in ${zone}.`)),
    ];
    const full = found.items.flatMap(({ event, years }): Block[] => [
      heading(`${ordinal(years)} anniversary: ${event.title} — ${eventDate(campaign, event)}`),
      paragraph(event.summary),
      paragraph(italic(`Sources: ${sourcesText(campaign, event.sources)}`)),
    ]);
    // Several long events on one day: titles only, their summaries one tap away.
    const short = found.items.map(({ event, years }): Block => heading(`${ordinal(years)} anniversary: ${event.title} — ${eventDate(campaign, event)}`));
    const blocks = messageLength(message(title, [...full, ...footer])) <= PAGE_BUDGET ? full : short;
    return reply(message(title, [...blocks, ...footer]), undefined, [
      ...found.items.slice(0, 10).map(({ event }) => action(eventLabel(event), 'timeline', event.id)),
      action('Timeline', 'timeline'),
    ]);
  },
};
