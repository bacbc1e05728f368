/** /start — the welcome. */
import { action, command, message, paragraph, reply } from '../rich/build.js';
import type { Command } from './types.js';

/** /start: the welcome, with buttons to the first things to try. */
export const start: Command = {
  name: 'start',
  access: 'everyone',
  cacheable: true,
  options: [],
  run({ voice }, _inv, { campaign }) {
    return reply(message(campaign.meta.title, [
      paragraph(campaign.meta.summary),
      paragraph(...voice.rich('start-try', {
        demands: command('/demands'), signatories: command('/signatories'), timeline: command('/timeline'),
        next: command('/next'), help: command('/help'),
      })),
    ]), undefined, [
      action(voice.t('start-demands'), 'demands'), action(voice.t('start-timeline'), 'timeline'),
      action(voice.t('start-next'), 'next'), action(voice.t('start-signatories'), 'signatories'),
      action(voice.t('start-sources'), 'sources'), action(voice.t('start-help'), 'help'),
    ]);
  },
};
