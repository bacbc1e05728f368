/** /settings [time HH:MM] [zone <time zone>] — show or change this chat's reminder time and time zone. */
import { italic, message, paragraph, reply, command } from '../rich/build.js';
import { localTime } from '../time/calendar.js';
import { describeTimeZone } from '../time/zones.js';
import { parseTimeAndZone } from '../time/zones.js';
import { readChatSettings, updateChatSettings, type ChatSettings } from '../store/chat-settings.js';
import type { Campaign } from '../content/campaign.js';
import type { Block } from '../rich/model.js';
import { flaggedProblemBlocks } from './posting.js';
import { isReply, readTimeAndZone, TIME_AND_ZONE_OPTIONS } from './subscribe.js';
import type { Command } from './types.js';

const pad = (n: number): string => String(n).padStart(2, '0');

function describe(campaign: Campaign, settings: ChatSettings | undefined, now: Date): Block[] {
  const zone = describeTimeZone(settings?.timeZone ?? campaign.meta.timeZone);
  const time = settings?.reminderTime ?? campaign.meta.reminderTime;
  const local = localTime(now, settings?.timeZone ?? campaign.meta.timeZone);
  return [
    paragraph(`Time zone: ${zone}${settings?.timeZone ? '' : ' (the campaign’s default)'} — it is ${pad(local.hour)}:${pad(local.minute)} there now.`),
    settings?.subscribed === true
      ? paragraph(`Reminders: on, at ${time} ${zone} time. Coming ones: `, command('/upcoming'), '. Stop: ', command('/unsubscribe'), '.')
      : paragraph(`Reminders: off. `, command('/subscribe'), ` posts them here at ${time} ${zone} time.`),
    ...(settings?.subscribed === true ? flaggedProblemBlocks(settings.postingProblem) : []),
  ];
}

export const settings: Command = {
  name: 'settings',
  access: 'admin',
  options: TIME_AND_ZONE_OPTIONS,
  parse: parseTimeAndZone,
  async run({ options }, inv, { campaign, store }) {
    const given = readTimeAndZone(options, inv.now);
    if (isReply(given)) return given;
    if (given.time === undefined && given.zone === undefined) {
      const current = await readChatSettings(store, inv.chat);
      return reply(message('Settings of this chat', [
        ...describe(campaign, current, inv.now),
        paragraph(italic('Change them: '), command('/settings time 08:30'), italic(', '), command('/settings zone Europe/Berlin'), italic(' or both.')),
      ]));
    }
    const saved = await updateChatSettings(store, inv.chat, { timeZone: given.zone, reminderTime: given.time, kind: inv.chat.kind });
    return reply(message('Settings saved', [...(given.note ? [paragraph(given.note)] : []), ...describe(campaign, saved, inv.now)]));
  },
};
