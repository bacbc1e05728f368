/** /today — what happened on this day, in the chat's time zone, each event one tap from its details. */
import { action, command, heading, italic, message, paragraph, reply } from '../rich/build.js';
import type { Block } from '../rich/model.js';
import { eventsOnThisDay, localTime } from '../time/calendar.js';
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
  async run({ voice }, inv, { campaign, store }) {
    const zone = await chatTimeZone(store, inv.chat, campaign.meta.timeZone);
    const day = localTime(inv.now, zone);
    const found = eventsOnThisDay(campaign.events, day);
    const when = { day: voice.day(day), zone };
    const timelineButton = action(voice.t('timeline-button'), 'timeline');
    if (found.length === 0) {
      return reply(message(voice.t('today-title-none', when), [
        paragraph(voice.t('today-nothing')),
        paragraph(...voice.rich('today-next', { next: command('/next') })),
      ]), undefined, [action(voice.t('next-button'), 'next'), timelineButton]);
    }
    const title = voice.t('today-title', when);
    // Where the day is public record but in none of the statements, say so (briefly) under the event.
    const dateNote = (event: CampaignEvent): Block[] => {
      const note = publicRecordNote(voice, campaign, event);
      return note ? [paragraph(italic(note))] : [];
    };
    const headingOf = (years: number, what: string): Block =>
      heading(years === 0 ? voice.t('today-heading-same', { title: what }) : voice.t('today-heading-years', { years, title: what }));
    const full = found.flatMap(({ event, years }): Block[] => [
      headingOf(years, event.title),
      paragraph(event.summary),
      paragraph(italic(voice.t('time-sources', { sources: sourcesText(campaign, event.sources) }))),
      ...dateNote(event),
    ]);
    // Several long events on one day: titles only, their summaries one tap away.
    const blocks = messageLength(message(title, full)) <= PAGE_BUDGET ? full
      : found.flatMap(({ event, years }) => [headingOf(years, event.title), ...dateNote(event)]);
    return reply(message(title, blocks), undefined, [
      ...found.slice(0, 10).map(({ event }) => action(eventLabel(voice, event), 'timeline', event.id)),
      timelineButton,
    ]);
  },
};
