/** /start — the welcome. */
import { action, command, message, paragraph, reply } from '../rich/build.js';
import type { Command } from './types.js';

/** /start: the welcome, with buttons to the first things to try. */
export const start: Command = {
  name: 'start',
  description: 'Welcome and first steps',
  access: 'everyone',
  cacheable: true,
  options: [],
  run(_args, _inv, { campaign }) {
    return reply(message(campaign.meta.title, [
      paragraph(campaign.meta.summary),
      paragraph('Try ', command('/demands'), ', ', command('/signatories'), ', ', command('/timeline'), ' or ', command('/next'), '. ',
        command('/help'), ' lists every command.'),
    ]), undefined, [
      action('Demands', 'demands'), action('Timeline', 'timeline'), action('Next anniversary', 'next'),
      action('Signatories', 'signatories'), action('Sources', 'sources'), action('All commands', 'help'),
    ]);
  },
};
