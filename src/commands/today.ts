/** /today — what happened on this day, in the chat's time zone. */
import { code, heading, italic, message, paragraph, reply } from '../rich/build.js';
import type { Block } from '../rich/model.js';
import { eventsOnThisDay, formatDay, localTime } from '../schedule/calendar.js';
import { chatTimeZone } from '../store/chat-settings.js';
import type { Command } from './types.js';
import { sourcesText } from './present.js';

export const today: Command = {
  name: 'today',
  description: 'What happened on this day, in this chat’s time zone',
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
        paragraph('The next anniversary: ', code('/next'), '.'),
      ]));
    }
    const blocks: Block[] = found.flatMap(({ event, years }) => [
      heading(years === 0 ? `Today: ${event.title}` : `${years} year${years === 1 ? '' : 's'} ago today: ${event.title}`),
      paragraph(event.summary),
      paragraph(italic(`Sources: ${sourcesText(campaign, event.sources)}`)),
    ]);
    return reply(message(`On this day, ${when}`, blocks));
  },
};
