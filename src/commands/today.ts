/** /today — what happened on this day, in the chat's time zone, each event one tap from its details. */
import { action, command, heading, italic, message, paragraph, reply } from '../rich/build.js';
import type { Block } from '../rich/model.js';
import { eventsOnThisDay, formatDay, localTime } from '../time/calendar.js';
import { chatTimeZone } from '../store/chat-settings.js';
import type { Command } from './types.js';
import { PAGE_BUDGET, messageLength } from '../present/pages.js';
import { eventLabel, publicRecordNote, sourcesText } from '../present/present.js';
import type { CampaignEvent } from '../content/campaign.js';

/** /today: what happened on this day in the chat’s time zone. */
export const today: Command = {
  name: 'today',
  access: 'everyone',
  options: [],
  async run(_args, inv, { campaign, store }) {
    const zone = await chatTimeZone(store, inv.chat, campaign.meta.timeZone);
    const day = localTime(inv.now, zone);
    const found = eventsOnThisDay(campaign.events, day);
    const when = `${formatDay(day)} (${zone})`;
    if (found.length === 0) {
      return reply(message(`Today, ${when}`, [
        paragraph('Nothing in the timeline happened on this day.'),
        paragraph('The next anniversary: ', command('/next'), '.'),
      ]), undefined, [action('Next anniversary', 'next'), action('Timeline', 'timeline')]);
    }
    const title = `On this day, ${when}`;
    // Where the day is public record but in none of the statements, say so (briefly) under the event.
    const dateNote = (event: CampaignEvent): Block[] => {
      const note = publicRecordNote(campaign, event);
      return note ? [paragraph(italic(note))] : [];
    };
    const headingOf = (years: number, what: string): Block =>
      heading(years === 0 ? `Today: ${what}` : `${years} year${years === 1 ? '' : 's'} ago today: ${what}`);
    const full = found.flatMap(({ event, years }): Block[] => [
      headingOf(years, event.title),
      paragraph(event.summary),
      paragraph(italic(`Sources: ${sourcesText(campaign, event.sources)}`)),
      ...dateNote(event),
    ]);
    // Several long events on one day: titles only, their summaries one tap away.
    const blocks = messageLength(message(title, full)) <= PAGE_BUDGET ? full
      : found.flatMap(({ event, years }) => [headingOf(years, event.title), ...dateNote(event)]);
    return reply(message(title, blocks), undefined, [
      ...found.slice(0, 10).map(({ event }) => action(eventLabel(event), 'timeline', event.id)),
      action('Timeline', 'timeline'),
    ]);
  },
};
