/** /next — the next anniversary: date, days until, which anniversary, each event one tap from its details. */
import { action, heading, italic, message, paragraph, reply, time } from '../rich/build.js';
import type { Block } from '../rich/model.js';
import type { CampaignEvent } from '../content/campaign.js';
import { daysBetween, localTime, nextAnniversaries, type Anniversary } from '../time/calendar.js';
import { upcomingReminders } from '../schedule/due.js';
import { readChatSettings } from '../store/chat-settings.js';
import type { Command } from './types.js';
import { PAGE_BUDGET, messageLength } from '../present/pages.js';
import { eventDate, eventLabel, sourcesText } from '../present/present.js';

/** The events with reminders, kept per frozen event list: the same filter ran on every /next. */
const rememberedBy = new WeakMap<readonly CampaignEvent[], readonly CampaignEvent[]>();
const remembered = (events: readonly CampaignEvent[]): readonly CampaignEvent[] => {
  if (!Object.isFrozen(events)) return events.filter((e) => e.remind);
  let kept = rememberedBy.get(events);
  if (kept === undefined) rememberedBy.set(events, (kept = events.filter((e) => e.remind)));
  return kept;
};

/** /next: the next anniversary, with a button to each event’s details. */
export const next: Command = {
  name: 'next',
  access: 'everyone',
  options: [],
  async run({ voice }, inv, { campaign, store }) {
    const settings = await readChatSettings(store, inv.chat);
    const zone = settings?.timeZone ?? campaign.meta.timeZone;
    const today = localTime(inv.now, zone);
    const found = nextAnniversaries(remembered(campaign.events), today);
    if (!found) return reply(message(voice.t('next-title-none'), [paragraph(voice.t('time-no-anniversaries'))]));
    const title = voice.t('next-title', { day: voice.day(found.on), days: daysBetween(today, found.on) });
    // The reminder instant, when this chat gets reminders and the next one is for this day.
    const slot = { timeZone: zone, reminderTime: settings?.reminderTime ?? campaign.meta.reminderTime };
    const reminder = settings?.subscribed === true ? upcomingReminders(campaign.events, slot, inv.now, 1)[0] : undefined;
    const footer: Block[] = [
      ...(reminder && daysBetween(reminder.on, found.on) === 0
        ? [paragraph(...voice.rich('next-reminder', {
          when: time(voice.t('time-day-at-zone', { day: voice.day(reminder.on), time: slot.reminderTime, zone }), reminder.at),
        }))]
        : []),
      paragraph(italic(voice.t('next-zone', { zone }))),
    ];
    // Each heading once: the short answer reuses the full answer's headings.
    const short = found.items.map(({ event, years }: Anniversary): Block =>
      heading(voice.t('next-anniversary', { years, title: event.title, date: eventDate(voice, campaign, event) })));
    const full = found.items.flatMap((item, i): Block[] => [
      short[i]!,
      paragraph(item.event.summary),
      paragraph(italic(voice.t('time-sources', { sources: sourcesText(campaign, item.event.sources) }))),
    ]);
    // Several long events on one day: titles only, their summaries one tap away.
    const blocks = messageLength(message(title, [...full, ...footer])) <= PAGE_BUDGET ? full : short;
    return reply(message(title, [...blocks, ...footer]), undefined, [
      ...found.items.slice(0, 10).map(({ event }) => action(eventLabel(voice, event), 'timeline', event.id)),
      action(voice.t('timeline-button'), 'timeline'),
    ]);
  },
};
