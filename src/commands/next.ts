/** /next — the next anniversary: date, days until, which anniversary. */
import { heading, italic, message, paragraph, reply } from '../rich/build.js';
import { daysBetween, formatDay, localTime, nextAnniversaries, ordinal } from '../schedule/calendar.js';
import { chatTimeZone } from '../store/chat-settings.js';
import type { Command } from './types.js';
import { sourcesText } from './present.js';

export const next: Command = {
  name: 'next',
  description: 'The next anniversary and how many days until it',
  access: 'everyone',
  options: [],
  async run(_args, inv, { campaign, store }) {
    const zone = await chatTimeZone(store, inv.chat, campaign.meta.timeZone);
    const today = localTime(inv.now, zone);
    const found = nextAnniversaries(campaign.events.filter((e) => e.remind), today);
    if (!found) return reply(message('Next anniversary', [paragraph('The timeline has no anniversaries to remember.')]));
    const days = daysBetween(today, found.on);
    const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
    return reply(message(`Next anniversary: ${formatDay(found.on)}, ${when}`, found.items.flatMap(({ event, years }) => [
      heading(`${ordinal(years)} anniversary: ${event.title} (${formatDay(event)})`),
      paragraph(event.summary),
      paragraph(italic(`Sources: ${sourcesText(campaign, event.sources)}`)),
    ]).concat(paragraph(italic(`Dates are in ${zone}.`)))));
  },
};
