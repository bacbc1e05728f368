/** /settings [time HH:MM] [zone <time zone>] — show or change this chat's reminder time and time zone. */
import { italic, message, paragraph, reply, command } from '../rich/build.js';
import { formatClockTime, localTime } from '../time/calendar.js';
import { describeTimeZone } from '../time/zones.js';
import { readChatSettings, updateChatSettings, type ChatSettings } from '../store/chat-settings.js';
import type { Campaign } from '../content/campaign.js';
import type { Voice } from '../i18n/voice.js';
import type { Block, Span } from '../rich/model.js';
import { flaggedProblemBlocks } from './posting.js';
import { eventsSettingsBlocks, isReply, parseTimeAndZoneIn, readTimeAndZone, TIME_AND_ZONE_OPTIONS, zoneText } from './subscribe.js';
import type { Command } from './types.js';

/** The words of a rich message in italics, its commands as they are. */
const italics = (spans: readonly Span[]): Span[] => spans.map((s) => (s.command ? s : italic(s.text)));

function describe(voice: Voice, campaign: Campaign, settings: ChatSettings | undefined, now: Date): Block[] {
  const zone = zoneText(voice, describeTimeZone(settings?.timeZone ?? campaign.meta.timeZone));
  const time = settings?.reminderTime ?? campaign.meta.reminderTime;
  const local = formatClockTime(localTime(now, settings?.timeZone ?? campaign.meta.timeZone));
  return [
    paragraph(voice.t(settings?.timeZone ? 'settings-zone' : 'settings-zone-default', { zone, now: local })),
    settings?.subscribed === true
      ? paragraph(...voice.rich('settings-on', { time, zone, upcoming: command('/upcoming'), unsubscribe: command('/unsubscribe') }))
      : paragraph(...voice.rich('settings-off', { time, zone, subscribe: command('/subscribe') })),
    ...(settings?.subscribed === true ? flaggedProblemBlocks(voice, settings.postingProblem) : []),
    ...eventsSettingsBlocks(voice, settings),
  ];
}

export const settings: Command = {
  name: 'settings',
  access: 'admin',
  options: TIME_AND_ZONE_OPTIONS,
  parse: parseTimeAndZoneIn,
  async run({ options, voice }, inv, { campaign, store }) {
    const given = readTimeAndZone(voice, options, inv.now);
    if (isReply(given)) return given;
    if (given.time === undefined && given.zone === undefined) {
      const current = await readChatSettings(store, inv.chat);
      return reply(message(voice.t('settings-title'), [
        ...describe(voice, campaign, current, inv.now),
        paragraph(...italics(voice.rich('settings-change', {
          time: command(voice.t('settings-example-time')), zone: command(voice.t('settings-example-zone')),
        }))),
      ]));
    }
    const saved = await updateChatSettings(store, inv.chat, { timeZone: given.zone, reminderTime: given.time, kind: inv.chat.kind });
    return reply(message(voice.t('settings-saved'), [
      ...(given.note ? [paragraph(zoneText(voice, given.note))] : []),
      ...describe(voice, campaign, saved, inv.now),
    ]));
  },
};
